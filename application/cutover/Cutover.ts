import { Clock, Context, Duration, Effect, Fiber, Option, Redacted, Result, Schedule, Schema, Stream } from "effect"
import * as CutoverPhases from "../../domain/CutoverPhases.ts"
import { ControlRecords } from "../ports/ControlRecords.ts"
import { hashedId, uuidV7 } from "../ports/EventIds.ts"
import { EventStore, ExpectedVersion, type RecordedEvent } from "../ports/EventStore.ts"
import { canonicalLine } from "../eventsourcing/LogDigest.ts"
import { type Checkpoint, digestAt, follower } from "../eventsourcing/LogChain.ts"
import { InlineProjections } from "../eventsourcing/Projection.ts"
import { ProjectionStore } from "../ports/ProjectionStore.ts"
import { bulkChunkSize, rebuildProjection } from "../eventsourcing/rebuildProjection.ts"
import { KeyRing, Secrets } from "../ports/Secrets.ts"
import { finishedFenceReason, type StoreUnavailable } from "../ports/StoreError.ts"
import type { Store } from "../ports/Store.ts"

/**
 * Moving a live log between backends, written once against the ports so that every pair
 * of backends works. The origin (the database the cutover starts from, the one every
 * serving process is configured with) keeps the cutover's record beside its log; the
 * target gets the log copied with its ids and positions, then every new event in order
 * (the mirror), each import applying the target's inline projections in its transaction.
 * A switch fences the origin, drains the mirror, verifies both logs by hash, and makes the
 * target the primary; the mirror then runs the other way, so a rollback is a replay.
 * See ARCHITECTURE.md, "Moving to another backend".
 */

/** A backend as the cutover sees it: its store and the projections registered on it. */
export type SideContext = Context.Context<Store | InlineProjections | Secrets>

export interface Sides {
  readonly origin: SideContext
  readonly target: SideContext
}

export class CutoverFailed extends Schema.TaggedError<CutoverFailed>()("CutoverFailed", {
  reason: Schema.String
}) {
  override get message() {
    return this.reason
  }
}

const recordName = "cutover"
const leaseName = "cutover-mirror"
/** The owner whose data key seals the target's URL in the record. */
const sealOwner = "strata/cutover"

/** Every serving process reads the origin's record this often, so it learns a switch within it. */
export const learnInterval = Duration.millis(100)
/** While a switch or a rollback is under way, every serving process reads the record this often. */
export const switchingInterval = Duration.millis(20)

/** A switch or a rollback is under way: the side that serves is about to change. */
export const isSwitching = (phase: CutoverPhases.Phase | undefined) => phase === "switching" || phase === "rollingBack"

/**
 * How long a serving process trusts what it read of the record, from the moment that read
 * began: past it, the process reads the record again before it serves anything (see
 * `ServingStore`). Three reading intervals, so that a process reading on time never waits.
 * A step that changes the side that serves waits this long after its record commits:
 * every process then knows it, whatever its reading schedule or a stall.
 */
export const trustFor = (phase: CutoverPhases.Phase | undefined) =>
  Duration.times(isSwitching(phase) ? switchingInterval : learnInterval, 3)
/** How often the mirror extends both logs' digests: a verify then reads at most this much of either. */
const digestInterval = Duration.seconds(5)
/** Events per import transaction. */
const batchSize = 10_000

const on = <A, E>(side: SideContext, effect: Effect.Effect<A, E, Store | InlineProjections | Secrets>) => Effect.provide(effect, side)
const nowIso = Effect.map(Clock.currentTimeMillis, (millis) => new Date(millis).toISOString())

// The record

export interface Recorded {
  readonly record: CutoverPhases.CutoverRecord
  readonly version: number
}

const RecordJson = Schema.fromJsonString(CutoverPhases.CutoverRecord)

/** The cutover recorded beside the origin's log, if any. */
export const readRecord = Effect.gen(function*() {
  const stored = yield* (yield* ControlRecords).get(recordName)
  if (Option.isNone(stored)) return Option.none<Recorded>()
  const record = yield* Schema.decodeUnknownEffect(RecordJson)(stored.value.value).pipe(
    Effect.mapError(() => new CutoverFailed({ reason: "the cutover record of this database is unreadable" }))
  )
  return Option.some<Recorded>({ record, version: stored.value.version })
})

