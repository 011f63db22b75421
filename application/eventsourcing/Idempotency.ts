import { Effect, type Redacted, Schema } from "effect"
import { overlayDocuments } from "./DocumentOverlay.ts"
import { EventIds, hashedId } from "../ports/EventIds.ts"
import { type EventMetadata, EventStore } from "../ports/EventStore.ts"
import { Projection } from "./Projection.ts"

/**
 * Idempotent commands (`Idempotency-Key` over HTTP): a command sent again — after a
 * timeout, to another process, across a cutover's switch — is recognised by the log
 * alone. Its events' ids (and the ids of what it creates) are derived from the caller's
 * key, so the original's are found by id on every backend and every copy of the log, and
 * the store refuses to write them twice; the request's fingerprint is recorded with them
 * (as their causation id) so that the key reused for another request is told apart.
 * Nothing is kept in memory or beside the log.
 */
export interface Idempotency {
  /** Who sent it and under which key (hashed): the namespace of every id derived from it. */
  readonly scope: string
  /** What was asked (hashed: method, path, preconditions, canonical body). */
  readonly fingerprint: string
  /**
   * Secret material of the caller's own (derived from their credential): what a command
   * creating a secret derives it from, so that a resend is answered with the same one
   * while only its hash is kept.
   */
  readonly secret: Redacted.Redacted<string>
}

/** What the application's writes take: the events' metadata, and the request's key if it gave one. */
export type CommandMetadata = EventMetadata & { readonly idempotency?: Idempotency | undefined }

/** The same key, for another request: nothing is written, the client must use a new key. */
export class IdempotencyKeyReused extends Schema.TaggedError<IdempotencyKeyReused>()("IdempotencyKeyReused", {}) {
  override get message() {
    return "this Idempotency-Key was used for a different request (method, path, If-Match or body); use a new key"
  }
}

const causationPrefix = "idempotency:"

/** The causation id of the events of an idempotent command: its request's fingerprint. */
export const causationOf = (idempotency: Idempotency) => `${causationPrefix}${idempotency.fingerprint}`

/** An id derived from the key's scope and what the id is for. */
export const derivedId = (idempotency: Idempotency, purpose: string): string => hashedId(`${idempotency.scope}\n${purpose}`)

/** The id of the `index`th event of an idempotent command. */
export const eventId = (idempotency: Idempotency, index: number) => derivedId(idempotency, `event/${index}`)

/**
 * A new entity's id (a key, a sandbox, a session, a message): derived when the command is
 * idempotent — its resend names the same entity — otherwise a fresh time-ordered id.
 */
export const newId = (metadata: CommandMetadata | undefined, purpose: string) =>
  metadata?.idempotency === undefined
    ? Effect.flatMap(EventIds, (ids) => ids.next)
    : Effect.succeed(derivedId(metadata.idempotency, purpose))

/** The metadata the events are written with: the fingerprint as causation, the key itself never. */
export const eventMetadata = (metadata: CommandMetadata | undefined): EventMetadata | undefined => {
  if (metadata === undefined) return undefined
  const { idempotency, ...recorded } = metadata
  return idempotency === undefined ? recorded : { ...recorded, causationId: causationOf(idempotency) }
}

/**
 * A projection's documents as they were right after `version` of a stream, replayed from
 * the stream alone: how a resend is answered with the read model its original answered
 * with (the live documents may have moved on since).
 */
export const documentsAt = (projection: Projection, streamId: string, version: number) =>
  Effect.gen(function*() {
    // Versions have gaps where a compaction folded events away: the filter ends the read.
    const events = (yield* (yield* EventStore).readStream(streamId, { from: 1, limit: version }))
      .filter((event) => event.version <= version)
    const documents = overlayDocuments(new Map(), new Map())
    for (const event of events) {
      if (Projection.handles(projection, event.type)) yield* Projection.applyEvent(projection, event, documents)
    }
    return documents
  })

/**
 * A document as a write answers it: from the read model (`live`) — or, for a resend
 * (`replayed`), as the read model was right after its original, replayed from the stream.
 */
export const documentAnswer = <A, E, R, N>(
  projection: Projection,
  streamId: string,
  handled: { readonly replayed?: unknown; readonly version: number },
  key: string,
  live: Effect.Effect<A, E, R>,
  notFound: () => N
) =>
  handled.replayed === undefined
    ? live
    : Effect.gen(function*() {
      const found = yield* (yield* documentsAt(projection, streamId, handled.version)).get(key)
      if (found._tag === "None") return yield* Effect.fail(notFound())
      return found.value as A
    })

/**
 * For a use case that appends by itself rather than through an aggregate (its ids drawn
 * from `eventIds`): whether its original is in the log already — then it is done, and
 * answered as such — or `IdempotencyKeyReused` if the key went to another request.
 */
export const sentBefore = (idempotency: Idempotency) =>
  Effect.gen(function*() {
    const [first] = yield* (yield* EventStore).query({ after: 0, limit: 1, eventIds: [eventId(idempotency, 0)] })
    if (first === undefined) return false
    if (first.metadata.causationId !== causationOf(idempotency)) return yield* new IdempotencyKeyReused()
    return true
  })

/** The event ids of such a use case: its `index`th id is the `index`th event's, on every attempt. */
export const eventIds = (idempotency: Idempotency) => {
  let drawn = 0
  return { next: Effect.sync(() => eventId(idempotency, drawn++)) }
}
