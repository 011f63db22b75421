import { Clock, Context, Duration, Effect, Fiber, Layer, Option, Schedule, Scope, Semaphore, Stream } from "effect"
import * as CutoverPhases from "../../domain/CutoverPhases.ts"
import { LogCompaction } from "../ports/LogCompaction.ts"
import { ControlRecords, type ControlRecordsService } from "../ports/ControlRecords.ts"
import * as CutoverRecord from "./CutoverRecord.ts"
import { mirror } from "./mirror.ts"
import * as MirrorLease from "./MirrorLease.ts"
import type { SideContext } from "./Sides.ts"
import { EventStore, type EventStoreService, type RecordedEvent } from "../ports/EventStore.ts"
import { InlineProjections } from "../eventsourcing/Projection.ts"
import { ProjectionStore, type ProjectionStoreService } from "../ports/ProjectionStore.ts"
import { ReadModels, type ReadModelsService } from "../ports/ReadModels.ts"
import { KeyRing, type KeyRingService, type Secrets } from "../ports/Secrets.ts"
import { SnapshotStore, type SnapshotStoreService } from "../ports/SnapshotStore.ts"
import { StateCache, type StateCacheService } from "../ports/StateCache.ts"
import { ApiKeyCache, type ApiKeyCacheService } from "../ports/ApiKeyCache.ts"
import type { ServingPorts, Store } from "../ports/Store.ts"
import type { StoreFenced, StoreUnavailable } from "../ports/StoreError.ts"

/**
 * The store of a serving process: its database's, until a cutover switches the log to
 * another backend — then the other one's, without a restart. Every `learnInterval` it
 * reads its database's cutover record, moves reads and writes to the side that serves,
 * and, while the cutover mirrors, competes for the mirror's lease: exactly one process
 * mirrors at a time, and another takes over when it dies.
 *
 * What it read of the record is trusted for `CutoverRecord.trustFor` its phase, from the moment
 * that read began: a process that has not read it since (a stall, a slow reading) reads it
 * again before it serves anything. So a step that changes the side that serves knows that
 * after `trustFor` no process serves from the old side.
 *
 * An append refused by a fence while a cutover is under way waits (up to `fenceWait`) for
 * the switch to complete and lands on the new primary with the same event ids, so a
 * switch costs a client a pause, not an error.
 */

/**
 * How long an append refused by a cutover's fence waits for the switch to complete. Long:
 * a switch whose command died leaves the fence until the step is run again, and the writes
 * waiting then land rather than being refused.
 */
export const fenceWait = Duration.seconds(30)
/** How long a request waits for the record to be read again before it serves on what its process knew. */
const readAgainWithin = Duration.seconds(1)
/** A mirror's lease outlives its holder by this much: then another process takes over. */
const leaseTtl = Duration.seconds(3)

export interface Options {
  /** The database this process is configured with. */
  readonly origin: SideContext
  /** Opens another backend by URL (a cutover's target), for the life of the process. */
  readonly open: (url: string) => Effect.Effect<SideContext, unknown, Scope.Scope>
  /** This process's name in the mirror's lease. */
  readonly holder: string
}

interface State {
  serving: SideContext
  /** A cutover involving a target is recorded (under way or finished). */
  cutover: CutoverPhases.CutoverRecord | undefined
  target: { readonly url: string; readonly side: SideContext } | undefined
  mirror: { readonly from: CutoverPhases.Side; readonly fiber: Fiber.Fiber<unknown, unknown> } | undefined
}

