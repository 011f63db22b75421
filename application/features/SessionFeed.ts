import { Effect, Option } from "effect"
import * as Aggregate from "../eventsourcing/Aggregate.ts"
import { LiveLog } from "../eventsourcing/LiveLog.ts"
import type { RecordedEvent } from "../ports/EventStore.ts"
import { ReadModels } from "../ports/ReadModels.ts"
import * as Sessions from "./Sessions.ts"

/**
 * A chat session as it happens, for its members (seed 002's real-time delivery): its
 * events from a position, as a member sees them, until the member is removed.
 *
 * A member sees what the history shows: an event's type, data, version, position and
 * time, not who sent it through which key (the actor names API keys). A message deleted
 * since is shown without its content in the events that carried it — a member resuming
 * from an old position, or who joined after the deletion, does not get back what the
 * history no longer serves.
 */

export interface MemberEvent {
  readonly position: number
  readonly version: number
  readonly type: string
  readonly data: unknown
  readonly recordedAt: string
}

export type MemberItem =
  | { readonly _tag: "Event"; readonly event: MemberEvent }
  | { readonly _tag: "Behind"; readonly position: number }

const withContent = new Set(["MessagePosted", "MessageEdited"])

/** Opens the session's feed for `user` from `after` (absent: from the head); a non-member gets `SessionNotFound`. */
export const subscribe = (user: string, sessionId: string, after: number | undefined) =>
  Effect.gen(function*() {
    yield* Sessions.get(user, sessionId)
    const readModels = yield* ReadModels
    const subscription = yield* (yield* LiveLog).subscribe(after, { streamId: Aggregate.streamOf(Sessions.SessionAggregate, sessionId) })

    const view = (event: RecordedEvent) =>
      Effect.gen(function*() {
        const seen: MemberEvent = { position: event.position, version: event.version, type: event.type, data: event.data, recordedAt: event.recordedAt }
        const messageId = (event.data as { readonly messageId?: unknown }).messageId
        if (!withContent.has(event.type) || typeof messageId !== "string") return seen
        const message = yield* readModels.get(Sessions.projection.name, Sessions.messageDoc(sessionId, messageId))
        const deleted = Option.isSome(message) && (message.value as Sessions.MessageView).deletedAt !== null
        return deleted ? { ...seen, data: { ...(event.data as object), content: null } } : seen
      })

    let member = true
    const next = Effect.gen(function*() {
        if (!member) return []
        const items = yield* subscription.next
        const out: Array<MemberItem> = []
        for (const item of items) {
          if (item._tag === "Behind") {
            out.push(item)
            continue
          }
          out.push({ _tag: "Event", event: yield* view(item.event) })
          if (item.event.type === "MemberRemoved" && (item.event.data as { readonly member?: unknown }).member === user) {
            // No longer a member: what follows is not theirs to see.
            member = false
            subscription.close()
            break
          }
        }
        return out
      })
    return { next, close: subscription.close }
  })
