import { Clock, Effect, Metric } from "effect"
import {
  type AppendError,
  type AppendResult,
  type EventStoreService,
  ExpectedVersion,
  type NewEvent,
  type RecordedEvent
} from "../ports/EventStore.ts"
import type { FenceState } from "../ports/LogOperations.ts"
import {
  ConcurrencyConflict,
  DuplicateEventId,
  InvalidEvent,
  type ProjectionFailed,
  StoreFenced,
  type StoreUnavailable
} from "../ports/StoreError.ts"

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
  /** Each event's data as JSON text, serialised once. */
  readonly data: ReadonlyArray<string>
  readonly expected: ExpectedVersion
  /** `any` and `stream_exists` append at whatever version the stream is at. */
  readonly needsCurrentVersion: boolean
}

const serialise = (data: unknown): string | undefined => {
  try {
    return JSON.stringify(data)
  } catch {
    return undefined
  }
}

/** Plain code, not an Effect pipeline: this runs on every append. */
const check = (
  streamId: string,
  events: ReadonlyArray<NewEvent>,
  expected: ExpectedVersion
): PreparedAppend | InvalidEvent | DuplicateEventId => {
  const invalid = (reason: string) => new InvalidEvent({ streamId, reason })
  if (streamId.length === 0) return invalid("the stream id is empty")
  if (expected._tag === "Exact" && !(Number.isSafeInteger(expected.version) && expected.version >= 0)) {
    return invalid(`expected version ${expected.version} is not a whole number ≥ 0`)
  }
  const seen = new Set<string>()
  const data: Array<string> = []
  for (const event of events) {
    if (event.eventId.length === 0) return invalid("an event id is empty")
    if (event.type.length === 0) return invalid("an event type is empty")
    if (seen.has(event.eventId)) return new DuplicateEventId({ eventId: event.eventId, streamId })
    seen.add(event.eventId)
    const schemaVersion = event.schemaVersion ?? 1
    if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1) {
      return invalid(`schema version of ${event.type} must be a whole number ≥ 1`)
    }
    const json = serialise(event.data)
    if (json === undefined) return invalid(`data of ${event.type} is not JSON`)
    data.push(json)
  }
  const needsCurrentVersion = expected._tag === "Any" || expected._tag === "StreamExists"
  return { streamId, events, data, expected, needsCurrentVersion }
}

export const prepareAppend = (
  streamId: string,
  events: ReadonlyArray<NewEvent>,
  expected: ExpectedVersion = ExpectedVersion.any
): Effect.Effect<PreparedAppend, InvalidEvent | DuplicateEventId> =>
  Effect.suspend(() => {
    const prepared = check(streamId, events, expected)
    return prepared instanceof InvalidEvent || prepared instanceof DuplicateEventId
      ? Effect.fail(prepared)
      : Effect.succeed(prepared)
  })

