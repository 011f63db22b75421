import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import * as Backends from "../../support/backends.ts"
import { adminToken, type Running, startServer } from "./server.ts"

const timeout = 60_000
const token = { accessToken: "access-1", refreshToken: "refresh-1", expiresIn: 3600, obtainmentTimestamp: 1_700_000_000_000, scopes: ["chat:read"] }

for (const backend of [Backends.sqlite, Backends.postgres]) {
  describe(`HTTP API over a socket: ${backend.name}`, () => {
    let server: Running
    let alice: string
    beforeAll(async () => {
      server = await startServer(backend)
      const created = await server.call("POST", "/v1/admin/keys", {
        token: adminToken,
        body: { owner: "alice", name: "alice's key", tokenLimitPer5h: 100 }
      })
      alice = created.body.secret
    }, timeout)
    afterAll(() => server.close())

    test("health and readiness need no token", async () => {
      expect((await server.call("GET", "/health")).body).toEqual({ status: "ok" })
      const ready = await server.call("GET", "/ready")
      expect(ready.status).toBe(200)
      expect(ready.body.status).toBe("ready")
    }, timeout)

    test("the admin creates a key for an owner: its secret is shown once", async () => {
      const created = await server.call("POST", "/v1/admin/keys", {
        token: adminToken,
        body: { owner: "carol", name: "carol's key", tokenLimitPer5h: 10, expiresAt: "2030-01-01T00:00:00.000Z" }
      })
      expect(created.status).toBe(201)
      expect(created.body.secret).toMatch(/^sk_/)
      expect(created.body.expiresAt).toBe("2030-01-01T00:00:00.000Z")
      const listed = await server.call("GET", "/v1/keys", { token: created.body.secret })
      expect(listed.body.keys).toHaveLength(1)
      expect(listed.text).not.toContain(created.body.secret)
    }, timeout)

    test("tokens: ETag on reads, If-Match on writes: a stale one is 412, a missing one on refresh is 428", async () => {
      const saved = await server.call("PUT", "/v1/tokens/bot", { token: alice, body: token })
      expect(saved.status).toBe(200)
      expect(saved.headers.get("etag")).toBe('"1"')
      const read = await server.call("GET", "/v1/tokens/bot", { token: alice })
      expect(read.body).toMatchObject({ name: "bot", accessToken: "access-1", refreshToken: "refresh-1", version: 1 })
      expect(read.headers.get("etag")).toBe('"1"')
      const refreshed = await server.call("POST", "/v1/tokens/bot/refresh", {
        token: alice,
        headers: { "if-match": '"1"' },
        body: { ...token, refreshToken: "refresh-2" }
      })
      expect(refreshed.headers.get("etag")).toBe('"2"')
      const stale = await server.call("POST", "/v1/tokens/bot/refresh", {
        token: alice,
        headers: { "if-match": '"1"' },
        body: { ...token, refreshToken: "refresh-3" }
      })
      expect(stale.status).toBe(412)
      expect(stale.headers.get("content-type")).toBe("application/problem+json")
      expect(stale.body).toMatchObject({ status: 412, currentVersion: 2 })
      const unconditional = await server.call("POST", "/v1/tokens/bot/refresh", { token: alice, body: token })
      expect(unconditional.status).toBe(428)
      const listed = await server.call("GET", "/v1/tokens", { token: alice })
      expect(listed.body).toMatchObject({ hasAny: true, tokens: [{ name: "bot", version: 2 }] })
      expect((await server.call("GET", "/v1/tokens/nope", { token: alice })).status).toBe(404)
    }, timeout)

    test("usage: recorded against the key that authenticates, 429 with Retry-After past the quota", async () => {
      const key = await server.call("POST", "/v1/keys", { token: adminToken, headers: { "x-strata-owner": "alice" }, body: { name: "metered", tokenLimitPer5h: 50 } })
      const used = await server.call("POST", "/v1/usage", { token: key.body.secret, body: { tokens: 30 } })
      expect(used.status).toBe(200)
      expect(used.body).toMatchObject({ currentUsage: 30, remainingTokens: 20, lifetimeTokens: 30 })
      const refused = await server.call("POST", "/v1/usage", { token: key.body.secret, body: { tokens: 21 } })
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(4 * 3600)
      expect(refused.body).toMatchObject({ status: 429, remainingTokens: 20 })
      const stats = await server.call("GET", "/v1/usage", { token: key.body.secret })
      expect(stats.body.windows).toHaveLength(1)
      const negative = await server.call("POST", "/v1/usage", { token: key.body.secret, body: { tokens: -1 } })
      expect(negative.status).toBe(400)
      expect((await server.call("POST", "/v1/usage", { token: adminToken, body: { tokens: 1 } })).status).toBe(403)
    }, timeout)

    test("sandboxes: an illegal transition is 409 naming the current state", async () => {
      const reference = await server.call("GET", "/v1/reference-data", { token: alice })
      expect(reference.body.version).toBe(1)
      const created = await server.call("POST", "/v1/sandboxes", { token: alice, body: { name: "dev", tierId: "medium", flavorId: "node", addonIds: ["redis"] } })
      expect(created.status).toBe(201)
      const id = created.body.sandboxId
      const stop = await server.call("POST", `/v1/sandboxes/${id}/stop`, { token: alice, body: {} })
      expect(stop.status).toBe(409)
      expect(stop.body).toMatchObject({ currentState: "pending" })
      expect(stop.body.detail).toContain("pending")
      expect((await server.call("POST", `/v1/sandboxes/${id}/start`, { token: alice, body: {} })).body.status).toBe("starting")
      const invalid = await server.call("POST", "/v1/sandboxes", { token: alice, body: { name: "x", tierId: "huge", flavorId: "node" } })
      expect(invalid.status).toBe(400)
      expect(invalid.body.detail).toContain("huge")
    }, timeout)

    test("sessions: post, edit, delete, and the history with markers", async () => {
      const session = await server.call("POST", "/v1/sessions", { token: alice, body: { title: "Planning" } })
      const id = session.body.sessionId
      const first = await server.call("POST", `/v1/sessions/${id}/messages`, { token: alice, body: { content: "hello" } })
      await server.call("POST", `/v1/sessions/${id}/messages`, { token: alice, body: { type: "image", content: "img://cat" } })
      await server.call("PATCH", `/v1/sessions/${id}/messages/${first.body.messageId}`, { token: alice, body: { content: "hello!" } })
      const newest = await server.call("GET", `/v1/sessions/${id}/messages?order=desc&limit=1`, { token: alice })
      expect(newest.body.messages.map((m: { content: string }) => m.content)).toEqual(["img://cat"])
      const older = await server.call("GET", `/v1/sessions/${id}/messages?order=desc&limit=1&after=${newest.body.next}`, { token: alice })
      expect(older.body.messages[0]).toMatchObject({ content: "hello!", author: "alice" })
      expect(older.body.messages[0].editedAt).not.toBeNull()
      await server.call("DELETE", `/v1/sessions/${id}/messages/${first.body.messageId}`, { token: alice })
      const all = await server.call("GET", `/v1/sessions/${id}/messages?order=asc`, { token: alice })
      expect(all.body.messages[0]).toMatchObject({ content: null })
      expect(all.body.messages[0].deletedAt).not.toBeNull()
    }, timeout)

    test("bad input is a 400 problem with the issues, never a 500; unknown routes are 404 problems", async () => {
      const bad = await server.call("PUT", "/v1/tokens/bot", { token: alice, body: { accessToken: 5 } })
      expect(bad.status).toBe(400)
      expect(bad.headers.get("content-type")).toBe("application/problem+json")
      expect(bad.body.issues[0].path).toEqual(["accessToken"])
      const notJson = await fetch(`${server.url}/v1/tokens/bot`, {
        method: "PUT",
        headers: { authorization: `Bearer ${alice}`, "content-type": "application/json" },
        body: "{not json"
      })
      expect(notJson.status).toBe(400)
      const badIfMatch = await server.call("POST", "/v1/tokens/bot/refresh", { token: alice, headers: { "if-match": "yesterday" }, body: token })
      expect(badIfMatch.status).toBe(400)
      const missing = await server.call("GET", "/v1/nothing-here", { token: alice })
      expect(missing.status).toBe(404)
      expect(missing.body.type).toBe("urn:strata:problem:not-found")
      const admin = await server.call("GET", "/v1/tokens", { token: adminToken })
      expect(admin.status).toBe(400)
      expect(admin.body.detail).toContain("X-Strata-Owner")
    }, timeout)

    test("an oversized body is a 413 problem", async () => {
      const response = await fetch(`${server.url}/v1/tokens/big`, {
        method: "PUT",
        headers: { authorization: `Bearer ${alice}`, "content-type": "application/json" },
        body: JSON.stringify({ ...token, accessToken: "x".repeat(2 * 1024 * 1024) })
      })
      expect(response.status).toBe(413)
      expect(response.headers.get("content-type")).toBe("application/problem+json")
    }, timeout)

    test("the request id lands in the events' metadata, which the admin audits", async () => {
      await server.call("PUT", "/v1/tokens/traced", { token: alice, body: token, headers: { "x-request-id": "req-trace-42" } })
      const audit = await server.call("GET", "/v1/admin/audit?type=TokenSaved&limit=50", { token: adminToken })
      const traced = audit.body.events.find((event: { metadata: { correlationId?: string } }) => event.metadata.correlationId === "req-trace-42")
      expect(traced).toMatchObject({ type: "TokenSaved", streamId: "token-alice:traced" })
      expect(traced.metadata.actor).toContain("alice")
      expect(JSON.stringify(audit.body)).not.toContain("access-1")
      expect((await server.call("GET", "/v1/admin/audit", { token: alice })).status).toBe(403)
    }, timeout)

    test("metrics: requests by route and status, appends, projection lag", async () => {
      const metrics = await fetch(`${server.url}/metrics`).then((response) => response.text())
      expect(metrics).toContain('strata_http_requests_total{route="/v1/tokens/:name",method="PUT",status="200"}')
      expect(metrics).toContain("strata_http_request_duration_seconds_bucket")
      expect(metrics).toMatch(/strata_events_appended_total \d+/)
      expect(metrics).toContain('strata_projection_lag_events{projection="tokens",status="live"} 0')
    }, timeout)

    test("the OpenAPI document and the docs page are served", async () => {
      const spec = await server.call("GET", "/openapi.json")
      expect(spec.body.openapi).toMatch(/^3\.1/)
      expect(Object.keys(spec.body.paths)).toContain("/v1/usage")
      const docs = await fetch(`${server.url}/docs`)
      expect(docs.status).toBe(200)
      expect(await docs.text()).toContain("<html")
    }, timeout)
  })
}
