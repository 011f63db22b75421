import { HttpApp, type HttpMiddleware, HttpServer, HttpServerError, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { BunHttpServer } from "@effect/platform-bun"
import NodeHttp from "node:http"
import { Duration, Effect, Layer, Runtime } from "effect"
import { uuidV7 } from "../../application/EventIds.ts"
import * as Metrics from "./Metrics.ts"
import { headersTooLarge, maxBodyBytes, maxHeaderBytes, payloadTooLarge, problemOf, unavailableNow } from "./Problem.ts"

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
 * *The stop.* The platform's server, on release, put a bare `404 not found` in front and
 * interrupted the requests in flight — writes that had committed were answered 503. Here
 * the stop comes first: every new request is refused (503, `Retry-After`, nothing done),
 * the requests in flight finish and are answered with their outcome, and only then is the
 * rest released (the services, the database).
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
    headers: {
      "content-type": "application/problem+json",
      "x-request-id": requestId,
      ...(body.retryAfter === undefined ? {} : { "retry-after": String(body.retryAfter) }),
      ...(close ? { connection: "close" } : {})
    }
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
  let inFlight = 0
  let idle: (() => void) | undefined
  const settle = () => {
    if (--inFlight === 0) idle?.()
  }
  const enter = (next: Fetch, request: Request) => {
    inFlight++
    let answer: Response | Promise<Response>
    try {
      answer = next(request)
    } catch (error) {
      settle()
      throw error
    }
    if (answer instanceof Response) {
      settle()
      return answer
    }
    return answer.finally(settle)
  }
  const door: FrontDoor = {
    app: undefined,
    admit: (next) => (request) => {
      if (stopping) return problem(request, unavailableNow, true)
      if (headerBytes(request) > maxHeaderBytes) return problem(request, headersTooLarge, request.body !== null)
      const length = request.headers.get("content-length")
      if (length !== null) {
        if (Number(length) > maxBodyBytes) return problem(request, payloadTooLarge, !(Number(length) <= drainedBytes))
        return enter(next, request)
      }
      if (request.body === null) return enter(next, request)
      // Counted in flight while it is read: a stop waits for it like any other.
      inFlight++
      return readChunked(request).then(
        (read) => (read === undefined ? problem(request, payloadTooLarge, true) : enter(next, read)),
        () => problem(request, problemOf(400, "bad-request", "Bad request", "the request body could not be read"), true)
      ).finally(settle)
    },
    stop: Effect.suspend(() => {
      stopping = true
      if (inFlight === 0) return Effect.void
      return Effect.promise(() => new Promise<void>((resolve) => (idle = resolve))).pipe(
        Effect.timeout(stopWait),
        Effect.catchAll(() => Effect.logWarning(`stopping with ${inFlight} requests still in flight after ${Duration.format(stopWait)}`))
      )
    })
  }
  return door
}

/** Stops the door first when released: provide everything else to it. */
export const stopFirst = (door: FrontDoor) => Layer.scopedDiscard(Effect.addFinalizer(() => door.stop))

const internalError = () =>
  new Response(JSON.stringify(problemOf(500, "internal", "Internal error", "strata failed to handle the request")), {
    status: 500,
    headers: { "content-type": "application/problem+json" }
  })

/**
 * The HttpApp as a fetch handler, each request a fiber of its own (not tied to a scope: a
 * stop lets it finish). Its answer is found by the request it came from, not put on the
 * `HttpServerRequest` (as `HttpApp.toWebHandlerRuntime` does): a request modified on the
 * way — a multipart body does it — would otherwise never be answered.
 */
const webHandler = (runtime: Runtime.Runtime<never>, app: HttpApp.Default<unknown>, middleware: HttpMiddleware.HttpMiddleware | undefined) => {
  const run = Runtime.runFork(runtime)
  const answers = new WeakMap<Request, (response: Response) => void>()
  const handled = HttpApp.toHandled(app, (request, response) =>
    Effect.sync(() => {
      const source = request.source as Request
      answers.get(source)?.(
        HttpServerResponse.toWeb(HttpApp.unsafeEjectStreamScope(response), { withoutBody: request.method === "HEAD", runtime })
      )
      answers.delete(source)
    }), middleware)
  return (request: Request) =>
    new Promise<Response>((resolve) => {
      answers.set(request, resolve)
      const fiber = run(Effect.provideService(handled, HttpServerRequest.HttpServerRequest, HttpServerRequest.fromWeb(request)))
      request.signal.addEventListener("abort", () => fiber.unsafeInterruptAsFork(HttpServerError.clientAbortFiberId), { once: true })
      // A fiber that ended unanswered (interrupted as its client left) still settles, or a
      // stop would wait for it.
      fiber.addObserver(() => {
        if (!answers.has(request)) return
        answers.delete(request)
        resolve(request.signal.aborted ? new Response(null, { status: 499 }) : internalError())
      })
    })
}

export interface ServeOptions {
  readonly hostname: string
  readonly port: number
  /** Bun's routes, each method's handler put behind the door. */
  readonly routes?: Record<string, Record<string, Fetch>>
}

/**
 * The `HttpServer` for `HttpApiBuilder.serve`: Bun, with the door in front of its routes
 * and of the HttpApi app, and the platform's context (the same as `BunHttpServer.layer`'s).
 */
export const layer = (door: FrontDoor, options: ServeOptions) =>
  Layer.merge(
    Layer.scoped(
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
          fetch: door.admit((request) => door.app === undefined ? problem(request, unavailableNow, false) : door.app(request)),
          // A handler that throws (none should): a problem, never Bun's error page.
          error: internalError
        })
        // By now the door has answered every request in flight (`stop` runs first): what is
        // left are clients' idle keep-alive connections, which would hold the process up to
        // Bun's idle timeout.
        yield* Effect.addFinalizer(() => Effect.sync(() => server.stop(true)))
        return HttpServer.make({
          address: { _tag: "TcpAddress", port: server.port!, hostname: server.hostname! },
          serve: (app, middleware) =>
            Effect.flatMap(Effect.runtime<never>(), (runtime) =>
              Effect.acquireRelease(
                Effect.sync(() => {
                  door.app = webHandler(runtime, app, middleware)
                }),
                () => Effect.sync(() => (door.app = undefined))
              ))
        })
      })
    ),
    BunHttpServer.layerContext
  )
