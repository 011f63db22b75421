/**
 * The peer `npm run bench:http` measures strata against: what a team would write instead
 * of adopting strata — the seeds' own style, a Hono server on bun:sqlite — doing the work
 * of strata's endpoints and nothing less:
 *
 *   every request   bearer → SHA-256 → the key by its hash, with its owner; revoked or
 *                   expired keys are refused (401)
 *   GET /v1/sandboxes/:id   the sandbox by id and owner (404 otherwise), JSON with an ETag
 *   POST /v1/usage  {tokens}  in one transaction: the key's 5-hour window (a new one when it
 *                   has run out), the quota checked (429 past it), the usage inserted, the
 *                   key's totals updated; answers the key's stats as strata does
 *
 * With strata's pragmas (WAL, synchronous = NORMAL, a busy timeout). Seeded at start with
 * `--keys` keys (bearer `peer_key_<i>`, owner `owner-<i>`) and as many sandboxes
 * (`sbx-<i>`, owned by `owner-<i>`).
 *
 *   bun scripts/peers/hono-sqlite.ts --port 8080 --db /tmp/peer.db [--keys 1000]
 */
import { Database } from "bun:sqlite"
import { Hono } from "hono"
import { parseArgs } from "node:util"

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "8080" },
    db: { type: "string", default: "peer.db" },
    keys: { type: "string", default: "1000" }
  }
})

const windowMs = 5 * 60 * 60 * 1000
const db = new Database(args.db, { create: true })
db.run("PRAGMA journal_mode = WAL")
db.run("PRAGMA synchronous = NORMAL")
db.run("PRAGMA busy_timeout = 5000")
db.run(`CREATE TABLE IF NOT EXISTS api_keys (
  id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, owner TEXT NOT NULL, name TEXT NOT NULL,
  token_limit INTEGER NOT NULL, expires_at INTEGER, revoked INTEGER NOT NULL DEFAULT 0,
  window_start INTEGER, window_tokens INTEGER NOT NULL DEFAULT 0,
  lifetime_tokens INTEGER NOT NULL DEFAULT 0, last_used INTEGER, version INTEGER NOT NULL DEFAULT 1)`)
db.run(`CREATE TABLE IF NOT EXISTS sandboxes (
  id TEXT PRIMARY KEY, owner TEXT NOT NULL, doc TEXT NOT NULL, version INTEGER NOT NULL)`)
db.run(`CREATE TABLE IF NOT EXISTS usage (
  id INTEGER PRIMARY KEY, key_id TEXT NOT NULL, tokens INTEGER NOT NULL, at INTEGER NOT NULL)`)
db.run("CREATE INDEX IF NOT EXISTS usage_by_key ON usage (key_id, at)")

const sha256 = (text: string) => new Bun.CryptoHasher("sha256").update(text).digest("hex")

const seed = db.transaction((count: number) => {
  const key = db.prepare("INSERT OR IGNORE INTO api_keys (id, hash, owner, name, token_limit) VALUES (?, ?, ?, ?, ?)")
  const sandbox = db.prepare("INSERT OR IGNORE INTO sandboxes (id, owner, doc, version) VALUES (?, ?, ?, 1)")
  for (let i = 0; i < count; i++) {
    key.run(`key-${i}`, sha256(`peer_key_${i}`), `owner-${i}`, `key ${i}`, 1_000_000_000_000)
    sandbox.run(`sbx-${i}`, `owner-${i}`, JSON.stringify({
      sandboxId: `sbx-${i}`,
      status: "running",
      templateId: "node-20",
      addonIds: ["postgres"],
      createdAt: new Date(0).toISOString()
    }))
  }
})
seed(Number(args.keys))

interface KeyRow {
  readonly id: string
  readonly owner: string
  readonly name: string
  readonly token_limit: number
  readonly expires_at: number | null
  readonly revoked: number
  readonly window_start: number | null
  readonly window_tokens: number
  readonly lifetime_tokens: number
  readonly last_used: number | null
  readonly version: number
}

