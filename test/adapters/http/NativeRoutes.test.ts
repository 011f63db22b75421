import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import { Effect } from "effect"
import * as NativeRoutes from "../../../adapters/http/NativeRoutes.ts"
import { EventStore } from "../../../application/ports/EventStore.ts"
import * as Backends from "../../support/backends.ts"
import { runWith } from "../../support/run.ts"
import { adminToken, type Running, startServer } from "./server.ts"

const timeout = 60_000

/** Ids and times differ between two databases; everything else must not. */
const normalise = (value: unknown): unknown => {
  if (typeof value === "string") {
    return value
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>")
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, "<time>")
  }
  if (Array.isArray(value)) return value.map(normalise)
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, normalise(field)]))
  }
  return value
}

interface Exchange {
  readonly method: string
  readonly path: string
  readonly token?: "owner" | "other" | "admin" | "bad"
  readonly headers?: Record<string, string>
  readonly body?: string
}

/** One scenario over the natively served endpoints: what a client sees, made comparable. */
const play = async (server: Running) => {
  const key = async (owner: string, limit: number) =>
    (await server.call("POST", "/v1/admin/keys", { token: adminToken, body: { owner, name: "k", tokenLimitPer5h: limit } })).body.secret as string
  const tokens = { owner: await key("alice", 100), other: await key("bob", 100), admin: adminToken, bad: "sk_not-a-key" }
  const sandbox = await server.call("POST", "/v1/sandboxes", {
    token: tokens.owner,
    body: { name: "dev", tierId: "medium", flavorId: "node", addonIds: ["redis"] }
  })
  const sandboxPath = `/v1/sandboxes/${sandbox.body.sandboxId}`
  const exchanges: ReadonlyArray<Exchange> = [
    { method: "GET", path: sandboxPath, token: "owner" },
    { method: "GET", path: sandboxPath, token: "other" },
    { method: "GET", path: sandboxPath },
    { method: "GET", path: sandboxPath, token: "bad" },
    { method: "GET", path: sandboxPath, token: "admin", headers: { "x-strata-owner": "alice" } },
    { method: "GET", path: sandboxPath, token: "admin" },
    { method: "GET", path: "/v1/sandboxes/no-such-sandbox", token: "owner" },
    { method: "POST", path: "/v1/usage", token: "owner", body: `{"tokens":5}` },
    { method: "POST", path: "/v1/usage", token: "owner", body: `{"tokens":"five"}` },
    { method: "POST", path: "/v1/usage", token: "owner", body: `{}` },
    { method: "POST", path: "/v1/usage", token: "owner", body: `{"tokens":` },
    { method: "POST", path: "/v1/usage", token: "owner", body: `{"tokens":-1}` },
    { method: "POST", path: "/v1/usage", token: "owner", body: `{"tokens":500}` },
    { method: "POST", path: "/v1/usage", token: "owner", body: JSON.stringify({ tokens: 1, padding: "x".repeat(2 * 1024 * 1024) }) },
    { method: "POST", path: "/v1/usage", token: "admin", body: `{"tokens":1}` },
    { method: "POST", path: "/v1/usage", body: `{"tokens":1}` },
    { method: "GET", path: "/v1/usage", token: "owner", headers: { "x-request-id": "req-42" } },
    { method: "GET", path: "/v1/usage", token: "other" },
    // Both keys are known by now: answered from the key cache, the sandbox read in the calling turn.
    { method: "GET", path: sandboxPath, token: "owner" },
    { method: "GET", path: sandboxPath, token: "other" },
    { method: "GET", path: "/v1/sandboxes/no-such-sandbox", token: "owner" }
  ]
  const seen = []
  for (const exchange of exchanges) {
    const response = await fetch(`${server.url}${exchange.path}`, {
      method: exchange.method,
      headers: {
        ...(exchange.token ? { authorization: `Bearer ${tokens[exchange.token]}` } : {}),
        ...(exchange.body === undefined ? {} : { "content-type": "application/json" }),
        ...exchange.headers
      },
      ...(exchange.body === undefined ? {} : { body: exchange.body })
    })
    const text = await response.text()
    seen.push({
      request: `${exchange.method} ${exchange.path.replace(/[0-9a-f-]{36}/, ":id")} as ${exchange.token ?? "nobody"}`,
      status: response.status,
      contentType: response.headers.get("content-type"),
      etag: response.headers.get("etag"),
      retryAfter: response.headers.get("retry-after"),
      requestId: normalise(response.headers.get("x-request-id")),
      body: normalise(JSON.parse(text))
    })
  }
  return seen
}

