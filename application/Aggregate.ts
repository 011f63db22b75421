import { Effect, Either, Option, type ParseResult, Schema } from "effect"
import { type Decider, fold } from "../domain/Decider.ts"
import { EventIds } from "./EventIds.ts"
import { type AppendError, EventStore, type EventMetadata, ExpectedVersion, type NewEvent, type RecordedEvent } from "./EventStore.ts"
import { SnapshotStore } from "./SnapshotStore.ts"
import { StateCache } from "./StateCache.ts"
import { ConcurrencyConflict, StoreUnavailable } from "./StoreError.ts"

/** Events of a decider are tagged: the tag is the event type in the log. */
export interface TaggedEvent {
  readonly _tag: string
}

/**
 * How an aggregate lives in the log: its decider, the codecs of its events and state,
 * and the stream it is kept in.
 */
export interface Aggregate<Command, Event extends TaggedEvent, State, Refusal> {
  /** Streams are `${category}-${id}`. */
  readonly category: string
  readonly decider: Decider<Command, Event, State, Refusal>
  /** The union of the aggregate's event schemas; the encoded form (without `_tag`) is the event's data. */
  readonly events: Schema.Schema<Event, any>
  /** Encodes the state for snapshots. */
  readonly state: Schema.Schema<State, any>
  /** Bump when `evolve` or the state's shape changes: older snapshots are then ignored. */
  readonly snapshotRevision: number
  /** Take a snapshot once this many events have accumulated since the last one. */
  readonly snapshotEvery: number
  /** The schema version new events are written with, per type (default 1). */
  readonly schemaVersions?: Readonly<Record<string, number>>
  /** Brings an event written with an older schema version to the current shape, before decoding. */
  readonly upcast?: (event: RecordedEvent) => unknown
}

export interface Loaded<State> {
  readonly state: State
  /** The stream's version the state reflects (0: no stream). */
  readonly version: number
  /** The version of the snapshot the load started from (0: none). */
  readonly snapshotVersion: number
}

export interface HandleOptions {
  /** Decide only if the stream is still at this version (e.g. from an `If-Match`). */
  readonly expectedVersion?: number
  /** Times to reload and decide again after losing a race; 0 for commands that must not. */
  readonly retries?: number
  /**
   * For commands decided alike on every state (a save that replaces): their events are
   * appended at whatever version the stream is at when they are written, so they cannot
   * lose a race — the log's order is the order of the writes, and the last one wins.
   * Ignored with `expectedVersion`.
   */
  readonly unconditional?: boolean
  readonly metadata?: EventMetadata
}

export interface Handled<Event, State> {
  readonly events: ReadonlyArray<Event>
  readonly state: State
  readonly version: number
}

const corrupt = (streamId: string) => (error: ParseResult.ParseError) =>
  new StoreUnavailable({ operation: `decode ${streamId}`, reason: error.message })

export const streamOf = (aggregate: { readonly category: string }, id: string) => `${aggregate.category}-${id}`

/** A recorded event as the aggregate's current schema reads it: upcast first, then decoded. */
export const decodeEvent = <Event extends TaggedEvent>(aggregate: Aggregate<any, Event, any, any>, event: RecordedEvent) =>
  Schema.decodeUnknown(aggregate.events)({
    ...((aggregate.upcast ? aggregate.upcast(event) : event.data) as object),
    _tag: event.type
  }).pipe(Effect.mapError(corrupt(event.streamId)))

/** The aggregate's state: the latest snapshot of this revision plus the events after it. */
export const load = <Command, Event extends TaggedEvent, State, Refusal>(
  aggregate: Aggregate<Command, Event, State, Refusal>,
  id: string
): Effect.Effect<Loaded<State>, StoreUnavailable, EventStore | SnapshotStore> =>
  Effect.gen(function*() {
    const streamId = streamOf(aggregate, id)
    const snapshots = yield* SnapshotStore
    const store = yield* EventStore
    const snapshot = yield* snapshots.load(streamId, aggregate.snapshotRevision)
    const base = Option.isSome(snapshot)
      ? {
        state: yield* Schema.decodeUnknown(aggregate.state)(snapshot.value.state).pipe(Effect.mapError(corrupt(streamId))),
        version: snapshot.value.version
      }
      : { state: aggregate.decider.initialState, version: 0 }
    const recorded = yield* store.readStream(streamId, { from: base.version + 1 })
    const events = yield* Effect.forEach(recorded, (event) => decodeEvent(aggregate, event))
    return {
      state: fold(aggregate.decider, events, base.state),
      version: base.version + recorded.length,
      snapshotVersion: base.version
    }
  })

/**
 * Load → decide → append at the version that was loaded. A lost race is retried (reload,
 * decide again) up to `retries` times; a refusal of the decider is returned as is.
 *
 * The state this process last decided on is kept in the `StateCache`: a command starts
 * from it without reading, and its append is checked at that version. A stale entry
 * (another process moved the stream) costs a conflict and a reload, not counted as a
 * retry; a refusal decided on a cached state is checked against a fresh load.
 */
export const handle = <Command, Event extends TaggedEvent, State, Refusal>(
  aggregate: Aggregate<Command, Event, State, Refusal>,
  id: string,
  command: Command,
  options: HandleOptions = {}
): Effect.Effect<Handled<Event, State>, Refusal | AppendError, EventStore | SnapshotStore | StateCache> =>
  Effect.flatMap(
    handleAll(aggregate, id, [{ command, ...(options.metadata ? { metadata: options.metadata } : {}) }], options),
    ([outcome]) => Either.isRight(outcome!) ? Effect.succeed(outcome.right) : Effect.fail(outcome!.left)
  )