/** What a store gives the rules: its own write, and the reads that explain a refusal. */
export interface AppendPorts {
  /**
   * Writes at this version, or at `"current"`: whatever the version is under the log's
   * lock (for `stream_exists`, refusing a missing stream). `undefined` when the store
   * refused: a moved stream, a fence, a reused event id.
   */
  readonly tryAt: (
    prepared: PreparedAppend,
    version: number | "current",
    recordedAt: string
  ) => Effect.Effect<AppendResult | undefined, ProjectionFailed | StoreUnavailable>
  readonly findOriginal: (eventIds: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable>
  readonly fenceState: Effect.Effect<FenceState | undefined, StoreUnavailable>
  readonly streamVersion: (streamId: string) => Effect.Effect<number, StoreUnavailable>
}

type Settled = Effect.Effect<AppendResult | "retry", AppendError>

/**
 * Events this process appended (a resend that wrote nothing does not count). The append
 * path only bumps a number; `flushAppendCount` moves it into the Effect metric when
 * metrics are read, because a metric update costs as much as a tenth of an append.
 */
export const eventsAppended = Metric.counter("strata_events_appended_total", {
  description: "Events appended by this process",
  incremental: true
})
let appendedSinceFlush = 0

export const flushAppendCount = Effect.suspend(() => {
  const count = appendedSinceFlush
  appendedSinceFlush = 0
  return Metric.update(eventsAppended, count)
})

/** `EventStore.append` for a store: validation, expected-version forms, retries, idempotency. */
export const appendWith = (ports: AppendPorts): EventStoreService["append"] => (streamId, events, expected) =>
  Effect.flatMap(prepareAppend(streamId, events, expected), (prepared) =>
    Effect.flatMap(Clock.currentTimeMillis, (now) => {
      const recordedAt = new Date(now).toISOString()
      const loop = (attempts: number): Effect.Effect<AppendResult, AppendError> =>
        Effect.flatMap(settle(ports, prepared, recordedAt, attempts), (outcome) =>
          outcome === "retry" ? loop(attempts + 1) : Effect.succeed(outcome))
      return loop(1)
    }))

/**
 * One attempt, settled: the result, `"retry"` when it lost a race worth retrying, or the
 * typed reason it was refused. Kept free of generators: it runs on every append.
 */
const settle = (ports: AppendPorts, prepared: PreparedAppend, recordedAt: string, attempts: number): Settled => {
  const { events, expected, streamId } = prepared
  // A version-agnostic append that lost a race retries under the lock: it cannot lose twice.
  if (prepared.needsCurrentVersion && attempts > 1) {
    return Effect.flatMap(ports.tryAt(prepared, "current", recordedAt), (written) =>
      written !== undefined ? counted(written) : explainRefusal(ports, prepared, undefined, attempts))
  }
  const atTarget = (target: number): Settled => {
    if (events.length === 0) {
      return Effect.flatMap(ports.streamVersion(streamId), (actual) =>
        actual === target
          ? Effect.succeed({ streamId, version: actual, firstPosition: 0, lastPosition: 0 })
          : Effect.fail(conflict(prepared, actual)))
    }
    return Effect.flatMap(ports.tryAt(prepared, target, recordedAt), (written) =>
      written !== undefined ? counted(written) : explainRefusal(ports, prepared, target, attempts))
  }
  switch (expected._tag) {
    case "Exact":
      return atTarget(expected.version)
    case "NoStream":
      return atTarget(0)
    case "Any":
      return Effect.flatMap(ports.streamVersion(streamId), atTarget)
    case "StreamExists":
      return Effect.flatMap(ports.streamVersion(streamId), (current) =>
        current === 0 ? Effect.fail(conflict(prepared, 0)) : atTarget(current))
  }
}

const counted = (written: AppendResult) =>
  Effect.sync(() => {
    appendedSinceFlush += written.lastPosition - written.firstPosition + 1
    return written
  })

const conflict = ({ expected, streamId }: PreparedAppend, actual: number) =>
  new ConcurrencyConflict({ streamId, expected: ExpectedVersion.format(expected), actual })

/** The store refused: a resend of an earlier append, a reused id, a fence, or a moved stream. */
const explainRefusal = (
  ports: AppendPorts,
  prepared: PreparedAppend,
  target: number | undefined,
  attempts: number
): Settled =>
  Effect.gen(function*() {
    const { events, expected, streamId } = prepared
    const original = yield* ports.findOriginal(events.map((event) => event.eventId))
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
      return { streamId, version: last.version, firstPosition: original[0]!.position, lastPosition: last.position, resent: true }
    }
    const fence = yield* ports.fenceState
    if (fence !== undefined) return yield* new StoreFenced(fence)
    const actual = yield* ports.streamVersion(streamId)
    if (expected._tag === "StreamExists" && actual === 0) return yield* conflict(prepared, 0)
    // `actual === target`: the write checked the stream against an older view of it
    // (Postgres evaluates a statement as of its start, before it waited for the lock).
    const raced = prepared.needsCurrentVersion || actual === target
    if (raced && attempts < maxAttempts) return "retry" as const
    return yield* conflict(prepared, actual)
  })

/**
 * Why events copied from another log cannot continue this one, if they cannot: they must
 * come after its head, in position order. Gaps are allowed — a compacted log has them
 * where its old events left, and its copy keeps the positions of those that stayed.
 */
export const importedOutOfPlace = (events: ReadonlyArray<RecordedEvent>, head: number): string | undefined => {
  let last = head
  for (const event of events) {
    if (event.position <= last) {
      return `event ${event.eventId} is at position ${event.position}, the log expects one after ${last}`
    }
    last = event.position
  }
  return undefined
}
