import { describe, expect, test } from "bun:test"
import { Effect } from "effect"
import { LogOperations } from "../../../application/ports/LogOperations.ts"
import { finishedFenceReason, StoreFenced } from "../../../application/ports/StoreError.ts"
import { toProblem } from "../../../adapters/http/toProblem.ts"
import * as Backends from "../../support/backends.ts"
import { runWith } from "../../support/run.ts"
import { adminToken, startServer } from "./server.ts"

const fencedAt = "2026-01-01T00:00:00.000Z"

describe("a fenced store", () => {
  test("during a switch (a fence of a moment): 503 with Retry-After of 1 s", () => {
    expect(toProblem(new StoreFenced({ reason: "cutover: switching to postgres", fencedAt }))).toMatchObject({ status: 503, retryAfter: 1 })
  })

  test("for good (a finished cutover): a longer Retry-After", () => {
    const problem = toProblem(new StoreFenced({ reason: finishedFenceReason("the log moved to postgres"), fencedAt }))
    expect(problem).toMatchObject({ status: 503 })
    expect(problem.retryAfter).toBeGreaterThan(1)
  })

  test("a write to a store fenced under a server answers Retry-After: 1", async () => {
    const server = await startServer(Backends.sqlite)
    try {
      await runWith(Backends.sqlite.reopen(), Effect.flatMap(LogOperations, (log) => log.fence("cutover: switching")))
      const saved = await server.call("PUT", "/v1/tokens/t", {
        token: adminToken,
        headers: { "x-strata-owner": "alice" },
        body: { accessToken: "a", refreshToken: "r", expiresIn: null, obtainmentTimestamp: 1, scopes: [] }
      })
      expect(saved.status).toBe(503)
      expect(saved.headers.get("retry-after")).toBe("1")
      expect(saved.headers.get("content-type")).toBe("application/problem+json")
    } finally {
      await server.close()
    }
  }, 60_000)
})
