import { type HttpApiEndpoint, HttpApiSchema } from "@effect/platform"
import { Cause, Context, Effect, Either, Exit, FiberRef, HashMap, Layer, LogLevel, Option, ParseResult, type Redacted, Runtime, Schema } from "effect"
import { uuidV7 } from "../../application/EventIds.ts"
import { StrataApi } from "./Api.ts"
import { AdminToken, authenticate, bearerOf, CurrentPrincipal, currentRequestId, currentRequestKey } from "./Auth.ts"
import * as BadInput from "./BadInput.ts"
import * as IdempotencyKey from "./IdempotencyKey.ts"
import { recordUsage, usage } from "./KeysHttp.ts"
import * as Metrics from "./Metrics.ts"
import { maxBodyBytes, payloadTooLarge, Problem, problemJson, problemOf, unavailableNow, unreadableBody } from "./Problem.ts"
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

const decoder = (schema: Schema.Schema.Any) => Schema.decodeUnknownEither(schema as Schema.Schema<unknown, unknown>)

/** The endpoint definition of `group.name` in `StrataApi`, served by `handler`. */
const route = (group: string, name: string, handler: Handler) => {
  const endpoint: HttpApiEndpoint.HttpApiEndpoint.AnyWithProps | undefined = (StrataApi.groups as any)[group]?.endpoints[name]
  if (endpoint === undefined) throw new Error(`no endpoint ${group}.${name} in the API`)
  return {
    endpoint,
    handler,
    decodePath: Option.getOrUndefined(Option.map(endpoint.pathSchema, decoder)),
    decodePayload: Option.getOrUndefined(Option.map(endpoint.payloadSchema, decoder)),
    encodeSuccess: Schema.encodeEither(endpoint.successSchema as Schema.Schema<unknown, unknown>),
    status: HttpApiSchema.getStatusSuccess(endpoint.successSchema)
  }
}
type Route = ReturnType<typeof route>

export const routes: ReadonlyArray<Route> = [
  route("sandboxes", "get", getSandbox),
  route("keys", "recordUsage", recordUsage),
  route("keys", "usage", usage)
]

/** Headers go in with the response: setting one afterwards costs more than the response. */
const json = (body: unknown, status: number, headers: Record<string, string>) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } })

const problemResponse = (body: { readonly status: number; readonly retryAfter?: unknown }, headers: Record<string, string> = {}) =>
  json(body, body.status, {
    "content-type": "application/problem+json",
    ...(typeof body.retryAfter === "number" ? { "retry-after": String(body.retryAfter) } : {}),
    ...headers
  })

const invalid = (error: ParseResult.ParseError) =>
  Problem.badRequest("the request does not match the schema", {
    issues: ParseResult.ArrayFormatter.formatErrorSync(error).map(BadInput.cappedIssue)
  })

const internal = problemOf(500, "internal", "Internal error", "strata failed to handle the request")
const unavailable = (request: Request) =>
  problemResponse(unavailableNow, { "x-request-id": request.headers.get("x-request-id") || uuidV7() })

/** A body read before the request runs: its text, or the problem it is. */
type Body = { readonly text: string } | { readonly problem: ReturnType<typeof problemOf> } | undefined

const readBody = async (served: Route, request: Request): Promise<Body> => {
  if (served.decodePayload === undefined) return undefined
  if (Number(request.headers.get("content-length") ?? 0) > maxBodyBytes) return { problem: payloadTooLarge }
  const text = await request.text().catch(() => undefined)
  if (text === undefined) return { problem: unreadableBody }
  return text.length > maxBodyBytes ? { problem: payloadTooLarge } : { text }
}

const parse = (text: string) => {
  if (BadInput.isTooDeep(text)) return Either.left(BadInput.tooDeep)
  try {
    return Either.right(JSON.parse(text) as unknown)
  } catch {
    return Either.left(unreadableBody)
  }
}

/** The path and payload by the endpoint's Schemas: the handler's input, or the problem. */
const decodeInput = (
  served: Route,
  params: Record<string, string> | undefined,
  body: Body
): Either.Either<{ readonly path: unknown; readonly payload: unknown }, unknown> => {
  let path: unknown = undefined
  if (served.decodePath !== undefined) {
    const decodedPath = served.decodePath(params ?? {})
    if (Either.isLeft(decodedPath)) return Either.left(invalid(decodedPath.left))
    path = decodedPath.right
  }
  let payload: unknown = undefined
  if (served.decodePayload !== undefined && body !== undefined) {
    if ("problem" in body) return Either.left(body.problem)
    const parsed = parse(body.text)
    if (Either.isLeft(parsed)) return Either.left(parsed.left)
    const decodedPayload = served.decodePayload(parsed.right)
    if (Either.isLeft(decodedPayload)) return Either.left(invalid(decodedPayload.left))
    payload = decodedPayload.right
  }
  return Either.right({ path, payload })
}

const encodeFailure = (error: ParseResult.ParseError) => new Error(`the answer does not match its schema: ${error.message}`)

/**
 * One request, in the order HttpApi takes it: who is calling, then the path and the
 * payload against their Schemas, then the handler, whose answer is encoded by the
 * endpoint's success Schema. The request runs in a fiber of its own, so what it carries
 * (its id, its caller) is set on the fiber rather than scoped with `locally`, which costs
 * several times more. Plain combinators, no generator: this runs on every request.
 */
