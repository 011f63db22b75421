import { Clock, Duration, Effect, Option, Redacted, Schema } from "effect"
import * as CutoverPhases from "../../domain/CutoverPhases.ts"
import { ControlRecords } from "../ports/ControlRecords.ts"
import { Secrets } from "../ports/Secrets.ts"
import { concurrentChange, CutoverFailed } from "./CutoverFailed.ts"
import { on, type SideContext } from "./Sides.ts"

/**
 * The cutover's record (the domain's `CutoverRecord`) as kept beside the origin's log, in
 * its control records: every serving process is configured with the origin, so that is
 * where each learns which side serves. Written compare-and-set, each change counted as a
 * step; read by every serving process on a schedule, and trusted only so long.
 */

const recordName = "cutover"
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

export const nowIso = Effect.map(Clock.currentTimeMillis, (millis) => new Date(millis).toISOString())

export interface Recorded {
  readonly record: CutoverPhases.CutoverRecord
  readonly version: number
}

const RecordJson = Schema.fromJsonString(CutoverPhases.CutoverRecord)

/** The cutover recorded beside the origin's log, if any. */
export const read = Effect.gen(function*() {
  const stored = yield* (yield* ControlRecords).get(recordName)
  if (Option.isNone(stored)) return Option.none<Recorded>()
  const record = yield* Schema.decodeUnknownEffect(RecordJson)(stored.value.value).pipe(
    Effect.mapError(() => new CutoverFailed({ reason: "the cutover record of this database is unreadable" }))
  )
  return Option.some<Recorded>({ record, version: stored.value.version })
})

/** The record read, or the refusal of a step that needs one. */
export const required = (current: Option.Option<Recorded>) =>
  Option.match(current, { onNone: () => Effect.fail(new CutoverFailed({ reason: "no cutover is under way" })), onSome: Effect.succeed })

/** Writes `record` over `current` (none: the first record), failing if another command wrote meanwhile. */
export const write = (current: Recorded | undefined, record: CutoverPhases.CutoverRecord) =>
  Effect.gen(function*() {
    const written = yield* (yield* ControlRecords).put(recordName, Schema.encodeSync(RecordJson)(record), current?.version ?? 0)
    if (!written) return yield* concurrentChange()
    return { record, version: (current?.version ?? 0) + 1 } satisfies Recorded
  })

/** Records a new phase, counting the change. */
export const enter = (origin: SideContext, current: Recorded, phase: CutoverPhases.Phase, changes: Partial<CutoverPhases.CutoverRecord> = {}) =>
  Effect.gen(function*() {
    const record = { ...current.record, ...changes, phase, step: current.record.step + 1, updatedAt: yield* nowIso }
    return yield* on(origin, write(current, record))
  })

/** The target's URL sealed for the record: its credentials are never kept in clear. */
export const sealTargetUrl = (url: string) => Effect.flatMap(Secrets, (secrets) => secrets.seal(sealOwner, url))

/** The target's URL, opened from the record. */
export const targetUrl = (record: CutoverPhases.CutoverRecord) =>
  Effect.flatMap(Secrets, (secrets) => Effect.map(secrets.open(sealOwner, record.target), Redacted.value))
