import { Clock, Context, Effect, Option, Result } from "effect"
import * as CutoverPhases from "../../domain/CutoverPhases.ts"
import { uuidV7 } from "../ports/EventIds.ts"
import { LogOperations } from "../ports/LogOperations.ts"
import { InlineProjections } from "../eventsourcing/Projection.ts"
import { bulkChunkSize, rebuildProjection } from "../eventsourcing/rebuildProjection.ts"
import { finishedFenceReason } from "../ports/StoreError.ts"
import { catchUp } from "./catchUp.ts"
import * as Chains from "./Chains.ts"
import * as CopyRecord from "./CopyRecord.ts"
import { CutoverFailed } from "./CutoverFailed.ts"
import * as CutoverRecord from "./CutoverRecord.ts"
import { recordStepEvent } from "./recordStepEvent.ts"
import { head, heads, on, type SideContext, type Sides } from "./Sides.ts"
import { syncKeyRing } from "./syncKeyRing.ts"
import { describeMismatch, verifyCopy } from "./verifyCopy.ts"

/**
 * Moving a live log between backends, written once against the ports so that every pair
 * of backends works. The origin (the database the cutover starts from, the one every
 * serving process is configured with) keeps the cutover's record beside its log; the
 * target gets the log copied with its ids and positions, then every new event in order
 * (the mirror), each import applying the target's inline projections in its transaction.
 * A switch fences the origin, drains the mirror, verifies both logs by hash, and makes the
 * target the primary; the mirror then runs the other way, so a rollback is a replay.
 * See ARCHITECTURE.md, "Moving to another backend".
 *
 * This file holds the steps an operator runs (`start`, `switchOver`, `rollback`, `finish`,
 * `abort`); what they are made of has a file each beside it: the record (`CutoverRecord`),
 * the copy (`catchUp`, `syncKeyRing`, `CopyRecord`), the mirror and its lease (`mirror`,
 * `MirrorLease`), the verify (`verifyCopy`, `Chains`), the status (`cutoverStatus`).
 */

const isFenceOfThisCutover = (reason: string | undefined, id: string) => reason !== undefined && reason.includes(`cutover ${id}`)