export interface Submitted<Command> {
  readonly command: Command
  readonly metadata?: EventMetadata
}

/**
 * `handle` for several commands to one stream: decided in turn on one load, each on the
 * state the ones before it left, and appended as one write. Each gets the state and
 * version after its own events, or its refusal (a refusal leaves no events, and the next
 * command decides as if it had not come).
 */
export const handleAll = <Command, Event extends TaggedEvent, State, Refusal>(
  aggregate: Aggregate<Command, Event, State, Refusal>,
  id: string,
  commands: ReadonlyArray<Submitted<Command>>,
  options: Omit<HandleOptions, "metadata"> = {}
): Effect.Effect<
  ReadonlyArray<Either.Either<Handled<Event, State>, Refusal>>,
  AppendError,
  EventStore | SnapshotStore | StateCache
> =>
  Effect.gen(function*() {
    const streamId = streamOf(aggregate, id)
    const store = yield* EventStore
    const cache = yield* StateCache
    const ids = yield* EventIds
    const encode = Schema.encode(aggregate.events)
    let retriesLeft = options.retries ?? 0
    const unconditional = options.unconditional === true && options.expectedVersion === undefined
    let trustCache = true
    while (true) {
      const cached = trustCache ? cache.get(streamId) : undefined
      const fromCache = cached !== undefined && cached.revision === aggregate.snapshotRevision &&
        (options.expectedVersion === undefined || options.expectedVersion === cached.version)
      const loaded: Loaded<State> = fromCache ? { ...cached, state: cached.state as State } : yield* load(aggregate, id)
      trustCache = false
      if (options.expectedVersion !== undefined && options.expectedVersion !== loaded.version) {
        return yield* new ConcurrencyConflict({
          streamId,
          expected: String(options.expectedVersion),
          actual: loaded.version
        })
      }
      const decisions: Array<Either.Either<ReadonlyArray<Event>, Refusal>> = []
      const newEvents: Array<NewEvent> = []
      let state = loaded.state
      let refusedOnCache = false
      for (const { command, metadata } of commands) {
        const decided = aggregate.decider.decide(command, state)
        decisions.push(decided)
        if (Either.isLeft(decided)) {
          refusedOnCache ||= fromCache
          continue
        }
        const events = decided.right
        for (const event of events) {
          const { _tag, ...data } = (yield* encode(event).pipe(Effect.mapError(corrupt(streamId)))) as TaggedEvent
          newEvents.push({
            eventId: yield* ids.next,
            type: _tag,
            schemaVersion: aggregate.schemaVersions?.[_tag] ?? 1,
            data,
            ...(metadata ? { metadata } : {})
          })
        }
        state = fold(aggregate.decider, events, state)
      }
      if (refusedOnCache) continue
      if (newEvents.length === 0) return outcomes(aggregate, decisions, loaded.state, loaded.version).outcomes
      const expected = unconditional ? ExpectedVersion.any : ExpectedVersion.exact(loaded.version)
      const appended = yield* store.append(streamId, newEvents, expected).pipe(
        Effect.map(Either.right),
        Effect.catchTag("ConcurrencyConflict", (conflict) => {
          cache.delete(streamId)
          return fromCache || retriesLeft-- > 0 ? Effect.succeed(Either.left(conflict)) : Effect.fail(conflict)
        })
      )
      if (Either.isLeft(appended)) continue
      const version = appended.right.version
      const before = version - newEvents.length
      let base = loaded.state
      if (before !== loaded.version) {
        // Appended unconditionally after other writers: their events come before these.
        const between = yield* store.readStream(streamId, { from: loaded.version + 1, limit: before - loaded.version })
        base = fold(aggregate.decider, yield* Effect.forEach(between, (event) => decodeEvent(aggregate, event)), base)
      }
      const settled = outcomes(aggregate, decisions, base, before)
      let snapshotVersion = loaded.snapshotVersion
      if (version - snapshotVersion >= aggregate.snapshotEvery) {
        yield* saveSnapshot(aggregate, streamId, settled.state, version)
        snapshotVersion = version
      }
      cache.set(streamId, { revision: aggregate.snapshotRevision, version, snapshotVersion, state: settled.state })
      return settled.outcomes
    }
  })

/** Each command's events applied in turn from the state and version they were appended after. */
const outcomes = <Event extends TaggedEvent, State, Refusal>(
  aggregate: Aggregate<any, Event, State, Refusal>,
  decisions: ReadonlyArray<Either.Either<ReadonlyArray<Event>, Refusal>>,
  base: State,
  baseVersion: number
) => {
  let state = base
  let version = baseVersion
  const settled = decisions.map((decided) =>
    Either.map(decided, (events): Handled<Event, State> => {
      state = fold(aggregate.decider, events, state)
      version += events.length
      return { events, state, version }
    })
  )
  return { outcomes: settled, state }
}

/** A snapshot is a cache: failing to write one must not fail the command that earned it. */
const saveSnapshot = <State>(
  aggregate: Aggregate<any, any, State, any>,
  streamId: string,
  state: State,
  version: number
) =>
  Effect.gen(function*() {
    const snapshots = yield* SnapshotStore
    const encoded = yield* Schema.encode(aggregate.state)(state)
    yield* snapshots.save(streamId, aggregate.snapshotRevision, { version, state: encoded })
  }).pipe(Effect.catchAll((error) => Effect.logWarning("snapshot not saved", { streamId, error: String(error) })))