const writeRecord = (current: Recorded | undefined, record: CutoverPhases.CutoverRecord) =>
  Effect.gen(function*() {
    const written = yield* (yield* ControlRecords).put(recordName, Schema.encodeSync(RecordJson)(record), current?.version ?? 0)
    if (!written) {
      return yield* new CutoverFailed({ reason: "another cutover command changed the cutover at the same time; run this one again" })
    }
    return { record, version: (current?.version ?? 0) + 1 } satisfies Recorded
  })

/** Records a new phase, counting the change. */
const enter = (origin: SideContext, current: Recorded, phase: CutoverPhases.Phase, changes: Partial<CutoverPhases.CutoverRecord> = {}) =>
  Effect.gen(function*() {
    const record = { ...current.record, ...changes, phase, step: current.record.step + 1, updatedAt: yield* nowIso }
    return yield* on(origin, writeRecord(current, record))
  })

/** The target's URL, opened from the record. */
export const targetUrl = (record: CutoverPhases.CutoverRecord) =>
  Effect.flatMap(Secrets, (secrets) => Effect.map(secrets.open(sealOwner, record.target), Redacted.value))

// The copy, as the target itself says it

/**
 * Kept on the target (its own control records): a copy fills it, and its projections are
 * built only after the copy, so until then its read models say nothing true. What is read
 * on the target alone (`strata verify`) learns it here; the origin's record says it too.
 */
const copyName = "cutover-copy"
const CopyJson = Schema.fromJsonString(Schema.Struct({ cutover: Schema.String, total: Schema.Number, copied: Schema.Boolean }))

/** A target still being filled: it holds `held` events of the `total` the copy brings. */
export interface Filling {
  readonly held: number
  readonly total: number
}

export const describeFilling = (filling: Filling) =>
  `the target holds ${filling.held} of ${filling.total} events; its projections are built after the copy`

const writeCopy = (target: SideContext, copy: typeof CopyJson.Type) =>
  on(target, Effect.gen(function*() {
    const records = yield* ControlRecords
    const value = Schema.encodeSync(CopyJson)(copy)
    // Compare-and-set over whatever is there: only another start at the same moment moves it.
    for (let attempt = 0; attempt < 5; attempt++) {
      const stored = yield* records.get(copyName)
      if (yield* records.put(copyName, value, Option.match(stored, { onNone: () => 0, onSome: (record) => record.version }))) return
    }
    return yield* new CutoverFailed({ reason: "another cutover command changed the cutover at the same time; run this one again" })
  }))

/** On a store: whether a cutover's copy is filling it (its projections not built yet). */
export const copyUnderWay = Effect.gen(function*() {
  const stored = yield* (yield* ControlRecords).get(copyName)
  const copy = Option.getOrUndefined(Option.flatMap(stored, (record) => Result.getSuccess(Schema.decodeUnknownResult(CopyJson)(record.value))))
  if (copy === undefined || copy.copied) return Option.none<Filling>()
  return Option.some<Filling>({ held: yield* (yield* EventStore).head, total: copy.total })
})

// The cutover's own events, on the log of the side that serves

/** An event id derived from the cutover and its step: a step run again writes its event once. */
const stepEventId = (cutoverId: string, step: number) => hashedId(`${cutoverId}/${step}`)

const recordEvent = (side: SideContext, current: Recorded, type: string, data: Record<string, unknown>) =>
  on(side, Effect.flatMap(EventStore, (store) =>
    store.append(`cutover-${current.record.id}`, [{
      eventId: stepEventId(current.record.id, current.record.step),
      type,
      data: { target: current.record.targetLabel, ...data },
      metadata: { actor: "cutover", correlationId: current.record.id }
    }], ExpectedVersion.any)))

// Copying

const isFenceOfThisCutover = (reason: string | undefined, id: string) => reason !== undefined && reason.includes(`cutover ${id}`)

/**
 * Copies what `from` has beyond `to`'s head, in position order, up to `from`'s head as it
 * is when the copy begins (a live source never runs dry: the mirror takes what comes
 * after). Another copier (the mirror of a serving process) may import the same events at
 * the same time: the target refuses the second import of a position, and the copy
 * continues from the target's new head. Returns the target's head.
 *
 * With `digest`, both logs' chains (see `LogChain`) follow the copy: each page copied is
 * hashed as read from the origin and as read back from the target while the next page is
 * written, so that a verify after the copy reads nothing again.
 */
