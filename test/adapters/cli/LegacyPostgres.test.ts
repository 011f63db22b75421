import { afterAll, describe, expect, test } from "bun:test"
import { createCipheriv, randomBytes } from "node:crypto"
import { join } from "node:path"
import pg from "pg"
import { freePort } from "../../support/freePort.ts"
import { freshDatabase } from "../../support/postgres.ts"
import { directory, serve, type Server, sharedEnv, strata } from "../../support/processes.ts"

/**
 * The seeds' tables read from Postgres (seed 001 ended there): native types — `timestamp`
 * without a zone, `timestamptz`, `bigint`, `jsonb` — read as what they are, with the same
 * report and the same result as from SQLite.
 */

const timeout = 240_000
const legacyKey = randomBytes(32)
const secret = "glpat-from-postgres-0123456789"

const encrypt = (plaintext: string) => {
  const iv = randomBytes(16)
  const cipher = createCipheriv("aes-256-gcm", legacyKey, iv)
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
  return [iv, cipher.getAuthTag(), data].map((part) => part.toString("base64")).join(":")
}

const servers: Array<Server> = []
afterAll(async () => {
  for (const server of servers) {
    server.process.kill("SIGKILL")
    await server.process.exited
  }
})

const legacyPostgres = async (url: string) => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`
      CREATE TABLE users (id TEXT PRIMARY KEY, username TEXT UNIQUE, email TEXT, created_at TIMESTAMP DEFAULT now());
      CREATE TABLE rooms (id SERIAL PRIMARY KEY, name TEXT, type TEXT, created_by TEXT REFERENCES users(id), created_at TIMESTAMP NOT NULL);
      CREATE TABLE room_members (room_id INTEGER REFERENCES rooms(id), user_id TEXT REFERENCES users(id), joined_at TIMESTAMP NOT NULL,
        role TEXT DEFAULT 'member', PRIMARY KEY (room_id, user_id));
      CREATE TABLE messages (id BIGSERIAL PRIMARY KEY, room_id INTEGER REFERENCES rooms(id), user_id TEXT REFERENCES users(id), content TEXT,
        type TEXT DEFAULT 'text', created_at TIMESTAMP NOT NULL, edited_at TIMESTAMP, deleted_at TIMESTAMP);
      CREATE TABLE sandboxes (id TEXT PRIMARY KEY, "userId" TEXT NOT NULL, name TEXT NOT NULL, "tierId" TEXT NOT NULL, "flavorId" TEXT NOT NULL,
        addons JSONB, status TEXT NOT NULL, "errorMessage" TEXT, "createdAt" TIMESTAMPTZ NOT NULL);
      CREATE TABLE provider_credentials (id TEXT PRIMARY KEY, "userId" TEXT NOT NULL, "providerId" TEXT NOT NULL, "encryptedValue" TEXT NOT NULL);
      CREATE TABLE chat_sessions (id TEXT PRIMARY KEY, "userId" TEXT NOT NULL, "sandboxId" TEXT, title TEXT, "createdAt" TIMESTAMPTZ NOT NULL);
      CREATE TABLE chat_messages (id TEXT PRIMARY KEY, "sessionId" TEXT NOT NULL, role TEXT NOT NULL, content TEXT, "createdAt" TIMESTAMPTZ NOT NULL);
      INSERT INTO users (id, username) VALUES ('u-1', 'ada'), ('u-2', 'grace');
      INSERT INTO rooms (name, type, created_by, created_at) VALUES ('Ops', 'group', 'u-1', '2025-05-01 08:00:00');
      INSERT INTO room_members VALUES (1, 'u-1', '2025-05-01 08:00:00', 'admin'), (1, 'u-2', '2025-05-01 08:30:00', 'member');
      INSERT INTO messages (room_id, user_id, content, created_at, edited_at, deleted_at) VALUES
        (1, 'u-1', 'deploy at noon', '2025-05-01 08:01:00', '2025-05-01 08:02:00', NULL),
        (1, 'u-2', 'ack', '2025-05-01 08:31:00', NULL, '2025-05-01 08:32:00');
      INSERT INTO sandboxes VALUES ('sb-1', 'u-1', 'api', 'large', 'gpu-python', '["postgres", "browser"]', 'running', NULL, '2025-05-02 10:00:00+02');
      INSERT INTO chat_sessions VALUES ('cs-1', 'u-1', 'sb-1', 'Tune the model', '2025-05-02 08:05:00+00');
      INSERT INTO chat_messages VALUES ('m-1', 'cs-1', 'user', 'start training', '2025-05-02 08:06:00+00'),
        ('m-2', 'cs-1', 'assistant', 'started', '2025-05-02 08:06:01+00');
    `)
    await client.query(`INSERT INTO provider_credentials VALUES ('pc-1', 'u-1', 'gitlab', $1)`, [encrypt(secret)])
  } finally {
    await client.end()
  }
}

