import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import * as Backends from "../support/backends.ts"
import * as OpenApiFuzz from "../support/OpenApiFuzz.ts"
import { adminToken, type Running, startServer } from "../adapters/http/server.ts"

/**
 * Isolation between owners: no request by one owner reads, changes or learns the existence
 * of another owner's token, key, sandbox, credential, session or audit entries. Every
 * endpoint of the OpenAPI document that names a resource is called by bob with alice's
 * resource and with one that does not exist: both answers must be the same 404 (status,
 * headers, body — the id named in it aside), the log must not move, and alice's resources
 * must read as before. Every list bob can read must hold nothing of alice's.
 */

const timeout = 60_000

/** A valid body per operation that takes one: the only thing wrong with the request is whose resource it names. */
const bodies: Record<string, unknown> = {
  "PUT /v1/tokens/{name}": { accessToken: "a", refreshToken: "r", expiresIn: 60, obtainmentTimestamp: 1, scopes: [] },
  "POST /v1/tokens/{name}/refresh": { accessToken: "a", refreshToken: "r", expiresIn: 60, obtainmentTimestamp: 1, scopes: [] },
  "PATCH /v1/keys/{keyId}": { name: "taken-over", tokenLimitPer5h: 1 },
  "POST /v1/sandboxes/{sandboxId}/{action}": {},
  "PUT /v1/credentials/{provider}": { secret: "overwritten" },
  "PATCH /v1/sessions/{sessionId}": { title: "taken-over" },
  "PUT /v1/sessions/{sessionId}/members/{member}": { role: "admin" },
  "POST /v1/sessions/{sessionId}/messages": { content: "intruder" },
  "PATCH /v1/sessions/{sessionId}/messages/{messageId}": { content: "edited by bob" }
}

/** Tokens and credentials are named by their owner: alice has these names, bob does not. */
const hersOnly = { name: "alice-only", provider: "alice-only" }
const absent = { name: "never-saved", provider: "never-set" }

/**
 * Writes that create or replace the caller's own resource by name: bob naming alice's names
 * writes his own (tried below: alice's stay as they were).
 */
const upserts = ["PUT /v1/tokens/{name}", "PUT /v1/credentials/{provider}"]

