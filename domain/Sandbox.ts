import { Result, Schema } from "effect"
import type { Decider } from "./Decider.ts"
import { ReferenceData, unfit } from "./ReferenceData.ts"

/**
 * Sandboxes (seed 001): chosen from the reference data, then moved through their
 * lifecycle. Every transition the table below does not name is refused, naming the
 * state the sandbox is in.
 *
 *   pending → starting → running → stopping → stopped → starting …
 *   starting | running → failed (with a reason); failed → starting
 *   pending | stopped | failed → deleted (terminal; a running sandbox is stopped first)
 */

export const Status = Schema.Literals(["pending", "starting", "running", "stopping", "stopped", "failed", "deleted"])
export type Status = typeof Status.Type

/** What a sandbox is, from its creation on. */
export const SandboxFields = {
  sandboxId: Schema.String,
  owner: Schema.String,
  name: Schema.String,
  tierId: Schema.String,
  flavorId: Schema.String,
  addonIds: Schema.Array(Schema.String)
}

// Commands

export const CreateSandbox = Schema.TaggedStruct("CreateSandbox", {
  ...SandboxFields,
  /** The reference data in force, as the application read it. */
  referenceData: ReferenceData
})
export const StartSandbox = Schema.TaggedStruct("StartSandbox", { sandboxId: Schema.String })
export const MarkRunning = Schema.TaggedStruct("MarkRunning", { sandboxId: Schema.String })
export const StopSandbox = Schema.TaggedStruct("StopSandbox", { sandboxId: Schema.String })
export const MarkStopped = Schema.TaggedStruct("MarkStopped", { sandboxId: Schema.String })
export const FailSandbox = Schema.TaggedStruct("FailSandbox", { sandboxId: Schema.String, reason: Schema.String })
export const DeleteSandbox = Schema.TaggedStruct("DeleteSandbox", { sandboxId: Schema.String })
export type SandboxCommand =
  | typeof CreateSandbox.Type
  | typeof StartSandbox.Type
  | typeof MarkRunning.Type
  | typeof StopSandbox.Type
  | typeof MarkStopped.Type
  | typeof FailSandbox.Type
  | typeof DeleteSandbox.Type

// Events

export const SandboxCreated = Schema.TaggedStruct("SandboxCreated", {
  ...SandboxFields,
  referenceDataVersion: Schema.Number,
  /** When it was created, where that was not when the event was recorded (an imported sandbox; milliseconds since the epoch). */
  createdAt: Schema.optional(Schema.Number)
})
export const SandboxStarting = Schema.TaggedStruct("SandboxStarting", {})
export const SandboxRunning = Schema.TaggedStruct("SandboxRunning", {})
export const SandboxStopping = Schema.TaggedStruct("SandboxStopping", {})
export const SandboxStopped = Schema.TaggedStruct("SandboxStopped", {})
export const SandboxFailed = Schema.TaggedStruct("SandboxFailed", { reason: Schema.String })
export const SandboxDeleted = Schema.TaggedStruct("SandboxDeleted", {})
export const SandboxEvent = Schema.Union([
  SandboxCreated,
  SandboxStarting,
  SandboxRunning,
  SandboxStopping,
  SandboxStopped,
  SandboxFailed,
  SandboxDeleted
])
export type SandboxEvent = typeof SandboxEvent.Type

// State

export const SandboxState = Schema.Union([
  Schema.TaggedStruct("Absent", {}),
  Schema.TaggedStruct("Sandbox", {
    ...SandboxFields,
    status: Status,
    failureReason: Schema.NullOr(Schema.String)
  })
])
export type SandboxState = typeof SandboxState.Type

// Errors

export class SandboxNotFound extends Schema.TaggedError<SandboxNotFound>()("SandboxNotFound", { sandboxId: Schema.String }) {
  override get message() {
    return `no sandbox ${this.sandboxId}`
  }
}

export class SandboxExists extends Schema.TaggedError<SandboxExists>()("SandboxExists", { sandboxId: Schema.String }) {
  override get message() {
    return `sandbox ${this.sandboxId} exists already`
  }
}

export class InvalidSandbox extends Schema.TaggedError<InvalidSandbox>()("InvalidSandbox", { reason: Schema.String }) {
  override get message() {
    return `invalid sandbox: ${this.reason}`
  }
}

