import { Cause, Effect, Layer, type Scope } from "effect"
import { HttpEffect, HttpRouter, HttpServerError, HttpServerRequest, HttpServerResponse } from "effect/http"
import { HttpApiBuilder, HttpApiScalar } from "effect/http-api"
import { uuidV7 } from "../../application/ports/EventIds.ts"
import type { EventStore } from "../../application/ports/EventStore.ts"
import type { ProjectionStore } from "../../application/ports/ProjectionStore.ts"
import { AdminLive } from "./AdminHttp.ts"
import { CutoverLive } from "./CutoverHttp.ts"
import { StrataApi } from "./Api.ts"
import { AuthorizationLive, bearerOf, currentRequestId, currentRequestKey } from "./Auth.ts"
import * as BadInput from "./BadInput.ts"
import * as Console from "./console/Console.ts"
import * as FrontDoor from "./FrontDoor.ts"
import * as IdempotencyKey from "./IdempotencyKey.ts"
import { KeysLive, quotaEnforcedLayer } from "./KeysHttp.ts"
import { LiveLive, liveLogLayer } from "./LiveHttp.ts"
import * as Metrics from "./Metrics.ts"
import * as NativeRoutes from "./NativeRoutes.ts"
import { OperationsLive, servedDatabase } from "./OperationsHttp.ts"
import { ProjectionsLive } from "./ProjectionsHttp.ts"
import { problemHeaders, problemJson, problemOf, unreadableBody } from "./Problem.ts"
import { SandboxesLive } from "./SandboxesHttp.ts"
import { SessionsLive } from "./SessionsHttp.ts"
import { TokensLive } from "./TokensHttp.ts"

const MetricsRoute = HttpRouter.use((router) =>
  Effect.gen(function*() {
    const context = yield* Effect.context<EventStore | ProjectionStore>()
    yield* router.add(
      "GET",
      "/metrics",
      Effect.map(Effect.provideContext(Metrics.render, context), (text) => HttpServerResponse.text(text, { contentType: "text/plain; version=0.0.4" }))
    )
  })
)

/** The API with its OpenAPI document (`/openapi.json`) and docs page (`/docs`). */
const ApiLive = Layer.merge(
  HttpApiBuilder.layer(StrataApi, { openapiPath: "/openapi.json" }).pipe(
    Layer.provide([OperationsLive, TokensLive, KeysLive, SandboxesLive, SessionsLive, AdminLive, CutoverLive, LiveLive, ProjectionsLive]),
    Layer.provide([AuthorizationLive, BadInput.schemaProblemsLayer])
  ),
  HttpApiScalar.layer(StrataApi, { path: "/docs" })
)

/** The endpoints' path templates, to label metrics by route rather than by URL. */
const routes = Object.values(StrataApi.groups).flatMap((group) =>
  Object.values(group.endpoints).map((endpoint) => ({
    method: endpoint.method,
    path: endpoint.path,
    pattern: new RegExp(`^${endpoint.path.replace(/:[A-Za-z]+/g, "[^/]+")}$`)
  }))
)
const routeOf = (method: string, url: string) => {
  const path = url.split("?")[0]!
  return routes.find((route) => route.method === method && route.pattern.test(path))?.path ??
    (["/metrics", "/openapi.json", "/docs"].includes(path) ? path : "unmatched")
}

const problemResponse = (body: { readonly status: number; readonly retryAfter?: unknown }) =>
  HttpServerResponse.jsonUnsafe(body, { status: body.status, contentType: "application/problem+json", headers: problemHeaders(body) })

const jsonOf = (response: HttpServerResponse.HttpServerResponse): unknown => {
  if (response.body._tag !== "Uint8Array") return undefined
  try {
    return JSON.parse(new TextDecoder().decode(response.body.body))
  } catch {
    return undefined
  }
}

/**
 * Every error leaves as `application/problem+json`: the application's own problems (and
 * schema violations, see `BadInput.SchemaProblems`) as they are, without the tag the
 * platform puts on them, with `Retry-After` where they say when; anything else with its
 * status and a generic detail — never a stack trace. A success that carries a `version`
 * gets it as its `ETag`.
 */
const finish = (response: HttpServerResponse.HttpServerResponse, requestLine: string) => {
  const contentType = response.body._tag === "Uint8Array" ? response.body.contentType : ""
  if (response.status < 400) {
    if (!contentType.startsWith("application/json")) return response
    const body = jsonOf(response) as { version?: unknown } | undefined
    return typeof body?.version === "number" ? HttpServerResponse.setHeader(response, "etag", `"${body.version}"`) : response
  }
  const body = jsonOf(response) as Record<string, unknown> | undefined
  if (contentType.startsWith("application/problem+json") && body !== undefined) {
    return problemResponse(problemJson(body as { status: number }))
  }
  // The body could not be read (the platform answers an empty 400).
  if (response.status === 400) return problemResponse(unreadableBody)
  if (response.status === 404) return problemResponse(problemOf(404, "not-found", "Not found", `no route for ${requestLine}`))
  if (response.status >= 500) return problemResponse(problemOf(response.status, "internal", "Internal error", "strata failed to handle the request"))
  return problemResponse(problemOf(response.status, `http-${response.status}`, "Request failed", "the request could not be handled"))
}

