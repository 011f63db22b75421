import { describe, expect, test } from "bun:test"
import { Database } from "bun:sqlite"
import { createHash } from "node:crypto"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { freshDatabase } from "../../support/postgres.ts"

const root = join(import.meta.dir, "../../..")
const timeout = 60_000

/** A shared database (Postgres) needs its master key configured; the embedded ones would make their own. */
const masterKey = Buffer.alloc(32, 3).toString("base64")

const strata = (...args: Array<string>) => {
  const run = Bun.spawnSync(["bun", join(root, "main.ts"), ...args], {
    env: { ...process.env, STRATA_MASTER_KEY: masterKey },
    stdout: "pipe",
    stderr: "pipe"
  })
  return { exitCode: run.exitCode, stdout: run.stdout.toString(), stderr: run.stderr.toString() }
}

const auditOf = (url: string, type: string) =>
  strata("audit", "--database", url, "--type", type, "--format", "ndjson").stdout.trim().split("\n").filter((l) => l !== "").map((l) => JSON.parse(l))

/** A fresh target: a working directory for the source files, and a database of the backend. */
const targets = {
  sqlite: async () => {
    const directory = mkdtempSync(join(tmpdir(), "strata-import-"))
    return { directory, url: `sqlite:${join(directory, "strata.db")}`, contents: () => readFileSync(join(directory, "strata.db")).toString("latin1") }
  },
  libsql: async () => {
    const directory = mkdtempSync(join(tmpdir(), "strata-import-"))
    return { directory, url: `file:${join(directory, "strata.db")}`, contents: () => readFileSync(join(directory, "strata.db")).toString("latin1") }
  },
  postgres: async () => {
    const directory = mkdtempSync(join(tmpdir(), "strata-import-"))
    const url = await freshDatabase()
    return { directory, url, contents: () => "" }
  }
}

const legacyKey = "zk-legacy-4f6a1c2e9b"

