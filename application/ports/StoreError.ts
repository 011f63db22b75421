import { Schema } from "effect"

/**
 * The typed failures of the event store port. Adapters translate every driver error into
 * one of these; a raw `SqlError` never crosses the port.
 */

/** The stream was not at the version the writer expected. */
export class ConcurrencyConflict extends Schema.TaggedError<ConcurrencyConflict>()("ConcurrencyConflict", {
  streamId: Schema.String,
  /** The expected version as the writer gave it: a number, or `any` / `no_stream` / `stream_exists`. */
  expected: Schema.String,
  /** The stream's version when the append was refused (0: the stream does not exist). */
  actual: Schema.Number
}) {
  override get message() {
    return `stream ${this.streamId} is at version ${this.actual}, expected ${this.expected}`
  }
}

/** An event id was already used by a different event: a retry must resend the same batch. */
export class DuplicateEventId extends Schema.TaggedError<DuplicateEventId>()("DuplicateEventId", {
  eventId: Schema.String,
  streamId: Schema.String
}) {
  override get message() {
    return `event id ${this.eventId} is already used by another event (appending to ${this.streamId})`
  }
}

/** The event cannot be stored as given (empty stream id or type, data that is not JSON). */
export class InvalidEvent extends Schema.TaggedError<InvalidEvent>()("InvalidEvent", {
  streamId: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `invalid event for stream ${this.streamId}: ${this.reason}`
  }
}

/**
 * A fence is a moment by default: a cutover's switch fences the log for well under a
 * second. A fence for good — the log moved elsewhere and this store will never take writes
 * again — says so by its reason, which starts with this marker (`finishedFenceReason`).
 */
export const finishedFencePrefix = "finished:"

/** The reason of a fence for good. */
export const finishedFenceReason = (why: string) => `${finishedFencePrefix} ${why}`

/** Whether a fence's reason marks it as for good (see `finishedFencePrefix`). */
export const isFencedForGood = (reason: string) => reason.startsWith(finishedFencePrefix)

/** The store was fenced (it is no longer the primary); nothing may be appended to it. */
export class StoreFenced extends Schema.TaggedError<StoreFenced>()("StoreFenced", {
  reason: Schema.String,
  fencedAt: Schema.String
}) {
  override get message() {
    return `the store is fenced since ${this.fencedAt}: ${this.reason}`
  }
}

/** An inline projection failed; the append it belonged to was rolled back. */
export class ProjectionFailed extends Schema.TaggedError<ProjectionFailed>()("ProjectionFailed", {
  projection: Schema.String,
  eventType: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `projection ${this.projection} failed on ${this.eventType}: ${this.reason}`
  }
}

/** A projection's read model is being built and cannot answer queries yet. */
export class ProjectionNotReady extends Schema.TaggedError<ProjectionNotReady>()("ProjectionNotReady", {
  projection: Schema.String
}) {
  override get message() {
    return `projection ${this.projection} is not built yet`
  }
}

/** The database could not be reached or did not answer; the operation may be retried. */
export class StoreUnavailable extends Schema.TaggedError<StoreUnavailable>()("StoreUnavailable", {
  operation: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `store unavailable during ${this.operation}: ${this.reason}`
  }
}

/**
 * The database could not be reached at all — refused, not found, not started yet — as
 * opposed to reached and failing: what a process started before its database waits out.
 */
export class DatabaseUnreachable extends Schema.TaggedError<DatabaseUnreachable>()("DatabaseUnreachable", {
  reason: Schema.String
}) {
  override get message() {
    return `the database cannot be reached: ${this.reason}`
  }
}

/** Copied events must continue the log exactly where it ends. */
export class ImportRefused extends Schema.TaggedError<ImportRefused>()("ImportRefused", {
  reason: Schema.String
}) {
  override get message() {
    return `import refused: ${this.reason}`
  }
}
