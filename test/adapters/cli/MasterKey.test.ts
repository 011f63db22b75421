import { describe, expect, test } from "bun:test"
import { join } from "node:path"
import { Effect, Redacted } from "effect"
import * as Tokens from "../../../application/features/Tokens.ts"
import type { MasterKeys } from "../../../adapters/secrets/AesGcmSecrets.ts"
import * as Backends from "../../support/backends.ts"
import { appLayer, reopenedAppLayer } from "../../support/app.ts"
import { runWith } from "../../support/run.ts"

/** An operator replaces the master key: every data key re-wrapped, every secret still read. */

const root = join(import.meta.dir, "../../..")
const timeout = 120_000
const newKey = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64")
const masterKeys = (id: string, base64: string, previous: Array<[string, string]> = []): MasterKeys => ({
  current: { id, key: Redacted.make(new Uint8Array(Buffer.from(base64, "base64"))) },
  previous: previous.map(([id, base64]) => ({ id, key: Redacted.make(new Uint8Array(Buffer.from(base64, "base64"))) }))
})

const strata = (env: Record<string, string>, ...args: Array<string>) => {
  const run = Bun.spawnSync(["bun", join(root, "main.ts"), ...args], {
    env: { ...process.env, STRATA_DATABASE_URL: "", STRATA_PREVIOUS_MASTER_KEYS: "", ...env },
    stdout: "pipe",
    stderr: "pipe"
  })
  return { exitCode: run.exitCode, stdout: run.stdout.toString(), stderr: run.stderr.toString() }
}

const token = (owner: string) => ({
  accessToken: Redacted.make(`${owner}-access`),
  refreshToken: Redacted.make(`${owner}-refresh`),
  expiresIn: 60,
  obtainmentTimestamp: 1,
  scopes: []
})

describe("strata master-key", () => {
  test("rotate re-wraps every data key under the new master key; the old one is then not needed", async () => {
    const oldKey = newKey()
    const backend = Backends.sqlite
    await runWith(appLayer(backend, { masterKeys: masterKeys("master-1", oldKey) }), Effect.gen(function*() {
      for (const owner of ["alice", "bob", "carol"]) yield* Tokens.save(owner, "bot", token(owner))
    }))
    const url = backend.url()
    const rotatedKey = newKey()
    const withNew = { STRATA_MASTER_KEY: rotatedKey, STRATA_MASTER_KEY_ID: "master-2" }

    // Without the old key the data keys cannot be opened, and rotate says so in one line.
    const blind = strata(withNew, "master-key", "rotate", "--database", url)
    expect(blind.exitCode).toBe(1)
    expect(blind.stderr.trim()).toMatch(/^strata: .*master key master-1 is not configured$/)

    const before = strata({ ...withNew, STRATA_PREVIOUS_MASTER_KEYS: `master-1:${oldKey}` }, "master-key", "status", "--database", url)
    expect(before.stdout).toContain("master-1: 3 data keys")
    const rotated = strata({ ...withNew, STRATA_PREVIOUS_MASTER_KEYS: `master-1:${oldKey}` }, "master-key", "rotate", "--database", url)
    expect(rotated.stderr).toBe("")
    expect(rotated.stdout).toContain("re-wrapped 3 data keys")
    expect(rotated.stdout).toContain("master-2: 3 data keys (current)")
    expect(rotated.stdout).toContain("every data key is wrapped by the current master key")
    // Run again: nothing left to do.
    expect(strata({ ...withNew, STRATA_PREVIOUS_MASTER_KEYS: `master-1:${oldKey}` }, "master-key", "rotate", "--database", url).stdout)
      .toContain("re-wrapped 0 data keys")

    // The new key alone opens every secret.
    const read = await runWith(
      reopenedAppLayer(backend, masterKeys("master-2", rotatedKey)),
      Effect.forEach(["alice", "bob", "carol"], (owner) => Effect.map(Tokens.get(owner, "bot"), (got) => Redacted.value(got.accessToken)))
    )
    expect(read).toEqual(["alice-access", "bob-access", "carol-access"])
  }, timeout)
})
