import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import * as Backends from "../../support/backends.ts"
import { adminToken, type Running, startServer } from "./server.ts"

/** What the console's Trace, Streams and Overview screens ask of the admin API. */
describe("admin API: trace, stream prefix, projection rebuild (sqlite)", () => {
  let server: Running
  beforeAll(async () => {
    server = await startServer(Backends.sqlite)
  }, 60_000)
  afterAll(() => server.close())

  const admin = (owner?: string, requestId?: string) => ({
    token: adminToken,
    headers: { ...(owner ? { "x-strata-owner": owner } : {}), ...(requestId ? { "x-request-id": requestId } : {}) }
  })

  test("a request's id finds every event it caused, across streams, and nothing else", async () => {
    const key = await server.call("POST", "/v1/admin/keys", { ...admin(undefined, "trace-key-1"), body: { owner: "tracy", name: "k", tokenLimitPer5h: 1000 } })
    expect(key.status).toBe(201)
    const session = await server.call("POST", "/v1/sessions", { ...admin("tracy", "trace-session-1"), body: { title: "traced" } })
    expect(session.status).toBe(201)
    const byKeyRequest = await server.call("GET", "/v1/admin/audit?correlationId=trace-key-1", admin())
    expect(byKeyRequest.status).toBe(200)
    expect(byKeyRequest.body.events.map((event: { type: string }) => event.type)).toEqual(["ApiKeyCreated"])
    expect(byKeyRequest.body.events[0].streamId).toBe(`apikey-${key.body.keyId}`)
    const bySessionRequest = await server.call("GET", "/v1/admin/audit?correlationId=trace-session-1", admin())
    expect(bySessionRequest.body.events.length).toBeGreaterThan(0)
    for (const event of bySessionRequest.body.events) expect(event.metadata.correlationId).toBe("trace-session-1")
    expect((await server.call("GET", "/v1/admin/audit?correlationId=trace-none", admin())).body.events).toEqual([])
  }, 30_000)

  test("a stream prefix finds the streams that start with it", async () => {
    await server.call("POST", "/v1/admin/keys", { ...admin(), body: { owner: "pre", name: "k", tokenLimitPer5h: 1000 } })
    const keys = await server.call("GET", "/v1/admin/audit?streamPrefix=apikey-", admin())
    expect(keys.status).toBe(200)
    expect(keys.body.events.length).toBeGreaterThan(0)
    for (const event of keys.body.events) expect(event.streamId.startsWith("apikey-")).toBe(true)
  }, 30_000)

  test("a projection is rebuilt on the admin's request, and only on the admin's; an unknown one is 404", async () => {
    const owner = await server.call("POST", "/v1/admin/keys", { ...admin(), body: { owner: "olga", name: "k", tokenLimitPer5h: 1000 } })
    expect((await server.call("POST", "/v1/admin/projections/sessions/rebuild", { token: owner.body.secret })).status).toBe(403)
    const unknown = await server.call("POST", "/v1/admin/projections/nothing/rebuild", admin())
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get("content-type")).toContain("application/problem+json")
    const before = await server.call("GET", "/v1/sessions", admin("tracy"))
    const started = await server.call("POST", "/v1/admin/projections/sessions/rebuild", admin())
    expect(started.status).toBe(202)
    expect(started.body).toEqual({ name: "sessions", rebuilding: true })
    // The rebuild ends live again, with the same documents.
    const deadline = Date.now() + 20_000
    let lag = ""
    while (Date.now() < deadline) {
      lag = (await server.call("GET", "/metrics")).text.split("\n").find((line) => line.startsWith("strata_projection_lag_events{projection=\"sessions\"")) ?? ""
      if (/status="live"\} 0$/.test(lag)) break
      await Bun.sleep(50)
    }
    expect(lag).toMatch(/status="live"\} 0$/)
    expect((await server.call("GET", "/v1/sessions", admin("tracy"))).body).toEqual(before.body)
  }, 60_000)
})
