import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import { Context, Effect, Layer } from "effect"
import { ReadModels } from "../../../application/ports/ReadModels.ts"
import { StoreUnavailable } from "../../../application/ports/StoreError.ts"
import * as Backends from "../../support/backends.ts"
import { adminToken, type Running, startServer } from "./server.ts"

/**
 * A store that cannot be read must not make a valid API key look invalid: the key lookup
 * failing with `StoreUnavailable` is a 503 with Retry-After, as any other request is, on
 * both request paths (HttpApi's middleware and the native routes). Only a key that is not
 * found is a 401. (A key once authenticated is answered from the process's key cache
 * without a lookup: each test here uses a key never authenticated before.)
 */

let down = false

/** The memory store, whose read model lookups fail while `down`. */
const failing: Backends.Backend = {
  ...Backends.memory,
  layer: (projections) =>
    Layer.effectContext(Effect.map(Layer.build(Backends.memory.layer(projections)), (context) => {
      const readModels = Context.get(context as Context.Context<ReadModels>, ReadModels)
      return Context.add(context, ReadModels, {
        ...readModels,
        get: (...args) =>
          down ? Effect.fail(new StoreUnavailable({ operation: "get", reason: "connection refused" })) : readModels.get(...args)
      })
    }))
}

for (const native of [true, false]) {
  describe(`the API key lookup while the store is unavailable (${native ? "native routes" : "HttpApi"})`, () => {
    let server: Running
    const newKey = async () => {
      const created = await server.call("POST", "/v1/admin/keys", { token: adminToken, body: { owner: "alice", name: "alice", tokenLimitPer5h: 1000 } })
      expect(created.status).toBe(201)
      return created.body.secret as string
    }
    beforeAll(async () => {
      server = await startServer(failing, { native })
      expect((await server.call("GET", "/v1/usage", { token: await newKey() })).status).toBe(200)
    })
    afterAll(async () => {
      down = false
      await server.close()
    })

    for (const [name, method, path, body] of [
      ["usage (native when served natively)", "GET", "/v1/usage", undefined],
      ["record usage (native when served natively)", "POST", "/v1/usage", { tokens: 1 }],
      ["list tokens (always HttpApi)", "GET", "/v1/tokens", undefined]
    ] as const) {
      test(`${name}: 503 problem+json with Retry-After, never 401`, async () => {
        const secret = await newKey()
        down = true
        try {
          const answer = await server.call(method, path, { token: secret, ...(body === undefined ? {} : { body }) })
          expect(answer.status).toBe(503)
          expect(answer.headers.get("retry-after")).toBe("5")
          expect(answer.headers.get("content-type")).toStartWith("application/problem+json")
          expect(answer.body.status).toBe(503)
        } finally {
          down = false
        }
      })
    }

    test("an unknown key is still a 401 while the store answers", async () => {
      expect((await server.call("GET", "/v1/usage", { token: "sk_not-a-key" })).status).toBe(401)
      expect((await server.call("GET", "/v1/tokens", { token: "sk_not-a-key" })).status).toBe(401)
    })
  })
}