const run = (
  served: Route,
  request: Request & { readonly params?: Record<string, string> },
  body: Body,
  requestId: string,
  adminToken: Redacted.Redacted<string>
) => {
  const token = bearerOf(request.headers.get("authorization"))
  const requestKey = keyOf(request, body, token)
  if (requestKey !== undefined && "problem" in requestKey) return Effect.fail(requestKey.problem)
  return FiberRef.set(currentRequestId, requestId).pipe(
    Effect.zipRight(FiberRef.update(FiberRef.currentLogAnnotations, HashMap.set("requestId", requestId as unknown))),
    Effect.zipRight(requestKey === undefined ? Effect.void : FiberRef.set(currentRequestKey, requestKey)),
    Effect.zipRight(authenticate(adminToken, token, request.headers.get("x-strata-owner") ?? undefined)),
    Effect.flatMap((principal): Effect.Effect<unknown, unknown, Services> => {
      const input = decodeInput(served, request.params, body)
      if (Either.isLeft(input)) return Effect.fail(input.left)
      return FiberRef.update(FiberRef.currentContext, Context.add(CurrentPrincipal, principal)).pipe(
        Effect.zipRight(served.handler(input.right) as Effect.Effect<unknown, { readonly _tag: string }, Services>),
        Effect.flatMap((success) => Either.mapLeft(served.encodeSuccess(success), encodeFailure))
      )
    })
  )
}

/** The request's `Idempotency-Key` with its fingerprint (as `HttpServer` reads it), the problem it is, or none. */
const keyOf = (request: Request, body: Body, credential: string) => {
  const value = request.headers.get(IdempotencyKey.header)
  if (value === null) return undefined
  const url = new URL(request.url)
  if (!IdempotencyKey.applies(request.method, url.pathname)) return undefined
  const parsed = IdempotencyKey.parse(value)
  if ("problem" in parsed) return parsed
  const text = body !== undefined && "text" in body ? body.text : ""
  return {
    key: parsed.key,
    fingerprint: IdempotencyKey.fingerprint(request.method, `${url.pathname}${url.search}`, request.headers.get("if-match") ?? undefined, text),
    credential
  }
}

/** A failure that is a problem to answer with; anything else is a failure of ours. */
const isProblem = (value: unknown): value is { readonly status: number; readonly type: string } =>
  typeof value === "object" && value !== null && "type" in value && typeof (value as { status?: unknown }).status === "number"

const answer = (served: Route, exit: Exit.Exit<unknown, unknown>, requestId: string, log: (cause: Cause.Cause<unknown>) => void) => {
  if (Exit.isSuccess(exit)) {
    const version = (exit.value as { version?: unknown } | null)?.version
    const etag: Record<string, string> = typeof version === "number" ? { etag: `"${version}"` } : {}
    return json(exit.value, served.status, { ...etag, "x-request-id": requestId })
  }
  const failure = Cause.failureOption(exit.cause)
  if (Option.isSome(failure) && isProblem(failure.value)) {
    return problemResponse(problemJson(failure.value), { "x-request-id": requestId })
  }
  log(exit.cause)
  return problemResponse(internal, { "x-request-id": requestId })
}

/**
 * The routes for `Bun.serve`, bound to a runtime once the application's services are
 * built (`bind`); until then, and while the server shuts down, they answer 503. On
 * release, `bind` waits for the requests in flight (they finish on the services they
 * started with), so that the database closes after them.
 */
export const make = () => {
  /** What a request runs with, once bound: the server's, fixed for its life. */
  let bound:
    | { readonly runtime: Runtime.Runtime<Services>; readonly adminToken: Redacted.Redacted<string>; readonly accessLog: boolean }
    | undefined
  let inFlight = 0
  let drained: (() => void) | undefined

  const handle = (served: Route) => async (request: Request) => {
    const server = bound
    if (server === undefined) return unavailable(request)
    inFlight++
    try {
      const started = performance.now()
      const requestId = request.headers.get("x-request-id") || uuidV7()
      const body = await readBody(served, request)
      const exit = await Runtime.runPromiseExit(server.runtime, run(served, request, body, requestId, server.adminToken))
      const response = answer(served, exit, requestId, (cause) =>
        Runtime.runSync(server.runtime, Effect.logError("request failed", cause).pipe(Effect.annotateLogs({ requestId }))))
      const seconds = (performance.now() - started) / 1000
      Metrics.countRequest(served.endpoint.path, request.method, response.status, seconds)
      if (server.accessLog) {
        Runtime.runSync(server.runtime, Metrics.logRequest(served.endpoint.path, request.method, response.status, seconds, requestId))
      }
      return response
    } finally {
      if (--inFlight === 0) drained?.()
    }
  }
  const bunRoutes: Record<string, Record<string, (request: Request) => Promise<Response> | Response>> = {}
  for (const served of routes) {
    bunRoutes[served.endpoint.path] = { ...bunRoutes[served.endpoint.path], [served.endpoint.method]: handle(served) }
  }
  const bind = Layer.scopedDiscard(
    Effect.acquireRelease(
      Effect.gen(function*() {
        bound = {
          runtime: yield* Effect.runtime<Services>(),
          adminToken: yield* AdminToken,
          // The access log is on at info and below; the level is read once, not per request.
          accessLog: LogLevel.lessThanEqual(yield* FiberRef.get(FiberRef.currentMinimumLogLevel), LogLevel.Info)
        }
      }),
      () =>
        Effect.promise(() => {
          bound = undefined
          return inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (drained = resolve))
        })
    )
  )
  return { routes: bunRoutes, bind }
}
