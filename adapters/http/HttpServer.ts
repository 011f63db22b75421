import { HttpApiBuilder, HttpApiError, HttpMiddleware } from "@effect/platform"
import { BunHttpServer } from "@effect/platform-bun"
import { Effect, Layer } from "effect"
import { EventStore } from "../../application/EventStore.ts"
import { StrataApi } from "./Api.ts"

const OperationsLive = HttpApiBuilder.group(StrataApi, "operations", (handlers) =>
  handlers
    .handle("health", () => Effect.succeed({ status: "ok" as const }))
    .handle("ready", () =>
      Effect.flatMap(EventStore, (store) => store.head).pipe(
        Effect.map((head) => ({ status: "ready" as const, head })),
        Effect.catchTag("StoreUnavailable", () => new HttpApiError.ServiceUnavailable())
      )))

export const ApiLive = HttpApiBuilder.api(StrataApi).pipe(Layer.provide(OperationsLive))

export interface ServeOptions {
  readonly hostname: string
  readonly port: number
}

/** Serves the API with Bun; the store comes from the composition root. */
export const layer = (options: ServeOptions) =>
  HttpApiBuilder.serve(HttpMiddleware.logger).pipe(
    Layer.provide(ApiLive),
    Layer.provide(BunHttpServer.layer({ hostname: options.hostname, port: options.port }))
  )