for (const [name, fresh] of Object.entries(targets)) describe(`strata import into ${name}`, () => {
  test("tokens.json: invalid records are listed and block the import unless skipped; a second run imports nothing", async () => {
    const target = await fresh()
    const file = join(target.directory, "tokens.json")
    writeFileSync(file, JSON.stringify({
      streamer: { accessToken: "acc-streamer", refreshToken: "ref-streamer", expiresIn: 14400, obtainmentTimestamp: 1700000000000, scope: ["chat:read", "chat:edit"] },
      bot: { accessToken: "acc-bot", refreshToken: "ref-bot", expiresIn: null, obtainmentTimestamp: 1700000000001 },
      broken: { accessToken: "acc-broken", expiresIn: 10, obtainmentTimestamp: 1 },
      negative: { accessToken: "a", refreshToken: "r", expiresIn: -5, obtainmentTimestamp: 1 }
    }))
    const refused = strata("import", "tokens", "--database", target.url, "--file", file, "--owner", "alice")
    expect(refused.exitCode).toBe(1)
    expect(refused.stderr).toContain("invalid  broken: refreshToken: is missing")
    expect(refused.stderr).toContain("invalid  negative: expiresIn")
    expect(refused.stderr.trim().split("\n").at(-1)).toBe("strata: 2 invalid tokens; nothing imported (pass --skip-invalid to import the others)")
    expect(auditOf(target.url, "TokenSaved")).toHaveLength(0)

    const imported = strata("import", "tokens", "--database", target.url, "--file", file, "--owner", "alice", "--skip-invalid")
    expect(imported.exitCode).toBe(0)
    expect(imported.stdout.trim()).toBe("imported 2 tokens; 0 already present; 2 invalid skipped")
    const again = strata("import", "tokens", "--database", target.url, "--file", file, "--owner", "alice", "--skip-invalid")
    expect(again.stdout.trim()).toBe("imported 0 tokens; 2 already present; 2 invalid skipped")

    const saved = auditOf(target.url, "TokenSaved")
    expect(saved.map((event: { streamId: string }) => event.streamId).sort()).toEqual(["token-alice:bot", "token-alice:streamer"])
    expect(saved.find((e: { streamId: string }) => e.streamId === "token-alice:streamer").data.scopes).toEqual(["chat:read", "chat:edit"])
    expect(target.contents()).not.toContain("ref-streamer")
  }, timeout)

  test("the API key file store: keys with their usage windows; only the key's hash is kept", async () => {
    const target = await fresh()
    const file = join(target.directory, "keys.json")
    writeFileSync(file, JSON.stringify({
      keys: [
        {
          key: legacyKey,
          name: "gateway",
          model: "glm-4.6",
          token_limit_per_5h: 50000,
          expiry_date: "2030-01-01T00:00:00.000Z",
          created_at: "2026-01-22T10:00:00.000Z",
          last_used: "2026-01-22T12:00:00.000Z",
          total_lifetime_tokens: 1500,
          usage_windows: [
            { window_start: "2026-01-22T10:00:00.000Z", tokens_used: 1000 },
            { window_start: "2026-01-22T16:00:00.000Z", tokens_used: 500 }
          ]
        },
        { key: "zk-broken", name: "broken", token_limit_per_5h: 0, created_at: "2026-01-22T10:00:00.000Z" }
      ]
    }))
    const imported = strata("import", "api-keys", "--database", target.url, "--file", file, "--owner", "bob", "--skip-invalid")
    expect(imported.stderr).toContain("invalid  key #2 (broken): token_limit_per_5h")
    expect(imported.stdout.trim()).toBe("imported 1 API keys; 0 already present; 1 invalid skipped")
    const [created] = auditOf(target.url, "ApiKeyCreated")
    expect(created.data).toMatchObject({ owner: "bob", name: "gateway", tokenLimitPer5h: 50000 })
    expect(created.data.secretHash).toBe(createHash("sha256").update(legacyKey).digest("hex"))
    expect(auditOf(target.url, "UsageRecorded").map((e: { data: { tokens: number } }) => e.data.tokens)).toEqual([1000, 500])
    expect(target.contents()).not.toContain(legacyKey)
    expect(strata("import", "api-keys", "--database", target.url, "--file", file, "--owner", "bob", "--skip-invalid").stdout)
      .toContain("imported 0 API keys; 1 already present")
  }, timeout)

  test("a legacy SQLite database with seed 000's tokens table and seed 004's api_keys and usage_windows", async () => {
    const target = await fresh()
    const legacy = join(target.directory, "legacy.db")
    const db = new Database(legacy)
    // The schemas as the seeds created them.
    db.run(`CREATE TABLE tokens (name TEXT PRIMARY KEY, access_token TEXT NOT NULL, refresh_token TEXT NOT NULL,
      expires_in INTEGER, obtainment_timestamp INTEGER, scopes TEXT, updated_at INTEGER DEFAULT (unixepoch()))`)
    db.run(`CREATE TABLE api_keys (key TEXT PRIMARY KEY, name TEXT NOT NULL, model TEXT, token_limit_per_5h INTEGER NOT NULL,
      expiry_date TEXT, created_at TEXT NOT NULL, last_used TEXT, total_lifetime_tokens INTEGER DEFAULT 0)`)
    db.run(`CREATE TABLE usage_windows (id INTEGER PRIMARY KEY, api_key TEXT REFERENCES api_keys(key) ON DELETE CASCADE,
      window_start TEXT NOT NULL, tokens_used INTEGER NOT NULL)`)
    db.run(`INSERT INTO tokens VALUES ('streamer', 'acc-1', 'ref-1', 14400, 1700000000000, 'chat:read,chat:edit', 0)`)
    db.run(`INSERT INTO tokens VALUES ('empty', '', 'ref-2', 14400, 1700000000000, '', 0)`)
    db.run(`INSERT INTO api_keys VALUES ('${legacyKey}', 'gateway', NULL, 1000, NULL, '2026-01-22T10:00:00.000Z', NULL, 10)`)
    db.run(`INSERT INTO api_keys VALUES ('zk-bad', 'bad', NULL, -3, NULL, '2026-01-22T10:00:00.000Z', NULL, 0)`)
    db.run(`INSERT INTO usage_windows (api_key, window_start, tokens_used) VALUES ('${legacyKey}', '2026-01-22T10:00:00.000Z', 10)`)
    // Dirty legacy data: foreign keys were never enforced, so windows outlived (or never had) their key.
    db.run(`INSERT INTO usage_windows (api_key, window_start, tokens_used) VALUES ('zk-deleted-long-ago', '2026-01-22T11:00:00.000Z', 7)`)
    db.run(`INSERT INTO usage_windows (api_key, window_start, tokens_used) VALUES (NULL, '2026-01-22T12:00:00.000Z', 3)`)
    db.close()

    const refused = strata("import", "sqlite", "--database", target.url, "--file", legacy, "--owner", "carol")
    expect(refused.exitCode).toBe(1)
    expect(refused.stderr).toContain("invalid  token empty: accessToken")
    expect(refused.stderr).toContain("invalid  key #2 (bad): token_limit_per_5h")
    expect(refused.stderr).toContain("invalid  usage window 2: api_key: no such key in api_keys")
    expect(refused.stderr).toContain("invalid  usage window 3: api_key: no such key in api_keys")
    // The dangling key is a secret clients held: it is never printed.
    expect(refused.stderr).not.toContain("zk-deleted-long-ago")
    expect(refused.stderr.trim().split("\n").at(-1)).toBe("strata: 4 invalid records; nothing imported (pass --skip-invalid to import the others)")
    const imported = strata("import", "sqlite", "--database", target.url, "--file", legacy, "--owner", "carol", "--skip-invalid")
    expect(imported.exitCode).toBe(0)
    expect(imported.stdout.trim()).toBe("imported 1 tokens; 0 already present; imported 1 API keys; 0 already present; 4 invalid skipped")
    expect(auditOf(target.url, "UsageRecorded")).toHaveLength(1)
    const again = strata("import", "sqlite", "--database", target.url, "--file", legacy, "--owner", "carol", "--skip-invalid")
    expect(again.stdout).toContain("imported 0 tokens; 1 already present; imported 0 API keys; 1 already present")
  }, timeout)
})
