import { Clock, Effect } from "effect"
import * as ApiKeys from "./ApiKeys.ts"
import { EventIds, uuidV7 } from "../ports/EventIds.ts"
import { EventStore, type EventMetadata } from "../ports/EventStore.ts"
import * as Paging from "../eventsourcing/Paging.ts"
import { Secrets } from "../ports/Secrets.ts"

/**
 * Forgets an owner: withdraws every API key they hold, then destroys their data key, so
 * that every secret they had — tokens, provider credentials — is unreadable in the log and
 * in every copy of it, while the history itself stays untouched. A forgotten owner has no
 * access left. The forgetting is recorded in the log, for the audit.
 *
 * Each step can be run again: a key deleted already is passed over, a data key destroyed
 * already stays destroyed. So a forget cut short is finished by asking again.
 */
export const forget = (owner: string, metadata?: EventMetadata) =>
  Effect.gen(function*() {
    // Keyset paging: a cursor names a place in the order, so removing the keys behind it
    // skips none ahead of it — and a key that would not go cannot hold the loop.
    let after: string | undefined
    do {
      const page: Paging.Page<ApiKeys.KeyView> = yield* ApiKeys.list(owner, { limit: Paging.maxLimit, after })
      after = page.next
      for (const key of page.items) {
        // Ids of their own: the request's derived ids (see `Idempotency`) name its record alone.
        yield* ApiKeys.remove(owner, key.keyId, metadata).pipe(
          Effect.provideService(EventIds, { next: Effect.sync(() => uuidV7()) }),
          Effect.catchTag("ApiKeyNotFound", () => Effect.void)
        )
      }
    } while (after !== undefined)
    yield* (yield* Secrets).forget(owner)
    yield* (yield* EventStore).append(`owner-${encodeURIComponent(owner)}`, [{
      eventId: yield* (yield* EventIds).next,
      type: "OwnerForgotten",
      data: { owner, forgottenAt: yield* Clock.currentTimeMillis },
      metadata
    }])
  })
