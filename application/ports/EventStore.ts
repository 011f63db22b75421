import { Context, Data, type Effect, Schema, type Stream } from "effect"
import type {
  ConcurrencyConflict,
  DuplicateEventId,
  InvalidEvent,
  ProjectionFailed,
  StoreFenced,
  StoreUnavailable
} from "./StoreError.ts"

/** Who did it and why: carried by every event, so the log doubles as an audit trail. */
export const EventMetadata = Schema.Struct({
  actor: Schema.optional(Schema.String),
  correlationId: Schema.optional(Schema.String),
  causationId: Schema.optional(Schema.String)
})
export type EventMetadata = typeof EventMetadata.Type

/** An event as a writer hands it to the store. `data` must be JSON (encode it with its Schema). */
export interface NewEvent {
  /** Chosen by the writer (time-ordered, see `EventIds`) so that a resent append is recognised. */
  readonly eventId: string
  readonly type: string
  readonly schemaVersion?: number
  readonly data: unknown
  readonly metadata?: EventMetadata
}

/** The envelope of a stored event. Positions are portable: a copied log keeps them. */
export const RecordedEvent = Schema.Struct({
  eventId: Schema.String,
  streamId: Schema.String,
  /** 1 for the first event of a stream, then contiguous. */
  version: Schema.Number,
  /** Global, gap-free, in commit order; 1 for the first event of the log. */
  position: Schema.Number,
  type: Schema.String,
  schemaVersion: Schema.Number,
  data: Schema.Unknown,
  metadata: EventMetadata,
  /** ISO 8601, UTC, millisecond precision. */
  recordedAt: Schema.String
})
export type RecordedEvent = typeof RecordedEvent.Type

const storedJson = Symbol("strata/storedJson")

/**
 * An event read from a database keeps its data's JSON text as stored, so that copying it
 * to another log or hashing it needs neither a parse nor a re-serialisation (a cutover's
 * copy and its digests spent most of their time there). The text is not enumerable: a
 * copy of the event (`{ ...event, data }`) does not carry it, and falls back to its data.
 * Stores write `JSON.stringify(data)`, so the text and the data agree.
 */
export const keepStoredJson = <E extends RecordedEvent>(event: E, json: string): E =>
  Object.defineProperty(event, storedJson, { value: json, enumerable: false })

/** The event's data as JSON text: as stored when it was read from a database. */
export const dataJson = (event: RecordedEvent): string =>
  (event as { readonly [storedJson]?: string })[storedJson] ?? JSON.stringify(event.data)

/** What a writer expects of the stream before its events are added. */
export type ExpectedVersion = Data.TaggedEnum<{
  Any: {}
  NoStream: {}
  StreamExists: {}
  Exact: { readonly version: number }
}>
const ExpectedVersionEnum = Data.taggedEnum<ExpectedVersion>()
export const ExpectedVersion = {
  any: ExpectedVersionEnum.Any(),
  noStream: ExpectedVersionEnum.NoStream(),
  streamExists: ExpectedVersionEnum.StreamExists(),
  exact: (version: number): ExpectedVersion =>
    version === 0 ? ExpectedVersionEnum.NoStream() : ExpectedVersionEnum.Exact({ version }),
  /** The form named in a `ConcurrencyConflict`. */
  format: ExpectedVersionEnum.$match({
    Any: () => "any",
    NoStream: () => "no_stream",
    StreamExists: () => "stream_exists",
    Exact: ({ version }) => String(version)
  })
}

export interface AppendResult {
  readonly streamId: string
  /** The stream's version after the append. */
  readonly version: number
  /** Positions of the first and last appended event (both 0 for an empty append). */
  readonly firstPosition: number
  readonly lastPosition: number
  /** The events were found written already, in order (a resend): this is the original result, nothing was written. */
  readonly resent?: boolean
}

export interface ReadStreamOptions {
  /** The first version to return (inclusive); for a backwards read, the highest. */
  readonly from?: number
  readonly direction?: "forwards" | "backwards"
  readonly limit?: number
}

export interface ReadAllOptions {
  /** Return events after this position (exclusive); 0 reads from the start. */
  readonly after: number
  readonly limit: number
}

/** The audit's questions: any combination, paged by position. */
export interface AuditQuery {
  readonly streamId?: string
  /** Streams whose id starts with this, exactly (case and wildcards as they are). */
  readonly streamPrefix?: string
  readonly type?: string
  /** This actor exactly, as recorded. */
  readonly actor?: string
  /** Done by this owner, through any of their keys or by the admin for them (see `Actor.isOwners`). */
  readonly owner?: string
  /** Done through this API key (see `Actor.isKeys`). */
  readonly keyId?: string
  /** Caused by this request: its id, recorded as the events' correlation id. */
  readonly correlationId?: string
  /** Recorded at or after (ISO 8601). */
  readonly from?: string
  /** Recorded before (ISO 8601). */
  readonly to?: string
  /** Only these events, by id (a lookup of the unique index: how a resend is recognised). */
  readonly eventIds?: ReadonlyArray<string>
  /** Events after this position (exclusive). */
  readonly after: number
  readonly limit: number
}

export type AppendError =
  | ConcurrencyConflict
  | DuplicateEventId
  | InvalidEvent
  | StoreFenced
  | ProjectionFailed
  | StoreUnavailable

/**
 * The append-only log, as serving uses it: append, read, follow. Every backend (memory,
 * SQLite, Postgres, LibSQL) implements this port and passes the same contract suite
 * (`test/contract/`). What only an operator's work needs of the log — imports, bulk loads,
 * digests, fences — is the other port, `LogOperations`.
 */
export interface EventStoreService {
  /**
   * Appends atomically, together with the inline projections of these events. Resending
   * the same event ids returns the original result and writes nothing.
   */
  readonly append: (
    streamId: string,
    events: ReadonlyArray<NewEvent>,
    expected?: ExpectedVersion
  ) => Effect.Effect<AppendResult, AppendError>
  readonly readStream: (
    streamId: string,
    options?: ReadStreamOptions
  ) => Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable>
  /** The stream's current version; 0 when it does not exist. */
  readonly streamVersion: (streamId: string) => Effect.Effect<number, StoreUnavailable>
  /** One page of the whole log in position order. */
  readonly readAll: (options: ReadAllOptions) => Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable>
  /** Events matching an audit query, in position order. */
  readonly query: (query: AuditQuery) => Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable>
  /** Follows the log from a position: catches up, then waits for new events. Never skips one. */
  readonly follow: (after: number) => Stream.Stream<RecordedEvent, StoreUnavailable>
  /** The position of the last committed event; 0 for an empty log. */
  readonly head: Effect.Effect<number, StoreUnavailable>
}

export class EventStore extends Context.Service<EventStore, EventStoreService>()("strata/EventStore") {}
