import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import * as Backends from "../../support/backends.ts"
import { adminToken, type Running, startServer } from "./server.ts"

/**
 * Input a client should not send is the client's problem: a 4xx problem+json, never a 500,
 * and never an answer that quotes a large body back.
 */

const timeout = 60_000

/** `[{"a":[{"a":…` — arrays and objects interleaved, as a fuzzer nests them. */
const deep = (levels: number) => `${"[{\"a\":".repeat(levels)}1${"}]".repeat(levels)}`

for (const native of [true, false]) {
  describe(`bad input (sqlite${native ? "" : ", everything through HttpApi"})`, () => {
    let server: Running
    let key: string
    let keyId: string
    let sessionId: string
    beforeAll(async () => {
      server = await startServer(Backends.sqlite, { native })
      const created = await server.call("POST", "/v1/admin/keys", { token: adminToken, body: { owner: "alice", name: "alice", tokenLimitPer5h: 1000 } })
      key = created.body.secret
      keyId = created.body.keyId
      sessionId = (await server.call("POST", "/v1/sessions", { token: key, body: { title: "t" } })).body.sessionId
    }, timeout)
    afterAll(() => server.close())

    const send = async (method: string, path: string, init: { body?: string; headers?: Record<string, string>; token?: string } = {}) => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${init.token ?? key}`, ...init.headers },
        ...(init.body === undefined ? {} : { body: init.body })
      })
      const text = await response.text()
      return { status: response.status, contentType: response.headers.get("content-type") ?? "", text }
    }
    const expectClientProblem = (answer: { status: number; contentType: string; text: string }) => {
      expect({ status: answer.status >= 400 && answer.status < 500 ? "4xx" : answer.status, text: answer.text.slice(0, 300) })
        .toEqual({ status: "4xx", text: answer.text.slice(0, 300) })
      expect(answer.contentType).toContain("application/problem+json")
      // An answer names what is wrong; it does not echo the input back.
      expect(answer.text.length).toBeLessThan(4096)
    }

    const jsonEndpoints = (): ReadonlyArray<readonly [string, string, string?]> => [
      ["POST", "/v1/sandboxes"],
      ["PUT", "/v1/tokens/bot"],
      ["POST", "/v1/tokens/bot/refresh"],
      ["POST", "/v1/keys"],
      ["PATCH", `/v1/keys/${keyId}`],
      ["POST", "/v1/usage"],
      ["POST", "/v1/sessions"],
      ["POST", `/v1/sessions/${sessionId}/messages`],
      ["PUT", "/v1/credentials/github"],
      ["POST", "/v1/admin/keys", adminToken]
    ]

    test("multipart/form-data on a JSON endpoint, with a body or without, is a 4xx problem", async () => {
      for (const [method, path, token] of jsonEndpoints()) {
        for (const contentType of ["multipart/form-data", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"]) {
          for (const body of [undefined, "", "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--x--\r\n", "name=x"]) {
            const answer = await send(method, path, { headers: { "content-type": contentType }, ...(body === undefined ? {} : { body }), ...(token ? { token } : {}) })
            expect({ method, path, contentType, body, status: answer.status }).toEqual({ method, path, contentType, body, status: 400 })
            expectClientProblem(answer)
          }
        }
      }
      // A body is read as JSON whatever it is labelled, on every door alike.
      const labelled = await send("POST", "/v1/sessions", { body: JSON.stringify({ title: "t" }), headers: { "content-type": "multipart/form-data" } })
      expect(labelled.status).toBe(201)
    }, timeout)

    test("JSON nested 10,000 levels deep is a 400 that does not quote it back", async () => {
      const body = deep(10_000)
      for (const [method, path, token] of jsonEndpoints()) {
        expectClientProblem(await send(method, path, { body, headers: { "content-type": "application/json" }, ...(token ? { token } : {}) }))
      }
      expectClientProblem(await send("POST", "/v1/usage", { body: `{"tokens":${body}}`, headers: { "content-type": "application/json" } }))
      expectClientProblem(await send("POST", "/v1/sandboxes", { body: `{"name":${body},"tierId":"small","flavorId":"node"}`, headers: { "content-type": "application/json" } }))
      expectClientProblem(await send("POST", "/v1/sandboxes", { body: `[${"[".repeat(20_000)}${"]".repeat(20_000)}]`, headers: { "content-type": "application/json" } }))
    }, timeout)

    test("a large body of the wrong shape is a 400 that quotes at most a little of it", async () => {
      const answer = await send("POST", "/v1/sandboxes", {
        body: JSON.stringify({ name: "x".repeat(60_000), tierId: ["y".repeat(60_000)], flavorId: { z: "z".repeat(60_000) } }),
        headers: { "content-type": "application/json" }
      })
      expect(answer.status).toBe(400)
      expectClientProblem(answer)
    }, timeout)

    test("a token limit the events could not hold is refused at the edge: 400, on every door", async () => {
      for (const limit of ["9007199254740992", "1e21", "1e308", "1.5", "0", "-1"]) {
        const json = { "content-type": "application/json" }
        const created = await send("POST", "/v1/keys", { body: `{"name":"k","tokenLimitPer5h":${limit}}`, headers: json })
        const admin = await send("POST", "/v1/admin/keys", { body: `{"owner":"bob","name":"k","tokenLimitPer5h":${limit}}`, headers: json, token: adminToken })
        const updated = await send("PATCH", `/v1/keys/${keyId}`, { body: `{"tokenLimitPer5h":${limit}}`, headers: json })
        for (const answer of [created, admin, updated]) {
          expect({ limit, status: answer.status }).toEqual({ limit, status: 400 })
          expectClientProblem(answer)
        }
      }
      // The key is untouched, and still works.
      const stats = await send("GET", `/v1/keys/${keyId}`)
      expect(JSON.parse(stats.text).tokenLimitPer5h).toBe(1000)
    }, timeout)

    test("numbers out of range elsewhere: usage tokens, page limits and positions", async () => {
      const json = { "content-type": "application/json" }
      for (const tokens of ["9007199254740992", "1e21", "1e308", "-1", "0.5"]) {
        const answer = await send("POST", "/v1/usage", { body: `{"tokens":${tokens}}`, headers: json })
        expect({ tokens, status: answer.status }).toEqual({ tokens, status: 400 })
        expectClientProblem(answer)
      }
      for (const value of ["NaN", "Infinity", "-Infinity", "1e308", "0.5", "abc"]) {
        expectClientProblem(await send("GET", `/v1/sessions/${sessionId}/messages?limit=${value}`))
        expectClientProblem(await send("GET", `/v1/admin/audit?limit=${value}`, { token: adminToken }))
        expectClientProblem(await send("GET", `/v1/admin/audit?after=${value}`, { token: adminToken }))
      }
      expectClientProblem(await send("GET", "/v1/admin/audit?after=-5", { token: adminToken }))
    }, timeout)
  })
}
