import { describe, expect, test } from "bun:test"
import { mkdtempSync, readFileSync } from "node:fs"
import { connect } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Layer } from "effect"
import * as SqliteStore from "../../../adapters/sqlite/SqliteStore.ts"
import { EventStore } from "../../../application/ports/EventStore.ts"
import { InlineProjections } from "../../../application/eventsourcing/Projection.ts"
import * as Backends from "../../support/backends.ts"
import { freePort } from "../../support/freePort.ts"
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

  test("a request whose client left mid-upload does not hold the stop up", async () => {
    const server = await startServer(Backends.memory)
    const { hostname, port } = new URL(server.url)
    const socket = connect(Number(port), hostname)
    await new Promise((resolve) => socket.once("connect", resolve))
    socket.write(`POST /v1/keys HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${adminToken}\r\nX-Strata-Owner: alice\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"name":`)
    // The request is in flight, waiting for the rest of its body, when its client leaves.
    await Bun.sleep(200)
    socket.destroy()
    await Bun.sleep(50)
    await server.close()
  }, 15_000)

  test("strata serve on SIGTERM: every message answered 201 is in the log, every 503 wrote nothing", async () => {
    const root = join(import.meta.dir, "../../..")
    const directory = mkdtempSync(join(tmpdir(), "strata-stop-"))
    const database = join(directory, "strata.db")
    const port = await freePort()
    const server = Bun.spawn(["bun", join(root, "main.ts"), "serve", "--database", `sqlite:${database}`, "--port", String(port)], {
      cwd: directory,
      env: { ...process.env, PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}`, STRATA_LOG_LEVEL: "warning" },
      stdout: "pipe",
      stderr: "pipe"
    })
    const killer = setTimeout(() => server.kill("SIGKILL"), 50_000)
    try {
      const reader = server.stdout.getReader()
      let output = ""
      while (!/listening on/.test(output)) {
        const { done, value } = await reader.read()
        if (done) throw new Error(`the server ended before listening: ${output}`)
        output += new TextDecoder().decode(value)
      }
      reader.releaseLock()
      const url = `http://127.0.0.1:${port}`
      const headers = {
        authorization: `Bearer ${readFileSync(join(directory, "admin.token"), "utf8").trim()}`,
        "x-strata-owner": "alice",
        "content-type": "application/json"
      }
      const session = await (await fetch(`${url}/v1/sessions`, { method: "POST", headers, body: `{"title":"s"}` })).json() as { sessionId: string }
      const outcomes = Array.from({ length: 40 }, (_, index) => {
        const requestId = `sigterm-${index}`
        return fetch(`${url}/v1/sessions/${session.sessionId}/messages`, {
          method: "POST",
          headers: { ...headers, "x-request-id": requestId },
          body: JSON.stringify({ content: `m${index}` })
        }).then(
          async (response) => ({ requestId, status: response.status, retryAfter: response.headers.get("retry-after"), type: response.headers.get("content-type"), id: response.headers.get("x-request-id"), body: await response.text() }),
          () => ({ requestId, status: "refused" as const, retryAfter: null, type: null, id: null, body: "" })
        )
      })
      await Bun.sleep(5)
      server.kill("SIGTERM")
      const answers = await Promise.all(outcomes)
      expect(await server.exited).toBe(0)
      const written = new Set(
        (await runWith(SqliteStore.layer({ filename: database }).pipe(Layer.provide(Layer.succeed(InlineProjections, []))), Effect.flatMap(EventStore, (store) => store.readAll({ after: 0, limit: 10_000 }))))
          .map((event) => event.metadata.correlationId)
      )
      for (const answer of answers) {
        const seen = { ...answer, written: written.has(answer.requestId) }
        if (answer.status === 201) expect(seen).toMatchObject({ written: true, id: answer.requestId })
        else if (answer.status === 503) expect(seen).toMatchObject({ written: false, type: "application/problem+json", retryAfter: "1", id: answer.requestId })
        else expect(seen).toMatchObject({ status: "refused", written: false })
      }
    } finally {
      clearTimeout(killer)
      server.kill("SIGKILL")
    }
  }, timeout)
})
