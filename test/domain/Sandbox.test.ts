import { describe, expect, test } from "bun:test"
import { Result, Schema } from "effect"
import { DeciderSpec } from "../../domain/DeciderSpec.ts"
import { ReferenceData } from "../../domain/ReferenceData.ts"
import * as Sandbox from "../../domain/Sandbox.ts"
import bundled from "../../reference/reference-data.json"

const referenceData = Schema.decodeUnknownSync(ReferenceData)(bundled)
const sandboxes = DeciderSpec.for(Sandbox.decider)
const id = "sb1"
const create = (choice: { tierId: string; flavorId: string; addonIds: Array<string> }) =>
  Sandbox.CreateSandbox.make({ sandboxId: id, owner: "alice", name: "dev", referenceData, ...choice })
const created = Sandbox.SandboxCreated.make({
  sandboxId: id,
  owner: "alice",
  name: "dev",
  tierId: "medium",
  flavorId: "node",
  addonIds: ["postgres"],
  referenceDataVersion: 1
})
const starting = Sandbox.SandboxStarting.make({})
const running = Sandbox.SandboxRunning.make({})
const stopping = Sandbox.SandboxStopping.make({})
const stopped = Sandbox.SandboxStopped.make({})

describe("sandboxes", () => {
  test("a sandbox is created from the reference data in force", () => {
    sandboxes.given([]).when(create({ tierId: "medium", flavorId: "node", addonIds: ["postgres"] })).then([created])
  })

  test("choices the reference data does not allow are refused, saying why", () => {
    const refused = (choice: { tierId: string; flavorId: string; addonIds: Array<string> }, reason: string) =>
      sandboxes.given([]).when(create(choice)).thenRefused(new Sandbox.InvalidSandbox({ reason }))
    refused({ tierId: "huge", flavorId: "node", addonIds: [] }, `no resource tier "huge"`)
    refused({ tierId: "small", flavorId: "cobol", addonIds: [] }, `no flavor "cobol"`)
    refused({ tierId: "small", flavorId: "gpu-python", addonIds: [] }, `flavor "gpu-python" does not run on tier "small"`)
    refused({ tierId: "small", flavorId: "node", addonIds: ["postgres"] }, `add-on "postgres" is not offered on tier "small"`)
    refused({ tierId: "small", flavorId: "node", addonIds: ["redis", "vscode"] }, `tier "small" takes at most 1 add-ons`)
    refused({ tierId: "medium", flavorId: "node", addonIds: ["redis", "redis"] }, "an add-on is chosen twice")
  })

  test("the lifecycle: pending → starting → running → stopping → stopped → starting", () => {
    sandboxes.given([created]).when(Sandbox.StartSandbox.make({ sandboxId: id })).then([starting])
    sandboxes.given([created, starting]).when(Sandbox.MarkRunning.make({ sandboxId: id })).then([running])
    sandboxes.given([created, starting, running]).when(Sandbox.StopSandbox.make({ sandboxId: id })).then([stopping])
    sandboxes.given([created, starting, running, stopping]).when(Sandbox.MarkStopped.make({ sandboxId: id })).then([stopped])
    sandboxes.given([created, starting, running, stopping, stopped]).when(Sandbox.StartSandbox.make({ sandboxId: id })).then([starting])
  })

  test("a sandbox fails with a reason from starting or running, and can be started again", () => {
    const fail = Sandbox.FailSandbox.make({ sandboxId: id, reason: "image pull failed" })
    sandboxes.given([created, starting]).when(fail).then([Sandbox.SandboxFailed.make({ reason: "image pull failed" })])
    sandboxes.given([created, starting, running]).when(fail).then([Sandbox.SandboxFailed.make({ reason: "image pull failed" })])
    sandboxes.given([created]).when(fail).thenRefused(new Sandbox.IllegalTransition({ sandboxId: id, current: "pending", attempted: "fail" }))
    sandboxes.given([created, starting]).when(Sandbox.FailSandbox.make({ sandboxId: id, reason: " " }))
      .thenRefused(new Sandbox.InvalidSandbox({ reason: "a failure needs a reason" }))
    sandboxes.given([created, starting, Sandbox.SandboxFailed.make({ reason: "x" })]).when(Sandbox.StartSandbox.make({ sandboxId: id }))
      .then([starting])
  })

  test("a running sandbox must be stopped before it is deleted; deleted is terminal", () => {
    sandboxes.given([created, starting, running]).when(Sandbox.DeleteSandbox.make({ sandboxId: id }))
      .thenRefused(new Sandbox.IllegalTransition({ sandboxId: id, current: "running", attempted: "delete" }))
    sandboxes.given([created, starting, running, stopping, stopped]).when(Sandbox.DeleteSandbox.make({ sandboxId: id }))
      .then([Sandbox.SandboxDeleted.make({})])
    sandboxes.given([created, Sandbox.SandboxDeleted.make({})]).when(Sandbox.StartSandbox.make({ sandboxId: id }))
      .thenRefused(new Sandbox.SandboxNotFound({ sandboxId: id }))
  })

  test("every illegal transition is refused naming the current state", () => {
    const histories: Record<Sandbox.Status, Array<Sandbox.SandboxEvent>> = {
      pending: [created],
      starting: [created, starting],
      running: [created, starting, running],
      stopping: [created, starting, running, stopping],
      stopped: [created, starting, running, stopping, stopped],
      failed: [created, starting, Sandbox.SandboxFailed.make({ reason: "x" })],
      deleted: [created, Sandbox.SandboxDeleted.make({})]
    }
    const commands = [
      Sandbox.StartSandbox.make({ sandboxId: id }),
      Sandbox.MarkRunning.make({ sandboxId: id }),
      Sandbox.StopSandbox.make({ sandboxId: id }),
      Sandbox.MarkStopped.make({ sandboxId: id }),
      Sandbox.FailSandbox.make({ sandboxId: id, reason: "x" }),
      Sandbox.DeleteSandbox.make({ sandboxId: id })
    ]
    const allowed = new Set([
      "pending:StartSandbox", "pending:DeleteSandbox",
      "starting:MarkRunning", "starting:FailSandbox",
      "running:StopSandbox", "running:FailSandbox",
      "stopping:MarkStopped",
      "stopped:StartSandbox", "stopped:DeleteSandbox",
      "failed:StartSandbox", "failed:DeleteSandbox"
    ])
    for (const [status, history] of Object.entries(histories)) {
      for (const command of commands) {
        const outcome = sandboxes.given(history).when(command).outcome
        if (allowed.has(`${status}:${command._tag}`)) {
          expect(Result.isSuccess(outcome)).toBe(true)
        } else if (status === "deleted") {
          expect(outcome).toEqual(Result.fail(new Sandbox.SandboxNotFound({ sandboxId: id })))
        } else {
          expect(Result.isFailure(outcome) && outcome.failure._tag === "IllegalTransition" && outcome.failure.current === status).toBe(true)
        }
      }
    }
  })
})
