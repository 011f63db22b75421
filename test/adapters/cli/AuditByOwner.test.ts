import { describe, expect, test } from "bun:test"
import { join } from "node:path"
import { freePort } from "../../support/freePort.ts"
import { directory, serve, sharedEnv, strata } from "../../support/processes.ts"

/**
 * The audit answers the question an operator asks — what did bob do — by the owner's name:
 * what bob did through any of his API keys, and what the admin did for him (his keys made,
 * his tokens saved through `X-Strata-Owner`); by one key; and by the actor exactly as
 * recorded. The same through `strata audit` and `GET /v1/admin/audit`.
 */

interface Audited {
  readonly position: number
  readonly type: string
  readonly metadata: { readonly actor?: string }
}

const token = { accessToken: "at-1", refreshToken: "rt-1", expiresIn: 3600, obtainmentTimestamp: 1_700_000_000_000, scopes: ["chat:read"] }

describe("audit by owner and by key", () => {
  test("strata audit --owner / --key and GET /v1/admin/audit?owner= / ?key= find what the operator asks for", async () => {
    const cwd = directory("strata-audit-owner-")
    const database = `sqlite:${join(cwd, "strata.db")}`
    const server = serve(database, await freePort(), cwd)
    try {
      await server.up
      const call = async (method: string, path: string, bearer: string, body?: unknown, headers: Record<string, string> = {}) => {
        const response = await fetch(`${server.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json", ...headers },
          ...(body === undefined ? {} : { body: JSON.stringify(body) })
        })
        const answer = await response.json() as Record<string, unknown>
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`)
        return answer
      }
      const adminToken = sharedEnv.STRATA_ADMIN_TOKEN
      const newKey = (owner: string, name: string) =>
        call("POST", "/v1/admin/keys", adminToken, { owner, name, tokenLimitPer5h: 1_000_000 }) as Promise<{ keyId: string; secret: string }>
      const laptop = await newKey("bob", "laptop")
      const phone = await newKey("bob", "phone")
      const alices = await newKey("alice", "laptop")
      await call("PUT", "/v1/tokens/twitch", laptop.secret, token)
      await call("POST", "/v1/usage", phone.secret, { tokens: 10 })
      await call("PUT", "/v1/tokens/youtube", adminToken, token, { "x-strata-owner": "bob", "x-request-id": "req-youtube-1" })
      await call("PUT", "/v1/tokens/twitch", alices.secret, token)
      await call("POST", "/v1/usage", alices.secret, { tokens: 10 })

      const cli = async (...args: Array<string>) => {
        const ran = await strata(["audit", "--database", database, "--format", "ndjson", ...args], cwd)
        expect(ran.stderr).toBe("")
        expect(ran.code).toBe(0)
        return ran.stdout.split("\n").filter((line) => line !== "").map((line) => JSON.parse(line) as Audited)
      }
      const http = async (query: string) => ((await call("GET", `/v1/admin/audit?${query}`, adminToken)) as { events: Array<Audited> }).events
      const described = (events: ReadonlyArray<Audited>) => events.map((event) => `${event.type} by ${event.metadata.actor}`)

      const bobs = await cli("--owner", "bob")
      expect(described(bobs)).toEqual([
        "ApiKeyCreated by admin (for bob)",
        "ApiKeyCreated by admin (for bob)",
        `TokenSaved by bob (key ${laptop.keyId})`,
        `UsageRecorded by bob (key ${phone.keyId})`,
        "TokenSaved by admin (for bob)"
      ])
      expect(described(await http("owner=bob"))).toEqual(described(bobs))

      const byPhone = await cli("--key", phone.keyId)
      expect(described(byPhone)).toEqual([`UsageRecorded by bob (key ${phone.keyId})`])
      expect(described(await http(`key=${phone.keyId}`))).toEqual(described(byPhone))
      expect(described(await cli("--owner", "bob", "--type", "TokenSaved"))).toEqual([
        `TokenSaved by bob (key ${laptop.keyId})`,
        "TokenSaved by admin (for bob)"
      ])

      // One request's events, by its id; a stream prefix's.
      expect(described(await cli("--correlation", "req-youtube-1"))).toEqual(["TokenSaved by admin (for bob)"])
      expect(described(await cli("--stream-prefix", "apikey-"))).toHaveLength(5)

      // The actor filter stays exact: bob alone is no actor of this log, his keys' actors are.
      expect(await cli("--actor", "bob")).toEqual([])
      expect(described(await cli("--actor", `bob (key ${laptop.keyId})`))).toEqual([`TokenSaved by bob (key ${laptop.keyId})`])
      expect(described(await http(`actor=${encodeURIComponent("admin (for bob)")}`))).toHaveLength(3)
    } finally {
      server.process.kill("SIGTERM")
      await server.process.exited
    }
  }, 60_000)
})
