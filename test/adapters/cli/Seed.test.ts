import { afterAll, describe, expect, test } from "bun:test"
import { join } from "node:path"
import { freePort } from "../../support/freePort.ts"
import { directory, serve, type Server, sharedEnv, strata } from "../../support/processes.ts"

/** `strata seed`: an empty database gets a small world to look at; a database in use is left alone unless told. */

const timeout = 120_000
const servers: Array<Server> = []
afterAll(async () => {
  for (const server of servers) {
    server.process.kill("SIGKILL")
    await server.process.exited
  }
})

describe("strata seed", () => {
  test("fills an empty database with owners, keys with recent usage, tokens, sandboxes in every state, credentials and chat", async () => {
    const dir = directory("strata-seed-")
    const url = `sqlite:${join(dir, "strata.db")}`
    const seeded = await strata(["seed", "--database", url], dir)
    expect(seeded.stderr).toBe("")
    expect(seeded.code).toBe(0)
    expect(seeded.stdout).toMatch(/^seeded 4 owners \(ada, grace, linus, margaret\) with 5 API keys and \d+ usages over the last 12 hours, 4 tokens, 4 provider credentials, 7 sandboxes \(one in each state\), 3 chat sessions with 300 messages/)

    const refused = await strata(["seed", "--database", url], dir)
    expect({ code: refused.code, stderr: refused.stderr.trim() }).toEqual({
      code: 1,
      stderr: "strata: the database is not empty: seed an empty one, or pass --force to add the demo world to it"
    })

    const server = serve(url, await freePort(), dir, sharedEnv)
    servers.push(server)
    await server.up
    const asOwner = async (owner: string, path: string) =>
      (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${sharedEnv.STRATA_ADMIN_TOKEN}`, "x-strata-owner": owner } })).json() as any
    const owners = ["ada", "grace", "linus", "margaret"]
    const statuses = new Set<string>()
    let busyKeys = 0
    for (const owner of owners) {
      for (const sandbox of (await asOwner(owner, "/v1/sandboxes")).sandboxes) statuses.add(sandbox.status)
      for (const key of (await asOwner(owner, "/v1/keys")).keys) {
        const stats = await asOwner(owner, `/v1/keys/${key.keyId}/stats`)
        expect(stats.lifetimeTokens).toBeGreaterThan(0)
        expect(Date.parse(stats.lastUsed)).toBeGreaterThan(Date.now() - 13 * 3_600_000)
        if (stats.currentUsage > 0) busyKeys++
      }
      expect((await asOwner(owner, "/v1/tokens")).tokens.map((t: { name: string }) => t.name)).toEqual(["twitch"])
      expect((await asOwner(owner, "/v1/credentials")).providers).toEqual(["github"])
    }
    // A deleted sandbox is in the log, not in the lists.
    expect([...statuses].sort()).toEqual(["failed", "pending", "running", "starting", "stopped", "stopping"])
    expect(busyKeys).toBeGreaterThan(0)
    const sessions = (await asOwner("ada", "/v1/sessions")).sessions
    expect(sessions.map((s: { title: string }) => s.title).sort()).toEqual(["Coffee", "Incident 42", "Release planning"])
    const history = (await asOwner("ada", `/v1/sessions/${sessions[0].sessionId}/messages?limit=500`)).messages
    expect(history.length).toBe(100)
    expect(history.some((m: { editedAt: string | null }) => m.editedAt !== null)).toBe(true)
    expect(history.some((m: { deletedAt: string | null }) => m.deletedAt !== null)).toBe(true)

    const forced = await strata(["seed", "--database", url, "--force"], dir)
    expect(forced.code).toBe(0)
  }, timeout)
})
