import { Effect, Option, Result, Schema } from "effect"
import { type Decider, fold } from "../../domain/Decider.ts"
import { EventIds } from "../ports/EventIds.ts"
import { type AppendError, type AppendResult, EventStore, ExpectedVersion, type NewEvent, type RecordedEvent } from "../ports/EventStore.ts"
import * as Idempotency from "./Idempotency.ts"
import { type CommandMetadata, IdempotencyKeyReused } from "./Idempotency.ts"
import { SnapshotStore } from "../ports/SnapshotStore.ts"
import { StateCache } from "../ports/StateCache.ts"
import { ConcurrencyConflict, type DuplicateEventId, StoreUnavailable } from "../ports/StoreError.ts"

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
  readonly events: Schema.Codec<Event, any>
  /** Encodes the state for snapshots. */
  readonly state: Schema.Codec<State, any>
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

export interface HandleOptions<GuardError = never, GuardContext = never> {
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
  readonly metadata?: CommandMetadata
  /**
   * What must hold before the command is decided (the caller may see the resource),
   * checked once — after a resend was looked for: a resend is answered as its original
   * was, whatever happened to the resource since.
   */
  readonly guard?: Effect.Effect<unknown, GuardError, GuardContext>
}

export interface Handled<Event, State> {
  readonly events: ReadonlyArray<Event>
  readonly state: State
  readonly version: number
  /**
   * Set when the command was a resend of an idempotent command: its original's events as
   * recorded; `events`, `state` and `version` are the original's, and nothing was written.
   */
  readonly replayed?: ReadonlyArray<RecordedEvent>
}

const corrupt = (streamId: string) => (error: Schema.SchemaError) =>
  new StoreUnavailable({ operation: `decode ${streamId}`, reason: error.message })

export const streamOf = (aggregate: { readonly category: string }, id: string) => `${aggregate.category}-${id}`

/** A recorded event as the aggregate's current schema reads it: upcast first, then decoded. */
export const decodeEvent = <Event extends TaggedEvent>(aggregate: Aggregate<any, Event, any, any>, event: RecordedEvent) =>
  Schema.decodeUnknownEffect(aggregate.events)({
    ...((aggregate.upcast ? aggregate.upcast(event) : event.data) as object),
    _tag: event.type
  }).pipe(Effect.mapError(corrupt(event.streamId)))

/**
 * The aggregate's state: the latest snapshot of this revision plus the events after it;
 * with `atVersion`, as it was at that version (from a snapshot only if it is not newer).
 */
export const load = <Command, Event extends TaggedEvent, State, Refusal>(
  aggregate: Aggregate<Command, Event, State, Refusal>,
  id: string,
  atVersion?: number
): Effect.Effect<Loaded<State>, StoreUnavailable, EventStore | SnapshotStore> =>
  Effect.gen(function*() {
    const streamId = streamOf(aggregate, id)
    const snapshots = yield* SnapshotStore
    const store = yield* EventStore
    const snapshot = Option.filter(
      yield* snapshots.load(streamId, aggregate.snapshotRevision),
      (found) => atVersion === undefined || found.version <= atVersion
    )
    const base = Option.isSome(snapshot)
      ? {
        state: yield* Schema.decodeUnknownEffect(aggregate.state)(snapshot.value.state).pipe(Effect.mapError(corrupt(streamId))),
        version: snapshot.value.version
      }
      : { state: aggregate.decider.initialState, version: 0 }
    // A compacted stream has gaps in its versions: the limit bounds the read, the filter ends it.
    const recorded = (yield* store.readStream(streamId, {
      from: base.version + 1,
      ...(atVersion === undefined ? {} : { limit: atVersion - base.version })
    })).filter((event) => atVersion === undefined || event.version <= atVersion)
    const events = yield* Effect.forEach(recorded, (event) => decodeEvent(aggregate, event))
    return {
      state: fold(aggregate.decider, events, base.state),
      version: recorded.at(-1)?.version ?? base.version,
      snapshotVersion: base.version
    }
  })

/** No command decides more events than this: how far a resend's original is read. */
const maxEventsPerCommand = 64

/**
 * The originals of idempotent commands, looked up by their first event's id (one probe of
 * the log's unique index for all of them): for each command found, its answer as it was
 * — its events, the state and version right after them — or `IdempotencyKeyReused` when
 * the key was used for another request (another fingerprint, another stream).
 */
const recall = <Command, Event extends TaggedEvent, State, Refusal>(
  aggregate: Aggregate<Command, Event, State, Refusal>,
  id: string,
  keys: ReadonlyArray<Idempotency.Idempotency | undefined>
): Effect.Effect<
  ReadonlyArray<Result.Result<Handled<Event, State>, IdempotencyKeyReused> | undefined>,
  StoreUnavailable,
  EventStore | SnapshotStore