export const catchUp = (
  from: SideContext,
  to: SideContext,
  options: {
    readonly applyProjections: boolean
    readonly digest?: boolean
    readonly onBatch?: (count: number) => Effect.Effect<void>
  }
) =>
  Effect.gen(function*() {
    const source = Context.get(from, EventStore)
    const sink = Context.get(to, EventStore)
    const upTo = yield* source.head
    const read = (after: number) =>
      Effect.forkChild(Effect.map(source.readAll({ after, limit: batchSize }), (page) => page.filter((event) => event.position <= upTo)))
    let after = yield* sink.head
    if (after >= upTo) return after
    const chains = options.digest === true ? { origin: yield* on(from, follower), target: yield* on(to, follower) } : undefined
    const digest = (page: ReadonlyArray<RecordedEvent>) => {
      const last = page[page.length - 1]!.position
      return Effect.all([chains!.origin.extendTo(last, page), chains!.target.extendTo(last)], { concurrency: 2 })
    }
    let next = yield* read(after)
    let digesting: Fiber.Fiber<unknown, StoreUnavailable> | undefined
    const stop = Effect.suspend(() => Effect.all([Fiber.interrupt(next), digesting ? Fiber.interrupt(digesting) : Effect.void]))
    while (true) {
      const page = yield* Fiber.join(next).pipe(Effect.onError(() => stop))
      if (page.length === 0) break
      // The next page is read while this one is written: the copy takes the slower of the two, not their sum.
      next = yield* read(page[page.length - 1]!.position)
      const imported = yield* sink.importEvents(page, { applyProjections: options.applyProjections }).pipe(
        Effect.as(true),
        Effect.catchTag("ImportRefused", (refused) =>
          Effect.flatMap(sink.head, (head) => head > after ? Effect.succeed(false) : Effect.fail(refused))),
        Effect.onError(() => stop)
      )
      if (imported) {
        after = page[page.length - 1]!.position
        if (chains) {
          // One page hashed at a time, beside the next page's import.
          if (digesting) yield* Fiber.join(digesting).pipe(Effect.onError(() => stop))
          digesting = yield* Effect.forkChild(digest(page))
        }
        if (options.onBatch) yield* options.onBatch(page.length)
      } else {
        yield* Fiber.interrupt(next)
        after = yield* sink.head
        next = yield* read(after)
      }
      if (after >= upTo) break
    }
    yield* Fiber.interrupt(next)
    if (digesting) yield* Fiber.join(digesting)
    return after
  })

/** Makes `to`'s key ring what `from`'s is: new keys copied, re-wrapped ones updated, shredded ones destroyed. */
export const syncKeyRing = (from: SideContext, to: SideContext) =>
  Effect.gen(function*() {
    const source = Context.get(from, KeyRing)
    const sink = Context.get(to, KeyRing)
    const wanted = yield* source.all
    const wantedById = new Map(wanted.map((key) => [key.keyId, key]))
    for (const key of yield* sink.all) {
      if (!wantedById.has(key.keyId)) yield* sink.destroy(key.owner)
    }
    const present = new Map((yield* sink.all).map((key) => [key.keyId, key]))
    for (const key of wanted) {
      const there = present.get(key.keyId)
      if (there === undefined) yield* sink.insert(key)
      else if (there.wrapped !== key.wrapped || there.masterKeyId !== key.masterKeyId) {
        yield* sink.rewrap(key.keyId, key.masterKeyId, key.wrapped)
      }
    }
  })

/**
 * Follows `from` and imports every new event into `to` with its inline projections, until
 * interrupted; the key ring is brought along every second. Run by the holder of the
 * mirror lease (a serving process, or `strata cutover mirror`).
 */
export const mirror = (from: SideContext, to: SideContext) =>
  Effect.gen(function*() {
    yield* syncKeyRing(from, to).pipe(
      Effect.catch((error) => Effect.logWarning("cutover mirror: key ring sync failed", error)),
      Effect.repeat(Schedule.spaced(Duration.seconds(1))),
      Effect.forkScoped
    )
    // Both chains follow the mirror, so that a verify (the switch's among them) reads only
    // the last seconds of the log.
    const chains = { origin: yield* on(from, follower), target: yield* on(to, follower) }
    yield* Effect.gen(function*() {
      const [originHead, targetHead] = yield* heads({ origin: from, target: to })
      const upTo = Math.min(originHead, targetHead)
      yield* Effect.all([chains.origin.extendTo(upTo), chains.target.extendTo(upTo)], { concurrency: 2 })
    }).pipe(
      Effect.catch((error) => Effect.logWarning("cutover mirror: extending the logs' digests failed", error)),
      Effect.repeat(Schedule.spaced(digestInterval)),
      Effect.forkScoped
    )
    const source = Context.get(from, EventStore)
    const sink = Context.get(to, EventStore)
    // Indexes a killed copy left set aside are the mirror's holder's to build (serving processes leave them).
    yield* sink.buildIndexes
    // A refused import means another copier got there first: start again from the target's head.
    const follow = Effect.gen(function*() {
      const after = yield* catchUp(from, to, { applyProjections: true })
      yield* source.follow(after).pipe(
        Stream.groupedWithin(batchSize, Duration.millis(5)),
        Stream.runForEach((chunk) => sink.importEvents([...chunk] as ReadonlyArray<RecordedEvent>, { applyProjections: true }))
      )
    })
    return yield* follow.pipe(
      Effect.catchTag("ImportRefused", () => Effect.void),
      Effect.forever
    )
  }).pipe(Effect.scoped)

