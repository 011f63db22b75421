import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import * as Backends from "../../support/backends.ts"
import { adminToken, type Running, startServer } from "./server.ts"

/**
 * `Idempotency-Key` on every write endpoint: the same request sent again is answered as
 * the first was and writes nothing (the log's head does not move); the same key with
 * another request is a 422 that writes nothing; a malformed key is a 400; without the
 * header, a write sent twice is two writes.
 */

const timeout = 60_000

interface Sent {
  readonly method: string
  readonly path: string
  readonly token: string
  readonly body?: unknown
  readonly headers?: Record<string, string>
}

const scenario = (native: boolean) => {
  let server: Running
  let alice: string
  let keyCount = 0
  beforeAll(async () => {
    server = await startServer(Backends.sqlite, { native })
    alice = await newKey("alice", 100)
  }, timeout)
  afterAll(() => server.close())

  const newKey = async (owner: string, limit: number) =>
    (await server.call("POST", "/v1/admin/keys", { token: adminToken, body: { owner, name: `k${keyCount++}`, tokenLimitPer5h: limit } }))
      .body.secret as string
  const head = async () => (await server.call("GET", "/ready")).body.head as number
  const send = (request: Sent, key?: string) =>
    server.call(request.method, request.path, {
      token: request.token,
      ...(request.body === undefined ? {} : { body: request.body }),
      headers: { ...request.headers, ...(key === undefined ? {} : { "idempotency-key": key }) }
    })
  /** What a client compares: status, body, ETag (the request id is the request's own). */
  const seen = (response: Awaited<ReturnType<Running["call"]>>) => ({
    status: response.status,
    body: response.body,
    etag: response.headers.get("etag")
  })

  /** Sent twice under one key: one write, one answer. Returns the answer. */
  const twice = async (request: Sent, expectedStatus: number) => {
    const key = crypto.randomUUID()
    const before = await head()
    const first = await send(request, key)
    expect(first.status).toBe(expectedStatus)
    const written = await head()
    const again = await send(request, key)
    expect(seen(again)).toEqual(seen(first))
    expect(await head()).toBe(written)
    return { first, key, written: written - before }
  }

  /** The key reused for another request: 422, nothing written. */
  const reused = async (key: string, other: Sent) => {
    const before = await head()
    const response = await send(other, key)
    expect(response.status).toBe(422)
    expect(response.headers.get("content-type")).toStartWith("application/problem+json")
    expect(response.body).toMatchObject({ status: 422, type: "urn:strata:problem:idempotency-key-reused" })
    expect(await head()).toBe(before)
  }

  test("tokens: save, refresh and delete are answered once", async () => {
    const values = { accessToken: "a1", refreshToken: "r1", expiresIn: 60, obtainmentTimestamp: 1, scopes: ["x"] }
    const save = { method: "PUT", path: "/v1/tokens/twitch", token: alice, body: values }
    const saved = await twice(save, 200)
    expect(saved.first.body).toEqual({ name: "twitch", version: 1 })
    expect(saved.written).toBe(1)
    await reused(saved.key, { ...save, body: { ...values, accessToken: "other" } })
    await reused(saved.key, { ...save, path: "/v1/tokens/other" })
    // A resend after the token moved on is still the original's answer.
    await send({ ...save, body: { ...values, accessToken: "a0" } })
    expect((await send(save, saved.key)).body).toEqual({ name: "twitch", version: 1 })

    // Sent again with the same If-Match: the original's 200, not a 412.
    const refresh = { method: "POST", path: "/v1/tokens/twitch/refresh", token: alice, body: { ...values, accessToken: "a2" }, headers: { "if-match": '"2"' } }
    expect((await twice(refresh, 200)).first.body).toEqual({ name: "twitch", version: 3 })
    // Sent again after the token is gone: the original's 204, not a 404.
    const removed = await twice({ method: "DELETE", path: "/v1/tokens/twitch", token: alice }, 204)
    expect(removed.written).toBe(1)
  }, timeout)

  test("API keys: a created key is answered with the same secret, which works; update and delete once", async () => {
    const create = { method: "POST", path: "/v1/keys", token: adminToken, headers: { "x-strata-owner": "alice" }, body: { name: "gateway", tokenLimitPer5h: 50 } }
    const created = await twice(create, 201)
    expect(created.written).toBe(1)
    expect((await server.call("GET", "/v1/usage", { token: created.first.body.secret })).status).toBe(200)
    await reused(created.key, { ...create, body: { name: "gateway", tokenLimitPer5h: 51 } })
    const keyPath = `/v1/keys/${created.first.body.keyId}`
    expect((await twice({ method: "PATCH", path: keyPath, token: alice, body: { name: "renamed" } }, 200)).first.body.name).toBe("renamed")
    await twice({ method: "DELETE", path: keyPath, token: alice }, 204)

    const admin = await twice({ method: "POST", path: "/v1/admin/keys", token: adminToken, body: { owner: "carol", name: "c", tokenLimitPer5h: 10 } }, 201)
    expect(admin.first.body.secret).toStartWith("sk_")
    // The admin's keys are not alice's: the same key string is another request of another caller.
    expect((await send(create, admin.key)).status).toBe(201)
  }, timeout)

  test("usage: a resend near the limit is answered as recorded, not refused; one event per request", async () => {
    const gateway = await newKey("dave", 100)
    const usage = { method: "POST", path: "/v1/usage", token: gateway, body: { tokens: 60 } }
    const recorded = await twice(usage, 200)
    expect(recorded.first.body.remainingTokens).toBe(40)
    expect(recorded.written).toBe(1)
    await send({ ...usage, body: { tokens: 10 } })
    // Recorded again, 60 would be past the limit (429); a resend is the original's 200.
    expect(seen(await send(usage, recorded.key))).toEqual(seen(recorded.first))
    await reused(recorded.key, { ...usage, body: { tokens: 61 } })
    // Without the header, nothing changes: each request is a write.
    const before = await head()
    await send({ ...usage, body: { tokens: 1 } })
    await send({ ...usage, body: { tokens: 1 } })
    expect(await head()).toBe(before + 2)
  }, timeout)

  test("usage: requests under keys sent together are each recorded once", async () => {
    const gateway = await newKey("erin", 1_000)
    const keys = Array.from({ length: 20 }, () => crypto.randomUUID())
    const usage = { method: "POST", path: "/v1/usage", token: gateway, body: { tokens: 5 } }
    const before = await head()
    const first = await Promise.all(keys.flatMap((key) => [send(usage, key), send(usage, key)]))
    expect(first.every((response) => response.status === 200)).toBe(true)
    for (let index = 0; index < keys.length; index++) {
      expect(seen(first[2 * index + 1]!)).toEqual(seen(first[2 * index]!))
    }
    expect(await head()).toBe(before + keys.length)
    const stats = await server.call("GET", "/v1/usage", { token: gateway })
    expect(stats.body.lifetimeTokens).toBe(5 * keys.length)
  }, timeout)

  test("sandboxes and credentials: create, transition, delete, set and remove once", async () => {
    const create = { method: "POST", path: "/v1/sandboxes", token: alice, body: { name: "dev", tierId: "medium", flavorId: "node" } }
    const created = await twice(create, 201)
    await reused(created.key, { ...create, body: { ...create.body, name: "other" } })
    const path = `/v1/sandboxes/${created.first.body.sandboxId}`
    const started = await twice({ method: "POST", path: `${path}/start`, token: alice, body: {} }, 200)
    expect(started.first.body).toMatchObject({ status: "starting", version: 2 })
    // Moved on since: the resend still answers the sandbox as the start left it.
    await send({ method: "POST", path: `${path}/mark-running`, token: alice, body: {} })
    expect(seen(await send({ method: "POST", path: `${path}/start`, token: alice, body: {} }, started.key))).toEqual(seen(started.first))
    await twice({ method: "PUT", path: "/v1/credentials/openai", token: alice, body: { secret: "sk-1" } }, 200)
    await twice({ method: "DELETE", path: "/v1/credentials/openai", token: alice }, 204)
  }, timeout)

  test("sessions: create, post, edit, rename, archive once", async () => {
    const created = await twice({ method: "POST", path: "/v1/sessions", token: alice, body: { title: "chat" } }, 201)
    const path = `/v1/sessions/${created.first.body.sessionId}`
    const post = { method: "POST", path: `${path}/messages`, token: alice, body: { content: "hello" } }
    const posted = await twice(post, 201)
    await reused(posted.key, { ...post, body: { content: "hello!" } })
    const messagePath = `${path}/messages/${posted.first.body.messageId}`
    await twice({ method: "PATCH", path: messagePath, token: alice, body: { content: "edited" } }, 200)
    await twice({ method: "PUT", path: `${path}/members/bob`, token: alice, body: { role: "member" } }, 200)
    await twice({ method: "PATCH", path, token: alice, body: { title: "renamed" } }, 200)
    await twice({ method: "POST", path: `${path}/archive`, token: alice }, 200)
    const history = await server.call("GET", `${path}/messages`, { token: alice })
    expect(history.body.messages.length).toBe(1)
  }, timeout)

  test("admin: forgetting an owner is recorded once", async () => {
    const forgotten = await twice({ method: "POST", path: "/v1/admin/owners/frank/forget", token: adminToken }, 204)
    expect(forgotten.written).toBe(1)
    await reused(forgotten.key, { method: "POST", path: "/v1/admin/owners/grace/forget", token: adminToken })
  }, timeout)

  test("a malformed key is a 400 and writes nothing", async () => {
    const before = await head()
    for (const key of ['""', "x".repeat(256), "a\tb"]) {
      const response = await send({ method: "POST", path: "/v1/usage", token: alice, body: { tokens: 1 } }, key)
      expect({ key, status: response.status, type: response.body?.type }).toEqual({ key, status: 400, type: "urn:strata:problem:bad-request" })
    }
    expect(await head()).toBe(before)
  }, timeout)
}

describe("Idempotency-Key, native routes and HttpApi", () => scenario(true))
describe("Idempotency-Key, everything through HttpApi", () => scenario(false))

test("the OpenAPI document names the header on every write and the 422", async () => {
  const server = await startServer(Backends.memory)
  try {
    const spec = (await server.call("GET", "/openapi.json")).body
    const writes = Object.entries(spec.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
      Object.entries(methods)
        // A cutover's step and a projection's rebuild write no event to recognise a resend by:
        // each is run again (or refused as under way), so they take no key.
        .filter(([method]) =>
          ["post", "put", "patch", "delete"].includes(method) && path.startsWith("/v1/") &&
          !path.startsWith("/v1/admin/cutover") && !path.startsWith("/v1/admin/projections")
        )
        .map(([method, operation]) => ({
          write: `${method} ${path}`,
          header: (operation.parameters ?? []).some((parameter: any) => parameter.in === "header" && parameter.name === "idempotency-key"),
          unprocessable: "422" in operation.responses
        }))
    )
    expect(writes.length).toBeGreaterThan(20)
    expect(writes.filter((write) => !write.header || !write.unprocessable)).toEqual([])
  } finally {
    await server.close()
  }
}, timeout)
