import { Cause, Context, Effect, Exit, Layer, LogLevel, Option, type Redacted, References, Result, Schema } from "effect"
import { type HttpApiEndpoint, OpenApi } from "effect/http-api"
import { ApiKeyCache, type ApiKeyCacheService } from "../../application/ports/ApiKeyCache.ts"
import { uuidV7 } from "../../application/ports/EventIds.ts"
import { StrataApi } from "./Api.ts"
import {
  AdminToken,
  authenticate,
  bearerOf,
  CurrentPrincipal,
  currentRequestId,
  currentRequestKey,
  type Principal,
  principalNow
} from "./Auth.ts"
import * as BadInput from "./BadInput.ts"
import * as IdempotencyKey from "./IdempotencyKey.ts"
import * as InFlight from "./InFlight.ts"
import { recordUsage, usage } from "./KeysHttp.ts"
import * as Metrics from "./Metrics.ts"
import { maxBodyBytes, payloadTooLarge, problemHeaders, problemJson, problemOf, unavailableNow, unreadableBody } from "./Problem.ts"
import { getSandbox, getSandboxNow } from "./SandboxesHttp.ts"

/**
 * The endpoints a client calls on its own request path — record usage, read what is left
 * of the quota, read a sandbox — are served by Bun's router, each request one run of a
 * context built once. HttpApi's request pipeline costs more than the work behind these
 * endpoints (a one-endpoint HttpApi app serves 12–17k requests/s here, where bare Bun
 * serves 115k). Nothing else changes: their Schemas are the endpoints' in `Api.ts` (so the
 * OpenAPI document and generated clients stay true), their handlers are the functions the
 * HttpApi groups call, and their answers — bodies, problems, ETags, request ids, metrics,
 * logs — are the same (tested side by side against the HttpApi path).
 */

const handlers = { getSandbox, recordUsage, usage }

/** What the handlers need from the application, besides who is calling. */
type Services = AdminToken | ApiKeyCache | Exclude<Effect.Services<ReturnType<(typeof handlers)[keyof typeof handlers]>>, CurrentPrincipal>

type Handler = (
  request: { readonly params: any; readonly payload: any }
) => Effect.Effect<unknown, { readonly _tag: string }, Services | CurrentPrincipal>

/**
 * The handler in the calling turn, where it can answer without waiting: its success, or
 * `undefined` for anything else (then the handler runs and says what it is).
 */
type HandlerNow = (
  context: Context.Context<Services>,
  principal: Principal,
  request: { readonly params: any; readonly payload: any }
) => unknown

/**
 * Schema's synchronous parser where the input is valid — compiled to a plain function (see
 * main.ts), where the `Result` parser runs Effect's loop even so — and the `Result` parser
 * for what it says of invalid input (rare on these endpoints, and said in one place).
 */
const fastResult = <E>(
  sync: (input: unknown) => unknown,
  result: (input: unknown) => Result.Result<unknown, E>
) =>
(input: unknown): Result.Result<unknown, E> => {
  try {
    return Result.succeed(sync(input))
  } catch {
    return result(input)
  }
}

const decoder = (schema: Schema.Top) =>
  fastResult(Schema.decodeUnknownSync(schema as Schema.Codec<unknown, unknown>), Schema.decodeUnknownResult(schema as Schema.Codec<unknown, unknown>))

/** The document's paths, whose success statuses the native answers take. */
const document = OpenApi.fromApi(StrataApi)

const successStatus = (endpoint: HttpApiEndpoint.Top) => {
  const operation = (document.paths as Record<string, Record<string, { readonly responses: Record<string, unknown> }>>)[
    endpoint.path.replace(/:([A-Za-z]+)/g, "{$1}")
  ]?.[endpoint.method.toLowerCase()]
  const status = Object.keys(operation?.responses ?? {}).map(Number).find((code) => code >= 200 && code < 300)
  if (status === undefined) throw new Error(`no success of ${endpoint.method} ${endpoint.path} in the API document`)
  return status
}

/**
 * The endpoint definition of `group.name` in `StrataApi`, served by `handler`: its
 * Schemas applied as HttpApi applies them (a JSON payload is the union of its schemas).
 */
const route = (group: string, name: string, handler: Handler, now?: HandlerNow) => {
  const endpoint: HttpApiEndpoint.Top | undefined = (StrataApi.groups as any)[group]?.endpoints[name]
  if (endpoint === undefined) throw new Error(`no endpoint ${group}.${name} in the API`)
  const payload = endpoint.payload.get("application/json")?.schemas
  const [success] = endpoint.success
  return {
    endpoint,
    handler,
    now,
    decodePath: endpoint.params === undefined ? undefined : decoder(endpoint.params),
    decodePayload: payload === undefined ? undefined : decoder(Schema.Union(payload)),
    encodeSuccess: fastResult(
      Schema.encodeUnknownSync(success as Schema.Codec<unknown, unknown>),
      Schema.encodeUnknownResult(success as Schema.Codec<unknown, unknown>)
    ),
    status: successStatus(endpoint)
  }
}
type Route = ReturnType<typeof route>

