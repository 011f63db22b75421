import { HttpApiBuilder } from "@effect/platform"
import { Effect } from "effect"
import { EventStore } from "../../application/EventStore.ts"
import { EventIds } from "../../application/EventIds.ts"
import * as Idempotency from "../../application/Idempotency.ts"
import * as Owners from "../../application/Owners.ts"
import { StrataApi } from "./Api.ts"
import { metadata, requireAdmin } from "./Auth.ts"
import { createKey } from "./KeysHttp.ts"
import { Problem } from "./Problem.ts"
import { millis } from "./Requests.ts"
import { orProblem } from "./toProblem.ts"

const maxPage = 1_000

export const AdminLive = HttpApiBuilder.group(StrataApi, "admin", (handlers) =>
  handlers
    .handle("createKey", ({ payload: { owner, ...key } }) => Effect.zipRight(requireAdmin, createKey(owner, key)))
    .handle("forgetOwner", ({ path }) =>
      Effect.gen(function*() {
        yield* requireAdmin
        const recorded = yield* metadata
        const idempotency = recorded.idempotency
        if (idempotency === undefined) return yield* Owners.forget(path.owner, recorded).pipe(orProblem())
        // Forgetting again destroys nothing more; the event that records it is written once.
        if (yield* Idempotency.sentBefore(idempotency).pipe(orProblem())) return
        yield* Owners.forget(path.owner, Idempotency.eventMetadata(recorded)).pipe(
          Effect.provideService(EventIds, Idempotency.eventIds(idempotency)),
          Effect.catchTag("DuplicateEventId", () => new Idempotency.IdempotencyKeyReused()),
          orProblem()
        )
      }))
    .handle("audit", ({ urlParams }) =>
      Effect.gen(function*() {
        yield* requireAdmin
        const limit = urlParams.limit ?? 100
        if (!(Number.isInteger(limit) && limit >= 1 && limit <= maxPage)) {
          return yield* Problem.badRequest(`limit must be a whole number from 1 to ${maxPage}`)
        }
        // Validated, then passed on as given: recorded-at times compare as ISO text.
        if (urlParams.from !== undefined) yield* millis("from", urlParams.from)
        if (urlParams.to !== undefined) yield* millis("to", urlParams.to)
        const events = yield* Effect.flatMap(EventStore, (store) =>
          store.query({
            after: urlParams.after ?? 0,
            limit,
            ...(urlParams.stream === undefined ? {} : { streamId: urlParams.stream }),
            ...(urlParams.type === undefined ? {} : { type: urlParams.type }),
            ...(urlParams.actor === undefined ? {} : { actor: urlParams.actor }),
            ...(urlParams.from === undefined ? {} : { from: new Date(urlParams.from).toISOString() }),
            ...(urlParams.to === undefined ? {} : { to: new Date(urlParams.to).toISOString() })
          })).pipe(orProblem())
        const last = events[events.length - 1]
        return { events, ...(events.length === limit && last ? { next: last.position } : {}) }
      })))
