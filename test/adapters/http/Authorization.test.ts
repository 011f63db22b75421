import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import * as Backends from "../../support/backends.ts"
import { adminToken, type Running, startServer } from "./server.ts"

/**
 * Every endpoint × every kind of caller → the status it must answer, and no body that
 * reaches another owner carries the owner's data.
 */

const timeout = 60_000
type Caller = "none" | "bad" | "other" | "owner" | "admin"

interface Fixture {
  aliceKey: string
  aliceKeyId: string
  bobKey: string
  sandboxId: string
  sessionId: string
  messageId: string
}

interface Row {
  readonly name: string
  readonly method: string
  readonly path: (f: Fixture) => string
  readonly body?: unknown
  /** Expected status per caller; `admin` acts for alice through X-Strata-Owner where the endpoint is an owner's. */
  readonly expect: Record<Caller, number>
}

const ownerOnly = (ok: number, other: number): Record<Caller, number> => ({ none: 401, bad: 401, other, owner: ok, admin: ok })
const adminOnly = (ok: number): Record<Caller, number> => ({ none: 401, bad: 401, other: 403, owner: 403, admin: ok })
const token = { accessToken: "alice-access-secret", refreshToken: "alice-refresh-secret", expiresIn: 60, obtainmentTimestamp: 1, scopes: [] }

const rows: ReadonlyArray<Row> = [
  { name: "save token", method: "PUT", path: () => "/v1/tokens/matrix", body: token, expect: ownerOnly(200, 200) },
  { name: "get token", method: "GET", path: () => "/v1/tokens/bot", expect: ownerOnly(200, 404) },
  { name: "list tokens", method: "GET", path: () => "/v1/tokens", expect: ownerOnly(200, 200) },
  { name: "refresh token", method: "POST", path: () => "/v1/tokens/bot/refresh", body: token, expect: ownerOnly(428, 428) },
  { name: "delete token", method: "DELETE", path: () => "/v1/tokens/nothing", expect: ownerOnly(404, 404) },
  // Keys are the admin's to make (see ApiKey.Authority): an owner's own key cannot.
  { name: "create key", method: "POST", path: () => "/v1/keys", body: { name: "k", tokenLimitPer5h: 5 }, expect: { none: 401, bad: 401, other: 403, owner: 403, admin: 201 } },
  { name: "list keys", method: "GET", path: () => "/v1/keys", expect: ownerOnly(200, 200) },
  { name: "get key", method: "GET", path: (f) => `/v1/keys/${f.aliceKeyId}`, expect: ownerOnly(200, 404) },
  { name: "update key", method: "PATCH", path: (f) => `/v1/keys/${f.aliceKeyId}`, body: { name: "renamed" }, expect: ownerOnly(200, 404) },
  { name: "key stats", method: "GET", path: (f) => `/v1/keys/${f.aliceKeyId}/stats`, expect: ownerOnly(200, 404) },
  { name: "delete key", method: "DELETE", path: () => "/v1/keys/01a20000-0000-7000-8000-000000000000", expect: ownerOnly(404, 404) },
  { name: "record usage", method: "POST", path: () => "/v1/usage", body: { tokens: 1 }, expect: { none: 401, bad: 401, other: 200, owner: 200, admin: 403 } },
  { name: "usage stats", method: "GET", path: () => "/v1/usage", expect: { none: 401, bad: 401, other: 200, owner: 200, admin: 403 } },
  { name: "create sandbox", method: "POST", path: () => "/v1/sandboxes", body: { name: "s", tierId: "small", flavorId: "node" }, expect: ownerOnly(201, 201) },
  { name: "list sandboxes", method: "GET", path: () => "/v1/sandboxes", expect: ownerOnly(200, 200) },
  { name: "get sandbox", method: "GET", path: (f) => `/v1/sandboxes/${f.sandboxId}`, expect: ownerOnly(200, 404) },
  { name: "sandbox transition", method: "POST", path: (f) => `/v1/sandboxes/${f.sandboxId}/mark-stopped`, body: {}, expect: ownerOnly(409, 404) },
  { name: "delete sandbox", method: "DELETE", path: () => "/v1/sandboxes/none", expect: ownerOnly(404, 404) },
  { name: "reference data", method: "GET", path: () => "/v1/reference-data", expect: { none: 401, bad: 401, other: 200, owner: 200, admin: 200 } },
  { name: "set credential", method: "PUT", path: () => "/v1/credentials/gitlab", body: { secret: "glpat-x" }, expect: ownerOnly(200, 200) },
  { name: "list credentials", method: "GET", path: () => "/v1/credentials", expect: ownerOnly(200, 200) },
  { name: "get credential", method: "GET", path: () => "/v1/credentials/github", expect: ownerOnly(200, 404) },
  { name: "delete credential", method: "DELETE", path: () => "/v1/credentials/none", expect: ownerOnly(404, 404) },
  { name: "create session", method: "POST", path: () => "/v1/sessions", body: { title: "t" }, expect: ownerOnly(201, 201) },
  { name: "list sessions", method: "GET", path: () => "/v1/sessions", expect: ownerOnly(200, 200) },
  { name: "get session", method: "GET", path: (f) => `/v1/sessions/${f.sessionId}`, expect: ownerOnly(200, 404) },
  { name: "rename session", method: "PATCH", path: (f) => `/v1/sessions/${f.sessionId}`, body: { title: "renamed" }, expect: ownerOnly(200, 404) },
  { name: "add member", method: "PUT", path: (f) => `/v1/sessions/${f.sessionId}/members/dave`, body: { role: "member" }, expect: ownerOnly(200, 404) },
  { name: "remove member", method: "DELETE", path: (f) => `/v1/sessions/${f.sessionId}/members/dave`, expect: ownerOnly(200, 404) },
  { name: "post message", method: "POST", path: (f) => `/v1/sessions/${f.sessionId}/messages`, body: { content: "hi" }, expect: ownerOnly(201, 404) },
  { name: "history", method: "GET", path: (f) => `/v1/sessions/${f.sessionId}/messages`, expect: ownerOnly(200, 404) },
  { name: "edit message", method: "PATCH", path: (f) => `/v1/sessions/${f.sessionId}/messages/${f.messageId}`, body: { content: "edited" }, expect: ownerOnly(200, 404) },
  { name: "delete message", method: "DELETE", path: (f) => `/v1/sessions/${f.sessionId}/messages/nothing`, expect: ownerOnly(404, 404) },
  { name: "archive session", method: "POST", path: (f) => `/v1/sessions/${f.sessionId}/archive`, expect: ownerOnly(200, 404) },
  { name: "admin: create key", method: "POST", path: () => "/v1/admin/keys", body: { owner: "erin", name: "k", tokenLimitPer5h: 1 }, expect: adminOnly(201) },
  { name: "admin: audit", method: "GET", path: () => "/v1/admin/audit?limit=5", expect: adminOnly(200) },
  { name: "admin: forget owner", method: "POST", path: () => "/v1/admin/owners/frank/forget", expect: adminOnly(204) }
]