const planOrFail = (step: CutoverPhases.Step, current: Option.Option<CutoverRecord.Recorded>) =>
  Result.match(CutoverPhases.plan(step, Option.getOrUndefined(current)?.record.phase), { onFailure: Effect.fail, onSuccess: Effect.succeed })

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
    const existing = yield* on(sides.origin, CutoverRecord.read)
    const plan = yield* planOrFail("start", existing)
    let current: CutoverRecord.Recorded
    if (Option.isSome(existing) && CutoverPhases.isUnderWay(existing.value.record.phase)) {
      const recordedUrl = yield* on(sides.origin, CutoverRecord.targetUrl(existing.value.record))
      if (recordedUrl !== options.url) {
        return yield* new CutoverFailed({
          reason: `a cutover to ${existing.value.record.targetLabel} is under way; abort it before starting another`
        })
      }
      current = existing.value
    } else {
      const targetHead = yield* head(sides.target)
      if (targetHead > 0) {
        // A target that holds events must hold the beginning of this log, nothing else.
        const verification = yield* verifyCopy(sides, { projections: false })
        if (!verification.identical || verification.originHead < targetHead) {
          return yield* new CutoverFailed({
            reason: `the target holds ${targetHead} events that are not this log's (${describeMismatch(verification)}); start into an empty database`
          })
        }
      }
      const now = yield* CutoverRecord.nowIso
      const sealed = yield* on(sides.origin, CutoverRecord.sealTargetUrl(options.url))
      current = yield* on(sides.origin, CutoverRecord.write(Option.getOrUndefined(existing), {
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
      yield* recordStepEvent(sides.origin, current, "CutoverStarted", { targetHead })
    }
    // Nobody but the mirror may write to the target until it is switched to.
    yield* on(sides.target, Effect.flatMap(LogOperations, (log) =>
      log.fence(`cutover ${current.record.id}: a mirror of the origin; writes go to the origin`)))
    if (current.record.phase === "copying") {
      const [originHead, targetHead] = yield* heads(sides)
      if (options.onCopyStart) yield* options.onCopyStart(originHead - targetHead)
      yield* CopyRecord.write(sides.target, { cutover: current.record.id, total: originHead, copied: false })
      // The target takes nothing but this copy until it is mirroring: its indexes are built after the load.
      yield* on(sides.target, Effect.flatMap(LogOperations, (log) =>
        log.bulkLoad(
          catchUp(sides.origin, sides.target, { applyProjections: false, digest: true, ...(options.onCopied ? { onBatch: options.onCopied } : {}) })
        )))
      yield* syncKeyRing(sides.origin, sides.target)
      for (const projection of Context.get(sides.target, InlineProjections)) {
        yield* on(sides.target, rebuildProjection(projection.name, { fresh: true, chunkSize: bulkChunkSize }))
      }
      yield* CopyRecord.write(sides.target, { cutover: current.record.id, total: originHead, copied: true })
      current = yield* CutoverRecord.enter(sides.origin, current, "mirroring")
      yield* recordStepEvent(sides.origin, current, "CutoverCopied", { position: targetHead })
    }
    const caughtUpTo = yield* catchUp(sides.origin, sides.target, { applyProjections: true })
    yield* syncKeyRing(sides.origin, sides.target)
    return { record: current.record, head: caughtUpTo }
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
  chains: Chains.Chains | undefined
) =>
  Effect.gen(function*() {
    yield* on(from, Effect.flatMap(LogOperations, (log) => log.fence(`cutover ${id}: ${reason}`)))
    const drained = yield* catchUp(from, to, { applyProjections: true })
    yield* syncKeyRing(from, to)
    const verification = yield* verifyCopy(sides, { projections: false, ...(chains === undefined ? {} : { chains }) })
    if (!verification.identical || verification.originHead !== verification.targetHead) {
      yield* undo
      return yield* new CutoverFailed({ reason: `${describeMismatch(verification)}; nothing was switched` })
    }
    return drained
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
    Effect.sleep(CutoverRecord.trustFor("mirroring")),
    Effect.gen(function*() {
      const chains = yield* Chains.of(sides)
      yield* Chains.extendToLowerHead(sides, chains)
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
    const existing = yield* on(sides.origin, CutoverRecord.read)
    const plan = yield* planOrFail("switch", existing)
    let current = yield* CutoverRecord.required(existing)
    let fenced = yield* Clock.currentTimeMillis
    if (plan !== undefined) {
      const origin = Context.get(sides.origin, LogOperations)
      // Run again after the fence, the announcement was read long ago: the writes already wait.
      const announced = current.record.phase === "switching" && isFenceOfThisCutover((yield* origin.fenceState)?.reason, current.record.id)
      if (current.record.phase !== "switching") current = yield* CutoverRecord.enter(sides.origin, current, "switching")
      const chains = announced ? undefined : yield* announce(sides)
      fenced = yield* Clock.currentTimeMillis
      const undo = Effect.gen(function*() {
        const now = yield* CutoverRecord.required(yield* on(sides.origin, CutoverRecord.read))
        yield* CutoverRecord.enter(sides.origin, now, "mirroring")
        yield* on(sides.origin, Effect.flatMap(LogOperations, (log) => log.unfence))
      })
      const drained = yield* drainAndVerify(sides.origin, sides.target, current.record.id, `switching to ${current.record.targetLabel}`, sides, undo, chains)
      current = yield* CutoverRecord.enter(sides.origin, current, "switched", { fencedAt: drained })
    }
    yield* Effect.sleep(CutoverRecord.trustFor("switching"))
    const target = Context.get(sides.target, LogOperations)
    if (isFenceOfThisCutover((yield* target.fenceState)?.reason, current.record.id)) yield* target.unfence
    const pauseMillis = (yield* Clock.currentTimeMillis) - fenced
    yield* recordStepEvent(sides.target, current, "CutoverSwitched", { position: current.record.fencedAt ?? 0 })
    return { record: current.record, pauseMillis }
  })

/**
 * Before a switch: forgets the target's role (the origin never stopped serving). After a
 * switch: the origin replays what the target received since, is verified, and serves
 * again, with the same guarantees as a switch; the target goes back to being a mirror.
 */
export const rollback = (sides: Sides) =>
  Effect.gen(function*() {
    const existing = yield* on(sides.origin, CutoverRecord.read)
    const plan = yield* planOrFail("rollback", existing)
    let current = yield* CutoverRecord.required(existing)
    if (plan === undefined) return current.record
    const origin = Context.get(sides.origin, LogOperations)
    switch (current.record.phase) {
      case "copying":
      case "mirroring": {
        current = yield* CutoverRecord.enter(sides.origin, current, "aborted")
        yield* recordStepEvent(sides.origin, current, "CutoverAborted", {})
        return current.record
      }
      case "switching": {
        current = yield* CutoverRecord.enter(sides.origin, current, "mirroring")
        yield* origin.unfence
        yield* recordStepEvent(sides.origin, current, "CutoverRolledBack", {})
        return current.record
      }
      default: {
        const announced = current.record.phase === "rollingBack" &&
          isFenceOfThisCutover((yield* Context.get(sides.target, LogOperations).fenceState)?.reason, current.record.id)
        if (current.record.phase !== "rollingBack") current = yield* CutoverRecord.enter(sides.origin, current, "rollingBack")
        const chains = announced ? undefined : yield* announce(sides)
        const undo = Effect.gen(function*() {
          const now = yield* CutoverRecord.required(yield* on(sides.origin, CutoverRecord.read))
          yield* CutoverRecord.enter(sides.origin, now, "switched")
          yield* on(sides.target, Effect.flatMap(LogOperations, (log) => log.unfence))
        })
        const drained = yield* drainAndVerify(sides.target, sides.origin, current.record.id, "rolling back to the origin", sides, undo, chains)
        current = yield* CutoverRecord.enter(sides.origin, current, "mirroring", { fencedAt: drained })
        yield* Effect.sleep(CutoverRecord.trustFor("rollingBack"))
        if (isFenceOfThisCutover((yield* origin.fenceState)?.reason, current.record.id)) yield* origin.unfence
        yield* recordStepEvent(sides.origin, current, "CutoverRolledBack", { position: drained })
        return current.record
      }
    }
  })

/** Stops mirroring back; the origin stays intact and fenced for good, its record saying where the log went. */
export const finish = (sides: Sides) =>
  Effect.gen(function*() {
    const existing = yield* on(sides.origin, CutoverRecord.read)
    const plan = yield* planOrFail("finish", existing)
    let current = yield* CutoverRecord.required(existing)
    if (plan !== undefined) {
      // What the target took since the switch, into the origin once more: it is left complete up to here.
      yield* catchUp(sides.target, sides.origin, { applyProjections: true })
      current = yield* CutoverRecord.enter(sides.origin, current, "finished")
    }
    yield* on(sides.origin, Effect.flatMap(LogOperations, (log) => log.fence(finishedFenceReason(`cutover ${current.record.id}: the log moved to ${current.record.targetLabel}`))))
    yield* recordStepEvent(sides.target, current, "CutoverFinished", {})
    return current.record
  })

/** Before a switch: forgets the cutover. The target is left as it is. */
export const abort = (sides: Pick<Sides, "origin">) =>
  Effect.gen(function*() {
    const existing = yield* on(sides.origin, CutoverRecord.read)
    const plan = yield* planOrFail("abort", existing)
    let current = yield* CutoverRecord.required(existing)
    if (plan !== undefined) {
      current = yield* CutoverRecord.enter(sides.origin, current, "aborted")
      yield* recordStepEvent(sides.origin, current, "CutoverAborted", {})
    }
    return current.record
  })
