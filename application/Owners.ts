import { Clock, Effect } from "effect"
import { EventIds } from "./EventIds.ts"
import { EventStore, type EventMetadata } from "./EventStore.ts"
import { Secrets } from "./Secrets.ts"

/**
 * Forgets an owner: destroys their data key, so that every secret they had — tokens,
 * provider credentials — is unreadable in the log and in every copy of it, while the
 * history itself stays untouched. The forgetting is recorded in the log, for the audit.
 */
export const forget = (owner: string, metadata?: EventMetadata) =>
  Effect.gen(function*() {
    yield* (yield* Secrets).forget(owner)
    yield* (yield* EventStore).append(`owner-${encodeURIComponent(owner)}`, [{
      eventId: yield* (yield* EventIds).next,
      type: "OwnerForgotten",
      data: { owner, forgottenAt: yield* Clock.currentTimeMillis },
      ...(metadata ? { metadata } : {})
    }])
  })
