import { describe, expect, test } from "bun:test"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Redacted } from "effect"
import * as ApiKeys from "../../../application/features/ApiKeys.ts"
import { EventStore } from "../../../application/ports/EventStore.ts"
import { ProjectionStore } from "../../../application/ports/ProjectionStore.ts"
import * as Tokens from "../../../application/features/Tokens.ts"
import { projections } from "../../../main.ts"
import * as Backends from "../../support/backends.ts"
import { freshDatabase } from "../../support/postgres.ts"
import { appLayer } from "../../support/app.ts"
import { runWith } from "../../support/run.ts"

const root = join(import.meta.dir, "../../..")
const timeout = 120_000

/** `strata …` as a real subprocess. */
const strata = (...args: Array<string>) => {
  const run = Bun.spawnSync(["bun", join(root, "main.ts"), ...args], {
    env: { ...process.env, STRATA_DATABASE_URL: "" },
    stdout: "pipe",
    stderr: "pipe"
  })
  return { exitCode: run.exitCode, stdout: run.stdout.toString(), stderr: run.stderr.toString() }
}

/** A database of the backend with some history in it: tokens, a key and its usage. */
const populated = async (backend: Backends.Backend) => {
  await runWith(appLayer(backend), Effect.gen(function*() {
    for (let i = 0; i < 30; i++) {
      yield* Tokens.save(`owner-${i % 3}`, `token-${i}`, {
        accessToken: Redacted.make(`a${i}`),
        refreshToken: Redacted.make(`r${i}`),
        expiresIn: 60,
        obtainmentTimestamp: i,
        scopes: ["x"]
      }, { actor: `owner-${i % 3}`, correlationId: `req-${i}` })
    }
    const key = yield* ApiKeys.create("owner-0", { name: "k", model: null, tokenLimitPer5h: 1000, expiresAt: null })
    for (let i = 0; i < 20; i++) yield* ApiKeys.recordUsage(key.keyId, 3, { enforceQuota: true })
  }))
  return backend.url()
}

const durable = [Backends.sqlite, Backends.libsql, Backends.postgres]

const emptyDatabase: Record<string, () => Promise<string>> = {
  sqlite: async () => `sqlite:${join(mkdtempSync(join(tmpdir(), "strata-cli-")), "m.db")}`,
  libsql: async () => `file:${join(mkdtempSync(join(tmpdir(), "strata-cli-")), "m.db")}`,
  postgres: freshDatabase
}

for (const backend of durable) describe(`strata migrate: ${backend.name}`, () => {
  test("status shows pending migrations without applying them; migrate applies them", async () => {
    const url = await emptyDatabase[backend.name]!()
    const before = strata("migrate", "status", "--database", url)
    expect(before.exitCode).toBe(0)
    expect(before.stdout).toContain("pending  0001_event_log")
    expect(before.stdout).toContain("0 applied")
    expect(strata("migrate", "--database", url).stdout).toContain("migrations applied")
    expect(strata("migrate", "status", "--database", url).stdout).toContain("0 pending")
    expect(strata("migrate", "--database", url).stdout).toContain("up to date")
  }, timeout)
})

// A database that cannot be reached has no migrations to tell: said as "0 applied, 6 pending", exit 0.
test("status of a database that cannot be reached says so and fails, instead of listing every migration as pending", () => {
  for (const url of ["postgres://nobody@127.0.0.1:1/none", "libsql://127.0.0.1:1"]) {
    const status = strata("migrate", "status", "--database", url)
    expect(status.stdout).not.toContain("applied")
    expect(status.stderr.trim().split("\n")).toHaveLength(1)
    expect(status.stderr).toStartWith("strata: ")
    expect(status.exitCode).not.toBe(0)
  }
}, timeout)

for (const source of durable) {
  describe(`backup of ${source.name}`, () => {
    test("restores onto every backend with the same content; verify compares logs and names the first difference", async () => {
      const sourceUrl = await populated(source)
      const file = join(mkdtempSync(join(tmpdir(), "strata-backup-")), "log.gz")
      const backup = strata("backup", "--database", sourceUrl, "--out", file)
      expect(backup.stderr + backup.stdout).toContain("backed up 51 events")
      expect(backup.exitCode).toBe(0)
      for (const target of durable) {
        await runWith(target.layer(), Effect.flatMap(EventStore, (store) => store.head))
        const targetUrl = target.url()
        const restored = strata("restore", "--in", file, "--to", targetUrl)
        expect({ target: target.name, exitCode: restored.exitCode, stderr: restored.stderr.split("\n").filter((l) => l.startsWith("strata:")) })
          .toEqual({ target: target.name, exitCode: 0, stderr: [] })
        expect(restored.stdout).toContain("content hash verified")
        const verified = strata("verify", "--a", sourceUrl, "--b", targetUrl)
        expect(verified.exitCode).toBe(0)
        expect(verified.stdout).toContain("the logs are identical: 51 events")
        const again = strata("restore", "--in", file, "--to", targetUrl)
        expect(again.exitCode).toBe(1)
        expect(again.stderr.trim()).toBe("strata: the target holds 51 events; restore into an empty database, or pass --force")
        // The restored database answers queries: its projections were rebuilt from the log.
        const listed = await runWith(target.reopen(projections), Tokens.list("owner-1"))
        expect(listed.items).toHaveLength(10)
      }
    }, timeout)
  })
}