describe("a legacy Postgres database as the source", () => {
  test("seeds 001 and 002 come in from Postgres, their times read as written", async () => {
    const source = await freshDatabase()
    await legacyPostgres(source)
    const dir = directory("strata-pgsource-")
    const url = `sqlite:${join(dir, "strata.db")}`
    // The importing machine's zone must not move a time written without one.
    const env = { ...sharedEnv, STRATA_LEGACY_SECRET_KEY: legacyKey.toString("base64"), TZ: "America/New_York" }
    const imported = await strata(["import", "postgres", "--database", url, "--url", source], dir, env)
    expect(imported.stderr).toBe("")
    expect(imported.stdout.trim()).toBe(
      "imported 1 sandboxes; 0 already present; imported 1 provider credentials; 0 already present; imported 2 chat sessions (3 members, 4 messages); 0 already present; " +
        "2 users known by their username (else their id); left behind: email, name, avatar_url, image, emailVerified, password_hash, auth_id"
    )
    expect((await strata(["import", "postgres", "--database", url, "--url", source], dir, env)).stdout)
      .toContain("imported 0 sandboxes; 1 already present; imported 0 provider credentials; 1 already present; imported 0 chat sessions (0 members, 0 messages); 2 already present")

    const server = serve(url, await freePort(), dir, sharedEnv)
    servers.push(server)
    await server.up
    const keyOf = async (owner: string) =>
      (await (await fetch(`${server.url}/v1/admin/keys`, {
        method: "POST",
        headers: { authorization: `Bearer ${sharedEnv.STRATA_ADMIN_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ owner, name: "k", tokenLimitPer5h: 10 })
      })).json() as { secret: string }).secret
    const get = async (path: string, token: string) => (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json() as any
    const [ada, u1] = [await keyOf("ada"), await keyOf("u-1")]

    const ops = (await get("/v1/sessions", ada)).sessions[0]
    expect(ops).toMatchObject({ title: "Ops", createdAt: "2025-05-01T08:00:00.000Z", joinedAt: { ada: "2025-05-01T08:00:00.000Z", grace: "2025-05-01T08:30:00.000Z" } })
    expect((await get(`/v1/sessions/${ops.sessionId}/messages?order=asc`, ada)).messages.map((m: any) => [m.author, m.content, m.editedAt, m.deletedAt])).toEqual([
      ["ada", "deploy at noon", "2025-05-01T08:02:00.000Z", null],
      ["grace", null, null, "2025-05-01T08:32:00.000Z"]
    ])
    expect((await get("/v1/sandboxes", u1)).sandboxes.map((s: any) => [s.name, s.status, s.addonIds, s.createdAt]))
      .toEqual([["api", "running", ["postgres", "browser"], "2025-05-02T08:00:00.000Z"]])
    expect(await get("/v1/credentials/gitlab", u1)).toEqual({ provider: "gitlab", secret })
    const chat = (await get("/v1/sessions", u1)).sessions[0]
    expect((await get(`/v1/sessions/${chat.sessionId}/messages?order=asc`, u1)).messages.map((m: any) => [m.author, m.content]))
      .toEqual([["u-1", "start training"], ["assistant", "started"]])
  }, timeout)

  test("seed 004's keys from Postgres (Drizzle's pg schema: timestamps, bigint lifetime) keep their times, lifetime and last use", async () => {
    const source = await freshDatabase()
    const client = new pg.Client({ connectionString: source })
    await client.connect()
    await client.query(`
      CREATE TABLE api_keys (key TEXT PRIMARY KEY, name TEXT NOT NULL, model TEXT, token_limit_per_5h INTEGER NOT NULL,
        expiry_date TIMESTAMP, created_at TIMESTAMP NOT NULL, last_used TIMESTAMP, total_lifetime_tokens BIGINT DEFAULT 0 NOT NULL);
      CREATE TABLE usage_windows (id SERIAL PRIMARY KEY, api_key TEXT REFERENCES api_keys(key) ON DELETE CASCADE,
        window_start TIMESTAMP NOT NULL, tokens_used INTEGER NOT NULL);
      INSERT INTO api_keys VALUES ('sk-live-pg-0001', 'gateway', 'glm-4.6', 1000, NULL, '2026-01-22 10:00:00', '2026-01-22 14:30:00', 9876543210);
      INSERT INTO usage_windows (api_key, window_start, tokens_used) VALUES ('sk-live-pg-0001', '2026-01-22 12:00:00', 120);
    `)
    await client.end()
    const dir = directory("strata-pgsource-")
    const url = `sqlite:${join(dir, "strata.db")}`
    const env = { ...sharedEnv, TZ: "Asia/Tokyo" }
    const imported = await strata(["import", "postgres", "--database", url, "--url", source, "--owner", "gateway"], dir, env)
    expect(imported.stderr).toBe("")
    expect(imported.stdout.trim()).toBe("imported 0 tokens; 0 already present; imported 1 API keys; 0 already present")
    const audit = async (type: string) =>
      (await strata(["audit", "--database", url, "--type", type, "--format", "ndjson"], dir)).stdout.trim().split("\n").map((line) => JSON.parse(line).data)
    expect((await audit("ApiKeyCreated"))[0]).toMatchObject({ createdAt: Date.UTC(2026, 0, 22, 10), expiresAt: null })
    expect(await audit("UsageRecorded")).toEqual([{ tokens: 120, at: Date.UTC(2026, 0, 22, 12), windowStart: Date.UTC(2026, 0, 22, 12) }])
    expect(await audit("UsageCarriedOver")).toEqual([{ lifetimeTokens: 9_876_543_210, lastUsed: Date.UTC(2026, 0, 22, 14, 30) }])
  }, timeout)

  test("a source that cannot be reached is one line that does not show its password", async () => {
    const dir = directory("strata-pgsource-")
    const ran = await strata(["import", "postgres", "--database", `sqlite:${join(dir, "strata.db")}`, "--url", "postgres://legacy:s3cr3t-pw@127.0.0.1:1/app"], dir)
    expect(ran.code).toBe(1)
    expect(ran.stderr.trim().split("\n")).toHaveLength(1)
    expect(ran.stderr).toStartWith("strata: cannot read postgres://legacy:***@127.0.0.1:1/app: ")
    expect(ran.stderr).not.toContain("s3cr3t-pw")
  }, timeout)
})
