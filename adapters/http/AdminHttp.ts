import { HttpApiBuilder } from "effect/http-api"
import { Effect } from "effect"
import { EventStore } from "../../application/ports/EventStore.ts"
import { EventIds } from "../../application/ports/EventIds.ts"
import * as Idempotency from "../../application/eventsourcing/Idempotency.ts"
import * as Owners from "../../application/features/Owners.ts"
import { StrataApi } from "./Api.ts"
import { adminActsOn, metadata, requireAdmin } from "./Auth.ts"
import { createKey } from "./KeysHttp.ts"
import { Problem } from "./Problem.ts"
import { millis } from "./Requests.ts"
import { orProblem } from "./toProblem.ts"

const maxPage = 1_000

export const AdminLive = HttpApiBuilder.group(StrataApi, "admin", (handlers) =>
  handlers
    .handle("createKey", ({ payload: { owner, ...key } }) =>
      Effect.andThen(requireAdmin, createKey(owner, key).pipe(Effect.provideService(adminActsOn, owner))))
    .handle("forgetOwner", ({ params }) =>
      Effect.gen(function*() {
        yield* requireAdmin
        const recorded = yield* metadata
        const idempotency = recorded.idempotency
        if (idempotency === undefined) return yield* Owners.forget(params.owner, recorded).pipe(orProblem())
        // Forgetting again destroys nothing more; the event that records it is written once.
        if (yield* Idempotency.sentBefore(idempotency).pipe(orProblem())) return
        yield* Owners.forget(params.owner, Idempotency.eventMetadata(recorded)).pipe(
          Effect.provideService(EventIds, Idempotency.eventIds(idempotency)),
          Effect.catchTag("DuplicateEventId", () => new Idempotency.IdempotencyKeyReused()),
          orProblem()
        )
      }).pipe(Effect.provideService(adminActsOn, params.owner)))
    .handle("audit", ({ query }) =>
      Effect.gen(function*() {
        yield* requireAdmin
        const limit = query.limit ?? 100
        if (!(Number.isInteger(limit) && limit >= 1 && limit <= maxPage)) {
          return yield* Problem.badRequest(`limit must be a whole number from 1 to ${maxPage}`)
        }
        // Validated, then passed on as given: recorded-at times compare as ISO text.
        if (query.from !== undefined) yield* millis("from", query.from)
        if (query.to !== undefined) yield* millis("to", query.to)
        const events = yield* Effect.flatMap(Effect.service(EventStore), (store) =>
          store.query({
            after: query.after ?? 0,
            limit,
            ...(query.stream === undefined ? {} : { streamId: query.stream }),
            ...(query.streamPrefix === undefined ? {} : { streamPrefix: query.streamPrefix }),
            ...(query.correlationId === undefined ? {} : { correlationId: query.correlationId }),
            ...(query.type === undefined ? {} : { type: query.type }),
            ...(query.actor === undefined ? {} : { actor: query.actor }),
            ...(query.owner === undefined ? {} : { owner: query.owner }),
            ...(query.key === undefined ? {} : { keyId: query.key }),
            ...(query.from === undefined ? {} : { from: new Date(query.from).toISOString() }),
            ...(query.to === undefined ? {} : { to: new Date(query.to).toISOString() })
          })).pipe(orProblem())
        const last = events[events.length - 1]
        return { events, ...(events.length === limit && last ? { next: last.position } : {}) }
      })))