export class IllegalTransition extends Schema.TaggedError<IllegalTransition>()("IllegalTransition", {
  sandboxId: Schema.String,
  current: Status,
  attempted: Schema.String
}) {
  override get message() {
    return `sandbox ${this.sandboxId} is ${this.current}: cannot ${this.attempted}`
  }
}

export type SandboxRefusal = SandboxNotFound | SandboxExists | InvalidSandbox | IllegalTransition

// Rules

type Transition = Exclude<SandboxCommand["_tag"], "CreateSandbox">

/** The lifecycle: for each command, the states it may start from and the event it records. */
const lifecycle: Record<Transition, { readonly from: ReadonlyArray<Status>; readonly verb: string }> = {
  StartSandbox: { from: ["pending", "stopped", "failed"], verb: "start" },
  MarkRunning: { from: ["starting"], verb: "mark running" },
  StopSandbox: { from: ["running"], verb: "stop" },
  MarkStopped: { from: ["stopping"], verb: "mark stopped" },
  FailSandbox: { from: ["starting", "running"], verb: "fail" },
  DeleteSandbox: { from: ["pending", "stopped", "failed"], verb: "delete" }
}

const eventOf = (command: Exclude<SandboxCommand, typeof CreateSandbox.Type>): SandboxEvent => {
  switch (command._tag) {
    case "StartSandbox":
      return SandboxStarting.make({})
    case "MarkRunning":
      return SandboxRunning.make({})
    case "StopSandbox":
      return SandboxStopping.make({})
    case "MarkStopped":
      return SandboxStopped.make({})
    case "FailSandbox":
      return SandboxFailed.make({ reason: command.reason })
    case "DeleteSandbox":
      return SandboxDeleted.make({})
  }
}

export const decide = (command: SandboxCommand, state: SandboxState): Result.Result<ReadonlyArray<SandboxEvent>, SandboxRefusal> => {
  if (command._tag === "CreateSandbox") {
    if (state._tag !== "Absent") return Result.fail(new SandboxExists({ sandboxId: command.sandboxId }))
    if (command.name.trim() === "") return Result.fail(new InvalidSandbox({ reason: "the name is empty" }))
    const reason = unfit(command.referenceData, command)
    if (reason) return Result.fail(new InvalidSandbox({ reason }))
    const { addonIds, flavorId, name, owner, referenceData, sandboxId, tierId } = command
    return Result.succeed([
      SandboxCreated.make({ sandboxId, owner, name, tierId, flavorId, addonIds, referenceDataVersion: referenceData.version })
    ])
  }
  if (state._tag === "Absent" || state.status === "deleted") {
    return Result.fail(new SandboxNotFound({ sandboxId: command.sandboxId }))
  }
  if (command._tag === "FailSandbox" && command.reason.trim() === "") {
    return Result.fail(new InvalidSandbox({ reason: "a failure needs a reason" }))
  }
  const { from, verb } = lifecycle[command._tag]
  return from.includes(state.status)
    ? Result.succeed([eventOf(command)])
    : Result.fail(new IllegalTransition({ sandboxId: state.sandboxId, current: state.status, attempted: verb }))
}

const statusAfter: Record<Exclude<SandboxEvent["_tag"], "SandboxCreated">, Status> = {
  SandboxStarting: "starting",
  SandboxRunning: "running",
  SandboxStopping: "stopping",
  SandboxStopped: "stopped",
  SandboxFailed: "failed",
  SandboxDeleted: "deleted"
}

export const evolve = (state: SandboxState, event: SandboxEvent): SandboxState => {
  if (event._tag === "SandboxCreated") {
    const { addonIds, flavorId, name, owner, sandboxId, tierId } = event
    return { _tag: "Sandbox", sandboxId, owner, name, tierId, flavorId, addonIds, status: "pending", failureReason: null }
  }
  if (state._tag !== "Sandbox") return state
  return {
    ...state,
    status: statusAfter[event._tag],
    failureReason: event._tag === "SandboxFailed" ? event.reason : event._tag === "SandboxStarting" ? null : state.failureReason
  }
}

export const decider: Decider<SandboxCommand, SandboxEvent, SandboxState, SandboxRefusal> = {
  initialState: { _tag: "Absent" },
  decide,
  evolve
}
