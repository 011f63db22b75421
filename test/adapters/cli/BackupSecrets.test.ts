import { describe, expect, test } from "bun:test"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Layer, Redacted } from "effect"
import { InlineProjections } from "../../../application/eventsourcing/Projection.ts"
import * as SqliteStore from "../../../adapters/sqlite/SqliteStore.ts"
import * as Owners from "../../../application/features/Owners.ts"
import * as Tokens from "../../../application/features/Tokens.ts"
import type { MasterKeys } from "../../../adapters/secrets/AesGcmSecrets.ts"
import * as Backends from "../../support/backends.ts"
import { appLayer, reopenedAppLayer } from "../../support/app.ts"
import { runWith } from "../../support/run.ts"

/**
 * A backup brings a service back with its secrets: the data keys travel in it, wrapped by
 * the master key; an owner forgotten before the backup stays forgotten after its restore,
 * and a forget that came after it is applied at restore from the list an operator gives.
 */

const root = join(import.meta.dir, "../../..")
const timeout = 120_000
const masterKeyBase64 = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64")
const masterKeys: MasterKeys = {
  current: { id: "master-1", key: Redacted.make(new Uint8Array(Buffer.from(masterKeyBase64, "base64"))) },
  previous: []
}

const strataWith = (masterKey: string, ...args: Array<string>) => {
  const run = Bun.spawnSync(["bun", join(root, "main.ts"), ...args], {
    env: { ...process.env, STRATA_DATABASE_URL: "", STRATA_MASTER_KEY: masterKey, STRATA_MASTER_KEY_ID: "master-1" },
    stdout: "pipe",
    stderr: "pipe"
  })
  return { exitCode: run.exitCode, stdout: run.stdout.toString(), stderr: run.stderr.toString() }
}
const strata = (...args: Array<string>) => strataWith(masterKeyBase64, ...args)

const token = (owner: string) => ({
  accessToken: Redacted.make(`${owner}-access`),
  refreshToken: Redacted.make(`${owner}-refresh`),
  expiresIn: 60,
  obtainmentTimestamp: 1,
  scopes: ["chat:read"]
})

/** Each owner's token as the restored database reads it: its access token, or the error's tag. */
const readBack = (backend: Backends.Backend, owners: ReadonlyArray<string>) =>
  runWith(
    reopenedAppLayer(backend, masterKeys),
    Effect.forEach(owners, (owner) =>
      Tokens.get(owner, "bot").pipe(
        Effect.map((read) => Redacted.value(read.accessToken)),
        Effect.catch((error) => Effect.succeed(error._tag))
      ))
  )

/** The SQLite file at `filename`, opened as a server opens it. */
const sqliteAt = (filename: string): Backends.Backend => ({
  ...Backends.sqlite,
  reopen: (projections = []) => SqliteStore.layer({ filename }).pipe(Layer.provide(Layer.succeed(InlineProjections, projections)))
})

describe("a backup restores with its secrets (sqlite → sqlite)", () => {
  test("every token reads back after a restore into an empty database; a forgotten owner stays forgotten", async () => {
    const source = Backends.sqlite
    await runWith(appLayer(source, { masterKeys }), Effect.gen(function*() {
      for (const owner of ["alice", "bob", "carol"]) yield* Tokens.save(owner, "bot", token(owner))
      yield* Owners.forget("carol")
    }))
    const dir = mkdtempSync(join(tmpdir(), "strata-backup-secrets-"))
    const file = join(dir, "log.gz")
    const backup = strata("backup", "--database", source.url(), "--out", file)
    expect(backup.stderr).not.toMatch(/strata:|warning/)
    expect(backup.stdout).toContain("2 data keys")

    const targetUrl = `sqlite:${join(dir, "restored.db")}`
    const restored = strata("restore", "--in", file, "--to", targetUrl)
    expect(restored.stderr).not.toMatch(/strata:|warning/)
    expect(restored.exitCode).toBe(0)
    expect(restored.stdout).toContain("2 data keys restored")
    expect(await readBack(sqliteAt(join(dir, "restored.db")), ["alice", "bob", "carol"])).toEqual([
      "alice-access",
      "bob-access",
      "SecretShredded"
    ])
    // Restored where the master key is another: the restore says so, it does not pretend.
    const otherKey = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64")
    const elsewhere = strataWith(otherKey, "restore", "--in", file, "--to", `sqlite:${join(dir, "elsewhere.db")}`)
    expect(elsewhere.exitCode).toBe(0)
    expect(elsewhere.stderr).toContain("warning: 2 data keys are wrapped by master key master-1, which is configured here with other bytes")
  }, timeout)

  test("a forget made after the backup is applied at restore from the audit's list of forgets", async () => {
    const source = Backends.sqlite
    await runWith(appLayer(source, { masterKeys }), Effect.gen(function*() {
      for (const owner of ["alice", "bob"]) yield* Tokens.save(owner, "bot", token(owner))
    }))
    const dir = mkdtempSync(join(tmpdir(), "strata-backup-forgets-"))
    const file = join(dir, "log.gz")
    expect(strata("backup", "--database", source.url(), "--out", file).exitCode).toBe(0)
    // After the backup, bob is forgotten on the live database.
    await runWith(reopenedAppLayer(source, masterKeys), Owners.forget("bob"))
    const audit = strata("audit", "--database", source.url(), "--type", "OwnerForgotten", "--format", "ndjson")
    expect(audit.exitCode).toBe(0)
    const forgets = join(dir, "forgets.ndjson")
    writeFileSync(forgets, audit.stdout)

    const plain = strata("restore", "--in", file, "--to", `sqlite:${join(dir, "plain.db")}`)
    expect(plain.exitCode).toBe(0)
    expect(await readBack(sqliteAt(join(dir, "plain.db")), ["alice", "bob"])).toEqual(["alice-access", "bob-access"])

    const applied = strata("restore", "--in", file, "--to", `sqlite:${join(dir, "forgetful.db")}`, "--forgotten", forgets)
    expect(applied.stderr).not.toMatch(/strata:|warning/)
    expect(applied.exitCode).toBe(0)
    expect(applied.stdout).toContain("1 owner forgotten again: bob")
    expect(await readBack(sqliteAt(join(dir, "forgetful.db")), ["alice", "bob"])).toEqual(["alice-access", "SecretShredded"])
  }, timeout)
})
