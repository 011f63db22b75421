import { HttpApi, HttpApiEndpoint, HttpApiError, HttpApiGroup } from "@effect/platform"
import { Schema } from "effect"

export const Health = Schema.Struct({ status: Schema.Literal("ok") })

export const Readiness = Schema.Struct({
  status: Schema.Literal("ready"),
  /** The log's head position. */
  head: Schema.Number
})

export class OperationsApi extends HttpApiGroup.make("operations")
  .add(HttpApiEndpoint.get("health", "/health").addSuccess(Health))
  .add(HttpApiEndpoint.get("ready", "/ready").addSuccess(Readiness).addError(HttpApiError.ServiceUnavailable))
{}

/** The HTTP API of strata: every request and response described by a Schema. */
export class StrataApi extends HttpApi.make("strata").add(OperationsApi) {}
