import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import { connect } from "node:net"
import { Effect } from "effect"
import * as Backends from "../../support/backends.ts"
import { adminToken, type Running, startServer } from "./server.ts"

/**
 * The live endpoints over HTTP: resumed by position (`after`, `Last-Event-ID`), a reader
 * that does not read told where to resume and disconnected, heartbeats, and refused to
 * whoever may not read them.
 */

interface SseEvent {
  readonly id?: string
  readonly event?: string
  readonly data?: string
}

/** Reads server-sent events from a response until `enough` says so, the stream ends, or 30 s pass. */
const readEvents = async (
  response: Response,
  enough: (events: ReadonlyArray<SseEvent>, comments: number) => boolean
) => {
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  const events: Array<SseEvent> = []
  let comments = 0
  let buffer = ""
  let ended = false
  const deadline = Date.now() + 30_000
  while (!enough(events, comments)) {
    if (Date.now() > deadline) throw new Error(`gave up after ${events.length} events`)
    const chunk = await reader.read()
    if (chunk.done) {
      ended = true
      break
    }
    buffer += decoder.decode(chunk.value, { stream: true })
    let end: number
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      if (block.startsWith(":")) {
        if (block === ": heartbeat") comments++
        continue
      }
      const event: Record<string, string> = {}
      for (const line of block.split("\n")) {
        const colon = line.indexOf(": ")
        event[line.slice(0, colon)] = line.slice(colon + 2)
      }
      events.push(event)
    }
  }
  if (!ended) await reader.cancel()
  return { events, comments, ended }
}

let server: Running
let bobKey: string
let carolKey: string

const live = (path: string, token: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } })

const saveToken = (owner: string, name: string) =>
  server.call("PUT", `/v1/tokens/${name}`, {
    token: adminToken,
    headers: { "x-strata-owner": owner },
    body: { accessToken: `a-${name}`, refreshToken: `r-${name}`, expiresIn: 3600, obtainmentTimestamp: 1, scopes: [] }
  })

const createKey = async (owner: string) =>
  (await server.call("POST", "/v1/admin/keys", { token: adminToken, body: { owner, name: "live", tokenLimitPer5h: 1000 } })).body.secret as string