export const routes: ReadonlyArray<Route> = [
  route("sandboxes", "get", getSandbox, getSandboxNow),
  route("keys", "recordUsage", recordUsage),
  route("keys", "usage", usage)
]

/** Headers go in with the response: setting one afterwards costs more than the response. */
const json = (body: unknown, status: number, headers: Record<string, string>) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } })

/**
 * A success, its headers written out as one literal: spreading them into place costs as
 * much again as the response itself.
 */
const success = (body: unknown, status: number, requestId: string) => {
  const version = (body as { version?: unknown } | null)?.version
  return new Response(JSON.stringify(body), {
    status,
    headers: typeof version === "number"
      ? { "content-type": "application/json", etag: `"${version}"`, "x-request-id": requestId }
      : { "content-type": "application/json", "x-request-id": requestId }
  })
}

const problemResponse = (body: { readonly status: number; readonly retryAfter?: unknown }, headers: Record<string, string> = {}) =>
  json(body, body.status, { ...problemHeaders(body), ...headers })

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

const parse = (text: string): Result.Result<unknown, ReturnType<typeof problemOf>> => {
  if (BadInput.isTooDeep(text)) return Result.fail(BadInput.tooDeep)
  try {
    return Result.succeed(JSON.parse(text) as unknown)
  } catch {
    return Result.fail(unreadableBody)
  }
}

/** The path and payload by the endpoint's Schemas: the handler's input, or the problem. */
const decodeInput = (
  served: Route,
  params: Record<string, string> | undefined,
  body: Body
): Result.Result<{ readonly params: unknown; readonly payload: unknown }, unknown> => {
  let decodedParams: unknown = undefined
  if (served.decodePath !== undefined) {
    const decoded = served.decodePath(params ?? {})
    if (Result.isFailure(decoded)) return Result.fail(BadInput.invalid(decoded.failure))
    decodedParams = decoded.success
  }
  let payload: unknown = undefined
  if (served.decodePayload !== undefined && body !== undefined) {
    if ("problem" in body) return Result.fail(body.problem)
    const parsed = parse(body.text)
    if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
    const decoded = served.decodePayload(parsed.success)
    if (Result.isFailure(decoded)) return Result.fail(BadInput.invalid(decoded.failure))
    payload = decoded.success
  }
  return Result.succeed({ params: decodedParams, payload })
}

const encodeFailure = (error: Schema.SchemaError) => new Error(`the answer does not match its schema: ${error.message}`)

/**
 * One request, in the order HttpApi takes it: who is calling (`known` when the key cache
 * told at once), then the path and the payload against their Schemas, then the handler,
 * whose answer is encoded by the endpoint's success Schema. Plain combinators, no
 * generator: this runs on every request. What the request carries (its id, its key, its
 * log annotation) is in the context it runs with.
 */
const run = (
  served: Route,
  request: Request & { readonly params?: Record<string, string> },
  body: Body,
  token: string,
  known: Principal | undefined,
  adminToken: Redacted.Redacted<string>
): Effect.Effect<unknown, unknown, Services> =>
  Effect.flatMap(
    known === undefined ? authenticate(adminToken, token, request.headers.get("x-strata-owner") ?? undefined) : Effect.succeed(known),
    (principal): Effect.Effect<unknown, unknown, Services> => {
      const input = decodeInput(served, request.params, body)
      if (Result.isFailure(input)) return Effect.fail(input.failure)
      return (served.handler(input.success) as Effect.Effect<unknown, { readonly _tag: string }, Services | CurrentPrincipal>).pipe(
        Effect.flatMap((success) => Effect.fromResult(Result.mapError(served.encodeSuccess(success), encodeFailure))),
        Effect.provideService(CurrentPrincipal, principal)
      )
    }
  )

/**
 * The request answered in the calling turn, without a fiber, where everything it needs is
 * at hand — the caller's key in the cache, the input valid, the handler's answer readable
 * now (a sandbox read from bun:sqlite) — or `undefined`, and then `run` answers it: every
 * refusal and failure is said in one place, the same on both ways.
 */