// Verifying

export interface ProjectionComparison {
  readonly name: string
  readonly documents: number
  /** Keys whose documents differ between the two sides (missing on one included). */
  readonly differing: ReadonlyArray<string>
}

export interface Verification {
  /** Both logs were compared up to here (the lower of the two heads). */
  readonly upTo: number
  readonly originHead: number
  readonly targetHead: number
  readonly origin: Checkpoint
  readonly target: Checkpoint
  readonly identical: boolean
  /** The first position where the logs differ, when they do. */
  readonly firstDifference?: number
  /**
   * Compared only at a moment when both heads are equal and stay so while the documents are
   * read: at different heads, read models differ by the mirror's lag.
   */
  readonly projections?: ReadonlyArray<ProjectionComparison>
  /** The cutover is still copying: the target's projections are built after the copy, and are not compared. */
  readonly filling?: Filling
}

const firstDifference = (sides: Sides, upTo: number) =>
  Effect.gen(function*() {
    const left = Context.get(sides.origin, EventStore)
    const right = Context.get(sides.target, EventStore)
    let after = 0
    while (after < upTo) {
      const a = yield* left.readAll({ after, limit: batchSize })
      const b = yield* right.readAll({ after, limit: batchSize })
      for (let index = 0; index < Math.max(a.length, b.length); index++) {
        const x = a[index]
        const y = b[index]
        if (x === undefined || y === undefined || canonicalLine(x) !== canonicalLine(y)) return (x ?? y)!.position
      }
      if (a.length === 0) return after + 1
      after = a[a.length - 1]!.position
    }
    return upTo
  })

const compareProjections = (sides: Sides) =>
  Effect.gen(function*() {
    const comparisons: Array<ProjectionComparison> = []
    for (const projection of Context.get(sides.origin, InlineProjections)) {
      const read = (side: SideContext) =>
        on(side, Effect.flatMap(ProjectionStore, (store) => store.liveDocuments(projection.name)))
      const canonical = (documents: ReadonlyArray<{ key: string; partition?: unknown; sort?: unknown; doc: unknown }>) =>
        new Map(documents.map((document) => [document.key, JSON.stringify([document.partition, document.sort, document.doc])]))
      const a = canonical(yield* read(sides.origin))
      const b = canonical(yield* read(sides.target))
      const keys = new Set([...a.keys(), ...b.keys()])
      comparisons.push({ name: projection.name, documents: a.size, differing: [...keys].filter((key) => a.get(key) !== b.get(key)).sort() })
    }
    return comparisons
  })

const heads = (sides: Sides) =>
  Effect.all([
    on(sides.origin, Effect.flatMap(EventStore, (store) => store.head)),
    on(sides.target, Effect.flatMap(EventStore, (store) => store.head))
  ])

/**
 * Read models compared at a still moment: both heads equal before and after the documents
 * are read. A live log may not offer one within a few tries; then nothing is claimed.
 */
const compareWhenStill = (sides: Sides) =>
  Effect.gen(function*() {
    for (let attempt = 0; attempt < 20; attempt++) {
      const [originBefore, targetBefore] = yield* heads(sides)
      if (originBefore === targetBefore) {
        const comparisons = yield* compareProjections(sides)
        const [originAfter, targetAfter] = yield* heads(sides)
        if (originAfter === originBefore && targetAfter === targetBefore) return comparisons
      }
      yield* Effect.sleep("50 millis")
    }
    return undefined
  })

/** Both logs' chains, held across calls: each extension reads only what came since the last. */
export interface Chains {
  readonly origin: Effect.Success<typeof follower>
  readonly target: Effect.Success<typeof follower>
}

