import NodeHttp from "node:http"
import { Duration, Effect, Layer, Result, type Scope } from "effect"
import { HttpEffect, HttpServer, type HttpServerRequest } from "effect/http"
import { NetAddress } from "effect/net"
import { uuidV7 } from "../../application/ports/EventIds.ts"
import * as InFlight from "./InFlight.ts"
import * as Metrics from "./Metrics.ts"
import { headersTooLarge, maxBodyBytes, maxHeaderBytes, payloadTooLarge, problemHeaders, problemOf, unavailableNow } from "./Problem.ts"

/**
 * strata's Bun server, and what stands in front of every request before HttpApi or the
 * native routes see it: the limits, answered as problems, and the stop.
 *
 * *The limits.* Bun answers a header block past its parser's limit, and a body past
 * `maxRequestBodySize`, itself — a bare 431 or 413, the connection closed under a body
 * the client is still sending (Node's clients then lose the answer). So Bun's limits are
 * set far above strata's, and strata refuses first, with a problem. An unread body is
 * drained by Bun when the connection is kept, which is what lets the answer through: the
 * connection is closed only past what is worth draining.
 *
 * *The stop.* The platform's server of 4.0 put a bare `404 not found` in front on release
 * and interrupted the requests in flight — writes that had committed were answered 503. Here
 * the stop comes first: every new request is refused (503, `Retry-After`, nothing done),
 * the requests in flight finish and are answered with their outcome, and only then is the
 * rest released (the services, the database).
 *
 * *Why not the platform's.* `@effect/platform-bun` 4.1.5 loads (strata runs on its runtime),
 * and its `BunHttpServer` now drains on release (a plain-text 503 to new requests, the ones
 * in flight finished). It is still not this door: it answers none of strata's problems
 * (problem+json, request id), has no place for the limits or the native routes, and costs
 * more CPU per request (`npm run bench:platform`, see ARCHITECTURE).
 */

type Fetch = (request: Request) => Response | Promise<Response>

/** Bun's parser limit for the request line and headers (process-wide): far above strata's own. */
const parserHeaderBytes = 1024 * 1024

/** Bodies up to this size are drained after an early answer; past it the connection is closed. */
const drainedBytes = 64 * 1024 * 1024

/** How long a stop waits for the requests in flight before releasing the rest anyway. */
const stopWait = Duration.seconds(30)

const problem = (
  request: Request,
  body: { readonly status: number; readonly retryAfter?: number },
  close: boolean
) => {
  const requestId = request.headers.get("x-request-id") || uuidV7()
  Metrics.countRequest("refused", request.method, body.status, 0)
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { ...problemHeaders(body), "x-request-id": requestId, ...(close ? { connection: "close" } : {}) }
  })
}

const headerBytes = (request: Request) => {
  let bytes = request.method.length + request.url.length + 12
  request.headers.forEach((value, name) => (bytes += name.length + value.length + 4))
  return bytes
}

/**
 * A body without a length (chunked), read up to the limit: a request carrying it, or
 * undefined when it is past the limit. Bun would otherwise buffer whatever is sent.
 */
const readChunked = async (request: Request): Promise<Request | undefined> => {
  const reader = request.body!.getReader()
  const chunks: Array<Uint8Array> = []
  let length = 0
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    length += chunk.value.byteLength
    if (length > maxBodyBytes) {
      await reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(chunk.value)
  }
  const read = new Request(request.url, { method: request.method, headers: request.headers, body: Buffer.concat(chunks) })
  // Bun's router puts the path parameters on the request it hands over.
  return Object.assign(read, { params: (request as { params?: unknown }).params })
}

export interface FrontDoor {
  /** `next`, behind the limits and the stop. */
  readonly admit: (next: Fetch) => Fetch
  /** Refuses new requests, then waits for those in flight. */
  readonly stop: Effect.Effect<void>
  /** The HttpApi app, once served: until then requests not routed natively are refused (503). */
  app: Fetch | undefined
}

