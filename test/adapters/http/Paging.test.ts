import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import * as Backends from "../../support/backends.ts"
import { adminToken, type Running, startServer } from "./server.ts"

/**
 * Every list pages the same way: `limit` items after the cursor `after`, and `next` to pass
 * as `after` while more remain — every item once, in order, whatever the page size.
 */

const timeout = 60_000
const count = 7

describe("keyset paging on every list (sqlite)", () => {
  let server: Running
  let alice: string
  beforeAll(async () => {
    server = await startServer(Backends.sqlite)
    const admin = (method: string, path: string, body?: unknown) =>
      server.call(method, path, { token: adminToken, body, headers: { "x-strata-owner": "alice" } })
    alice = (await admin("POST", "/v1/admin/keys", { owner: "alice", name: "key-0", tokenLimitPer5h: 10 })).body.secret
    const as = (method: string, path: string, body?: unknown) => server.call(method, path, { token: alice, body })
    for (let i = 0; i < count; i++) {
      expect((await as("PUT", `/v1/tokens/token-${i}`, { accessToken: "a", refreshToken: "r", expiresIn: 1, obtainmentTimestamp: 1, scopes: [] })).status).toBe(200)
      if (i > 0) expect((await admin("POST", "/v1/keys", { name: `key-${i}`, tokenLimitPer5h: 10 })).status).toBe(201)
      expect((await as("POST", "/v1/sandboxes", { name: `box-${i}`, tierId: "small", flavorId: "node" })).status).toBe(201)
      expect((await as("POST", "/v1/sessions", { title: `session-${i}` })).status).toBe(201)
      expect((await as("PUT", `/v1/credentials/provider-${i}`, { secret: "s" })).status).toBe(200)
    }
  }, timeout)
  afterAll(() => server.close())

  const lists: ReadonlyArray<[string, string, (item: any) => string]> = [
    ["/v1/tokens", "tokens", (item) => item.name],
    ["/v1/keys", "keys", (item) => item.name],
    ["/v1/sandboxes", "sandboxes", (item) => item.name],
    ["/v1/sessions", "sessions", (item) => item.title],
    ["/v1/credentials", "providers", (item) => item]
  ]

  for (const [path, field, name] of lists) {
    test(`${path}: pages of any size give every item once, in order; the last page has no next`, async () => {
      const all = await server.call("GET", path, { token: alice })
      expect(all.status).toBe(200)
      expect(all.body.next).toBeUndefined()
      const everything = all.body[field].map(name)
      expect(everything).toHaveLength(count)
      for (const limit of [1, 2, 3, count, count + 1]) {
        const seen: Array<string> = []
        let after: string | undefined
        let pages = 0
        do {
          const query = `?limit=${limit}${after === undefined ? "" : `&after=${encodeURIComponent(after)}`}`
          const page = await server.call("GET", `${path}${query}`, { token: alice })
          expect(page.status).toBe(200)
          expect(page.body[field].length).toBeLessThanOrEqual(limit)
          seen.push(...page.body[field].map(name))
          after = page.body.next
          pages++
        } while (after !== undefined && pages <= count + 1)
        expect({ limit, seen }).toEqual({ limit, seen: everything })
        expect(pages).toBe(Math.max(1, Math.ceil(count / limit)))
      }
    }, timeout)
  }

  test("a limit is a whole number; out of range it is clamped to 1–500", async () => {
    expect((await server.call("GET", "/v1/tokens?limit=abc", { token: alice })).status).toBe(400)
    expect((await server.call("GET", "/v1/tokens?limit=0", { token: alice })).body.tokens).toHaveLength(1)
    expect((await server.call("GET", "/v1/tokens?limit=100000", { token: alice })).body.tokens).toHaveLength(count)
  }, timeout)

  test("the OpenAPI document names limit and after on every list", async () => {
    const document = (await server.call("GET", "/openapi.json")).body
    for (const [path] of lists) {
      const names = (document.paths[path].get.parameters ?? []).map((parameter: { name: string }) => parameter.name)
      expect({ path, names }).toEqual({ path, names: expect.arrayContaining(["limit", "after"]) })
    }
  }, timeout)
})