> =>
  Effect.gen(function*() {
    const streamId = streamOf(aggregate, id)
    const store = yield* EventStore
    const firstIds = keys.flatMap((key) => (key === undefined ? [] : [Idempotency.eventId(key, 0)]))
    if (firstIds.length === 0) return keys.map(() => undefined)
    const found = yield* store.query({ after: 0, limit: firstIds.length, eventIds: firstIds })
    const byId = new Map(found.map((event) => [event.eventId, event]))
    return yield* Effect.forEach(keys, (key) =>
      Effect.gen(function*() {
        const first = key === undefined ? undefined : byId.get(Idempotency.eventId(key, 0))
        if (key === undefined || first === undefined) return undefined
        if (first.streamId !== streamId || first.metadata.causationId !== Idempotency.causationOf(key)) {
          return Result.fail(new IdempotencyKeyReused())
        }
        const following = yield* store.readStream(streamId, { from: first.version, limit: maxEventsPerCommand })
        const original: Array<RecordedEvent> = []
        for (const event of following) {
          if (event.eventId !== Idempotency.eventId(key, original.length)) break
          original.push(event)
        }
        const version = original[original.length - 1]!.version
        const { state } = yield* load(aggregate, id, version)
        const events = yield* Effect.forEach(original, (event) => decodeEvent(aggregate, event))
        return Result.succeed({ events, state, version, replayed: original })
      }))
  })

/**
 * Load → decide → append at the version that was loaded. A lost race is retried (reload,
 * decide again) up to `retries` times; a refusal of the decider is returned as is.
 *
 * The state this process last decided on is kept in the `StateCache`: a command starts
 * from it without reading, and its append is checked at that version. A stale entry
 * (another process moved the stream) costs a conflict and a reload, not counted as a
 * retry; a refusal decided on a cached state is checked against a fresh load.
 *
 * An idempotent command (`metadata.idempotency`) is first looked for in the log: sent
 * before, it is answered as it was then (`replayed`), and nothing is decided or written.
 */
export const handle = <Command, Event extends TaggedEvent, State, Refusal, GuardError = never, GuardContext = never>(
  aggregate: Aggregate<Command, Event, State, Refusal>,
  id: string,
  command: Command,
  options: HandleOptions<GuardError, GuardContext> = {}
): Effect.Effect<
  Handled<Event, State>,
  Refusal | IdempotencyKeyReused | AppendError | GuardError,
  EventStore | SnapshotStore | StateCache | GuardContext
> =>
  Effect.flatMap(
    handleAll(aggregate, id, [{ command, ...(options.metadata ? { metadata: options.metadata } : {}) }], options),
    ([outcome]) => Result.isSuccess(outcome!) ? Effect.succeed(outcome.success) : Effect.fail(outcome!.failure)
  )

export interface Submitted<Command> {
  readonly command: Command
  readonly metadata?: CommandMetadata
}

/**
 * `handle` for several commands to one stream: decided in turn on one load, each on the
 * state the ones before it left, and appended as one write. Each gets the state and
 * version after its own events, or its refusal (a refusal leaves no events, and the next
 * command decides as if it had not come).
 *
 * Idempotent commands derive their events' ids from their key, the same on every attempt
 * (a retry after a lost race, a resend, another process), so the log holds them once
 * whatever happens: a resend is found by id before deciding; one that races its original
 * is found when the store reports the ids written, when they collide, or when the
 * command is refused (the original may be what refuses it).
 */
export const handleAll = <Command, Event extends TaggedEvent, State, Refusal, GuardError = never, GuardContext = never>(
  aggregate: Aggregate<Command, Event, State, Refusal>,
  id: string,
  commands: ReadonlyArray<Submitted<Command>>,
  options: Omit<HandleOptions<GuardError, GuardContext>, "metadata"> = {}
): Effect.Effect<
  ReadonlyArray<Result.Result<Handled<Event, State>, Refusal | IdempotencyKeyReused>>,
  AppendError | GuardError,
  EventStore | SnapshotStore | StateCache | GuardContext