export const make = (options: Options) =>
  Effect.gen(function*() {
    const scope = yield* Scope.Scope
    const state: State = { serving: options.origin, cutover: undefined, target: undefined, mirror: undefined }
    const sideOf = (name: CutoverPhases.Side) => name === "origin" ? options.origin : state.target!.side

    const stopMirror = Effect.suspend(() => {
      const running = state.mirror
      state.mirror = undefined
      // Not awaited: a mirror inside an import rolls it back in its own time, and nothing
      // that reads the record (appends waiting through a switch among them) waits for that.
      return running === undefined ? Effect.void : Effect.sync(() => running.fiber.interruptUnsafe())
    })

    const refreshing = yield* Semaphore.make(1)
    /** The URL of a target being opened. */
    let opening: string | undefined
    /**
     * When the last read of the record that this process follows began (ms; 0: none yet), and
     * the phase it read: how long it is trusted goes with what that read said, not with a
     * newer phase a reading under way has noted already.
     */
    let known: { readonly at: number; readonly phase: CutoverPhases.Phase | undefined } = { at: 0, phase: undefined }
    /** Reads the record and follows it: which side serves, and whether this process mirrors. */
    const refresh = refreshing.withPermits(1)(Effect.gen(function*() {
      const began = yield* Clock.currentTimeMillis
      const recorded = yield* Effect.provide(CutoverRecord.read, options.origin)
      const record = Option.getOrUndefined(Option.map(recorded, (r) => r.record))
      const involved = record !== undefined && record.phase !== "aborted"
      state.cutover = involved ? record : undefined
      if (!involved) {
        state.serving = options.origin
        known = { at: began, phase: undefined }
        return yield* stopMirror
      }
      const url = yield* Effect.provide(CutoverRecord.targetUrl(record), options.origin)
      if (state.target?.url !== url) {
        // Opening the target (migrating it, bringing its projections live) may wait for the
        // copy's locks: it goes on beside the readings, which keep following the record.
        if (opening !== url) {
          opening = url
          yield* options.open(url).pipe(
            Scope.provide(scope),
            Effect.tap((side) => Effect.sync(() => void (state.target = { url, side }))),
            Effect.tapCause((cause) => Effect.logWarning("opening the cutover's target failed; trying again", cause)),
            Effect.ensuring(Effect.sync(() => void (opening = undefined))),
            Effect.forkIn(scope)
          )
        }
        // Until the target is open, what this process serves is right only while the origin is the primary.
        if (CutoverPhases.primary(record.phase) === "origin") {
          state.serving = options.origin
          known = { at: began, phase: record.phase }
        }
        return
      }
      state.serving = sideOf(CutoverPhases.primary(record.phase))
      known = { at: began, phase: record.phase }
      const direction = CutoverPhases.mirror(record.phase)
      if (direction === undefined) return yield* stopMirror
      const held = yield* Effect.provide(MirrorLease.hold(options.holder, leaseTtl), options.origin)
      if (!held) return yield* stopMirror
      if (state.mirror?.from === direction.from) return
      yield* stopMirror
      const fiber = yield* mirror(sideOf(direction.from), sideOf(direction.to)).pipe(
        Effect.tapCause((cause) => Effect.logWarning("cutover mirror failed; retrying", cause)),
        Effect.retry(Schedule.min([Schedule.exponential("100 millis"), Schedule.spaced("2 seconds")])),
        Effect.forkIn(scope)
      )
      state.mirror = { from: direction.from, fiber }
    }))

    yield* refresh
    /** A streak of failed readings (the database is down) is logged when it starts and when it ends. */
    let failing = false
    yield* refresh.pipe(
      Effect.matchCauseEffect({
        onFailure: (cause) => {
          if (failing) return Effect.void
          failing = true
          return Effect.logWarning("reading the cutover record failed; retrying every interval until it works again", cause)
        },
        onSuccess: () => {
          if (!failing) return Effect.void
          failing = false
          return Effect.logInfo("reading the cutover record works again")
        }
      }),
      // Faster while a switch is under way: the switch waits only `trustFor` after it records the new primary.
      Effect.andThen(Effect.suspend(() =>
        Effect.sleep(CutoverRecord.isSwitching(state.cutover?.phase) ? CutoverRecord.switchingInterval : CutoverRecord.learnInterval)
      )),
      Effect.forever,
      Effect.forkIn(scope)
    )
    yield* Scope.addFinalizer(
      scope,
      Effect.andThen(stopMirror, Effect.provide(MirrorLease.release(options.holder), options.origin)).pipe(Effect.ignore)
    )

    const serving = <I, S>(tag: Context.Key<I, S>) => Context.get(state.serving as Context.Context<I>, tag)
    /**
     * Before serving: what this process knows of the record is still to be trusted, or it is
     * read again first. Bounded: a record that cannot be read (the origin down) leaves the
     * request to be served on what the process knew.
     */
    const current = Effect.flatMap(Clock.currentTimeMillis, (now) =>
      now - known.at < Duration.toMillis(CutoverRecord.trustFor(known.phase))
        ? Effect.void
        : refresh.pipe(Effect.timeout(readAgainWithin), Effect.ignore))
    /** `use` on the side that serves, once `current`. */
    const onServing = <I, S, A, E, R>(tag: Context.Key<I, S>, use: (service: S) => Effect.Effect<A, E, R>) =>
      Effect.andThen(current, Effect.suspend(() => use(serving(tag))))

    /**
     * A fence met while a cutover is under way: the switch is in progress. Wait for the
     * record to name the new primary (or the switch to be undone), then append there, with
     * the same event ids (a resend that did land is recognised, so nothing lands twice).
     * While the side that refused the append still serves and the switch is under way,
     * nothing is sent again: the fence stays until the record changes, and a fenced append
     * still takes the database's write lock (SQLite's), which the switch's own writes need.
     */
    const appendThroughSwitch = (
      deadline: number,
      refusedBy: SideContext,
      fenced: StoreFenced,
      ...[streamId, events, expected]: Parameters<EventStoreService["append"]>
    ): ReturnType<EventStoreService["append"]> =>
      Effect.gen(function*() {
        while (true) {
          if ((yield* Clock.currentTimeMillis) >= deadline) return yield* fenced
          yield* Effect.sleep(CutoverRecord.switchingInterval)
          // Read again if what this process knows is no longer to be trusted (the reading loop
          // goes every 20 ms during a switch); bounded: a record that cannot be read is read on the next turn.
          yield* current
          if (state.cutover === undefined || !CutoverPhases.isUnderWay(state.cutover.phase)) return yield* fenced
          if (state.serving !== refusedBy || !CutoverRecord.isSwitching(state.cutover.phase)) break
        }
        const side = state.serving
        return yield* Context.get(side, EventStore).append(streamId, events, expected).pipe(
          Effect.catchTag("StoreFenced", (again) => appendThroughSwitch(deadline, side, again, streamId, events, expected))
        )
      })

    /**
     * Follows the side that serves, and goes on from the last event it gave on the side a
     * switch (or a rollback) moves to: positions are portable, and that side holds every
     * event of the other up to its fenced head before it serves, so nothing is skipped or
     * given twice. Following one side only, a reader would stop at the finish (the origin
     * takes no events after it) and lag by the mirror's delay after a switch.
     */
    const followServing = (after: number): Stream.Stream<RecordedEvent, StoreUnavailable> =>
      Stream.suspend(() => {
        const side = state.serving
        let last = after
        const moved = Effect.sync(() => state.serving !== side).pipe(
          Effect.repeat({ until: (changed) => changed, schedule: Schedule.spaced(CutoverRecord.learnInterval) })
        )
        return Context.get(side, EventStore).follow(after).pipe(
          Stream.interruptWhen(moved),
          // After the interruption: only what went out counts as given.
          Stream.tap((event) => Effect.sync(() => void (last = event.position))),
          Stream.concat(Stream.suspend(() => followServing(last)))
        )
      })

    const eventStore: EventStoreService = {
      append: (streamId, events, expected) =>
        Effect.andThen(current, () => {
          const side = state.serving
          return Context.get(side, EventStore).append(streamId, events, expected).pipe(
            Effect.catchTag("StoreFenced", (fenced) =>
              Effect.flatMap(Clock.currentTimeMillis, (now) =>
                appendThroughSwitch(now + Duration.toMillis(fenceWait), side, fenced, streamId, events, expected)))
          )
        }),
      readStream: (streamId, options) => onServing(EventStore, (store) => store.readStream(streamId, options)),
      streamVersion: (streamId) => onServing(EventStore, (store) => store.streamVersion(streamId)),
      readAll: (options) => onServing(EventStore, (store) => store.readAll(options)),
      query: (audit) => onServing(EventStore, (store) => store.query(audit)),
      follow: (after) => followServing(after),
      head: onServing(EventStore, (store) => store.head)
    }
    const readModels: ReadModelsService = {
      get: (projection, key) => onServing(ReadModels, (models) => models.get(projection, key)),
      peek: (projection, key) => serving(ReadModels).peek(projection, key),
      list: (projection, query) => onServing(ReadModels, (models) => models.list(projection, query))
    }
    const projectionStore: ProjectionStoreService = {
      status: Effect.suspend(() => serving(ProjectionStore).status),
      liveDocuments: (name) => serving(ProjectionStore).liveDocuments(name),
      startRebuild: (name) => serving(ProjectionStore).startRebuild(name),
      rebuildStep: (name, chunkSize) => serving(ProjectionStore).rebuildStep(name, chunkSize)
    }
    const snapshotStore: SnapshotStoreService = {
      load: (streamId, revision) => serving(SnapshotStore).load(streamId, revision),
      save: (streamId, revision, snapshot) => serving(SnapshotStore).save(streamId, revision, snapshot)
    }
    const keyRing: KeyRingService = {
      byOwner: (owner) => serving(KeyRing).byOwner(owner),
      byId: (keyId) => serving(KeyRing).byId(keyId),
      insert: (key) => serving(KeyRing).insert(key),
      // Forgetting an owner during a cutover shreds on both sides at once; the mirror's sync would only do it within a second.
      destroy: (owner) =>
        Effect.andThen(
          serving(KeyRing).destroy(owner),
          state.target === undefined || state.cutover === undefined || !CutoverPhases.isUnderWay(state.cutover.phase)
            ? Effect.void
            : Context.get(state.serving === options.origin ? state.target.side : options.origin, KeyRing).destroy(owner)
        ),
      all: Effect.suspend(() => serving(KeyRing).all),
      rewrap: (keyId, masterKeyId, wrapped) => serving(KeyRing).rewrap(keyId, masterKeyId, wrapped)
    }
    const stateCache: StateCacheService = {
      get: (streamId) => serving(StateCache).get(streamId),
      set: (streamId, entry) => serving(StateCache).set(streamId, entry),
      delete: (streamId) => serving(StateCache).delete(streamId)
    }
    // The serving side's cache: a switch starts on the target's, which has followed its own log.
    const apiKeyCache: ApiKeyCacheService = {
      lookup: (hash, load) => Effect.suspend(() => serving(ApiKeyCache).lookup(hash, load)),
      peek: (hash, now) => serving(ApiKeyCache).peek(hash, now),
      forget: (keyId) => serving(ApiKeyCache).forget(keyId)
    }
    const controlRecords: ControlRecordsService = {
      get: (name) => Context.get(options.origin, ControlRecords).get(name),
      put: (name, value, expected) => Context.get(options.origin, ControlRecords).put(name, value, expected)
    }
    // The serving ports only: what an operator does to a log (`LogOperations`) it does on a
    // side, with the cutover's sides in hand, never through the store that follows them.
    const context: Context.Context<ServingPorts | InlineProjections> = Context.make(EventStore, eventStore).pipe(
      Context.add(ReadModels, readModels),
      Context.add(ProjectionStore, projectionStore),
      Context.add(SnapshotStore, snapshotStore),
      Context.add(KeyRing, keyRing),
      Context.add(StateCache, stateCache),
      Context.add(ApiKeyCache, apiKeyCache),
      Context.add(ControlRecords, controlRecords),
      // The configured database's: a compaction refuses to run while a cutover is under way.
      Context.add(LogCompaction, Context.get(options.origin, LogCompaction)),
      Context.add(InlineProjections, Context.get(options.origin, InlineProjections))
    )
    const service: ServingStoreService = {
      cutover: () => state.cutover,
      mirroring: () => state.mirror !== undefined,
      sides: () => ({ origin: options.origin, target: state.target?.side }),
      open: (url) => options.open(url).pipe(Scope.provide(scope)),
      refresh: refresh.pipe(Effect.ignore)
    }
    return { context, service }
  })

