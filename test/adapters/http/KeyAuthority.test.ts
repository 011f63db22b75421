import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import * as Backends from "../../support/backends.ts"
import { adminToken, type Running, startServer } from "./server.ts"

/**
 * Limits and expiry are the admin's decision (seed 004): nothing done with an owner's key
 * raises what that owner may spend in a window or extends a key's life; an expired key, or
 * a forgotten owner's, opens nothing.
 */

const timeout = 60_000
const token = { accessToken: "at", refreshToken: "rt", expiresIn: 60, obtainmentTimestamp: 1, scopes: [] }

describe("what an owner's key may do with keys", () => {
  let server: Running
  const admin = (method: string, path: string, body?: unknown, owner?: string) =>
    server.call(method, path, { token: adminToken, body, ...(owner ? { headers: { "x-strata-owner": owner } } : {}) })
  const newKey = async (owner: string, fields: Record<string, unknown> = {}) => {
    const created = await admin("POST", "/v1/admin/keys", { owner, name: `${owner}-key`, tokenLimitPer5h: 1000, ...fields })
    expect(created.status).toBe(201)
    return created.body as { keyId: string; secret: string }
  }

  beforeAll(async () => {
    server = await startServer(Backends.sqlite)
  }, timeout)
  afterAll(() => server.close())

  test("an owner's key cannot create keys; the admin can, for the owner", async () => {
    const alice = await newKey("alice")
    const minted = await server.call("POST", "/v1/keys", { token: alice.secret, body: { name: "mine", tokenLimitPer5h: 1_000_000_000_000 } })
    expect(minted.status).toBe(403)
    expect(minted.headers.get("content-type")).toBe("application/problem+json")
    expect(minted.body.detail).toContain("admin")
    const keys = await server.call("GET", "/v1/keys", { token: alice.secret })
    expect(keys.body.keys.map((key: { keyId: string }) => key.keyId)).toEqual([alice.keyId])
    expect((await admin("POST", "/v1/keys", { name: "by-admin", tokenLimitPer5h: 5 }, "alice")).status).toBe(201)
  }, timeout)

  test("an owner's key cannot raise a limit nor extend a key's life; it may lower, shorten, rename", async () => {
    const expiresAt = new Date(Date.now() + 24 * 3600_000).toISOString()
    const alice = await newKey("alice2", { expiresAt })
    const patch = (body: unknown) => server.call("PATCH", `/v1/keys/${alice.keyId}`, { token: alice.secret, body })
    for (
      const body of [
        { tokenLimitPer5h: 1_000_000_000_000 },
        { tokenLimitPer5h: 1001 },
        { expiresAt: null },
        { expiresAt: new Date(Date.now() + 48 * 3600_000).toISOString() },
        { name: "ok", tokenLimitPer5h: 2000 }
      ]
    ) {
      const refused = await patch(body)
      expect({ body, status: refused.status }).toEqual({ body, status: 403 })
      expect(refused.headers.get("content-type")).toBe("application/problem+json")
    }
    const stats = await server.call("GET", `/v1/keys/${alice.keyId}/stats`, { token: alice.secret })
    expect(stats.body).toMatchObject({ name: "alice2-key", tokenLimitPer5h: 1000, expiresAt })
    const shorter = new Date(Date.now() + 3600_000).toISOString()
    const allowed = await patch({ name: "renamed", tokenLimitPer5h: 500, expiresAt: shorter })
    expect(allowed.status).toBe(200)
    expect(allowed.body).toMatchObject({ name: "renamed", tokenLimitPer5h: 500, expiresAt: shorter })
    // The admin decides: raising it back is theirs to do.
    const raised = await admin("PATCH", `/v1/keys/${alice.keyId}`, { tokenLimitPer5h: 5000, expiresAt: null }, "alice2")
    expect(raised.status).toBe(200)
    expect(raised.body).toMatchObject({ tokenLimitPer5h: 5000, expiresAt: null })
  }, timeout)

  test("an expired key is refused everywhere, with a problem that says it expired", async () => {
    const carol = await newKey("carol")
    expect((await server.call("PUT", "/v1/tokens/bot", { token: carol.secret, body: token })).status).toBe(200)
    const past = new Date(Date.now() - 1000).toISOString()
    expect((await admin("PATCH", `/v1/keys/${carol.keyId}`, { expiresAt: past }, "carol")).status).toBe(200)
    const calls: ReadonlyArray<[string, string, unknown?]> = [
      ["GET", "/v1/tokens"],
      ["GET", "/v1/tokens/bot"],
      ["PUT", "/v1/tokens/bot", token],
      ["GET", "/v1/sandboxes"],
      ["POST", "/v1/sessions", { title: "t" }],
      ["GET", "/v1/credentials"],
      ["GET", "/v1/keys"],
      ["POST", "/v1/keys", { name: "again", tokenLimitPer5h: 10 }],
      ["PATCH", `/v1/keys/${carol.keyId}`, { expiresAt: null }],
      ["GET", "/v1/usage"],
      ["POST", "/v1/usage", { tokens: 1 }]
    ]
    for (const [method, path, body] of calls) {
      const response = await server.call(method, path, { token: carol.secret, body })
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 })
      expect(response.headers.get("content-type")).toBe("application/problem+json")
      expect(response.body.detail).toContain("expired")
    }
    // Still the admin's to see, and to bring back.
    expect((await admin("GET", `/v1/keys/${carol.keyId}/stats`, undefined, "carol")).body.isExpired).toBe(true)
    expect((await admin("PATCH", `/v1/keys/${carol.keyId}`, { expiresAt: null }, "carol")).status).toBe(200)
    expect((await server.call("GET", "/v1/tokens", { token: carol.secret })).status).toBe(200)
  }, timeout)

  test("a forgotten owner's keys open nothing and record no usage", async () => {
    const dave = await newKey("dave")
    expect((await server.call("POST", "/v1/usage", { token: dave.secret, body: { tokens: 1 } })).status).toBe(200)
    expect((await admin("POST", "/v1/admin/owners/dave/forget")).status).toBe(204)
    for (const [method, path, body] of [["POST", "/v1/usage", { tokens: 1 }], ["GET", "/v1/tokens"], ["GET", "/v1/keys"]] as const) {
      const response = await server.call(method, path, { token: dave.secret, body })
      expect({ path, status: response.status }).toEqual({ path, status: 401 })
    }
    const keys = await admin("GET", "/v1/keys", undefined, "dave")
    expect(keys.body.keys).toEqual([])
  }, timeout)
})