const keyByHash = db.prepare<KeyRow, [string]>("SELECT * FROM api_keys WHERE hash = ?")
const keyById = db.prepare<KeyRow, [string]>("SELECT * FROM api_keys WHERE id = ?")
const sandboxOf = db.prepare<{ doc: string; version: number }, [string, string]>(
  "SELECT doc, version FROM sandboxes WHERE id = ? AND owner = ?"
)
const insertUsage = db.prepare("INSERT INTO usage (key_id, tokens, at) VALUES (?, ?, ?)")
const updateTotals = db.prepare(`UPDATE api_keys SET window_start = ?, window_tokens = ?,
  lifetime_tokens = lifetime_tokens + ?, last_used = ?, version = version + 1 WHERE id = ?`)

const problem = (status: number, title: string, detail: string) =>
  new Response(JSON.stringify({ type: "about:blank", title, status, detail }), {
    status,
    headers: { "content-type": "application/problem+json" }
  })

/** The key behind the bearer token, if it may be used now. */
const authenticate = (authorization: string | undefined): KeyRow | Response => {
  if (authorization === undefined || !authorization.startsWith("Bearer ")) {
    return problem(401, "Unauthorized", "a bearer token is required")
  }
  const key = keyByHash.get(sha256(authorization.slice(7)))
  if (key === null || key.revoked === 1 || (key.expires_at !== null && key.expires_at <= Date.now())) {
    return problem(401, "Unauthorized", "unknown, revoked or expired key")
  }
  return key
}

const stats = (key: KeyRow, now: number) => {
  const open = key.window_start !== null && key.window_start + windowMs > now
  const current = open ? key.window_tokens : 0
  return {
    keyId: key.id,
    name: key.name,
    tokenLimitPer5h: key.token_limit,
    expiresAt: key.expires_at === null ? null : new Date(key.expires_at).toISOString(),
    version: key.version,
    isExpired: false,
    currentUsage: current,
    remainingTokens: Math.max(0, key.token_limit - current),
    lifetimeTokens: key.lifetime_tokens,
    lastUsed: key.last_used === null ? null : new Date(key.last_used).toISOString(),
    windows: open
      ? [{ start: new Date(key.window_start!).toISOString(), end: new Date(key.window_start! + windowMs).toISOString(), tokens: current }]
      : []
  }
}

class QuotaExceeded {
  constructor(readonly remaining: number) {}
}

const recordUsage = db.transaction((keyId: string, tokens: number, now: number) => {
  const key = keyById.get(keyId)!
  const open = key.window_start !== null && key.window_start + windowMs > now
  const start = open ? key.window_start! : now
  const used = open ? key.window_tokens : 0
  if (used + tokens > key.token_limit) throw new QuotaExceeded(key.token_limit - used)
  insertUsage.run(keyId, tokens, now)
  updateTotals.run(start, used + tokens, tokens, now, keyId)
  return keyById.get(keyId)!
})

const app = new Hono()

app.get("/v1/sandboxes/:id", (c) => {
  const key = authenticate(c.req.header("authorization"))
  if (key instanceof Response) return key
  const sandbox = sandboxOf.get(c.req.param("id"), key.owner)
  if (sandbox === null) return problem(404, "Not Found", "no such sandbox")
  return c.body(sandbox.doc, 200, { "content-type": "application/json", etag: `"${sandbox.version}"` })
})

app.post("/v1/usage", async (c) => {
  const key = authenticate(c.req.header("authorization"))
  if (key instanceof Response) return key
  const body = await c.req.json().catch(() => undefined) as { tokens?: unknown } | undefined
  const tokens = body?.tokens
  if (typeof tokens !== "number" || !Number.isSafeInteger(tokens) || tokens <= 0) {
    return problem(400, "Bad Request", "tokens must be a positive whole number")
  }
  try {
    const now = Date.now()
    return c.json(stats(recordUsage(key.id, tokens, now), now))
  } catch (error) {
    if (error instanceof QuotaExceeded) return problem(429, "Too Many Requests", `quota exceeded: ${error.remaining} tokens left`)
    throw error
  }
})

const server = Bun.serve({ port: Number(args.port), hostname: "127.0.0.1", fetch: app.fetch })
console.log(`listening on ${server.url}`)
