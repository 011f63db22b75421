import { afterAll, describe, expect, test } from "bun:test"
import { Database } from "bun:sqlite"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { freePort } from "../../support/freePort.ts"
import { directory, serve, type Server, sharedEnv, strata } from "../../support/processes.ts"

/**
 * Seed 004's gateway moves to strata: its legacy SQLite file (Drizzle's schema, times in
 * Unix seconds) and its JSON file store are imported; its clients go on with the keys they
 * hold; the stats show the lifetime and last use the old service showed; usage goes on in
 * the window it was counting in.
 */

const timeout = 120_000
const hour = 3_600_000
// Whole seconds: the legacy SQLite file holds nothing finer.
const now = Math.floor(Date.now() / 1000) * 1000
const seconds = (millis: number) => millis / 1000

const sqliteKey = "sk-legacy-active-0001"
const jsonKey = "sk-live-7c1e4b2a9d3f8e6a5b4c"
const uuidKey = "3f2b8c1e-5d4a-4e7f-9a6b-0c1d2e3f4a5b"

const servers: Array<Server> = []
afterAll(async () => {
  for (const server of servers) {
    server.process.kill("SIGKILL")
    await server.process.exited
  }
})

/** The legacy SQLite file as seed 004's Drizzle schema made it: timestamps are integers of seconds. */
const legacySqlite = (file: string) => {
  const db = new Database(file)
  db.run(`CREATE TABLE api_keys (key TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, model TEXT, token_limit_per_5h INTEGER NOT NULL,
    expiry_date INTEGER, created_at INTEGER NOT NULL, last_used INTEGER, total_lifetime_tokens INTEGER DEFAULT 0 NOT NULL)`)
  db.run(`CREATE TABLE usage_windows (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    api_key TEXT NOT NULL REFERENCES api_keys(key) ON DELETE CASCADE, window_start INTEGER NOT NULL, tokens_used INTEGER NOT NULL)`)
  db.query("INSERT INTO api_keys VALUES (?, ?, ?, ?, ?, ?, ?, ?)").run(
    sqliteKey, "active", "glm-4.6", 100_000, seconds(now + 30 * 24 * hour), seconds(now - 90 * 24 * hour), seconds(now - 10 * 60_000), 987_654
  )
  // Windows older than 5 hours were deleted by the old service: only the open one remains.
  db.query("INSERT INTO usage_windows (api_key, window_start, tokens_used) VALUES (?, ?, ?)").run(sqliteKey, seconds(now - hour), 120)
  db.close()
}

/** The JSON file store that came before: ISO text. */
const legacyJson = (file: string) =>
  writeFileSync(file, JSON.stringify({
    keys: [
      {
        key: jsonKey,
        name: "live",
        model: null,
        token_limit_per_5h: 5_000,
        expiry_date: null,
        created_at: new Date(now - 20 * 24 * hour).toISOString(),
        last_used: new Date(now - 2 * hour).toISOString(),
        total_lifetime_tokens: 41_000,
        usage_windows: [{ window_start: new Date(now - 3 * hour).toISOString(), tokens_used: 400 }]
      },
      { key: uuidKey, name: "uuid", token_limit_per_5h: 10, created_at: new Date(now - hour).toISOString(), total_lifetime_tokens: 0, usage_windows: [] }
    ]
  }))

const call = async (server: Server, method: string, path: string, token: string, body?: unknown) => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  return { status: response.status, body: await response.json() as any }
}

const statsOf = async (server: Server, token: string, name: string) => {
  const keys = await call(server, "GET", "/v1/keys", token)
  expect(keys.status).toBe(200)
  const key = keys.body.keys.find((k: { name: string }) => k.name === name)
  return (await call(server, "GET", `/v1/keys/${key.keyId}/stats`, token)).body
}

describe("seed 004's gateway, imported", () => {
  test("its clients authenticate with their old keys; stats show the old lifetime and last use; usage goes on in its window", async () => {
    const dir = directory("strata-gateway-")
    legacySqlite(join(dir, "gateway.db"))
    legacyJson(join(dir, "keys.json"))
    const url = `sqlite:${join(dir, "strata.db")}`
    const fromSqlite = await strata(["import", "sqlite", "--database", url, "--file", join(dir, "gateway.db"), "--owner", "gateway"], dir)
    expect(fromSqlite.stderr).toBe("")
    expect(fromSqlite.code).toBe(0)
    const fromJson = await strata(["import", "api-keys", "--database", url, "--file", join(dir, "keys.json"), "--owner", "gateway"], dir)
    expect(fromJson.stderr).toBe("")
    expect(fromJson.stdout.trim()).toBe("imported 2 API keys; 0 already present")

    const server = serve(url, await freePort(), dir, sharedEnv)
    servers.push(server)
    await server.up

    for (const key of [sqliteKey, jsonKey, uuidKey]) expect((await call(server, "GET", "/v1/usage", key)).status).toBe(200)

    const active = await statsOf(server, sqliteKey, "active")
    expect(active).toMatchObject({
      createdAt: new Date(now - 90 * 24 * hour).toISOString(),
      expiresAt: new Date(now + 30 * 24 * hour).toISOString(),
      isExpired: false,
      lifetimeTokens: 987_654,
      lastUsed: new Date(now - 10 * 60_000).toISOString(),
      currentUsage: 120,
      remainingTokens: 100_000 - 120,
      windows: [{ start: new Date(now - hour).toISOString(), tokens: 120 }]
    })
    expect(await statsOf(server, jsonKey, "live")).toMatchObject({
      lifetimeTokens: 41_000,
      lastUsed: new Date(now - 2 * hour).toISOString(),
      currentUsage: 400,
      windows: [{ start: new Date(now - 3 * hour).toISOString(), tokens: 400 }]
    })
    expect(await statsOf(server, uuidKey, "uuid")).toMatchObject({ lifetimeTokens: 0, lastUsed: null, currentUsage: 0, windows: [] })

    // The window the old service opened an hour ago is still counting.
    const used = await call(server, "POST", "/v1/usage", sqliteKey, { tokens: 30 })
    expect(used.status).toBe(200)
    expect(used.body).toMatchObject({ currentUsage: 150, lifetimeTokens: 987_684, windows: [{ start: new Date(now - hour).toISOString(), tokens: 150 }] })
    expect(Date.parse(used.body.lastUsed)).toBeGreaterThanOrEqual(now)
  }, timeout)
})
