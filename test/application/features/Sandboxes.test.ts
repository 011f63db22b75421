import { describe, expect, test } from "bun:test"
import { Effect, Redacted, Schema } from "effect"
import * as ProviderCredentials from "../../../application/features/ProviderCredentials.ts"
import * as Sandboxes from "../../../application/features/Sandboxes.ts"
import { Secrets } from "../../../application/ports/Secrets.ts"
import { ReferenceData } from "../../../domain/ReferenceData.ts"
import bundled from "../../../reference/reference-data.json"
import * as Backends from "../../support/backends.ts"
import { appLayer } from "../../support/app.ts"
import { runWith } from "../../support/run.ts"

const timeout = 60_000
const referenceData = Schema.decodeUnknownSync(ReferenceData)(bundled)
const dev = { name: "dev", tierId: "medium", flavorId: "node", addonIds: ["postgres"] }

for (const backend of Backends.all) {
  describe(`sandboxes service: ${backend.name}`, () => {
    const run = <A, E>(effect: Effect.Effect<A, E, any>) => runWith(appLayer(backend), effect as Effect.Effect<A, E, never>)

    test("reference data is published once per version, as data in the log", async () => {
      const result = await run(Effect.gen(function*() {
        const missing = yield* Effect.flip(Sandboxes.currentReferenceData)
        yield* Sandboxes.publishReferenceData(referenceData)
        yield* Sandboxes.publishReferenceData(referenceData)
        const v2: ReferenceData = {
          ...referenceData,
          version: 2,
          tiers: [...referenceData.tiers, { ...referenceData.tiers[0], id: "tiny", maxAddons: 0 }]
        }
        yield* Sandboxes.publishReferenceData(v2)
        yield* Sandboxes.publishReferenceData(referenceData)
        return { missing, current: yield* Sandboxes.currentReferenceData }
      }))
      expect(result.missing._tag).toBe("ReferenceDataMissing")
      expect(result.current.version).toBe(2)
      expect(result.current.tiers.map((tier) => tier.id)).toContain("tiny")
    }, timeout)

    test("a sandbox goes through its lifecycle; illegal moves name the current state", async () => {
      const result = await run(Effect.gen(function*() {
        yield* Sandboxes.publishReferenceData(referenceData)
        const sandbox = yield* Sandboxes.create("alice", dev)
        const invalid = yield* Effect.flip(Sandboxes.create("alice", { ...dev, tierId: "small" }))
        yield* Sandboxes.transition("alice", sandbox.sandboxId, "start")
        yield* Sandboxes.transition("alice", sandbox.sandboxId, "mark-running")
        const deleteRunning = yield* Effect.flip(Sandboxes.transition("alice", sandbox.sandboxId, "delete"))
        const failed = yield* Sandboxes.transition("alice", sandbox.sandboxId, "fail", { reason: "out of memory" })
        const view = yield* Sandboxes.get("alice", sandbox.sandboxId)
        yield* Sandboxes.transition("alice", sandbox.sandboxId, "delete")
        return {
          sandbox,
          invalid,
          deleteRunning,
          failed,
          view,
          afterDelete: yield* Effect.flip(Sandboxes.get("alice", sandbox.sandboxId)),
          list: (yield* Sandboxes.list("alice")).items
        }
      }))
      expect(result.sandbox).toMatchObject({ name: "dev", tierId: "medium", flavorId: "node", addonIds: ["postgres"], status: "pending" })
      expect(result.invalid).toMatchObject({ _tag: "InvalidSandbox" })
      expect(result.deleteRunning).toMatchObject({ _tag: "IllegalTransition", current: "running", attempted: "delete" })
      expect(result.failed).toMatchObject({ status: "failed", failureReason: "out of memory" })
      expect(result.view).toMatchObject({ status: "failed", failureReason: "out of memory", version: 4 })
      expect(result.afterDelete._tag).toBe("SandboxNotFound")
      expect(result.list).toEqual([])
    }, timeout)

    test("another owner's sandbox is not found", async () => {
      const result = await run(Effect.gen(function*() {
        yield* Sandboxes.publishReferenceData(referenceData)
        const sandbox = yield* Sandboxes.create("alice", dev)
        return {
          get: yield* Effect.flip(Sandboxes.get("bob", sandbox.sandboxId)),
          start: yield* Effect.flip(Sandboxes.transition("bob", sandbox.sandboxId, "start")),
          list: (yield* Sandboxes.list("bob")).items
        }
      }))
      expect(result.get._tag).toBe("SandboxNotFound")
      expect(result.start._tag).toBe("SandboxNotFound")
      expect(result.list).toEqual([])
    }, timeout)

    test("provider credentials: one per provider, replaceable, deletable, readable by their owner only", async () => {
      const result = await run(Effect.gen(function*() {
        yield* ProviderCredentials.set("alice", "github", Redacted.make("ghp_first"))
        yield* ProviderCredentials.set("alice", "github", Redacted.make("ghp_second"))
        yield* ProviderCredentials.set("alice", "openai", Redacted.make("sk-openai"))
        const github = yield* ProviderCredentials.get("alice", "github")
        const bob = yield* Effect.flip(ProviderCredentials.get("bob", "github"))
        yield* ProviderCredentials.remove("alice", "openai")
        const removed = yield* Effect.flip(ProviderCredentials.get("alice", "openai"))
        const list = (yield* ProviderCredentials.list("alice")).items
        yield* (yield* Secrets).forget("alice")
        return { github: Redacted.value(github.secret), bob, removed, list, shredded: yield* Effect.flip(ProviderCredentials.get("alice", "github")) }
      }))
      expect(result.github).toBe("ghp_second")
      expect(result.bob._tag).toBe("CredentialNotFound")
      expect(result.removed._tag).toBe("CredentialNotFound")
      expect(result.list).toEqual(["github"])
      expect(result.shredded._tag).toBe("SecretShredded")
    }, timeout)
  })
}
