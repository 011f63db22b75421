import { afterAll, describe, expect, test } from "bun:test"
import { Database } from "bun:sqlite"
import { createCipheriv, randomBytes } from "node:crypto"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { freePort } from "../../support/freePort.ts"
import { freshDatabase } from "../../support/postgres.ts"
import { directory, serve, type Server, sharedEnv, strata } from "../../support/processes.ts"

/**
 * Seed 001's SQLite database comes in — sandboxes in every state, per-user provider
 * credentials encrypted under the old service's key, assistant chats — and the cutover then
 * moves it to Postgres, where it reads the same.
 */

const timeout = 240_000
const legacyKey = randomBytes(32)
const otherKey = randomBytes(32)
const githubToken = "ghp_legacy-credential-0123456789"
const openaiKey = "sk-proj-legacy-credential-abcdef"

/** As the old service's provider-credentials.ts wrote them: AES-256-GCM, iv:authTag:ciphertext in hex. */
const encrypt = (plaintext: string, key: Uint8Array) => {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
  return `${iv.toString("hex")}:${cipher.getAuthTag().toString("hex")}:${data.toString("hex")}`
}

const statuses = ["pending", "starting", "running", "stopping", "stopped", "failed", "deleted"] as const

const legacyDatabase = (file: string) => {
  const db = new Database(file)
  db.run(`CREATE TABLE sandboxes (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, name TEXT NOT NULL, tier_id TEXT NOT NULL, flavor_id TEXT NOT NULL,
    addons TEXT, status TEXT NOT NULL, error_message TEXT, created_at INTEGER NOT NULL, updated_at INTEGER)`)
  // Drizzle's camelCase columns, as the per-user change added them.
  db.run(`CREATE TABLE provider_credentials (id TEXT PRIMARY KEY, userId TEXT NOT NULL, providerId TEXT NOT NULL, encryptedValue TEXT NOT NULL,
    createdAt INTEGER, UNIQUE(userId, providerId))`)
  db.run(`CREATE TABLE chat_sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, sandbox_id TEXT, title TEXT, created_at INTEGER NOT NULL)`)
  db.run(`CREATE TABLE chat_messages (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, role TEXT NOT NULL, content TEXT, created_at INTEGER NOT NULL)`)
  const sandbox = db.query("INSERT INTO sandboxes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
  statuses.forEach((status, index) =>
    sandbox.run(`sb-${status}`, "user-1", `box ${status}`, "medium", "node", index % 2 === 0 ? '["redis","postgres"]' : "vscode", status,
      status === "failed" ? "image pull failed" : null, 1_733_000_000 + index * 60, null))
  sandbox.run("sb-unfit", "user-1", "gpu on small", "small", "gpu-python", null, "stopped", null, 1_733_000_000, null)
  const credential = db.query("INSERT INTO provider_credentials (id, userId, providerId, encryptedValue) VALUES (?, ?, ?, ?)")
  credential.run("pc-1", "user-1", "github", encrypt(githubToken, legacyKey))
  credential.run("pc-2", "user-2", "openai", encrypt(openaiKey, legacyKey))
  credential.run("pc-3", "user-2", "anthropic", encrypt("sk-ant-under-another-key", otherKey))
  db.run("INSERT INTO chat_sessions VALUES ('cs-1', 'user-1', 'sb-running', 'Fix the build', 1733000100)")
  const message = db.query("INSERT INTO chat_messages VALUES (?, ?, ?, ?, ?)")
  message.run("m-1", "cs-1", "user", "why does the build fail?", 1_733_000_110)
  message.run("m-2", "cs-1", "assistant", "the lockfile is stale", 1_733_000_111)
  message.run("m-3", "cs-1", "user", "thanks", 1_733_000_120)
  db.close()
}

const servers: Array<Server> = []
afterAll(async () => {
  for (const server of servers) {
    server.process.kill("SIGKILL")
    await server.process.exited
  }
})

const call = async (server: Server, path: string, token: string) => {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
  return { status: response.status, body: await response.json() as any }
}

/** What user-1 sees, as a comparable summary. */
const seenBy = async (server: Server) => {
  const key = (await fetch(`${server.url}/v1/admin/keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${sharedEnv.STRATA_ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ owner: "user-1", name: `k-${Math.random()}`, tokenLimitPer5h: 10 })
  }).then((r) => r.json()) as { secret: string }).secret
  const sandboxes = (await call(server, "/v1/sandboxes", key)).body.sandboxes
  const sessions = (await call(server, "/v1/sessions", key)).body.sessions
  const history = (await call(server, `/v1/sessions/${sessions[0].sessionId}/messages?order=asc`, key)).body.messages
  return {
    sandboxes: sandboxes.map((s: any) => [s.name, s.status, s.failureReason, s.tierId, s.flavorId, s.addonIds, s.createdAt]),
    credential: (await call(server, "/v1/credentials/github", key)).body,
    sessions: sessions.map((s: any) => [s.title, sandboxes.find((b: any) => b.sandboxId === s.sandboxId)?.name, s.createdAt]),
    history: history.map((m: any) => [m.author, m.content, m.postedAt])
  }
}

describe("seed 001's database, imported, then moved to Postgres", () => {
  test("sandboxes in every state, credentials sealed under strata's keys, chats with their sandbox; the cutover moves them all", async () => {
    const dir = directory("strata-seed001-")
    const legacy = join(dir, "app.db")
    legacyDatabase(legacy)
    const url = `sqlite:${join(dir, "strata.db")}`

    const withoutKey = await strata(["import", "sqlite", "--database", url, "--file", legacy], dir)
    expect(withoutKey.code).toBe(1)
    expect(withoutKey.stderr).toContain("invalid  provider credential pc-1: encrypted_value: no legacy key to open it (STRATA_LEGACY_SECRET_KEY)")

    const env = { ...sharedEnv, STRATA_LEGACY_SECRET_KEY: legacyKey.toString("hex") }
    const refused = await strata(["import", "sqlite", "--database", url, "--file", legacy], dir, env)
    expect(refused.stderr.trim().split("\n")).toEqual([
      "invalid  sandbox sb-unfit: tier_id, flavor_id, addons: flavor \"gpu-python\" does not run on tier \"small\" in strata's reference data",
      "invalid  provider credential pc-3: encrypted_value: does not open with the legacy key given",
      "strata: 2 invalid records; nothing imported (pass --skip-invalid to import the others)"
    ])
    const imported = await strata(["import", "sqlite", "--database", url, "--file", legacy, "--skip-invalid"], dir, env)
    expect(imported.stdout.trim()).toBe(
      "imported 7 sandboxes; 0 already present; imported 2 provider credentials; 0 already present; imported 1 chat sessions (1 members, 3 messages); 0 already present; 2 invalid skipped"
    )
    const again = await strata(["import", "sqlite", "--database", url, "--file", legacy, "--skip-invalid"], dir, env)
    expect(again.stdout.trim()).toBe(
      "imported 0 sandboxes; 7 already present; imported 0 provider credentials; 2 already present; imported 0 chat sessions (0 members, 0 messages); 1 already present; 2 invalid skipped"
    )
    for (const output of [withoutKey, refused, imported, again]) {
      expect(`${output.stdout}${output.stderr}`).not.toContain(githubToken)
      expect(`${output.stdout}${output.stderr}`).not.toContain(legacyKey.toString("hex"))
    }
    for (const suffix of ["", "-wal"]) {
      const bytes = (() => {
        try {
          return readFileSync(join(dir, `strata.db${suffix}`)).toString("latin1")
        } catch {
          return ""
        }
      })()
      expect(bytes).not.toContain(githubToken)
      expect(bytes).not.toContain(openaiKey)
    }

    const onSqlite = serve(url, await freePort(), dir, sharedEnv)
    servers.push(onSqlite)
    await onSqlite.up
    const before = await seenBy(onSqlite)
    const at = (index: number) => new Date((1_733_000_000 + index * 60) * 1000).toISOString()
    expect(before).toEqual({
      sandboxes: [
        ["box pending", "pending", null, "medium", "node", ["redis", "postgres"], at(0)],
        ["box starting", "starting", null, "medium", "node", ["vscode"], at(1)],
        ["box running", "running", null, "medium", "node", ["redis", "postgres"], at(2)],
        ["box stopping", "stopping", null, "medium", "node", ["vscode"], at(3)],
        ["box stopped", "stopped", null, "medium", "node", ["redis", "postgres"], at(4)],
        ["box failed", "failed", "image pull failed", "medium", "node", ["vscode"], at(5)]
      ],
      credential: { provider: "github", secret: githubToken },
      sessions: [["Fix the build", "box running", new Date(1_733_000_100_000).toISOString()]],
      history: [
        ["user-1", "why does the build fail?", new Date(1_733_000_110_000).toISOString()],
        ["assistant", "the lockfile is stale", new Date(1_733_000_111_000).toISOString()],
        ["user-1", "thanks", new Date(1_733_000_120_000).toISOString()]
      ]
    })
    onSqlite.process.kill("SIGTERM")
    await onSqlite.process.exited

    const postgres = await freshDatabase()
    for (const step of [["start", "--to", postgres], ["switch"], ["finish"]]) {
      const ran = await strata(["cutover", ...step, "--database", url], dir)
      expect({ step: step[0], code: ran.code, stderr: ran.stderr }).toEqual({ step: step[0], code: 0, stderr: expect.any(String) })
    }
    const onPostgres = serve(postgres, await freePort(), dir, sharedEnv)
    servers.push(onPostgres)
    await onPostgres.up
    expect(await seenBy(onPostgres)).toEqual(before)
  }, timeout)
})
