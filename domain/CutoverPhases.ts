import { Result, Schema } from "effect"
import { SealedSecret } from "./SealedSecret.ts"

/**
 * Moving a live log to another backend. The database the cutover starts from (the
 * origin) keeps the cutover's record; the target receives a copy of the log, then every
 * new event (the mirror); a switch makes the target the primary and mirrors back, so that
 * a rollback is a replay. These are the phases, and which step may move between them.
 */

export const Phase = Schema.Literals([
  /** The log is being copied to the target by `start`; the origin serves. */
  "copying",
  /** The target follows the origin event by event; the origin serves. */
  "mirroring",
  /** The origin is fenced; the target catches up and is verified before it serves. */
  "switching",
  /** The target serves; the origin follows it, so that a rollback stays possible. */
  "switched",
  /** The target is fenced; the origin catches up and is verified before it serves again. */
  "rollingBack",
  /** The target serves for good; the origin stays fenced, with this record saying where the log went. */
  "finished",
  /** Forgotten before a switch; the target is left as it is. */
  "aborted"
])
export type Phase = typeof Phase.Type

export const CutoverRecord = Schema.Struct({
  id: Schema.String,
  phase: Phase,
  /** The target's URL, sealed under the origin's key ring: it may hold credentials. */
  target: SealedSecret,
  /** The target without credentials, for people and logs. */
  targetLabel: Schema.String,
  /** Counts the phase changes: names each change's event, so that a step run again writes it once. */
  step: Schema.Number,
  startedAt: Schema.String,
  /** The target's head when the copy began, and when: what the copy's rate is measured from. */
  copyFrom: Schema.Number,
  copyStartedAt: Schema.String,
  /** The position at which the last switch or rollback fenced the log. */
  fencedAt: Schema.optional(Schema.Number),
  updatedAt: Schema.String
})
export type CutoverRecord = typeof CutoverRecord.Type

export type Side = "origin" | "target"

/** Which side serves reads and writes. */
export const primary = (phase: Phase): Side =>
  phase === "switched" || phase === "rollingBack" || phase === "finished" ? "target" : "origin"

/** Which way the mirror runs, if it runs: from the side that serves to the other. */
export const mirror = (phase: Phase): { readonly from: Side; readonly to: Side } | undefined => {
  switch (phase) {
    case "mirroring":
    case "switching":
      return { from: "origin", to: "target" }
    case "switched":
    case "rollingBack":
      return { from: "target", to: "origin" }
    case "copying":
    case "finished":
    case "aborted":
      return undefined
  }
}

/** Whether a cutover in this phase still involves its target. */
export const isUnderWay = (phase: Phase) => phase !== "finished" && phase !== "aborted"

export type Step = "start" | "switch" | "rollback" | "finish" | "abort"

/** A step the cutover's phase does not allow. */
export class CutoverRefused extends Schema.TaggedError<CutoverRefused>()("CutoverRefused", {
  step: Schema.String,
  phase: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `cannot ${this.step} the cutover (${this.phase}): ${this.reason}`
  }
}

/**
 * What a step does from a phase: the phase it works in (recorded first, so that a step
 * interrupted at any point is resumed by running it again) and the phase it ends in.
 * `undefined` when the step is done already.
 */
export interface Plan {
  readonly through: Phase
  readonly to: Phase
}

export const plan = (step: Step, phase: Phase | undefined): Result.Result<Plan | undefined, CutoverRefused> => {
  const refuse = (reason: string) => Result.fail(new CutoverRefused({ step, phase: phase ?? "none", reason }))
  const go = (through: Phase, to: Phase) => Result.succeed<Plan | undefined>({ through, to })
  const done = Result.succeed<Plan | undefined>(undefined)
  switch (step) {
    case "start":
      if (phase === undefined || phase === "aborted" || phase === "copying") return go("copying", "mirroring")
      if (phase === "mirroring") return done
      if (phase === "finished") return refuse("the log moved to the target; start the next cutover from there")
      return refuse("a switch is under way or done; roll back or finish it first")
    case "switch":
      if (phase === "mirroring" || phase === "switching") return go("switching", "switched")
      if (phase === "switched") return done
      if (phase === "copying") return refuse("the copy is not complete; run start again")
      return refuse(phase === undefined ? "no cutover is under way" : `nothing to switch in phase ${phase}`)
    case "rollback":
      if (phase === "copying" || phase === "mirroring") return go("aborted", "aborted")
      if (phase === "switched" || phase === "rollingBack") return go("rollingBack", "mirroring")
      // A switch that cannot complete (its verification failed, its target is gone) is undone.
      if (phase === "switching") return go("mirroring", "mirroring")
      return refuse(phase === undefined ? "no cutover is under way" : `nothing to roll back in phase ${phase}`)
    case "finish":
      if (phase === "switched") return go("finished", "finished")
      if (phase === "finished") return done
      return refuse(phase === undefined ? "no cutover is under way" : "only a switched cutover can be finished; switch first")
    case "abort":
      if (phase === "copying" || phase === "mirroring") return go("aborted", "aborted")
      if (phase === "aborted") return done
      return refuse(phase === undefined ? "no cutover is under way" : "after a switch, roll back instead")
  }
}