export const make = (): FrontDoor => {
  let stopping = false
  const inFlight = InFlight.make()
  const door: FrontDoor = {
    app: undefined,
    admit: (next) => (request) => {
      if (stopping) return problem(request, unavailableNow, true)
      if (headerBytes(request) > maxHeaderBytes) return problem(request, headersTooLarge, request.body !== null)
      const length = request.headers.get("content-length")
      if (length !== null) {
        if (Number(length) > maxBodyBytes) return problem(request, payloadTooLarge, !(Number(length) <= drainedBytes))
        return inFlight.run(() => next(request))
      }
      if (request.body === null) return inFlight.run(() => next(request))
      // Counted in flight while it is read: a stop waits for it like any other.
      return inFlight.run(() =>
        readChunked(request).then(
          (read) => (read === undefined ? problem(request, payloadTooLarge, true) : inFlight.run(() => next(read))),
          () => problem(request, problemOf(400, "bad-request", "Bad request", "the request body could not be read"), true)
        )
      )
    },
    stop: Effect.suspend(() => {
      stopping = true
      if (inFlight.count() === 0) return Effect.void
      return Effect.promise(inFlight.drained).pipe(
        Effect.timeout(stopWait),
        Effect.catch(() => Effect.logWarning(`stopping with ${inFlight.count()} requests still in flight after ${Duration.format(stopWait)}`))
      )
    })
  }
  return door
}

/** Stops the door first when released: provide everything else to it. */
export const stopFirst = (door: FrontDoor) => Layer.effectDiscard(Effect.addFinalizer(() => door.stop))

const notOpenYet = problemOf(503, "unavailable", "Service unavailable", "strata is starting: its database is not open yet", { retryAfter: 1 })

/**
 * Before the app is served — the database not open yet, a server started before its
 * database waiting for it — the process is alive (`/health`, 200) and not ready (`/ready`,
 * 503); everything else is refused with `Retry-After`, having done nothing.
 */
const starting = (request: Request) => {
  const path = new URL(request.url).pathname
  if (path === "/health" && request.method === "GET") {
    return new Response(JSON.stringify({ status: "ok" }), {
      status: 200,
      headers: { "content-type": "application/json", "x-request-id": request.headers.get("x-request-id") || uuidV7() }
    })
  }
  return problem(request, path === "/ready" ? notOpenYet : unavailableNow, false)
}

const internalError = () =>
  new Response(JSON.stringify(problemOf(500, "internal", "Internal error", "strata failed to handle the request")), {
    status: 500,
    headers: problemHeaders({})
  })

export interface ServeOptions {
  readonly hostname: string
  readonly port: number
  /** Bun's routes, each method's handler put behind the door. */
  readonly routes?: Record<string, Record<string, Fetch>>
}

/** Bun's hostname as an address: a name (`localhost`) is reached on the loopback. */
const addressOf = (hostname: string, port: number) =>
  Result.getOrElse(NetAddress.inetAddressFromIpString(hostname, port), () => NetAddress.inetAddressFromIpStringUnsafe("127.0.0.1", port))

/**
 * The `HttpServer` for `HttpRouter.serve`: Bun, with the door in front of its routes and
 * of the HttpApi app, each request a fiber of its own (not tied to a scope: a stop lets
 * it finish), and the platform's services HttpApi needs.
 */
export const layer = (door: FrontDoor, options: ServeOptions) =>
  Layer.merge(
    Layer.effect(
      HttpServer.HttpServer,
      Effect.gen(function*() {
        if (NodeHttp.maxHeaderSize < parserHeaderBytes) {
          // Process-wide: the only setting Bun reads (Bun.serve has no option of its own).
          ;(NodeHttp as { maxHeaderSize: number }).maxHeaderSize = parserHeaderBytes
        }
        const routes = Object.fromEntries(
          Object.entries(options.routes ?? {}).map(([path, methods]) => [
            path,
            Object.fromEntries(Object.entries(methods).map(([method, handler]) => [method, door.admit(handler)]))
          ])
        )
        const server = Bun.serve({
          hostname: options.hostname,
          port: options.port,
          maxRequestBodySize: Number.MAX_SAFE_INTEGER,
          routes,
          fetch: door.admit((request) => door.app === undefined ? starting(request) : door.app(request)),
          // A handler that throws (none should): a problem, never Bun's error page.
          error: internalError
        })
        // By now the door has answered every request in flight (`stop` runs first): what is
        // left are clients' idle keep-alive connections, which would hold the process up to
        // Bun's idle timeout.
        yield* Effect.addFinalizer(() => Effect.sync(() => server.stop(true)))
        return HttpServer.make({
          address: addressOf(server.hostname!, server.port!),
          serve: (httpEffect, middleware) =>
            Effect.flatMap(Effect.context<never>(), (context) =>
              Effect.acquireRelease(
                Effect.sync(() => {
                  door.app = HttpEffect.toWebHandlerWith<never, HttpServerRequest.HttpServerRequest | Scope.Scope>(context)(httpEffect, middleware)
                }),
                () => Effect.sync(() => (door.app = undefined))
              ))
        })
      })
    ),
    HttpServer.layerServices
  )