/** What a serving process knows of the cutover, for the admin API, `/ready` and `/metrics`. */
export interface ServingStoreService {
  /** The cutover as this process last read it (none, or aborted: undefined). */
  readonly cutover: () => CutoverPhases.CutoverRecord | undefined
  /** Whether this process holds the mirror's lease and runs it. */
  readonly mirroring: () => boolean
  /** The configured database, and the cutover's target once one is recorded. */
  readonly sides: () => { readonly origin: SideContext; readonly target: SideContext | undefined }
  /** Opens another backend for the life of the process (a cutover's target). */
  readonly open: (url: string) => Effect.Effect<SideContext, unknown>
  /** Reads the record now rather than at the next interval (after a step this process ran). */
  readonly refresh: Effect.Effect<void>
}

export class ServingStore extends Context.Service<ServingStore, ServingStoreService>()("strata/ServingStore") {}

/** The serving store as a layer over the configured database's side. */
export const layer = (origin: Layer.Layer<Store | InlineProjections | Secrets, unknown>, open: Options["open"], holder: string) =>
  Layer.effectContext(Effect.gen(function*() {
    const side = yield* Layer.build(origin)
    const serving = yield* make({ origin: side, open, holder })
    return Context.add(serving.context, ServingStore, serving.service)
  }))
