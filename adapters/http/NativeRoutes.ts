import { type HttpApiEndpoint, HttpApiSchema } from "@effect/platform"
import { Cause, Context, Effect, FiberRef, HashMap, Layer, Option, ParseResult, Runtime, Schema } from "effect"
import { uuidV7 } from "../../application/EventIds.ts"
import { StrataApi } from "./Api.ts"
import { AdminToken, authenticate, CurrentPrincipal, currentRequestId, type Principal } from "./Auth.ts"
import { recordUsage, usage } from "./KeysHttp.ts"
import * as Metrics from "./Metrics.ts"
import { maxBodyBytes, payloadTooLarge, Problem, problemJson, problemOf, unreadableBody } from "./Problem.ts"
import { getSandbox } from "./SandboxesHttp.ts"

/**
 * The endpoints a client calls on its own request path — record usage, read what is left
 * of the quota, read a sandbox — are served by Bun's router, each request one run of a
 * runtime built once. HttpApi's request pipeline costs more than the work behind these
 * endpoints (a one-endpoint HttpApi app serves 12–17k requests/s here, where bare Bun
 * serves 115k). Nothing else changes: their Schemas are the endpoints' in `Api.ts` (so the
 * OpenAPI document and generated clients stay true), their handlers are the functions the
 * HttpApi groups call, and their answers — bodies, problems, ETags, request ids, metrics,
 * logs — are the same (tested side by side against the HttpApi path).
 */

const handlers = { getSandbox, recordUsage, usage }

/** What the handlers need from the application, besides who is calling. */
type Services = AdminToken | Exclude<Effect.Effect.Context<ReturnType<(typeof handlers)[keyof typeof handlers]>>, CurrentPrincipal>

type Handler = (
  request: { readonly path: any; readonly payload: any }
) => Effect.Effect<unknown, { readonly _tag: string }, Services | CurrentPrincipal>

/** The endpoint definition of `group.name` in `StrataApi`, served by `handler`. */
const route = (group: string, name: string, handler: Handler) => {
  const endpoint: HttpApiEndpoint.HttpApiEndpoint.AnyWithProps | undefined = (StrataApi.groups as any)[group]?.endpoints[name]
  if (endpoint === undefined) throw new Error(`no endpoint ${group}.${name} in the API`)
  return {
    endpoint,
    handler,
    decodePath: Option.map(endpoint.pathSchema, (schema) => Schema.decodeUnknown(schema as Schema.Schema<unknown, unknown>)),
    decodePayload: Option.map(endpoint.payloadSchema, (schema) => Schema.decodeUnknown(schema as Schema.Schema<unknown, unknown>)),
    encodeSuccess: Schema.encode(endpoint.successSchema as Schema.Schema<unknown, unknown>),
    status: HttpApiSchema.getStatusSuccess(endpoint.successSchema)
  }
}
type Route = ReturnType<typeof route>

export const routes: ReadonlyArray<Route> = [
  route("sandboxes", "get", getSandbox),
  route("keys", "recordUsage", recordUsage),
  route("keys", "usage", usage)
]

const json = (body: unknown, status: number, headers: Record<string, string>) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } })

const problemResponse = (body: { readonly status: number; readonly retryAfter?: unknown }) =>
  json(body, body.status, {
    "content-type": "application/problem+json",
    ...(typeof body.retryAfter === "number" ? { "retry-after": String(body.retryAfter) } : {})
  })

const invalid = (error: ParseResult.ParseError) =>
  Problem.badRequest("the request does not match the schema", {
    issues: ParseResult.ArrayFormatter.formatErrorSync(error).map(({ message, path }) => ({
      path: path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment)),
      message
    }))
  })

/** `CurrentPrincipal`, set on the request's own fiber (see `serve`). */
const withPrincipal = <A, E, R>(principal: Principal, effect: Effect.Effect<A, E, R>) =>
  Effect.zipRight(
    FiberRef.update(FiberRef.currentContext, Context.add(CurrentPrincipal, principal)),
    effect
  ) as Effect.Effect<A, E, Exclude<R, CurrentPrincipal>>

