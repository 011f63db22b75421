import { describe, expect, test } from "bun:test"
import { join } from "node:path"
import { directory } from "../support/processes.ts"
import { adminToken, call, client, servers, stopAll } from "../support/journey.ts"

/**
 * Seed 004's user: an API gateway. The admin makes a key with a quota; the gateway's
 * clients spend it through two servers at once, up to the limit and never past it; the
 * key's owner tries to lift the limit and is refused; the admin lets the key expire, and
 * it opens nothing any more; the stats read as the gateway reads them.
 */

const timeout = 120_000

describe("journey 004: a gateway's keys and quota", () => {
  test("spent to the limit and never over it, not lifted by its owner, refused everywhere once expired", async () => {
    const cwd = directory("strata-journey-004-")
    const database = `sqlite:${join(cwd, "gateway.db")}`
    const running = await servers(database, 2, cwd)
    try {
      const [a, b] = running.map((server) => server.url) as [string, string]
      const admin = client(a, adminToken)
      const limit = 1_000
      const created = await admin("POST", "/v1/admin/keys", {
        owner: "acme",
        name: "production",
        model: "glm-4.6",
        tokenLimitPer5h: limit,
        expiresAt: new Date(Date.now() + 3600_000).toISOString()
      })
      expect(created.status).toBe(201)
      const { keyId, secret } = created.body as { keyId: string; secret: string }

      // Many clients, both servers, 7 tokens a call, until the quota says no.
      let accepted = 0
      const refusals: Array<number> = []
      await Promise.all(Array.from({ length: 16 }, async (_, index) => {
        const url = index % 2 === 0 ? a : b
        while (true) {
          const used = await call(url, secret, "POST", "/v1/usage", { tokens: 7 })
          if (used.status === 200) {
            accepted += 7
            continue
          }
          refusals.push(used.status)
          expect(used.status).toBe(429)
          expect(Number(used.headers.get("retry-after"))).toBeGreaterThan(0)
          expect(used.body.remainingTokens).toBeLessThan(7)
          return
        }
      }))
      expect(refusals).toHaveLength(16)
      expect(accepted).toBeLessThanOrEqual(limit)
      expect(accepted).toBeGreaterThan(limit - 7)

      // The stats, as the gateway reads them, from either server.
      for (const url of [a, b]) {
        const usage = await call(url, secret, "GET", "/v1/usage")
        expect(usage.status).toBe(200)
        expect(usage.body).toMatchObject({
          keyId,
          tokenLimitPer5h: limit,
          currentUsage: accepted,
          remainingTokens: limit - accepted,
          lifetimeTokens: accepted,
          isExpired: false
        })
        expect(usage.body.windows).toHaveLength(1)
        expect(Date.parse(usage.body.lastUsed)).toBeGreaterThan(Date.now() - 120_000)
      }

      // The owner tries to lift the quota: a new key, a higher limit, a longer life.
      const owner = client(b, secret)
      expect((await owner("POST", "/v1/keys", { name: "more", tokenLimitPer5h: 1_000_000_000_000 })).status).toBe(403)
      expect((await owner("PATCH", `/v1/keys/${keyId}`, { tokenLimitPer5h: 1_000_000 })).status).toBe(403)
      expect((await owner("PATCH", `/v1/keys/${keyId}`, { expiresAt: null })).status).toBe(403)
      expect((await owner("GET", "/v1/keys")).body.keys).toHaveLength(1)
      expect((await owner("POST", "/v1/usage", { tokens: 7 })).status).toBe(429)

      // The admin ends the key; within the cache's bound (1 s) no server lets it in anywhere.
      const ended = await admin("PATCH", `/v1/keys/${keyId}`, { expiresAt: new Date(Date.now() - 1000).toISOString() }, { "x-strata-owner": "acme" })
      expect(ended.status).toBe(200)
      await Bun.sleep(1_200)
      for (const url of [a, b]) {
        for (const [method, path, body] of [["POST", "/v1/usage", { tokens: 0 }], ["GET", "/v1/usage"], ["GET", "/v1/tokens"], ["POST", "/v1/sessions", { title: "t" }]] as const) {
          const refused = await call(url, secret, method, path, body)
          expect({ url, path, status: refused.status }).toEqual({ url, path, status: 403 })
          expect(refused.body.detail).toContain("expired")
        }
      }
      const stats = await admin("GET", `/v1/keys/${keyId}/stats`, undefined, { "x-strata-owner": "acme" })
      expect(stats.body).toMatchObject({ isExpired: true, lifetimeTokens: accepted })
    } finally {
      await stopAll(running)
    }
  }, timeout)
})