describe("strata verify", () => {
  test("names the first position where two logs differ", async () => {
    const a = await populated(Backends.sqlite)
    const b = await populated(Backends.libsql)
    const verified = strata("verify", "--a", a, "--b", b)
    expect(verified.exitCode).toBe(1)
    expect(verified.stderr.trim().split("\n").at(-1)).toBe("strata: the logs differ at position 1 (a: 51 events, b: 51 events)")
  }, timeout)
})

for (const backend of durable) describe(`strata verify alone: ${backend.name}`, () => {
  test("checks every projection against a fresh replay, and names a tampered one", async () => {
    const url = await populated(backend)
    const clean = strata("verify", "--database", url)
    expect(clean.exitCode).toBe(0)
    expect(clean.stdout).toContain("tokens: 30 documents, as a fresh replay makes them")
    await backend.exec(`UPDATE strata_documents SET doc = '{"tampered":true}' WHERE projection = 'tokens' AND key = 'token-owner-1:token-1'`)
    const tampered = strata("verify", "--database", url)
    expect(tampered.exitCode).toBe(1)
    expect(tampered.stderr.trim().split("\n").at(-1)).toBe(
      "strata: projection tokens differs from a fresh replay of the log (first at key token-owner-1:token-1); run strata replay --projection tokens --fresh"
    )
    strata("replay", "--database", url, "--projection", "tokens", "--fresh")
    expect(strata("verify", "--database", url).exitCode).toBe(0)
  }, timeout)
})

for (const backend of durable) describe(`strata replay: ${backend.name}`, () => {
  test("rebuilds projections, and resumes a replay that was interrupted", async () => {
    const url = await populated(backend)
    // An interrupted replay: a new generation of `tokens`, built up to position 10.
    const interrupted = await runWith(backend.reopen(projections), Effect.gen(function*() {
      const projections = yield* ProjectionStore
      const started = yield* projections.startRebuild("tokens")
      yield* projections.rebuildStep("tokens", 10)
      return started.generation
    }))
    const resumed = strata("replay", "--database", url, "--projection", "tokens", "--chunk", "7")
    expect(resumed.exitCode).toBe(0)
    expect(resumed.stdout).toContain(`tokens: live at generation ${interrupted}, position 51`)
    const all = strata("replay", "--database", url, "--fresh")
    expect(all.stdout).toContain("api-keys: live")
    expect(strata("replay", "--database", url, "--projection", "nope").stderr).toContain("no projection named nope")
  }, timeout)
})

for (const backend of durable) describe(`strata stats and audit: ${backend.name}`, () => {
  test("stats count streams and events by type; audit filters and prints table, JSON or NDJSON", async () => {
    const url = await populated(backend)
    const stats = strata("stats", "--database", url)
    expect(stats.stdout).toContain("head position  51")
    expect(stats.stdout).toMatch(/30\s+TokenSaved/)
    expect(stats.stdout).toMatch(/20\s+UsageRecorded/)
    const ndjson = strata("audit", "--database", url, "--actor", "owner-1", "--format", "ndjson")
    const lines = ndjson.stdout.trim().split("\n").map((line) => JSON.parse(line))
    expect(lines).toHaveLength(10)
    expect(lines.every((event: { metadata: { actor: string } }) => event.metadata.actor === "owner-1")).toBe(true)
    const json = JSON.parse(strata("audit", "--database", url, "--type", "ApiKeyCreated", "--format", "json").stdout)
    expect(json).toHaveLength(1)
    const table = strata("audit", "--database", url, "--stream", "token-owner-0:token-0")
    expect(table.stdout.split("\n")[0]).toBe("position\trecorded at\tstream\ttype\tactor\tcorrelation")
    expect(table.stdout).toContain("req-0")
  }, timeout)

  test("bad usage is exit code 2; a failure is one line and exit code 1", () => {
    expect(strata("audit", "--limit", "many").exitCode).toBe(2)
    const failed = strata("stats", "--database", "oracle://x")
    expect(failed.exitCode).toBe(1)
    expect(failed.stderr.trim().split("\n")).toHaveLength(1)
  }, timeout)
})
