import { HttpApiBuilder } from "@effect/platform"
import { Effect } from "effect"
import { EventStore } from "../../application/EventStore.ts"
import { StrataApi } from "./Api.ts"
import { orProblem } from "./toProblem.ts"

export const OperationsLive = HttpApiBuilder.group(StrataApi, "operations", (handlers) =>
  handlers
    .handle("health", () => Effect.succeed({ status: "ok" as const }))
    .handle("ready", () =>
      Effect.flatMap(EventStore, (store) => store.head).pipe(
        Effect.map((head) => ({ status: "ready" as const, head })),
        orProblem()
      )))