/** Both logs by count and chained hash up to the lower head, and, at a still moment, every projection. */
export const verify = (sides: Sides, options: { readonly projections: boolean; readonly chains?: Chains } = { projections: true }) =>
  Effect.gen(function*() {
    const originHead = yield* on(sides.origin, Effect.flatMap(EventStore, (store) => store.head))
    const targetHead = yield* on(sides.target, Effect.flatMap(EventStore, (store) => store.head))
    const upTo = Math.min(originHead, targetHead)
    // Both at once: one side's reads wait on its database while the other's are hashed.
    const [origin, target] = yield* Effect.all(
      options.chains === undefined
        ? [on(sides.origin, digestAt(upTo)), on(sides.target, digestAt(upTo))]
        : [options.chains.origin.extendTo(upTo), options.chains.target.extendTo(upTo)],
      { concurrency: 2 }
    )
    const identical = origin.hash === target.hash && origin.count === target.count
    const recorded = options.projections ? Option.getOrUndefined(yield* on(sides.origin, readRecord)) : undefined
    const filling = recorded?.record.phase === "copying" ? { held: targetHead, total: originHead } : undefined
    const projections = options.projections && identical && filling === undefined ? yield* compareWhenStill(sides) : undefined
    return {
      upTo,
      originHead,
      targetHead,
      origin,
      target,
      identical,
      ...(identical ? {} : { firstDifference: yield* firstDifference(sides, upTo) }),
      ...(projections === undefined ? {} : { projections }),
      ...(filling === undefined ? {} : { filling })
    } satisfies Verification
  })

const describeMismatch = (verification: Verification) =>
  `the logs differ at position ${verification.firstDifference} (origin: ${verification.originHead} events, target: ${verification.targetHead})`

// The steps

const planOrFail = (step: CutoverPhases.Step, current: Option.Option<Recorded>) =>
  Result.match(CutoverPhases.plan(step, Option.getOrUndefined(current)?.record.phase), { onFailure: Effect.fail, onSuccess: Effect.succeed })

const requireRecord = (current: Option.Option<Recorded>) =>
  Option.match(current, { onNone: () => Effect.fail(new CutoverFailed({ reason: "no cutover is under way" })), onSome: Effect.succeed })

export interface StartOptions {
  readonly url: string
  /** The target without credentials. */
  readonly label: string
  readonly onCopyStart?: (total: number) => Effect.Effect<void>
  readonly onCopied?: (count: number) => Effect.Effect<void>
}

/**
 * Copies the log and the key ring, builds the target's projections, and mirrors until the
 * target has caught up. Run again after an interruption, it continues after the target's
 * head.
 */
export const start = (sides: Sides, options: StartOptions) =>
  Effect.gen(function*() {
    const existing = yield* on(sides.origin, readRecord)
    const plan = yield* planOrFail("start", existing)
    let current: Recorded
    if (Option.isSome(existing) && CutoverPhases.isUnderWay(existing.value.record.phase)) {
      const recordedUrl = yield* on(sides.origin, targetUrl(existing.value.record))
      if (recordedUrl !== options.url) {
        return yield* new CutoverFailed({
          reason: `a cutover to ${existing.value.record.targetLabel} is under way; abort it before starting another`
        })
      }
      current = existing.value
    } else {
      const targetHead = yield* on(sides.target, Effect.flatMap(EventStore, (store) => store.head))
      if (targetHead > 0) {
        // A target that holds events must hold the beginning of this log, nothing else.
        const verification = yield* verify(sides, { projections: false })
        if (!verification.identical || verification.originHead < targetHead) {
          return yield* new CutoverFailed({
            reason: `the target holds ${targetHead} events that are not this log's (${describeMismatch(verification)}); start into an empty database`
          })
        }
      }
      const now = yield* nowIso
      const sealed = yield* on(sides.origin, Effect.flatMap(Secrets, (secrets) => secrets.seal(sealOwner, options.url)))
      current = yield* on(sides.origin, writeRecord(Option.getOrUndefined(existing), {
        id: uuidV7(),
        phase: plan!.through,
        target: sealed,
        targetLabel: options.label,
        step: (Option.getOrUndefined(existing)?.record.step ?? 0) + 1,
        startedAt: now,
        copyFrom: targetHead,
        copyStartedAt: now,
        updatedAt: now
      }))
      yield* recordEvent(sides.origin, current, "CutoverStarted", { targetHead })
    }
    // Nobody but the mirror may write to the target until it is switched to.
    yield* on(sides.target, Effect.flatMap(EventStore, (store) =>
      store.fence(`cutover ${current.record.id}: a mirror of the origin; writes go to the origin`)))
    if (current.record.phase === "copying") {
      const originHead = yield* on(sides.origin, Effect.flatMap(EventStore, (store) => store.head))
      const targetHead = yield* on(sides.target, Effect.flatMap(EventStore, (store) => store.head))
      if (options.onCopyStart) yield* options.onCopyStart(originHead - targetHead)
      yield* writeCopy(sides.target, { cutover: current.record.id, total: originHead, copied: false })
      // The target takes nothing but this copy until it is mirroring: its indexes are built after the load.
      yield* on(sides.target, Effect.flatMap(EventStore, (store) =>
        store.bulkLoad(
          catchUp(sides.origin, sides.target, { applyProjections: false, digest: true, ...(options.onCopied ? { onBatch: options.onCopied } : {}) })
        )))
      yield* syncKeyRing(sides.origin, sides.target)
      for (const projection of Context.get(sides.target, InlineProjections)) {
        yield* on(sides.target, rebuildProjection(projection.name, { fresh: true, chunkSize: bulkChunkSize }))
      }
      yield* writeCopy(sides.target, { cutover: current.record.id, total: originHead, copied: true })
      current = yield* enter(sides.origin, current, "mirroring")
      yield* recordEvent(sides.origin, current, "CutoverCopied", { position: targetHead })
    }
    const head = yield* catchUp(sides.origin, sides.target, { applyProjections: true })
    yield* syncKeyRing(sides.origin, sides.target)
    return { record: current.record, head }
  })

