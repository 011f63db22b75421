import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import * as Backends from "../support/backends.ts"
import * as OpenApiFuzz from "../support/OpenApiFuzz.ts"
import { adminToken, type Running, startServer } from "../adapters/http/server.ts"

/**
 * Bad input, generated from `/openapi.json` (fast-check, a fixed seed so that a failure
 * reproduces): random and malformed bodies, parameters, query strings and headers, deep
 * and huge JSON, invalid UTF-8, as every kind of caller. Never a 5xx, never no answer;
 * every 4xx a problem+json with no stack trace, no secret, no large quote of the input.
 * `bun scripts/fuzz.ts --requests 50000` runs the same generator for longer.
 */

const timeout = 120_000
const seed = 20261129

for (const { native, count } of [{ native: true, count: 2500 }, { native: false, count: 1000 }]) {
  describe(`fuzzing the API from its OpenAPI document (sqlite${native ? "" : ", everything through HttpApi"})`, () => {
    let server: Running
    beforeAll(async () => {
      server = await startServer(Backends.sqlite, { native })
    }, timeout)
    afterAll(() => server.close())

    test(`${count} generated requests (seed ${seed}): never a 5xx, always an answer, every 4xx a problem`, async () => {
      const doc = await (await fetch(`${server.url}/openapi.json`)).json() as Record<string, unknown>
      const fixture = await OpenApiFuzz.makeFixture(server.url, adminToken)
      const report = await OpenApiFuzz.run({ url: server.url, doc, fixture, count, seed, concurrency: 4 })
      console.log(`fuzz (seed ${seed}, ${native ? "native routes" : "HttpApi only"}): ${report.tried} requests, by status ${JSON.stringify(report.byStatus)}`)
      expect(report.failures.slice(0, 10)).toEqual([])
      expect(report.tried).toBe(count)
      // Every kind of answer was reached: the generator is not stuck on one.
      for (const status of ["200", "201", "400", "401", "403", "404"]) expect(report.byStatus[status] ?? 0).toBeGreaterThan(0)
      // And the server is still serving.
      expect((await server.call("GET", "/health")).status).toBe(200)
      expect((await server.call("GET", "/v1/keys", { token: fixture.owners.alice.key })).status).toBe(200)
    }, timeout)
  })
}