describe("the live endpoints", () => {
  beforeAll(async () => {
    server = await startServer(Backends.memory)
    bobKey = await createKey("bob")
    carolKey = await createKey("carol")
  }, 60_000)
  afterAll(() => server.close())

  test("the log from a position, then resumed by Last-Event-ID and by after: nothing lost, nothing repeated", async () => {
    for (let index = 0; index < 5; index++) expect((await saveToken("alice", `resume-${index}`)).status).toBe(200)
    const head = (await server.call("GET", "/ready")).body.head as number
    const from = head - 5
    const first = await live(`/v1/admin/events/live?after=${from}&stream=token-`, adminToken)
    expect(first.status).toBe(200)
    expect(first.headers.get("content-type")).toStartWith("text/event-stream")
    const read = await readEvents(first, (events) => events.length >= 3)
    read.events.splice(3)
    expect(read.events.map((event) => Number(event.id))).toEqual([from + 1, from + 2, from + 3])
    const event = JSON.parse(read.events[0]!.data!)
    expect(event).toMatchObject({ position: from + 1, type: "TokenSaved", metadata: { actor: "admin (for alice)" } })
    // A token's secrets are sealed in the log, and stay so on the wire.
    expect(read.events.map((event) => event.data).join()).not.toContain("a-resume-0")

    // An EventSource reconnects with the last id it got; the URL keeps its first `after`, which the header overrides.
    const resumed = await live(`/v1/admin/events/live?after=${from}&stream=token-`, adminToken, { "last-event-id": read.events[2]!.id! })
    const rest = await readEvents(resumed, (events) => events.length >= 2)
    rest.events.splice(2)
    expect(rest.events.map((event) => Number(event.id))).toEqual([from + 4, from + 5])

    const byAfter = await readEvents(await live(`/v1/admin/events/live?after=${from + 4}`, adminToken), (events) => events.length >= 1)
    expect(byAfter.events.map((event) => Number(event.id))).toEqual([from + 5])

    // Live: what is appended after it connects, filtered by type.
    const tail = await live(`/v1/admin/events/live?type=TokenDeleted`, adminToken)
    await saveToken("alice", "tail")
    expect((await server.call("DELETE", "/v1/tokens/tail", { token: adminToken, headers: { "x-strata-owner": "alice" } })).status).toBe(204)
    const deleted = await readEvents(tail, (events) => events.length >= 1)
    expect(deleted.events.map((event) => JSON.parse(event.data!).type)).toEqual(["TokenDeleted"])

    const malformed = await live(`/v1/admin/events/live`, adminToken, { "last-event-id": "yesterday" })
    expect(malformed.status).toBe(400)
    expect(malformed.headers.get("content-type")).toStartWith("application/problem+json")
  }, 60_000)

  test("an idle stream sends heartbeats (comment lines)", async () => {
    const idle = await live(`/v1/admin/events/live?stream=nothing-ever-`, adminToken)
    const read = await readEvents(idle, (_, comments) => comments >= 1)
    expect(read.comments).toBe(1)
    expect(read.events).toEqual([])
  }, 60_000)

  test("a reader that does not read is told where to resume and disconnected; resuming from there loses nothing", async () => {
    const head = (await server.call("GET", "/ready")).body.head as number
    // A raw connection whose socket is not read: the server's writes fill the kernel's buffers, then its own.
    const url = new URL(server.url)
    const socket = connect(Number(url.port), url.hostname)
    await new Promise<void>((resolve) => socket.once("connect", resolve))
    socket.write(`GET /v1/admin/events/live?stream=bulk- HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${adminToken}\r\n\r\n`)
    // Its headers: from then on it follows the log (it asked from the head).
    const opening = await new Promise<Buffer>((resolve) => socket.once("data", resolve))
    expect(opening.toString()).toStartWith("HTTP/1.1 200")
    socket.pause()
    // 3,000 events of 4 KiB: 12 MiB, more than the kernel's buffers and the reader's buffer of 1,000 events hold.
    const payload = { text: "x".repeat(4096) }
    for (let batch = 0; batch < 30; batch++) {
      const events = Array.from({ length: 100 }, () => ({ eventId: crypto.randomUUID(), type: "Bulk", data: payload }))
      await Effect.runPromise(server.log.append(`bulk-${batch}`, events))
    }
    const chunks: Array<Buffer> = [opening]
    socket.on("data", (chunk: Buffer) => chunks.push(chunk))
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()))
    socket.resume()
    await closed
    const text = Buffer.concat(chunks).toString("utf8")
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1]))
    const behind = /event: behind\ndata: (\{[^\n]*\})/.exec(text)
    expect(behind).not.toBeNull()
    const resumeAt = JSON.parse(behind![1]!).position as number
    expect(resumeAt).toBeLessThan(head + 3_000)
    // Every event before the notice, in order, and the notice's id is the last of them.
    const given = ids.slice(0, -1)
    expect(given).toEqual(Array.from({ length: given.length }, (_, index) => head + 1 + index))
    expect(ids[ids.length - 1]).toBe(resumeAt)
    expect(given[given.length - 1]).toBe(resumeAt)

    const resumed = await live(`/v1/admin/events/live?stream=bulk-`, adminToken, { "last-event-id": String(resumeAt) })
    const rest = await readEvents(resumed, (events) => events.length >= head + 3_000 - resumeAt)
    expect(rest.events.map((event) => Number(event.id))).toEqual(
      Array.from({ length: head + 3_000 - resumeAt }, (_, index) => resumeAt + 1 + index)
    )
  }, 120_000)

  test("an owner's key may not read the log: 403", async () => {
    const response = await live(`/v1/admin/events/live`, bobKey)
    expect(response.status).toBe(403)
    expect(response.headers.get("content-type")).toStartWith("application/problem+json")
  })

  test("a session live, for its members: posts, edits, deletions and membership; 404 to others; ended for a removed member", async () => {
    const session = await server.call("POST", "/v1/sessions", { token: bobKey, body: { title: "live" } })
    expect(session.status).toBe(201)
    const id = session.body.sessionId as string
    const path = `/v1/sessions/${id}/live`

    expect((await live(path, carolKey)).status).toBe(404)
    expect((await live(`/v1/sessions/no-such-session/live`, bobKey)).status).toBe(404)

    const bobs = await live(`${path}?after=0`, bobKey)
    expect(bobs.status).toBe(200)
    expect((await server.call("PUT", `/v1/sessions/${id}/members/carol`, { token: bobKey, body: { role: "member" } })).status).toBe(200)
    const carols = await live(path, carolKey)
    expect(carols.status).toBe(200)
    const posted = await server.call("POST", `/v1/sessions/${id}/messages`, { token: carolKey, body: { content: "hello" } })
    expect(posted.status).toBe(201)
    const messageId = posted.body.messageId as string
    expect((await server.call("PATCH", `/v1/sessions/${id}/messages/${messageId}`, { token: carolKey, body: { content: "hello!" } })).status).toBe(200)
    expect((await server.call("DELETE", `/v1/sessions/${id}/messages/${messageId}`, { token: carolKey })).status).toBe(204)
    expect((await server.call("DELETE", `/v1/sessions/${id}/members/carol`, { token: bobKey })).status).toBe(200)
    expect((await server.call("POST", `/v1/sessions/${id}/messages`, { token: bobKey, body: { content: "after carol" } })).status).toBe(201)

    const types = (events: ReadonlyArray<SseEvent>) => events.map((event) => JSON.parse(event.data!).type as string)
    const bobRead = await readEvents(bobs, (events) => events.length >= 8)
    expect(types(bobRead.events)).toEqual([
      "SessionCreated",
      "MemberAdded",
      "MemberAdded",
      "MessagePosted",
      "MessageEdited",
      "MessageDeleted",
      "MemberRemoved",
      "MessagePosted"
    ])
    // Members see what happened, not who did it through which key.
    expect(JSON.parse(bobRead.events[3]!.data!).metadata).toBeUndefined()
    // Carol's stream: what happened while she was a member, her removal, and then the end.
    const carolRead = await readEvents(carols, () => false)
    expect(carolRead.ended).toBe(true)
    expect(types(carolRead.events)).toEqual(["MessagePosted", "MessageEdited", "MessageDeleted", "MemberRemoved"])
    expect(await live(path, carolKey).then((response) => response.status)).toBe(404)

    // A replay from the start does not give back a deleted message's content.
    const replay = await readEvents(await live(`${path}?after=0`, bobKey), (events) => events.length >= 8)
    const replayed = replay.events.map((event) => JSON.parse(event.data!))
    expect(replayed.filter((event) => event.type === "MessagePosted").map((event) => event.data.content)).toEqual([null, "after carol"])
    expect(replayed.find((event) => event.type === "MessageEdited").data.content).toBeNull()
    expect(replay.events.map((event) => event.data).join()).not.toContain("hello")
  }, 60_000)
})