/**
 * Fences `from`, drains it into `to`, verifies (from `chains`, when the announcement
 * brought them to the head); on a difference, undoes the fence and fails.
 */
const drainAndVerify = <E>(
  from: SideContext,
  to: SideContext,
  id: string,
  reason: string,
  sides: Sides,
  undo: Effect.Effect<unknown, E>,
  chains: Chains | undefined
) =>
  Effect.gen(function*() {
    yield* on(from, Effect.flatMap(EventStore, (store) => store.fence(`cutover ${id}: ${reason}`)))
    const head = yield* catchUp(from, to, { applyProjections: true })
    yield* syncKeyRing(from, to)
    const verification = yield* verify(sides, { projections: false, ...(chains === undefined ? {} : { chains }) })
    if (!verification.identical || verification.originHead !== verification.targetHead) {
      yield* undo
      return yield* new CutoverFailed({ reason: `${describeMismatch(verification)}; nothing was switched` })
    }
    return head
  })

/**
 * Announces a switch or a rollback (its phase just recorded) before anything is fenced:
 * once every serving process has read it, each reads the record every
 * `switchingInterval` and trusts it only `trustFor` that phase, so the wait after the new
 * primary is recorded, inside the pause, is short. Meanwhile both logs' digests are
 * brought to the lower head, so the verify inside the pause reads only what came since.
 */
const announce = (sides: Sides) =>
  Effect.all([
    Effect.sleep(trustFor("mirroring")),
    Effect.gen(function*() {
      const chains: Chains = { origin: yield* on(sides.origin, follower), target: yield* on(sides.target, follower) }
      const upTo = Math.min(...(yield* heads(sides)))
      yield* Effect.all([chains.origin.extendTo(upTo), chains.target.extendTo(upTo)], { concurrency: 2 })
      return chains
    }).pipe(
      Effect.catch((error) =>
        Effect.as(Effect.logWarning("cutover: extending the logs' digests before the fence failed; the verify reads more", error), undefined)
      )
    )
  ], { concurrency: 2 }).pipe(Effect.map(([, chains]) => chains))

/**
 * Makes the target the primary: announce it, fence the origin (inside its appends), drain
 * the mirror, verify both logs, record the target as primary, wait until every serving
 * process has read that, lift the target's fence. Writes arriving meanwhile wait, then
 * land on the target. Run again after an interruption, it completes.
 */