> =>
  Effect.gen(function*() {
    const streamId = streamOf(aggregate, id)
    const store = yield* EventStore
    const cache = yield* StateCache
    const ids = yield* EventIds
    const encode = Schema.encodeEffect(aggregate.events)
    const budget: Budget = { races: options.retries ?? 0, lookUps: lookUpsPerCommand }
    const unconditional = options.unconditional === true && options.expectedVersion === undefined
    const keys = commands.map(({ metadata }) => metadata?.idempotency)
    const idempotent = keys.some((key) => key !== undefined)
    /** The answers of the commands found to be resends. */
    const resolved: Array<Result.Result<Handled<Event, State>, IdempotencyKeyReused> | undefined> = commands.map(() => undefined)
    /** Looks for the originals of the commands not yet answered; how many were found. */
    const lookForOriginals = Effect.map(
      recall(aggregate, id, keys.map((key, index) => (resolved[index] === undefined ? key : undefined))),
      (found) =>
        found.reduce((count, outcome, index) => {
          if (outcome === undefined) return count
          resolved[index] = outcome
          return count + 1
        }, 0)
    )
    /** A race made the originals worth looking for again: found any (within the budget)? */
    const foundOriginals = Effect.suspend(() =>
      idempotent && budget.lookUps-- > 0 ? Effect.map(lookForOriginals, (found) => found > 0) : Effect.succeed(false)
    )

    /** One load and the commands decided on it, in turn; their events encoded, not written. */
    const decide = (trustCache: boolean): Effect.Effect<Decision<Event, State, Refusal>, AppendError, EventStore | SnapshotStore> =>
      Effect.gen(function*() {
        const cached = trustCache ? cache.get(streamId) : undefined
        const fromCache = cached !== undefined && cached.revision === aggregate.snapshotRevision &&
          (options.expectedVersion === undefined || options.expectedVersion === cached.version)
        const loaded: Loaded<State> = fromCache ? { ...cached, state: cached.state as State } : yield* load(aggregate, id)
        if (options.expectedVersion !== undefined && options.expectedVersion !== loaded.version) {
          return { _tag: "VersionMoved", actual: loaded.version }
        }
        const decisions: Array<Result.Result<ReadonlyArray<Event>, Refusal> | undefined> = []
        const newEvents: Array<NewEvent> = []
        let state = loaded.state
        let refusedResend = false
        for (const [index, { command, metadata }] of commands.entries()) {
          if (resolved[index] !== undefined) {
            decisions.push(undefined)
            continue
          }
          const decided = aggregate.decider.decide(command, state)
          decisions.push(decided)
          if (Result.isFailure(decided)) {
            if (fromCache) return { _tag: "StaleRefusal" }
            refusedResend ||= keys[index] !== undefined
            continue
          }
          const events = decided.success
          const key = keys[index]
          const recorded = Idempotency.eventMetadata(metadata)
          for (const [position, event] of events.entries()) {
            const { _tag, ...data } = (yield* encode(event).pipe(Effect.mapError(corrupt(streamId)))) as TaggedEvent
            newEvents.push({
              eventId: key === undefined ? yield* ids.next : Idempotency.eventId(key, position),
              type: _tag,
              schemaVersion: aggregate.schemaVersions?.[_tag] ?? 1,
              data,
              ...(recorded ? { metadata: recorded } : {})
            })
          }
          state = fold(aggregate.decider, events, state)
        }
        return { _tag: "Decided", loaded, fromCache, decisions, newEvents, refusedResend }
      })

    /** The decided events appended at the version they were decided on (or at any, unconditional). */
    const write = (decided: Decided<Event, State, Refusal>): Effect.Effect<Written, AppendError, EventStore> =>
      store.append(streamId, decided.newEvents, unconditional ? ExpectedVersion.any : ExpectedVersion.exact(decided.loaded.version)).pipe(
        Effect.map((appended): Written => ({ _tag: "Written", appended })),
        Effect.catchTag("ConcurrencyConflict", (conflict) => {
          cache.delete(streamId)
          return Effect.succeed<Written>({ _tag: "Lost", conflict })
        }),
        // Ids derived from a key collide with the original's when it was written meanwhile.
        Effect.catchTag("DuplicateEventId", (duplicate) => Effect.succeed<Written>({ _tag: "Collided", duplicate }))
      )

    /** The answers once the events are in: each command's state and version after its own. */
    const settle = (decided: Decided<Event, State, Refusal>, appended: AppendResult) =>
      Effect.gen(function*() {
        const { loaded } = decided
        const version = appended.version
        const before = version - decided.newEvents.length
        let base = loaded.state
        if (before !== loaded.version) {
          // Appended unconditionally after other writers: their events come before these.
          const between = (yield* store.readStream(streamId, { from: loaded.version + 1, limit: before - loaded.version }))
            .filter((event) => event.version <= before)
          base = fold(aggregate.decider, yield* Effect.forEach(between, (event) => decodeEvent(aggregate, event)), base)
        }
        const settled = outcomes(aggregate, decided.decisions, base, before)
        let snapshotVersion = loaded.snapshotVersion
        if (version - snapshotVersion >= aggregate.snapshotEvery) {
          yield* saveSnapshot(aggregate, streamId, settled.state, version)
          snapshotVersion = version
        }
        cache.set(streamId, { revision: aggregate.snapshotRevision, version, snapshotVersion, state: settled.state })
        return merged(resolved, settled.outcomes)
      })

    // The transitions: after each setback, what is tried next — or the setback stands.
    let lookUp = idempotent
    let guarded = options.guard === undefined
    let trustCache = true
    while (true) {
      if (lookUp) {
        lookUp = false
        yield* lookForOriginals
      }
      if (resolved.every((outcome) => outcome !== undefined)) return resolved as Array<Result.Result<Handled<Event, State>, IdempotencyKeyReused>>
      if (!guarded) {
        yield* options.guard!
        guarded = true
      }
      const decision = yield* decide(trustCache)
      trustCache = false
      if (decision._tag === "StaleRefusal") continue // decided again on a fresh load
      if (decision._tag === "VersionMoved") {
        // The version may have been moved on by the original of this very command.
        if (yield* foundOriginals) continue
        return yield* new ConcurrencyConflict({ streamId, expected: String(options.expectedVersion), actual: decision.actual })
      }
      // A refusal may come of the original, written since it was looked for: look once more.
      if (decision.refusedResend && (yield* foundOriginals)) continue
      if (decision.newEvents.length === 0) return merged(resolved, outcomes(aggregate, decision.decisions, decision.loaded.state, decision.loaded.version).outcomes)
      const written = yield* write(decision)
      switch (written._tag) {
        case "Lost":
          // A stale cache lost nothing but a read; a real race costs one of the retries.
          if (!decision.fromCache && budget.races-- <= 0) return yield* Effect.fail(written.conflict)
          lookUp = idempotent && budget.lookUps-- > 0
          continue
        case "Collided":
          if (!(idempotent && budget.lookUps-- > 0)) return yield* Effect.fail(written.duplicate)
          lookUp = true
          continue
        case "Written":
          // These very events were in the log already: the original's answer is the one to give.
          if (written.appended.resent === true && idempotent && budget.lookUps-- > 0) {
            lookUp = true
            continue
          }
          return yield* settle(decision, written.appended)
      }
    }
  })