describe("a live stream whose key is deleted", () => {
  test("ends before it sends anything more", async () => {
    const own = await startServer(Backends.sqlite)
    try {
      const key = async (name: string) =>
        (await own.call("POST", "/v1/admin/keys", { token: adminToken, body: { owner: "dora", name, tokenLimitPer5h: 1000 } })).body
      const main = await key("main")
      const spare = await key("spare")
      const session = await own.call("POST", "/v1/sessions", { token: main.secret, body: { title: "revoked" } })
      const response = await fetch(`${own.url}/v1/sessions/${session.body.sessionId}/live`, { headers: { authorization: `Bearer ${spare.secret}` } })
      expect(response.status).toBe(200)
      expect((await own.call("DELETE", `/v1/keys/${spare.keyId}`, { token: main.secret })).status).toBe(204)
      expect((await own.call("POST", `/v1/sessions/${session.body.sessionId}/messages`, { token: main.secret, body: { content: "not for the spare key" } })).status).toBe(201)
      const read = await readEvents(response, () => false)
      expect(read.ended).toBe(true)
      expect(read.events).toEqual([])
    } finally {
      await own.close()
    }
  }, 60_000)
})

describe("the live endpoints when the server stops", () => {
  test("an open stream ends, and the stop does not wait for it", async () => {
    const stopping = await startServer(Backends.sqlite)
    const response = await fetch(`${stopping.url}/v1/admin/events/live`, { headers: { authorization: `Bearer ${adminToken}` } })
    expect(response.status).toBe(200)
    const reading = readEvents(response, () => false)
    await stopping.close()
    const read = await reading
    expect(read.ended).toBe(true)
    expect(read.events).toEqual([])
  }, 60_000)
})