export const switchOver = (sides: Sides) =>
  Effect.gen(function*() {
    const existing = yield* on(sides.origin, readRecord)
    const plan = yield* planOrFail("switch", existing)
    let current = yield* requireRecord(existing)
    let fenced = yield* Clock.currentTimeMillis
    if (plan !== undefined) {
      const origin = Context.get(sides.origin, EventStore)
      // Run again after the fence, the announcement was read long ago: the writes already wait.
      const announced = current.record.phase === "switching" && isFenceOfThisCutover((yield* origin.fenceState)?.reason, current.record.id)
      if (current.record.phase !== "switching") current = yield* enter(sides.origin, current, "switching")
      const chains = announced ? undefined : yield* announce(sides)
      fenced = yield* Clock.currentTimeMillis
      const undo = Effect.gen(function*() {
        const now = yield* requireRecord(yield* on(sides.origin, readRecord))
        yield* enter(sides.origin, now, "mirroring")
        yield* on(sides.origin, Effect.flatMap(EventStore, (store) => store.unfence))
      })
      const head = yield* drainAndVerify(sides.origin, sides.target, current.record.id, `switching to ${current.record.targetLabel}`, sides, undo, chains)
      current = yield* enter(sides.origin, current, "switched", { fencedAt: head })
    }
    yield* Effect.sleep(trustFor("switching"))
    const target = Context.get(sides.target, EventStore)
    if (isFenceOfThisCutover((yield* target.fenceState)?.reason, current.record.id)) yield* target.unfence
    const pauseMillis = (yield* Clock.currentTimeMillis) - fenced
    yield* recordEvent(sides.target, current, "CutoverSwitched", { position: current.record.fencedAt ?? 0 })
    return { record: current.record, pauseMillis }
  })

/**
 * Before a switch: forgets the target's role (the origin never stopped serving). After a
 * switch: the origin replays what the target received since, is verified, and serves
 * again, with the same guarantees as a switch; the target goes back to being a mirror.
 */
export const rollback = (sides: Sides) =>
  Effect.gen(function*() {
    const existing = yield* on(sides.origin, readRecord)
    const plan = yield* planOrFail("rollback", existing)
    let current = yield* requireRecord(existing)
    if (plan === undefined) return current.record
    const origin = Context.get(sides.origin, EventStore)
    switch (current.record.phase) {
      case "copying":
      case "mirroring": {
        current = yield* enter(sides.origin, current, "aborted")
        yield* recordEvent(sides.origin, current, "CutoverAborted", {})
        return current.record
      }
      case "switching": {
        current = yield* enter(sides.origin, current, "mirroring")
        yield* origin.unfence
        yield* recordEvent(sides.origin, current, "CutoverRolledBack", {})
        return current.record
      }
      default: {
        const announced = current.record.phase === "rollingBack" &&
          isFenceOfThisCutover((yield* Context.get(sides.target, EventStore).fenceState)?.reason, current.record.id)
        if (current.record.phase !== "rollingBack") current = yield* enter(sides.origin, current, "rollingBack")
        const chains = announced ? undefined : yield* announce(sides)
        const undo = Effect.gen(function*() {
          const now = yield* requireRecord(yield* on(sides.origin, readRecord))
          yield* enter(sides.origin, now, "switched")
          yield* on(sides.target, Effect.flatMap(EventStore, (store) => store.unfence))
        })
        const head = yield* drainAndVerify(sides.target, sides.origin, current.record.id, "rolling back to the origin", sides, undo, chains)
        current = yield* enter(sides.origin, current, "mirroring", { fencedAt: head })
        yield* Effect.sleep(trustFor("rollingBack"))
        if (isFenceOfThisCutover((yield* origin.fenceState)?.reason, current.record.id)) yield* origin.unfence
        yield* recordEvent(sides.origin, current, "CutoverRolledBack", { position: head })
        return current.record
      }
    }
  })

/** Stops mirroring back; the origin stays intact and fenced for good, its record saying where the log went. */
export const finish = (sides: Sides) =>
  Effect.gen(function*() {
    const existing = yield* on(sides.origin, readRecord)
    const plan = yield* planOrFail("finish", existing)
    let current = yield* requireRecord(existing)
    if (plan !== undefined) {
      // What the target took since the switch, into the origin once more: it is left complete up to here.
      yield* catchUp(sides.target, sides.origin, { applyProjections: true })
      current = yield* enter(sides.origin, current, "finished")
    }
    yield* on(sides.origin, Effect.flatMap(EventStore, (store) => store.fence(finishedFenceReason(`cutover ${current.record.id}: the log moved to ${current.record.targetLabel}`))))
    yield* recordEvent(sides.target, current, "CutoverFinished", {})
    return current.record
  })

/** Before a switch: forgets the cutover. The target is left as it is. */
export const abort = (sides: Pick<Sides, "origin">) =>
  Effect.gen(function*() {
    const existing = yield* on(sides.origin, readRecord)
    const plan = yield* planOrFail("abort", existing)
    let current = yield* requireRecord(existing)
    if (plan !== undefined) {
      current = yield* enter(sides.origin, current, "aborted")
      yield* recordEvent(sides.origin, current, "CutoverAborted", {})
    }
    return current.record
  })