describe("natively served endpoints", () => {
  let native: Running
  let httpApi: Running
  beforeAll(async () => {
    native = await startServer(Backends.sqlite)
    httpApi = await startServer(Backends.sqlite, { native: false })
  }, timeout)
  afterAll(async () => {
    await native.close()
    await httpApi.close()
  })

  test("are the endpoints of the API document, routed by Bun", () => {
    const { routes } = NativeRoutes.make()
    expect(Object.keys(routes).sort()).toEqual(["/v1/sandboxes/:sandboxId", "/v1/usage"])
    expect(Object.keys(routes["/v1/usage"]!).sort()).toEqual(["GET", "POST"])
    expect(Object.keys(routes["/v1/sandboxes/:sandboxId"]!)).toEqual(["GET"])
  })

  test("answer exactly as HttpApi does: bodies, problems, statuses, ETags, Retry-After, request ids", async () => {
    const [fromNative, fromHttpApi] = [await play(native), await play(httpApi)]
    expect(fromNative).toEqual(fromHttpApi)
    // The scenario covers what it claims to.
    expect(fromNative.map((exchange) => exchange.status)).toEqual([
      200, 404, 401, 401, 200, 400, 404, 200, 400, 400, 400, 400, 429, 413, 403, 401, 200, 200, 200, 404, 404
    ])
    expect(fromNative[18]!.etag).toBe(`"1"`)
    expect(fromNative[18]!.body).toEqual(fromNative[0]!.body)
    expect(fromNative[0]!.etag).toBe(`"1"`)
    expect(fromNative[16]!.requestId).toBe("req-42")
    expect(fromNative[8]!.body).toMatchObject({ issues: [{ path: ["tokens"] }] })
  }, timeout)
})

describe("natively served endpoints at shutdown", () => {
  test("requests in flight finish before the database closes: every usage answered 200 is in the log", async () => {
    const server = await startServer(Backends.sqlite)
    const created = await server.call("POST", "/v1/admin/keys", {
      token: adminToken,
      body: { owner: "alice", name: "k", tokenLimitPer5h: 1_000_000 }
    })
    const record = () =>
      fetch(`${server.url}/v1/usage`, {
        method: "POST",
        headers: { authorization: `Bearer ${created.body.secret}`, "content-type": "application/json" },
        body: `{"tokens":1}`
      }).then((response) => response.status, () => "refused" as const)
    const inFlight = Array.from({ length: 1_000 }, record)
    // Stop while the first requests are being answered and the rest are still arriving.
    while (!(await Promise.race([inFlight[0]!.then(() => true), Bun.sleep(1).then(() => false)]))) continue
    await server.close()
    const statuses = await Promise.all(inFlight)
    // Answered, refused at the door (503, or the socket closed) — never failed half way.
    expect(statuses.every((status) => status === 200 || status === 503 || status === "refused")).toBe(true)
    const answered = statuses.filter((status) => status === 200).length
    expect(answered).toBeGreaterThan(0)
    const recorded = await runWith(
      Backends.sqlite.reopen(),
      Effect.flatMap(EventStore, (store) => store.readStream(`apikey-${created.body.keyId}`))
    )
    expect(recorded.filter((event) => event.type === "UsageRecorded")).toHaveLength(answered)
  }, timeout)
})
