import { Effect } from "effect"
import {
  type AppendResult,
  ExpectedVersion,
  type FenceState,
  type NewEvent,
  type RecordedEvent
} from "./EventStore.ts"
import {
  ConcurrencyConflict,
  DuplicateEventId,
  InvalidEvent,
  type ProjectionFailed,
  StoreFenced,
  type StoreUnavailable
} from "./StoreError.ts"

/**
 * The rules every store applies around its own write, so that memory and SQL backends
 * answer alike: validation, expected-version forms, idempotent retries, and telling a
 * conflict from a fence.
 */

/** Attempts before a refused append is reported as a conflict. */
const maxAttempts = 3

export interface PreparedAppend {
  readonly streamId: string
  readonly events: ReadonlyArray<NewEvent>
  readonly expected: ExpectedVersion
  /** `any` and `stream_exists` append at whatever version the stream is at. */
  readonly needsCurrentVersion: boolean
}

export const prepareAppend = (
  streamId: string,
  events: ReadonlyArray<NewEvent>,
  expected: ExpectedVersion = ExpectedVersion.any
): Effect.Effect<PreparedAppend, InvalidEvent | DuplicateEventId> =>
  Effect.gen(function*() {
    const invalid = (reason: string) => new InvalidEvent({ streamId, reason })
    if (streamId.length === 0) return yield* invalid("the stream id is empty")
    if (expected._tag === "Exact" && !(Number.isSafeInteger(expected.version) && expected.version >= 0)) {
      return yield* invalid(`expected version ${expected.version} is not a whole number ≥ 0`)
    }
    const seen = new Set<string>()
    for (const event of events) {
      if (event.eventId.length === 0) return yield* invalid("an event id is empty")
      if (event.type.length === 0) return yield* invalid("an event type is empty")
      if (seen.has(event.eventId)) return yield* new DuplicateEventId({ eventId: event.eventId, streamId })
      seen.add(event.eventId)
      const schemaVersion = event.schemaVersion ?? 1
      if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1) {
        return yield* invalid(`schema version of ${event.type} must be a whole number ≥ 1`)
      }
      const json = yield* Effect.try({
        try: () => JSON.stringify(event.data),
        catch: (error) => invalid(`data of ${event.type} is not JSON: ${(error as Error).message}`)
      })
      if (json === undefined) return yield* invalid(`data of ${event.type} is not JSON`)
    }
    return {
      streamId,
      events,
      expected,
      needsCurrentVersion: expected._tag === "Any" || expected._tag === "StreamExists"
    }
  })

export interface Attempt {
  readonly prepared: PreparedAppend
  /** The stream's version as read before the first attempt of `any` / `stream_exists`. */
  readonly current: number | undefined
  /** 1 for the first attempt. */
  readonly attempts: number
  /**
   * Writes at this version, or at `"current"`: whatever the version is under the log's
   * lock (for `stream_exists`, refusing a missing stream). `undefined` when the store
   * refused: a moved stream, a fence, a reused event id.
   */
  readonly tryAt: (
    version: number | "current"
  ) => Effect.Effect<AppendResult | undefined, ProjectionFailed | StoreUnavailable>
  readonly findOriginal: (eventIds: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable>
  readonly fenceState: Effect.Effect<FenceState | undefined, StoreUnavailable>
  readonly streamVersion: Effect.Effect<number, StoreUnavailable>
}

/**
 * One attempt at an append, settled: the result, `"retry"` when a version-agnostic append
 * lost a race, or the typed reason it was refused.
 */
export const settleAttempt = (
  attempt: Attempt
): Effect.Effect<
  AppendResult | "retry",
  ConcurrencyConflict | DuplicateEventId | StoreFenced | ProjectionFailed | StoreUnavailable
> =>
  Effect.gen(function*() {
    const { current, prepared } = attempt
    const { events, expected, streamId } = prepared
    const conflict = (actual: number) =>
      new ConcurrencyConflict({ streamId, expected: ExpectedVersion.format(expected), actual })

    // A version-agnostic append that lost a race retries under the lock: it cannot lose twice.
    const contended = prepared.needsCurrentVersion && attempt.attempts > 1
    const target = expected._tag === "Exact" ? expected.version : expected._tag === "NoStream" ? 0 : current!
    if (!contended && expected._tag === "StreamExists" && current === 0) return yield* conflict(0)

    if (events.length === 0) {
      const actual = current ?? (yield* attempt.streamVersion)
      if (actual !== target) return yield* conflict(actual)
      return { streamId, version: actual, firstPosition: 0, lastPosition: 0 }
    }

    const written = yield* attempt.tryAt(contended ? "current" : target)
    if (written !== undefined) return written

    const original = yield* attempt.findOriginal(events.map((event) => event.eventId))
    if (original.length > 0) {
      const sameBatch = original.length === events.length &&
        original.every((event, index) =>
          event.streamId === streamId &&
          event.eventId === events[index]!.eventId &&
          event.type === events[index]!.type &&
          event.version === original[0]!.version + index
        )
      if (!sameBatch) return yield* new DuplicateEventId({ eventId: original[0]!.eventId, streamId })
      const last = original[original.length - 1]!
      return {
        streamId,
        version: last.version,
        firstPosition: original[0]!.position,
        lastPosition: last.position
      }
    }

    const fence = yield* attempt.fenceState
    if (fence !== undefined) return yield* new StoreFenced(fence)
    const actual = yield* attempt.streamVersion
    if (expected._tag === "StreamExists" && actual === 0) return yield* conflict(0)
    // `actual === target`: the write checked the stream against an older view of it
    // (Postgres evaluates a statement as of its start, before it waited for the lock).
    const raced = prepared.needsCurrentVersion || actual === target
    if (raced && attempt.attempts < maxAttempts) return "retry" as const
    return yield* conflict(actual)
  })