for (const native of [true, false]) {
  describe(`isolation between owners (sqlite${native ? "" : ", everything through HttpApi"})`, () => {
    let server: Running
    let doc: any
    let fixture: OpenApiFuzz.Fixture
    beforeAll(async () => {
      server = await startServer(Backends.sqlite, { native })
      doc = await (await fetch(`${server.url}/openapi.json`)).json()
      fixture = await OpenApiFuzz.makeFixture(server.url, adminToken)
      const alice = { token: fixture.owners.alice.key }
      await server.call("PUT", `/v1/tokens/${hersOnly.name}`, { ...alice, body: bodies["PUT /v1/tokens/{name}"] })
      await server.call("PUT", `/v1/credentials/${hersOnly.provider}`, { ...alice, body: { secret: "hers" } })
    }, timeout)
    afterAll(() => server.close())

    const head = async () => (await server.call("GET", "/ready")).body.head as number
    const missingId = () => Bun.randomUUIDv7()

    /** What alice sees of her own resources: must not change while bob tries. */
    const aliceView = async () => {
      const { alice } = fixture.owners
      const as = (path: string) => server.call("GET", path, { token: alice.key }).then((r) => ({ path, status: r.status, body: r.body }))
      return Promise.all([
        as("/v1/tokens/bot"),
        as(`/v1/tokens/${hersOnly.name}`),
        as(`/v1/credentials/${hersOnly.provider}`),
        as("/v1/tokens"),
        as(`/v1/keys/${alice.keyId}`),
        as(`/v1/keys/${alice.keyId}/stats`),
        as("/v1/keys"),
        as(`/v1/sandboxes/${alice.sandboxId}`),
        as("/v1/sandboxes"),
        as("/v1/credentials/github"),
        as("/v1/credentials"),
        as(`/v1/sessions/${alice.sessionId}`),
        as(`/v1/sessions/${alice.sessionId}/messages`),
        as("/v1/sessions")
      ])
    }

    const callers = () => ({
      bob: { authorization: `Bearer ${fixture.owners.bob.key}` },
      // An owner's key cannot be turned into someone else's by naming them.
      "bob naming alice": { authorization: `Bearer ${fixture.owners.bob.key}`, "x-strata-owner": "alice" },
      "admin acting for bob": { authorization: `Bearer ${adminToken}`, "x-strata-owner": "bob" }
    })

    const call = async (method: string, path: string, headers: Record<string, string>, body: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { ...headers, "if-match": "\"1\"", ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) })
      })
      const text = await response.text()
      return { status: response.status, contentType: response.headers.get("content-type"), etag: response.headers.get("etag"), text }
    }

    test("every endpoint naming another owner's resource answers exactly as for a missing one, and changes nothing", async () => {
      const { alice, bob } = fixture.owners
      const named = OpenApiFuzz.operations(doc).filter((op) =>
        // An owner's name and a projection's are the admin's to name (403 to anyone else), not resources of an owner.
        op.pathParams.some((p) => p !== "member" && p !== "action" && p !== "owner" && p !== "projection") && !upserts.includes(`${op.method} ${op.path}`)
      )
      // Each way a path can name alice's resource, beside the same path naming nothing.
      const cases = named.flatMap((op) => {
        const fill = (values: Record<string, string>) => op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name]!))
        const common = { member: "carol", action: "start" }
        const theirs = {
          ...common,
          ...hersOnly,
          keyId: alice.keyId,
          sandboxId: alice.sandboxId,
          sessionId: alice.sessionId,
          messageId: alice.messageId
        }
        const missing = {
          ...common,
          ...absent,
          keyId: missingId(),
          sandboxId: missingId(),
          sessionId: missingId(),
          messageId: missingId()
        }
        const pairs = [{ theirs: fill(theirs), missing: fill(missing), ids: [theirs, missing] }]
        // Alice's message in bob's own session.
        if (op.pathParams.includes("messageId")) {
          pairs.push({
            theirs: fill({ ...theirs, sessionId: bob.sessionId }),
            missing: fill({ ...missing, sessionId: bob.sessionId }),
            ids: [theirs, missing]
          })
        }
        const key = `${op.method} ${op.path}`
        if (op.body !== undefined && !(key in bodies)) throw new Error(`no valid body for ${key}: add one to this test`)
        return pairs.map((pair) => ({ ...pair, key, method: op.method, body: bodies[key] }))
      })
      expect(cases.length).toBeGreaterThanOrEqual(named.length)

      const before = await aliceView()
      const headBefore = await head()
      for (const [caller, headers] of Object.entries(callers())) {
        for (const c of cases) {
          const theirs = await call(c.method, c.theirs, headers, c.body)
          const missing = await call(c.method, c.missing, headers, c.body)
          const unnamed = (text: string, ids: Record<string, string>) =>
            Object.values(ids).filter((id) => id.length > 5).reduce((t, id) => t.replaceAll(id, "{id}"), text)
          const seen = { caller, request: `${c.method} ${c.theirs}`, status: theirs.status, contentType: theirs.contentType, etag: theirs.etag }
          // 404; or 412 where If-Match names a version that nothing of the caller's has (as for a missing resource).
          expect(seen).toEqual({ ...seen, status: seen.status === 412 ? 412 : 404, contentType: "application/problem+json", etag: null })
          expect({ ...seen, body: unnamed(theirs.text, c.ids[0]!) })
            .toEqual({ ...seen, status: missing.status, contentType: missing.contentType, etag: missing.etag, body: unnamed(missing.text, c.ids[1]!) })
          for (const secret of alice.secrets) expect(theirs.text).not.toContain(secret)
        }
      }
      // Sessions may name a sandbox: alice's is as missing as one that never was.
      for (const headers of Object.values(callers())) {
        const theirs = await call("POST", "/v1/sessions", headers, { title: "t", sandboxId: alice.sandboxId })
        const missing = await call("POST", "/v1/sessions", headers, { title: "t", sandboxId: missingId() })
        expect(theirs.status).toBe(404)
        expect(JSON.parse(theirs.text).detail.replace(alice.sandboxId, "{id}")).toBe(JSON.parse(missing.text).detail.replace(/[0-9a-f-]{36}/, "{id}"))
      }
      expect(await head()).toBe(headBefore)
      expect(await aliceView()).toEqual(before)
    }, timeout)

    test("a write by name is to the caller's own resource: bob naming alice's token or credential writes his, hers stay", async () => {
      const before = await aliceView()
      const ops = OpenApiFuzz.operations(doc).filter((op) => upserts.includes(`${op.method} ${op.path}`))
      expect(ops).toHaveLength(upserts.length)
      const bob = callers().bob
      expect((await call("PUT", `/v1/tokens/${hersOnly.name}`, bob, bodies["PUT /v1/tokens/{name}"])).status).toBe(200)
      expect((await call("PUT", `/v1/credentials/${hersOnly.provider}`, bob, { secret: "his" })).status).toBe(200)
      expect(JSON.parse((await call("GET", `/v1/credentials/${hersOnly.provider}`, bob, undefined)).text).secret).toBe("his")
      expect(JSON.parse((await call("GET", `/v1/tokens/${hersOnly.name}`, bob, undefined)).text).version).toBe(1)
      expect(await aliceView()).toEqual(before)
    }, timeout)

    test("what bob can list holds nothing of alice's", async () => {
      const { alice, bob } = fixture.owners
      const lists = OpenApiFuzz.operations(doc).filter((op) => op.method === "GET" && op.pathParams.length === 0 && !op.path.startsWith("/v1/admin"))
      expect(lists.map((op) => op.path)).toEqual(expect.arrayContaining(["/v1/tokens", "/v1/keys", "/v1/sandboxes", "/v1/credentials", "/v1/sessions", "/v1/usage"]))
      const hers = [alice.keyId, alice.sandboxId, alice.sessionId, alice.messageId, "alice-box", "alice-session", "alice-message", ...alice.secrets]
      for (const headers of Object.values(callers())) {
        for (const op of lists) {
          const answer = await call("GET", op.path, headers, undefined)
          expect({ path: op.path, status: answer.status < 500 }).toEqual({ path: op.path, status: true })
          for (const mark of hers) expect({ path: op.path, leaks: answer.text.includes(mark) ? mark : undefined }).toEqual({ path: op.path, leaks: undefined })
        }
      }
      // Bob's own things are there: the lists are not empty for want of trying.
      const own = await call("GET", "/v1/sandboxes", callers().bob, undefined)
      expect(own.text).toContain(bob.sandboxId)
    }, timeout)

    test("the audit log is the admin's: an owner is refused alike whatever the filter names", async () => {
      const { alice, bob } = fixture.owners
      const answers = await Promise.all([
        "/v1/admin/audit",
        `/v1/admin/audit?stream=${encodeURIComponent(`Sandbox-${alice.sandboxId}`)}`,
        "/v1/admin/audit?actor=alice",
        `/v1/admin/audit?stream=${encodeURIComponent(`Sandbox-${missingId()}`)}`
      ].map((path) => call("GET", path, { authorization: `Bearer ${bob.key}`, "x-strata-owner": "alice" }, undefined)))
      for (const answer of answers) {
        expect(answer.status).toBe(403)
        expect(answer.text).toBe(answers[0]!.text)
      }
      // Names already taken by alice are free for bob: no conflict tells him they exist.
      const key = await call("POST", "/v1/keys", callers()["admin acting for bob"], { name: "alice-spare", tokenLimitPer5h: 5 })
      const sandbox = await call("POST", "/v1/sandboxes", callers().bob, { name: "alice-box", tierId: "small", flavorId: "node" })
      expect([key.status, sandbox.status]).toEqual([201, 201])
    }, timeout)
  })
}
