import { expect, test } from "bun:test"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { freePort } from "../../support/freePort.ts"

/**
 * A resend may reach another process than its original: recognised there, because
 * everything it takes is in the shared log (nothing in either process's memory).
 */

const root = join(import.meta.dir, "../../..")
const adminToken = "st_admin_idempotency_processes_test_token_0123"

const serve = async (database: string, cwd: string) => {
  const port = await freePort()
  const child = Bun.spawn([process.execPath, join(root, "main.ts"), "serve", "--database", database, "--port", String(port)], {
    cwd,
    env: {
      ...process.env,
      STRATA_ADMIN_TOKEN: adminToken,
      // A shared database needs the same master key in every instance.
      STRATA_MASTER_KEY: Buffer.alloc(32, 9).toString("base64"),
      STRATA_LOG_LEVEL: "error"
    },
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe"
  })
  const reader = child.stdout.getReader()
  let output = ""
  while (!/listening on http/.test(output)) {
    const { done, value } = await reader.read()
    if (done) throw new Error(`strata serve ended: ${output}${await new Response(child.stderr).text()}`)
    output += new TextDecoder().decode(value)
  }
  reader.releaseLock()
  // Keep reading so that a full pipe never blocks the server.
  void (async () => {
    const rest = child.stdout.getReader()
    while (!(await rest.read()).done);
  })().catch(() => undefined)
  const call = async (method: string, path: string, token: string, body?: unknown, key?: string) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(key === undefined ? {} : { "idempotency-key": key })
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    const text = await response.text()
    return { status: response.status, body: text === "" ? undefined : JSON.parse(text) }
  }
  return { child, call }
}

test("two strata serve processes on one SQLite file: a resend to the other process is answered as the first and writes nothing", async () => {
  const directory = mkdtempSync(join(tmpdir(), "strata-idempotency-"))
  const database = `sqlite:${join(directory, "strata.db")}`
  const a = await serve(database, directory)
  const b = await serve(database, directory)
  try {
    const head = async () => (await a.call("GET", "/ready", adminToken)).body.head as number
    const created = await a.call("POST", "/v1/admin/keys", adminToken, { owner: "alice", name: "gw", tokenLimitPer5h: 100 })
    const secret = created.body.secret as string

    // Each process has decided on this key (its state is cached) before the resend crosses over.
    await a.call("POST", "/v1/usage", secret, { tokens: 1 })
    await b.call("POST", "/v1/usage", secret, { tokens: 1 })
    const usageKey = crypto.randomUUID()
    const first = await a.call("POST", "/v1/usage", secret, { tokens: 60 }, usageKey)
    expect(first.status).toBe(200)
    const written = await head()
    const resent = await b.call("POST", "/v1/usage", secret, { tokens: 60 }, usageKey)
    expect(resent).toEqual(first)
    expect(await head()).toBe(written)
    expect((await b.call("POST", "/v1/usage", secret, { tokens: 61 }, usageKey)).status).toBe(422)

    const values = { accessToken: "a", refreshToken: "r", expiresIn: null, obtainmentTimestamp: 1, scopes: [] }
    const tokenKey = crypto.randomUUID()
    const saved = await b.call("PUT", "/v1/tokens/twitch", secret, values, tokenKey)
    await a.call("PUT", "/v1/tokens/twitch", secret, { ...values, accessToken: "later" })
    const savedAgain = await a.call("PUT", "/v1/tokens/twitch", secret, values, tokenKey)
    expect(savedAgain).toEqual(saved)
    expect((await a.call("GET", "/v1/tokens/twitch", secret)).body.accessToken).toBe("later")
  } finally {
    a.child.kill("SIGTERM")
    b.child.kill("SIGTERM")
    await Promise.all([a.child.exited, b.child.exited])
    rmSync(directory, { recursive: true, force: true })
  }
}, 90_000)
