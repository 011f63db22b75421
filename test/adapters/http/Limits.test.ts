import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import { connect } from "node:net"
import * as Backends from "../../support/backends.ts"
import { adminToken, type Running, startServer } from "./server.ts"

const timeout = 60_000

/** Sends raw bytes and reads until the server closes or `wait` ms pass: what a client sees on the wire. */
const raw = (url: string, request: string | Uint8Array, wait = 2_000) =>
  new Promise<string>((resolve) => {
    const { hostname, port } = new URL(url)
    let received = ""
    const socket = connect(Number(port), hostname, () => socket.write(request))
    const done = () => {
      clearTimeout(timer)
      socket.destroy()
      resolve(received)
    }
    const timer = setTimeout(done, wait)
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1")
      // One answer is all these tests wait for.
      const head = received.indexOf("\r\n\r\n")
      const length = /content-length: (\d+)/i.exec(received)?.[1]
      if (head !== -1 && length !== undefined && received.length >= head + 4 + Number(length)) done()
    })
    socket.on("close", done)
    socket.on("error", done)
  })

const parse = (answer: string) => {
  const [head = "", body = ""] = answer.split("\r\n\r\n")
  const [statusLine = "", ...headerLines] = head.split("\r\n")
  const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]))
  return { status: Number(statusLine.split(" ")[1]), headers, body }
}

describe("limits are answered by strata, as problem+json", () => {
  let server: Running
  beforeAll(async () => {
    server = await startServer(Backends.memory)
  }, timeout)
  afterAll(() => server.close())

  test("headers past the limit: 431", async () => {
    const answer = await server.call("GET", "/v1/keys", { token: adminToken, headers: { "x-padding": "a".repeat(20_000) } })
    expect(answer.status).toBe(431)
    expect(answer.headers.get("content-type")).toBe("application/problem+json")
    expect(answer.body).toMatchObject({ type: "urn:strata:problem:headers-too-large", status: 431 })
    expect(answer.headers.get("x-request-id")).not.toBeNull()
  }, timeout)

  for (const megabytes of [2, 5, 64]) {
    test(`a ${megabytes} MiB body: 413, on the HttpApi path and the native one`, async () => {
      const body = "x".repeat(megabytes * 1024 * 1024)
      for (const path of ["/v1/keys", "/v1/usage"]) {
        const response = await fetch(`${server.url}${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json", "x-strata-owner": "alice" },
          body
        })
        expect({ path, status: response.status, type: response.headers.get("content-type") }).toEqual({
          path,
          status: 413,
          type: "application/problem+json"
        })
        expect(await response.json()).toMatchObject({ type: "urn:strata:problem:payload-too-large" })
      }
    }, timeout)
  }

  test("a chunked body past the limit: 413", async () => {
    const chunk = "x".repeat(64 * 1024)
    const chunks = Array.from({ length: 40 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join("")
    const answer = parse(await raw(
      server.url,
      `POST /v1/keys HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${adminToken}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${chunks}0\r\n\r\n`
    ))
    expect(answer.status).toBe(413)
    expect(answer.headers["content-type"]).toBe("application/problem+json")
  }, timeout)

  test("a method strata does not serve: a problem, not a closed connection", async () => {
    const answer = parse(await raw(server.url, `PROPFIND /v1/keys HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`))
    expect(answer.status).toBeGreaterThanOrEqual(400)
    expect(answer.status).toBeLessThan(500)
    expect(answer.headers["content-type"]).toBe("application/problem+json")
  }, timeout)
})

/**
 * Node's clients (undici's fetch, `node:http`) give up on an answer when the connection is
 * reset under a body they are still sending: the answer must come with the body drained.
 */
const node = Bun.which("node")
describe.skipIf(node === null)("an early answer to a large upload reaches Node's clients", () => {
  test("401 and 413 before the body was read: every answer arrives", async () => {
    const server = await startServer(Backends.memory)
    try {
      const script = `
        const http = require("node:http")
        const [url, token] = process.argv.slice(1)
        const { hostname, port } = new URL(url)
        const agent = new http.Agent({ keepAlive: true, maxSockets: 8 })
        // Under the body limit, refused for want of a token (401); past it (413).
        const small = Buffer.alloc(900 * 1024, 97)
        const large = Buffer.alloc(6 * 1024 * 1024, 97)
        const counts = {}
        const count = (key) => (counts[key] = (counts[key] ?? 0) + 1)
        const viaHttp = (headers, body) => new Promise((resolve) => {
          const request = http.request({ hostname, port, method: "POST", path: "/v1/keys", agent, headers: { ...headers, "content-length": body.length } }, (response) => {
            response.resume()
            response.on("end", () => resolve(count(response.statusCode)))
          })
          request.on("error", () => resolve(count("lost")))
          request.end(body)
        })
        const viaFetch = (headers, body) => fetch(url + "/v1/keys", { method: "POST", headers, body })
          .then(async (response) => { await response.arrayBuffer(); count(response.status) })
          .catch(() => count("lost"))
        let sent = 0
        const worker = async () => {
          while (sent < 1000) {
            const index = sent++
            const [headers, body] = index % 2 === 0 ? [{}, small] : [{ authorization: "Bearer " + token }, large]
            await (index % 4 < 2 ? viaHttp(headers, body) : viaFetch(headers, body))
          }
        }
        Promise.all(Array.from({ length: 8 }, worker)).then(() => console.log(JSON.stringify(counts)))
      `
      const child = Bun.spawn([node!, "-e", script, server.url, adminToken], { stdout: "pipe", stderr: "pipe" })
      const killer = setTimeout(() => child.kill(), 50_000)
      const [output, errors] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text()])
      clearTimeout(killer)
      expect(errors).toBe("")
      expect(JSON.parse(output)).toEqual({ 401: 500, 413: 500 })
    } finally {
      await server.close()
    }
  }, timeout)
})
