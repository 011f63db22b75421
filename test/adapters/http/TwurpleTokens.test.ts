import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import * as Backends from "../../support/backends.ts"
import { adminToken, type Running, startServer } from "./server.ts"

/**
 * seed 000's bot saves `@twurple/auth`'s `AccessToken` as it is — `scope`, not `scopes` —
 * from its `onRefresh` callback: strata takes that shape on its own, as the importer does.
 */

const timeout = 60_000
const twurple = (n: number) => ({ accessToken: `at-${n}`, refreshToken: `rt-${n}`, expiresIn: 14_400, obtainmentTimestamp: 1_700_000_000_000 + n, scope: ["chat:read", "chat:edit"] })

describe("tokens in @twurple/auth's shape", () => {
  let server: Running
  let key: string
  beforeAll(async () => {
    server = await startServer(Backends.memory)
    key = (await server.call("POST", "/v1/admin/keys", { token: adminToken, body: { owner: "bot", name: "bot", tokenLimitPer5h: 10 } })).body.secret
  }, timeout)
  afterAll(() => server.close())

  test("an AccessToken is saved and refreshed as the bot's library hands it over, and read back with its scopes", async () => {
    const saved = await server.call("PUT", "/v1/tokens/streamer", { token: key, body: twurple(1) })
    expect({ status: saved.status, body: saved.body }).toEqual({ status: 200, body: { name: "streamer", version: 1 } })
    const refreshed = await server.call("POST", "/v1/tokens/streamer/refresh", { token: key, headers: { "if-match": "\"1\"" }, body: { ...twurple(2), expiresIn: null } })
    expect(refreshed.status).toBe(200)
    const read = await server.call("GET", "/v1/tokens/streamer", { token: key })
    expect(read.body).toMatchObject({ accessToken: "at-2", refreshToken: "rt-2", expiresIn: null, scopes: ["chat:read", "chat:edit"] })
  }, timeout)

  test("a token with neither scopes nor scope is still a 400 that says so; the OpenAPI document names both shapes", async () => {
    const { scope: _, ...scopeless } = twurple(3)
    const refused = await server.call("PUT", "/v1/tokens/streamer", { token: key, body: scopeless })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body.issues)).toContain("scope")
    const document = await server.call("GET", "/openapi.json")
    const shapes = (path: string, method: string) => {
      const body = JSON.stringify(document.body.paths[path][method].requestBody)
      return { scopes: body.includes("\"scopes\""), scope: body.includes("\"scope\"") }
    }
    expect(shapes("/v1/tokens/{name}", "put")).toEqual({ scopes: true, scope: true })
    expect(shapes("/v1/tokens/{name}/refresh", "post")).toEqual({ scopes: true, scope: true })
  }, timeout)
})
