import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import * as Backends from "../../support/backends.ts"
import { adminToken, type Running, startServer } from "./server.ts"

/** A reference to a resource the caller does not own answers as a read of it would: 404. */

const timeout = 60_000

describe("references across owners (sqlite)", () => {
  let server: Running
  let alice: string
  let bob: string
  beforeAll(async () => {
    server = await startServer(Backends.sqlite)
    const key = async (owner: string) =>
      (await server.call("POST", "/v1/admin/keys", { token: adminToken, body: { owner, name: owner, tokenLimitPer5h: 1000 } })).body.secret
    alice = await key("alice")
    bob = await key("bob")
  }, timeout)
  afterAll(() => server.close())

  test("a session naming another owner's sandbox is 404, as a read of the sandbox is; its owner may name it", async () => {
    const sandbox = await server.call("POST", "/v1/sandboxes", { token: alice, body: { name: "alice-box", tierId: "small", flavorId: "node" } })
    expect(sandbox.status).toBe(201)
    const { sandboxId } = sandbox.body
    const read = await server.call("GET", `/v1/sandboxes/${sandboxId}`, { token: bob })
    const referenced = await server.call("POST", "/v1/sessions", { token: bob, body: { title: "theirs", sandboxId } })
    expect(referenced.status).toBe(404)
    expect(referenced.headers.get("content-type")).toContain("application/problem+json")
    expect(referenced.body).toEqual({ ...read.body, instance: referenced.body.instance })
    expect((await server.call("GET", "/v1/sessions", { token: bob })).body.sessions).toEqual([])
    const own = await server.call("POST", "/v1/sessions", { token: alice, body: { title: "mine", sandboxId } })
    expect(own.status).toBe(201)
    expect(own.body.sandboxId).toBe(sandboxId)
  }, timeout)
})