const body = (request: Request) =>
  Effect.gen(function*() {
    if (Number(request.headers.get("content-length") ?? 0) > maxBodyBytes) return yield* Effect.fail(payloadTooLarge)
    const text = yield* Effect.promise(() => request.text())
    if (text.length > maxBodyBytes) return yield* Effect.fail(payloadTooLarge)
    return yield* Effect.try({ try: () => JSON.parse(text) as unknown, catch: () => unreadableBody })
  })

/** One request: authenticate, decode, handle, encode; every failure a problem. */
const exchange = (served: Route, request: Request & { readonly params?: Record<string, string> }) =>
  Effect.gen(function*() {
    const adminToken = yield* AdminToken
    const authorization = request.headers.get("authorization") ?? ""
    const token = authorization.toLowerCase().startsWith("bearer ") ? authorization.slice(7).trim() : ""
    const principal = yield* authenticate(adminToken, token, request.headers.get("x-strata-owner") ?? undefined)
    const path = Option.isSome(served.decodePath)
      ? yield* Effect.mapError(served.decodePath.value(request.params ?? {}), invalid)
      : undefined
    const decodePayload = served.decodePayload
    const payload = Option.isSome(decodePayload)
      ? yield* Effect.flatMap(body(request), (raw) => Effect.mapError(decodePayload.value(raw), invalid))
      : undefined
    const success = yield* withPrincipal(principal, served.handler({ path, payload }))
    const encoded = yield* Effect.orDie(served.encodeSuccess(success))
    const version = (encoded as { version?: unknown } | null)?.version
    return json(encoded, served.status, typeof version === "number" ? { etag: `"${version}"` } : {})
  })

const internal = problemOf(500, "internal", "Internal error", "strata failed to handle the request")

const serve = (served: Route, request: Request) =>
  Effect.gen(function*() {
    const started = performance.now()
    const requestId = request.headers.get("x-request-id") || uuidV7()
    // A request runs in a fiber of its own (one run of the runtime), so what it carries is
    // set on the fiber rather than scoped with `locally`, which costs several times more.
    yield* FiberRef.set(currentRequestId, requestId)
    yield* FiberRef.update(FiberRef.currentLogAnnotations, HashMap.set("requestId", requestId as unknown))
    const response = yield* exchange(served, request).pipe(
      Effect.catchAll((problem) => Effect.succeed(problemResponse(problemJson(problem as never)))),
      Effect.catchAllDefect((defect) => Effect.as(Effect.logError("request failed", Cause.die(defect)), problemResponse(internal)))
    )
    response.headers.set("x-request-id", requestId)
    yield* Metrics.recordRequest(served.endpoint.path, request.method, response.status, (performance.now() - started) / 1000, requestId)
    return response
  })

const unavailable = () => problemResponse(problemOf(503, "unavailable", "Service unavailable", "strata is starting or stopping", { retryAfter: 1 }))

/**
 * The routes for `Bun.serve`, bound to a runtime once the application's services are
 * built (`bind`); until then, and while the server shuts down, they answer 503. On
 * release, `bind` waits for the requests in flight (they finish on the services they
 * started with), so that the database closes after them.
 */
export const make = () => {
  let runtime: Runtime.Runtime<Services> | undefined
  let inFlight = 0
  let drained: (() => void) | undefined
  const handle = (served: Route) => (request: Request) => {
    if (runtime === undefined) return unavailable()
    inFlight++
    return Runtime.runPromise(runtime, serve(served, request)).finally(() => {
      if (--inFlight === 0) drained?.()
    })
  }
  const bunRoutes: Record<string, Record<string, (request: Request) => Response | Promise<Response>>> = {}
  for (const served of routes) {
    bunRoutes[served.endpoint.path] = { ...bunRoutes[served.endpoint.path], [served.endpoint.method]: handle(served) }
  }
  const bind = Layer.scopedDiscard(
    Effect.acquireRelease(
      Effect.map(Effect.runtime<Services>(), (built) => {
        runtime = built
      }),
      () =>
        Effect.promise(() => {
          runtime = undefined
          return inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (drained = resolve))
        })
    )
  )
  return { routes: bunRoutes, bind }
}