// Status

export interface Status {
  readonly record: CutoverPhases.CutoverRecord
  readonly originHead: number
  readonly targetHead: number
  /** While copying: events copied, of how many, at what rate. */
  readonly copy?: { readonly done: number; readonly total: number; readonly perSecond: number; readonly etaSeconds: number }
  /** While mirroring: how far the mirror's target is behind the side that serves. */
  readonly lag?: { readonly events: number; readonly seconds: number }
  readonly mirrorHolder?: string
}

export const status = (sides: Sides) =>
  Effect.gen(function*() {
    const current = yield* requireRecord(yield* on(sides.origin, readRecord))
    const record = current.record
    const originHead = yield* on(sides.origin, Effect.flatMap(EventStore, (store) => store.head))
    const targetHead = yield* on(sides.target, Effect.flatMap(EventStore, (store) => store.head))
    const now = yield* Clock.currentTimeMillis
    const direction = CutoverPhases.mirror(record.phase)
    const lease = yield* on(sides.origin, readLease)
    const base = { record, originHead, targetHead, ...(lease !== undefined && lease.until > now ? { mirrorHolder: lease.holder } : {}) }
    if (record.phase === "copying") {
      const done = targetHead - record.copyFrom
      const total = originHead - record.copyFrom
      const seconds = Math.max(0.001, (now - Date.parse(record.copyStartedAt)) / 1000)
      const perSecond = done / seconds
      return { ...base, copy: { done, total, perSecond, etaSeconds: perSecond > 0 ? Math.ceil((total - done) / perSecond) : 0 } } as Status
    }
    if (direction === undefined) return base as Status
    const [from, to] = direction.from === "origin" ? [sides.origin, targetHead] : [sides.target, originHead]
    const next = yield* on(from, Effect.flatMap(EventStore, (store) => store.readAll({ after: to, limit: 1 })))
    const behind = (direction.from === "origin" ? originHead : targetHead) - to
    const seconds = next.length === 0 ? 0 : Math.max(0, (now - Date.parse(next[0]!.recordedAt)) / 1000)
    return { ...base, lag: { events: Math.max(0, behind), seconds } } as Status
  })

// The mirror's lease

interface Lease {
  readonly holder: string
  /** Epoch milliseconds. */
  readonly until: number
}
const LeaseJson = Schema.fromJsonString(Schema.Struct({ holder: Schema.String, until: Schema.Number }))

const readLease = Effect.gen(function*() {
  const stored = yield* (yield* ControlRecords).get(leaseName)
  return Option.getOrUndefined(Option.flatMap(stored, (record) => Result.getSuccess(Schema.decodeUnknownResult(LeaseJson)(record.value)))) as Lease | undefined
})

/**
 * Takes or renews the mirror's lease in the origin's control records: true while `holder`
 * holds it. A holder that dies stops renewing, and the next taker finds it expired.
 */
export const holdLease = (holder: string, ttl: Duration.Duration) =>
  Effect.gen(function*() {
    const records = yield* ControlRecords
    const now = yield* Clock.currentTimeMillis
    const stored = yield* records.get(leaseName)
    const lease = Option.getOrUndefined(Option.flatMap(stored, (record) => Result.getSuccess(Schema.decodeUnknownResult(LeaseJson)(record.value))))
    if (lease !== undefined && lease.holder !== holder && lease.until > now) return false
    // Renewed at half its life: the holder writes a few times per lease, not on every look.
    if (lease !== undefined && lease.holder === holder && lease.until - now > Duration.toMillis(ttl) / 2) return true
    const value = Schema.encodeSync(LeaseJson)({ holder, until: now + Duration.toMillis(ttl) })
    return yield* records.put(leaseName, value, Option.match(stored, { onNone: () => 0, onSome: (record) => record.version }))
  })

/** Gives the lease up (a clean stop), so that another process takes over at once. */
export const releaseLease = (holder: string) =>
  Effect.gen(function*() {
    const records = yield* ControlRecords
    const stored = yield* records.get(leaseName)
    if (Option.isNone(stored)) return
    const lease = Result.getSuccess(Schema.decodeUnknownResult(LeaseJson)(stored.value.value))
    if (Option.isSome(lease) && lease.value.holder === holder) {
      yield* records.put(leaseName, Schema.encodeSync(LeaseJson)({ holder, until: 0 }), stored.value.version)
    }
  })
