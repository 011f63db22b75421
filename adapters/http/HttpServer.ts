import { HttpApiBuilder, HttpApiScalar, HttpApp, HttpServerError, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { Cause, Chunk, Effect, Layer } from "effect"
import { uuidV7 } from "../../application/EventIds.ts"
import type { EventStore } from "../../application/EventStore.ts"
import type { ProjectionStore } from "../../application/ProjectionStore.ts"
import { AdminLive } from "./AdminHttp.ts"
import { CutoverLive } from "./CutoverHttp.ts"
import { StrataApi } from "./Api.ts"
import { AuthorizationLive, bearerOf, currentRequestId, currentRequestKey } from "./Auth.ts"
import * as BadInput from "./BadInput.ts"
import * as FrontDoor from "./FrontDoor.ts"
import * as IdempotencyKey from "./IdempotencyKey.ts"
import { KeysLive, quotaEnforcedLayer } from "./KeysHttp.ts"
import * as Metrics from "./Metrics.ts"
import * as NativeRoutes from "./NativeRoutes.ts"
import { OperationsLive } from "./OperationsHttp.ts"
import { problemJson, problemOf, unreadableBody } from "./Problem.ts"
import { SandboxesLive } from "./SandboxesHttp.ts"
import { SessionsLive } from "./SessionsHttp.ts"
import { TokensLive } from "./TokensHttp.ts"

const MetricsRoute = HttpApiBuilder.Router.use((router) =>
  Effect.gen(function*() {
    const context = yield* Effect.context<EventStore | ProjectionStore>()
    yield* router.get(
      "/metrics",
      Effect.map(Effect.provide(Metrics.render, context), (text) => HttpServerResponse.text(text, { contentType: "text/plain; version=0.0.4" }))
    )
  })
)

const ApiLive = HttpApiBuilder.api(StrataApi).pipe(
  Layer.provide([OperationsLive, TokensLive, KeysLive, SandboxesLive, SessionsLive, AdminLive, CutoverLive]),
  Layer.provide(AuthorizationLive)
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
  HttpServerResponse.unsafeJson(body, {
    status: body.status,
    contentType: "application/problem+json",
    ...(typeof body.retryAfter === "number" ? { headers: { "retry-after": String(body.retryAfter) } } : {})
  })

const jsonOf = (response: HttpServerResponse.HttpServerResponse): unknown => {
  if (response.body._tag !== "Uint8Array") return undefined
  try {
    return JSON.parse(new TextDecoder().decode(response.body.body))
  } catch {
    return undefined
  }
}

/**
 * Every error leaves as `application/problem+json`: the application's own problems as
 * they are (with `Retry-After` where they say when), schema violations as a 400 listing
 * the issues, anything else with its status and a generic detail — never a stack trace.
 * A success that carries a `version` gets it as its `ETag`.
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
  if (body?._tag === "HttpApiDecodeError") {
    const issues = (body.issues as Array<{ path: Array<string | number>; message: string }>).map(BadInput.cappedIssue)
    return problemResponse(problemOf(400, "bad-request", "Bad request", "the request does not match the schema", { issues }))
  }
  // The body could not be read as JSON (the platform answers an empty 400).
  if (response.status === 400) return problemResponse(unreadableBody)
  if (response.status === 404) return problemResponse(problemOf(404, "not-found", "Not found", `no route for ${requestLine}`))
  if (response.status >= 500) return problemResponse(problemOf(response.status, "internal", "Internal error", "strata failed to handle the request"))
  return problemResponse(problemOf(response.status, `http-${response.status}`, "Request failed", "the request could not be handled"))
}

/**
 * Around every request (past the front door, which keeps the limits): an id (from
 * `X-Request-Id`, or made up) that lands in the logs and the events' correlation id; and,
 * just before the response goes out
 * (a pre-response handler: middleware sees responses only after they are sent), the
 * problem+json shaping, the ETag and the metrics.
 */
const middleware = (app: HttpApp.Default): HttpApp.Default =>
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
    yield* HttpApp.appendPreResponseHandler((_, response) => sent(finish(response, `${request.method} ${request.url.split("?")[0]}`)))
    return yield* BadInput.readAsJson(withRequestKey(app)).pipe(
      Effect.tapDefect((cause) => (isClientError(cause) ? Effect.void : Effect.logError("request failed", cause))),
      Effect.locally(currentRequestId, requestId),
      Effect.annotateLogs({ requestId })
    )
  })

/**
 * A write under an `Idempotency-Key`: the key checked (a malformed one is a 400 before
 * anything runs) and carried with the request's fingerprint to the handler's metadata.
 * Runs on the request as `BadInput` passes it on, whose body is read and kept.
 */
const withRequestKey = <E, R>(app: Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>) =>
  Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => {
    const value = request.headers[IdempotencyKey.header]
    if (value === undefined || !IdempotencyKey.applies(request.method, request.url)) return app
    const parsed = IdempotencyKey.parse(value)
    if ("problem" in parsed) return Effect.succeed(problemResponse(parsed.problem))
    return Effect.flatMap(Effect.orElseSucceed(request.text, () => ""), (body) =>
      Effect.locally(app, currentRequestKey, {
        key: parsed.key,
        fingerprint: IdempotencyKey.fingerprint(request.method, request.url, request.headers["if-match"], body),
        credential: bearerOf(request.headers.authorization)
      }))
  })

/** A body the platform could not read is the client's doing: a 400, not an error of ours. */
const isClientError = (cause: Cause.Cause<unknown>) =>
  Chunk.every(Cause.defects(cause), (defect) =>
    HttpServerError.isServerError(defect) ? defect._tag === "RequestError" : HttpServerResponse.isServerResponse(defect))

export interface ServeOptions {
  readonly hostname: string
  readonly port: number
  /** Serve the hot endpoints through Bun's router (default); false: everything through HttpApi. */
  readonly native?: boolean
}

/**
 * The API, its OpenAPI document and docs page, and `/metrics`, served by Bun behind the
 * front door (limits, graceful stop); the endpoints on clients' request paths go through
 * Bun's own router (`NativeRoutes`) unless `native` is false. The server stays in the
 * output, so that a caller can read its address (port 0 picks a free one).
 *
 * Released, the door stops first — new requests refused, those in flight answered — and
 * only then the app, the native routes, the server and (outside) the database.
 */
export const layer = (options: ServeOptions) => {
  const door = FrontDoor.make()
  const native = NativeRoutes.make()
  return FrontDoor.stopFirst(door).pipe(
    Layer.provideMerge(
      Layer.merge(
        HttpApiBuilder.serve(middleware).pipe(
          Layer.provide(HttpApiScalar.layer({ path: "/docs" })),
          Layer.provide(HttpApiBuilder.middlewareOpenApi({ path: "/openapi.json" })),
          Layer.provide(MetricsRoute),
          Layer.provide(ApiLive)
        ),
        options.native === false ? Layer.empty : native.bind
      ).pipe(
        Layer.provide(quotaEnforcedLayer),
        Layer.provideMerge(FrontDoor.layer(door, {
          hostname: options.hostname,
          port: options.port,
          ...(options.native === false ? {} : { routes: native.routes })
        }))
      )
    )
  )
}