/**
 * Around every request (past the front door, which keeps the limits): an id (from
 * `X-Request-Id`, or made up) that lands in the logs and the events' correlation id; and,
 * just before the response goes out (a pre-response handler: this middleware sees the
 * app's answer only after it is sent), the problem+json shaping, the ETag and the metrics.
 */
const middleware = <E, R>(
  app: Effect.Effect<HttpServerResponse.HttpServerResponse, E, R | HttpServerRequest.HttpServerRequest | Scope.Scope>
) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const requestId = request.headers["x-request-id"] || uuidV7()
    const started = performance.now()
    const route = routeOf(request.method, request.url)
    const sent = (response: HttpServerResponse.HttpServerResponse) => {
      const seconds = (performance.now() - started) / 1000
      return Metrics.recordRequest(route, request.method, response.status, seconds, requestId).pipe(
        Effect.as(HttpServerResponse.setHeader(response, "x-request-id", requestId))
      )
    }
    const answered = (response: HttpServerResponse.HttpServerResponse) =>
      sent(finish(response, `${request.method} ${request.url.split("?")[0]}`))
    yield* HttpEffect.appendPreResponseHandler((_, response) => answered(response))
    // The app sends its own answer, through the handler above; one refused before it ran
    // (a body too deep, a malformed key) is sent by the server as it is, so it is shaped here.
    let ran = false
    const run = Effect.suspend(() => {
      ran = true
      return app
    })
    return yield* BadInput.readAsJson(withRequestKey(run)).pipe(
      Effect.flatMap((response) => (ran ? Effect.succeed(response) : answered(response))),
      Effect.tapCause((cause) => (isClientError(cause) ? Effect.void : Effect.logError("request failed", cause))),
      Effect.provideService(currentRequestId, requestId),
      Effect.annotateLogs({ requestId })
    )
  })

/**
 * A write under an `Idempotency-Key`: the key checked (a malformed one is a 400 before
 * anything runs) and carried with the request's fingerprint to the handler's metadata.
 * Runs on the request as `BadInput` passes it on, whose body is read and kept.
 */
const withRequestKey = <E, R>(app: Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>) =>
  Effect.flatMap(Effect.service(HttpServerRequest.HttpServerRequest), (request) => {
    const value = request.headers[IdempotencyKey.header]
    if (value === undefined || !IdempotencyKey.applies(request.method, request.url)) return app
    const parsed = IdempotencyKey.parse(value)
    if ("problem" in parsed) return Effect.succeed(problemResponse(parsed.problem))
    return Effect.flatMap(Effect.orElseSucceed(request.text, () => ""), (body) =>
      Effect.provideService(app, currentRequestKey, {
        key: parsed.key,
        fingerprint: IdempotencyKey.fingerprint(request.method, request.url, request.headers["if-match"], body),
        credential: bearerOf(request.headers.authorization)
      }))
  })

/**
 * What reaches here has been answered already; a failure of ours is logged. A body the
 * platform could not read, or a route that is not there, is the client's doing.
 */
const isClientError = (cause: Cause.Cause<unknown>) =>
  cause.reasons.every((reason) => {
    if (Cause.isInterruptReason(reason)) return true
    const error = Cause.isDieReason(reason) ? reason.defect : reason.error
    return HttpServerError.isHttpServerError(error)
      ? error.reason._tag !== "InternalError"
      : HttpServerResponse.isHttpServerResponse(error)
  })

export interface ServeOptions {
  readonly hostname: string
  readonly port: number
  /** Serve the hot endpoints through Bun's router (default); false: everything through HttpApi. */
  readonly native?: boolean
  /** The database's URL without credentials, for `/ready`. */
  readonly database?: string
}

/**
 * The API, its OpenAPI document and docs page, `/metrics` and the console (`/console`), served by Bun behind the
 * front door (limits, graceful stop), over the services `app` builds (the store, secrets,
 * the admin token); the endpoints on clients' request paths go through Bun's own router
 * (`NativeRoutes`) unless `native` is false. The server and the app's services stay in the
 * output, so that a caller can read its address (port 0 picks a free one).
 *
 * The server listens before `app` is built: a server whose database is not open yet — it
 * may be waiting for it (see `WaitForDatabase`) — answers `/health` and refuses the rest
 * with 503 until the routes are bound to the services.
 *
 * Released, the door stops first — new requests refused, those in flight answered — and
 * only then the routes, the app (the database) and the server.
 */
export const layer = <A, E, R>(options: ServeOptions, app: Layer.Layer<A, E, R>) => {
  const door = FrontDoor.make()
  const native = NativeRoutes.make()
  const routes = Layer.merge(
    HttpRouter.serve(Layer.merge(ApiLive, MetricsRoute), { disableLogger: true, disableListenLog: true, middleware }),
    options.native === false ? Layer.empty : native.bind
  ).pipe(Layer.provide([quotaEnforcedLayer, liveLogLayer, Layer.succeed(servedDatabase, options.database)]))
  return FrontDoor.stopFirst(door).pipe(
    Layer.provideMerge(routes),
    Layer.provideMerge(app),
    Layer.provideMerge(FrontDoor.layer(door, {
      hostname: options.hostname,
      port: options.port,
      routes: { ...Console.routes, ...(options.native === false ? {} : native.routes) }
    }))
  )
}