const runNow = (
  served: Route,
  request: Request & { readonly params?: Record<string, string> },
  body: Body,
  principal: Principal | undefined,
  context: Context.Context<Services>
): Exit.Exit<unknown> | undefined => {
  if (served.now === undefined || principal === undefined) return undefined
  const input = decodeInput(served, request.params, body)
  if (Result.isFailure(input)) return undefined
  const success = served.now(context, principal, input.success)
  if (success === undefined) return undefined
  const encoded = served.encodeSuccess(success)
  return Result.isSuccess(encoded) ? Exit.succeed(encoded.success) : undefined
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
  if (Exit.isSuccess(exit)) return success(exit.value, served.status, requestId)
  const failure = Cause.findErrorOption(exit.cause)
  if (Option.isSome(failure) && isProblem(failure.value)) {
    return problemResponse(problemJson(failure.value), { "x-request-id": requestId })
  }
  log(exit.cause)
  return problemResponse(internal, { "x-request-id": requestId })
}

/**
 * The routes for `Bun.serve`, bound to the services once the application's services are
 * built (`bind`); until then, and while the server shuts down, they answer 503. On
 * release, `bind` waits for the requests in flight (they finish on the services they
 * started with), so that the database closes after them.
 */
export const make = () => {
  /** What a request runs with, once bound: the server's, fixed for its life. */
  let bound:
    | {
      readonly context: Context.Context<Services>
      readonly adminToken: Redacted.Redacted<string>
      readonly keyCache: ApiKeyCacheService
      readonly accessLog: boolean
      /** The server's log annotations, which each request's id joins. */
      readonly annotations: Readonly<Record<string, unknown>>
    }
    | undefined
  const inFlight = InFlight.make()

  /**
   * Runs the request and answers it. The run is forked and looked at at once: bun:sqlite
   * never waits, so a request that does not wait for another (a batch, a lock) is done by
   * then and is answered synchronously — no promise, no turn of the event loop. Its id,
   * idempotency key and log annotation go into the context it runs with (one context
   * per request, rather than a layer of providing around the run).
   */
  const respond = (
    served: Route,
    request: Request,
    body: Body,
    requestId: string,
    started: number,
    server: NonNullable<typeof bound>
  ): Response | Promise<Response> => {
    const finish = (exit: Exit.Exit<unknown, unknown>) => {
      const response = answer(served, exit, requestId, (cause) =>
        Effect.runSyncWith(server.context)(Effect.logError("request failed", cause).pipe(Effect.annotateLogs({ requestId }))))
      const seconds = (performance.now() - started) / 1000
      Metrics.countRequest(served.endpoint.path, request.method, response.status, seconds)
      if (server.accessLog) {
        Effect.runSyncWith(server.context)(Metrics.logRequest(served.endpoint.path, request.method, response.status, seconds, requestId))
      }
      return response
    }
    const token = bearerOf(request.headers.get("authorization"))
    const requestKey = keyOf(request, body, token)
    if (requestKey !== undefined && "problem" in requestKey) return finish(Exit.fail(requestKey.problem))
    // A caller whose key the cache holds is known at once, on either way.
    const known = principalNow(server.keyCache, token)
    if (requestKey === undefined) {
      const now = runNow(served, request, body, known, server.context)
      if (now !== undefined) return finish(now)
    }
    const context = Context.add(
      Context.add(Context.add(server.context, currentRequestId, requestId), currentRequestKey, requestKey),
      References.CurrentLogAnnotations,
      { ...server.annotations, requestId }
    )
    const fiber = Effect.runForkWith(context)(run(served, request, body, token, known, server.adminToken))
    const exit = fiber.pollUnsafe()
    if (exit !== undefined) return finish(exit)
    return new Promise((resolve, reject) =>
      fiber.addObserver((exit) => {
        try {
          resolve(finish(exit))
        } catch (error) {
          reject(error)
        }
      })
    )
  }

  const handle = (served: Route) => (request: Request): Response | Promise<Response> => {
    const server = bound
    if (server === undefined) return unavailable(request)
    return inFlight.run(() => {
      const started = performance.now()
      const requestId = request.headers.get("x-request-id") || uuidV7()
      return served.decodePayload === undefined
        ? respond(served, request, undefined, requestId, started, server)
        : readBody(served, request).then((body) => respond(served, request, body, requestId, started, server))
    })
  }
  const bunRoutes: Record<string, Record<string, (request: Request) => Promise<Response> | Response>> = {}
  for (const served of routes) {
    bunRoutes[served.endpoint.path] = { ...bunRoutes[served.endpoint.path], [served.endpoint.method]: handle(served) }
  }
  const bind = Layer.effectDiscard(
    Effect.acquireRelease(
      Effect.gen(function*() {
        bound = {
          context: yield* Effect.context<Services>(),
          adminToken: yield* AdminToken,
          keyCache: yield* ApiKeyCache,
          // The access log is on at info and below; the level is read once, not per request.
          accessLog: LogLevel.isLessThanOrEqualTo(yield* References.MinimumLogLevel, "Info"),
          annotations: yield* References.CurrentLogAnnotations
        }
      }),
      () =>
        Effect.promise(() => {
          bound = undefined
          return inFlight.drained()
        })
    )
  )
  return { routes: bunRoutes, bind }
}