/**
 * `handleAll`'s retry policy: how often each kind of setback may be met before it stands.
 * `races`: appends lost to another writer, each answered by a reload and a new decision (a
 * loss decided on a cached state is free — the cache was stale, no race was lost).
 * `lookUps`: times a race made an idempotent command's original worth looking for again (a
 * refusal, a moved version, colliding ids, events the store already had) — bounded, so
 * that no loop spins.
 */
interface Budget {
  races: number
  lookUps: number
}

const lookUpsPerCommand = 3

/** What one load and the decisions on it came to. */
type Decision<Event, State, Refusal> =
  /** The stream is no longer at the version the command was conditional on. */
  | { readonly _tag: "VersionMoved"; readonly actual: number }
  /** A command was refused on the cached state: a fresh load must confirm it. */
  | { readonly _tag: "StaleRefusal" }
  | Decided<Event, State, Refusal>

interface Decided<Event, State, Refusal> {
  readonly _tag: "Decided"
  readonly loaded: Loaded<State>
  readonly fromCache: boolean
  /** Per command: its events, its refusal, or nothing (answered as a resend). */
  readonly decisions: ReadonlyArray<Result.Result<ReadonlyArray<Event>, Refusal> | undefined>
  readonly newEvents: ReadonlyArray<NewEvent>
  /** An idempotent command was refused: its original, written meanwhile, may be why. */
  readonly refusedResend: boolean
}

/** What appending the decided events came to. */
type Written =
  | { readonly _tag: "Written"; readonly appended: AppendResult }
  /** Another writer appended first. */
  | { readonly _tag: "Lost"; readonly conflict: ConcurrencyConflict }
  /** Event ids already in the log: derived ids, whose original was written meanwhile. */
  | { readonly _tag: "Collided"; readonly duplicate: DuplicateEventId }

/** The resends' answers in their commands' places, the decided ones in theirs. */
const merged = <A, E, F>(
  resolved: ReadonlyArray<Result.Result<A, F> | undefined>,
  decided: ReadonlyArray<Result.Result<A, E> | undefined>
): Array<Result.Result<A, E | F>> => resolved.map((outcome, index) => outcome ?? decided[index]!)

/** Each command's events applied in turn from the state and version they were appended after. */
const outcomes = <Event extends TaggedEvent, State, Refusal>(
  aggregate: Aggregate<any, Event, State, Refusal>,
  decisions: ReadonlyArray<Result.Result<ReadonlyArray<Event>, Refusal> | undefined>,
  base: State,
  baseVersion: number
) => {
  let state = base
  let version = baseVersion
  const settled = decisions.map((decided) =>
    decided && Result.map(decided, (events): Handled<Event, State> => {
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
    const encoded = yield* Schema.encodeEffect(aggregate.state)(state)
    yield* snapshots.save(streamId, aggregate.snapshotRevision, { version, state: encoded })
  }).pipe(Effect.catch((error) => Effect.logWarning("snapshot not saved", { streamId, error: String(error) })))