describe("authorization matrix (sqlite)", () => {
  let server: Running
  let fixture: Fixture
  beforeAll(async () => {
    server = await startServer(Backends.sqlite)
    const admin = (method: string, path: string, body?: unknown) => server.call(method, path, { token: adminToken, body })
    const alice = await admin("POST", "/v1/admin/keys", { owner: "alice", name: "alice", tokenLimitPer5h: 1000 })
    const bob = await admin("POST", "/v1/admin/keys", { owner: "bob", name: "bob", tokenLimitPer5h: 1000 })
    const as = (method: string, path: string, body?: unknown) => server.call(method, path, { token: alice.body.secret, body })
    await as("PUT", "/v1/tokens/bot", token)
    await as("PUT", "/v1/credentials/github", { secret: "alice-github-secret" })
    const sandbox = await as("POST", "/v1/sandboxes", { name: "alice-box", tierId: "small", flavorId: "node" })
    const session = await as("POST", "/v1/sessions", { title: "alice-session" })
    const message = await as("POST", `/v1/sessions/${session.body.sessionId}/messages`, { content: "alice-message" })
    fixture = {
      aliceKey: alice.body.secret,
      aliceKeyId: alice.body.keyId,
      bobKey: bob.body.secret,
      sandboxId: sandbox.body.sandboxId,
      sessionId: session.body.sessionId,
      messageId: message.body.messageId
    }
  }, timeout)
  afterAll(() => server.close())

  const callers: Record<Caller, (f: Fixture) => { token?: string; headers?: Record<string, string> }> = {
    none: () => ({}),
    bad: () => ({ token: "sk_this-is-not-a-key" }),
    other: (f) => ({ token: f.bobKey }),
    owner: (f) => ({ token: f.aliceKey }),
    admin: () => ({ token: adminToken, headers: { "x-strata-owner": "alice" } })
  }
  const aliceSecrets = ["alice-access-secret", "alice-refresh-secret", "alice-github-secret", "alice-box", "alice-session", "alice-message"]

  for (const row of rows) {
    test(`${row.name}: ${row.method} → ${JSON.stringify(row.expect)}`, async () => {
      for (const caller of ["none", "bad", "other", "owner", "admin"] as const) {
        const response = await server.call(row.method, row.path(fixture), { ...callers[caller](fixture), body: row.body })
        expect({ caller, status: response.status }).toEqual({ caller, status: row.expect[caller] })
        if (response.status >= 400) expect(response.headers.get("content-type")).toBe("application/problem+json")
        if (caller !== "owner" && caller !== "admin") {
          for (const secret of aliceSecrets) expect(response.text).not.toContain(secret)
        }
      }
    }, timeout)
  }
})
