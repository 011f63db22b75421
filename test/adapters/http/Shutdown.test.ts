import { describe, expect, test } from "bun:test"
import { Effect } from "effect"
import { EventStore } from "../../../application/EventStore.ts"
import * as Backends from "../../support/backends.ts"
import { runWith } from "../../support/run.ts"
import { adminToken, startServer } from "./server.ts"

const timeout = 60_000

type Outcome =
  | { readonly requestId: string; readonly refused: true }
  | {
    readonly requestId: string
    readonly refused: false
    readonly status: number
    readonly contentType: string
    readonly retryAfter: string | null
    readonly answeredId: string | null
    readonly body: string
  }

describe("a graceful stop", () => {
  test("a write accepted is finished and answered with its outcome; one refused wrote nothing and says when to retry", async () => {
    const server = await startServer(Backends.sqlite)
    const owner = { authorization: `Bearer ${adminToken}`, "x-strata-owner": "alice", "content-type": "application/json" }
    const session = await server.call("POST", "/v1/sessions", { token: adminToken, headers: { "x-strata-owner": "alice" }, body: { title: "s" } })
    expect(session.status).toBe(201)
    const token = { accessToken: "a", refreshToken: "r", expiresIn: 3600, obtainmentTimestamp: 1, scopes: ["x"] }
    const saved = await server.call("PUT", "/v1/tokens/t0", { token: adminToken, headers: { "x-strata-owner": "alice" }, body: token })
    expect(saved.status).toBe(200)

    let sent = 0
    const send = (path: string, method: string, body: unknown, headers: Record<string, string> = {}): Promise<Outcome> => {
      const requestId = `shutdown-${sent++}`
      return fetch(`${server.url}${path}`, { method, headers: { ...owner, ...headers, "x-request-id": requestId }, body: JSON.stringify(body) }).then(
        async (response) => ({
          requestId,
          refused: false as const,
          status: response.status,
          contentType: response.headers.get("content-type") ?? "",
          retryAfter: response.headers.get("retry-after"),
          answeredId: response.headers.get("x-request-id"),
          body: await response.text()
        }),
        () => ({ requestId, refused: true as const })
      )
    }
    // Messages to an existing session, saves of an existing token and new ones, usage: all
    // in flight when the stop begins, and more arriving after it.
    const requests = Array.from({ length: 120 }, (_, index) =>
      index % 3 === 0
        ? send(`/v1/sessions/${session.body.sessionId}/messages`, "POST", { content: `m${index}` })
        : index % 3 === 1
        ? send(`/v1/tokens/t${index % 6}`, "PUT", { ...token, accessToken: `a${index}` })
        : send(`/v1/tokens/t0/refresh`, "POST", { ...token, accessToken: `r${index}` }, { "if-match": `"1"` }))
    await Bun.sleep(5)
    const closing = server.close()
    const late = Array.from({ length: 30 }, (_, index) => send(`/v1/sessions/${session.body.sessionId}/messages`, "POST", { content: `late${index}` }))
    await closing
    const outcomes = await Promise.all([...requests, ...late])

    const written = new Set(
      (await runWith(Backends.sqlite.reopen(), Effect.flatMap(EventStore, (store) => store.readAll({ after: 0, limit: 10_000 }))))
        .map((event) => event.metadata.correlationId)
    )
    // A request whose connection failed (the server no longer listening) must not have written.
    for (const outcome of outcomes.filter((outcome) => outcome.refused)) {
      expect({ id: outcome.requestId, written: written.has(outcome.requestId) }).toEqual({ id: outcome.requestId, written: false })
    }
    const answered = outcomes.filter((outcome) => !outcome.refused)
    for (const outcome of answered) {
      // Every answer is the server's own, as problem+json when it is not a success.
      if (outcome.status >= 400) expect({ id: outcome.requestId, type: outcome.contentType }).toEqual({ id: outcome.requestId, type: "application/problem+json" })
      // A resource that exists is never reported gone.
      expect(outcome.status).not.toBe(404)
      expect(outcome.answeredId).toBe(outcome.requestId)
      if (outcome.status === 503) {
        // Refused: nothing written, and the client is told when to come back.
        expect({ id: outcome.requestId, written: written.has(outcome.requestId) }).toEqual({ id: outcome.requestId, written: false })
        expect(outcome.retryAfter).not.toBeNull()
        expect(JSON.parse(outcome.body).type).toBe("urn:strata:problem:unavailable")
      } else if (outcome.status < 300) {
        expect({ id: outcome.requestId, written: written.has(outcome.requestId) }).toEqual({ id: outcome.requestId, written: true })
      } else {
        // A refresh that lost its race fails its precondition: a real outcome, nothing written.
        expect([409, 412]).toContain(outcome.status)
        expect(written.has(outcome.requestId)).toBe(false)
      }
    }
    // The scenario covers what it claims to: writes accepted and finished during the stop.
    expect(answered.filter((outcome) => outcome.status < 300).length).toBeGreaterThan(0)
  }, timeout)
})
