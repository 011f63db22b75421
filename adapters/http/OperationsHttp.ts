import { HttpApiBuilder } from "effect/http-api"
import { Context, Effect, Option } from "effect"
import { cutoverStatus } from "../../application/cutover/cutoverStatus.ts"
import { EventStore } from "../../application/ports/EventStore.ts"
import { ServingStore } from "../../application/cutover/ServingStore.ts"
import * as DatabaseUrl from "../DatabaseUrl.ts"
import { StrataApi } from "./Api.ts"
import { orProblem } from "./toProblem.ts"

/** A cutover this process follows, as `/ready` tells it (its lag only when both sides answer). */
export const cutoverReadiness = Effect.gen(function*() {
  const serving = yield* Effect.serviceOption(ServingStore)
  if (Option.isNone(serving)) return undefined
  const record = serving.value.cutover()
  const { origin, target } = serving.value.sides()
  if (record === undefined || target === undefined) return undefined
  const status = yield* cutoverStatus({ origin, target }).pipe(Effect.option)
  const lag = Option.getOrUndefined(status)?.lag
  return { id: record.id, phase: record.phase, target: DatabaseUrl.withoutCredentials(record.targetLabel), mirroring: serving.value.mirroring(), ...(lag ? { lag } : {}) }
})

/** The database the server was started with, as `/ready` shows it (without credentials); unset in tests. */
export const servedDatabase = Context.Reference<string | undefined>("strata/http/ServedDatabase", { defaultValue: () => undefined })

export const OperationsLive = HttpApiBuilder.group(StrataApi, "operations", (handlers) =>
  handlers
    .handle("health", () => Effect.succeed({ status: "ok" as const }))
    .handle("ready", () =>
      Effect.gen(function*() {
        const head = yield* Effect.flatMap(Effect.service(EventStore), (store) => store.head)
        const cutover = yield* cutoverReadiness
        const database = yield* servedDatabase
        return { status: "ready" as const, head, ...(database ? { database } : {}), ...(cutover ? { cutover } : {}) }
      }).pipe(orProblem())))
