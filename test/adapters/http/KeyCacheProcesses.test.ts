import { afterAll, describe, expect, test } from "bun:test"
import { join } from "node:path"
import { Duration } from "effect"
import { defaultStaleAfter } from "../../../application/ports/ApiKeyCache.ts"
import { freePort } from "../../support/freePort.ts"
import { freshDatabase, stopPostgres } from "../../support/postgres.ts"
import { directory, serve, sharedEnv } from "../../support/processes.ts"

/**
 * API keys authenticate from each process's cache (`ApiKeyCache`). The product rule: exact
 * within a process, and a key deleted or changed by another process stops authenticating
 * within 1 s of the change — tested with two `strata serve` processes sharing a database.
 */

const adminToken = sharedEnv.STRATA_ADMIN_TOKEN
const bound = Duration.toMillis(defaultStaleAfter)

/** A `strata serve` on `database`, and a caller of its API. */
const server = async (database: string, cwd: string) => {
  const running = serve(database, await freePort(), cwd)
  await running.up
  const call = async (method: string, path: string, token: string, body?: unknown, owner?: string) => {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(owner === undefined ? {} : { "x-strata-owner": owner }),
        ...(body === undefined ? {} : { "content-type": "application/json" })
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    const text = await response.text()
    return { status: response.status, body: text === "" ? undefined : JSON.parse(text) }
  }
  return { child: running.process, call }
}

const backends = [
  { name: "SQLite", database: async (cwd: string) => `sqlite:${join(cwd, "strata.db")}` },
  { name: "Postgres", database: async () => freshDatabase() }
]

afterAll(stopPostgres)

describe("the API key cache across processes", () => {
  for (const backend of backends) {
    test(`${backend.name}: a key deleted in one process stops authenticating there at once, and in the other within ${bound} ms`, async () => {
      const cwd = directory("strata-key-cache-")
      const database = await backend.database(cwd)
      const a = await server(database, cwd)
      const b = await server(database, cwd)
      try {
        const created = await a.call("POST", "/v1/admin/keys", adminToken, { owner: "alice", name: "gw", tokenLimitPer5h: 100 })
        expect(created.status).toBe(201)
        const { keyId, secret } = created.body as { keyId: string; secret: string }
        const other = (await a.call("POST", "/v1/admin/keys", adminToken, { owner: "alice", name: "kept", tokenLimitPer5h: 100 })).body
        // Both processes have authenticated both keys: their caches hold them.
        for (const process of [a, b]) {
          for (const token of [secret, other.secret]) expect((await process.call("GET", "/v1/usage", token)).status).toBe(200)
        }

        const deleted = await a.call("DELETE", `/v1/keys/${keyId}`, adminToken, undefined, "alice")
        const deletedAt = Date.now()
        expect(deleted.status).toBe(204)
        // Exact in the process that deleted it.
        expect((await a.call("GET", "/v1/usage", secret)).status).toBe(401)
        // The other process may still answer from its cache until the bound has passed, not after.
        await Bun.sleep(Math.max(0, deletedAt + bound - Date.now()))
        expect((await b.call("GET", "/v1/usage", secret)).status).toBe(401)
        expect((await b.call("GET", "/v1/usage", other.secret)).status).toBe(200)
      } finally {
        a.child.kill("SIGTERM")
        b.child.kill("SIGTERM")
        await Promise.all([a.child.exited, b.child.exited])
      }
    }, 90_000)
  }
})
