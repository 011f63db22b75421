import { Schema } from "effect"
import { HttpApiSchema } from "effect/http-api"

/**
 * Errors as RFC 9457 problem details (`application/problem+json`). Each class is one
 * status; `type` names the problem, `detail` says what happened to this request, and
 * the extension members carry what a client needs to act (the current version, the
 * current state, when to retry). Nothing here ever holds a secret or a stack trace.
 */

const Issue = Schema.Struct({ path: Schema.Array(Schema.Union([Schema.String, Schema.Number])), message: Schema.String })

const ProblemFields = {
  type: Schema.String,
  title: Schema.String,
  status: Schema.Number,
  detail: Schema.String,
  /** What did not match the schema (400). */
  issues: Schema.optional(Schema.Array(Issue)),
  /** The resource's version now (409, 412). */
  currentVersion: Schema.optional(Schema.Number),
  /** The resource's state now, for a refused transition (409). */
  currentState: Schema.optional(Schema.String),
  /** Seconds to wait before retrying (429, 503); also sent as `Retry-After`. */
  retryAfter: Schema.optional(Schema.Number),
  remainingTokens: Schema.optional(Schema.Number),
  /** When the quota window frees up, ISO 8601 (429). */
  resetsAt: Schema.optional(Schema.String)
}

const annotations = (status: number, description: string) => ({ httpApiStatus: status, description })

export class BadRequest extends Schema.TaggedError<BadRequest>()("BadRequest", ProblemFields, annotations(400, "The request is malformed or breaks a rule")) {}
export class Unauthorized extends Schema.TaggedError<Unauthorized>()("Unauthorized", ProblemFields, annotations(401, "No valid bearer token")) {}
export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", ProblemFields, annotations(403, "The caller may not do this")) {}
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", ProblemFields, annotations(404, "No such resource (or not the caller's)")) {}
export class Conflict extends Schema.TaggedError<Conflict>()("Conflict", ProblemFields, annotations(409, "A version conflict or an illegal transition")) {}
export class Gone extends Schema.TaggedError<Gone>()("Gone", ProblemFields, annotations(410, "The data was shredded")) {}
export class PreconditionFailed extends Schema.TaggedError<PreconditionFailed>()("PreconditionFailed", ProblemFields, annotations(412, "If-Match does not match the current version")) {}
export class UnprocessableContent extends Schema.TaggedError<UnprocessableContent>()("UnprocessableContent", ProblemFields, annotations(422, "The Idempotency-Key was used for a different request; nothing was written")) {}
export class PreconditionRequired extends Schema.TaggedError<PreconditionRequired>()("PreconditionRequired", ProblemFields, annotations(428, "This write needs If-Match")) {}
export class TooManyRequests extends Schema.TaggedError<TooManyRequests>()("TooManyRequests", ProblemFields, annotations(429, "The quota is used up")) {}
export class InternalError extends Schema.TaggedError<InternalError>()("InternalError", ProblemFields, annotations(500, "strata failed; the request may be retried")) {}
export class Unavailable extends Schema.TaggedError<Unavailable>()("Unavailable", ProblemFields, annotations(503, "The database is unreachable or not the primary")) {}

/** A problem class as a response: `application/problem+json`. */
export const asProblemJson = HttpApiSchema.asJson({ contentType: "application/problem+json" })

/**
 * Each problem as a response, made once: the middlewares (`Authorization`, `SchemaProblems`)
 * declare these same schemas, so that the OpenAPI document lists each status's problem
 * once — a schema piped again is another schema, and was listed again in its `anyOf`.
 */
export const responses = {
  BadRequest: BadRequest.pipe(asProblemJson),
  Unauthorized: Unauthorized.pipe(asProblemJson),
  Forbidden: Forbidden.pipe(asProblemJson),
  NotFound: NotFound.pipe(asProblemJson),
  Conflict: Conflict.pipe(asProblemJson),
  Gone: Gone.pipe(asProblemJson),
  PreconditionFailed: PreconditionFailed.pipe(asProblemJson),
  UnprocessableContent: UnprocessableContent.pipe(asProblemJson),
  PreconditionRequired: PreconditionRequired.pipe(asProblemJson),
  TooManyRequests: TooManyRequests.pipe(asProblemJson),
  InternalError: InternalError.pipe(asProblemJson),
  Unavailable: Unavailable.pipe(asProblemJson)
}

/** Every problem, as every endpoint declares them: sent as `application/problem+json`. */
export const errors = [
  responses.BadRequest,
  responses.Unauthorized,
  responses.Forbidden,
  responses.NotFound,
  responses.Conflict,
  responses.Gone,
  responses.PreconditionFailed,
  responses.UnprocessableContent,
  responses.PreconditionRequired,
  responses.TooManyRequests,
  responses.InternalError,
  responses.Unavailable
] as const

type Extras = Partial<Pick<typeof BadRequest.Type, "issues" | "currentVersion" | "currentState" | "retryAfter" | "remainingTokens" | "resetsAt">>

const make = <E>(Class: new(fields: typeof BadRequest.Encoded & { _tag?: never }) => E, status: number, slug: string, title: string) =>
  (detail: string, extras: Extras = {}): E =>
    new Class({ type: `urn:strata:problem:${slug}`, title, status, detail, ...extras } as never)

export const Problem = {
  badRequest: make(BadRequest, 400, "bad-request", "Bad request"),
  unauthorized: make(Unauthorized, 401, "unauthorized", "Unauthorized"),
  forbidden: make(Forbidden, 403, "forbidden", "Forbidden"),
  notFound: make(NotFound, 404, "not-found", "Not found"),
  conflict: make(Conflict, 409, "conflict", "Conflict"),
  gone: make(Gone, 410, "gone", "Gone"),
  preconditionFailed: make(PreconditionFailed, 412, "precondition-failed", "Precondition failed"),
  unprocessableContent: make(UnprocessableContent, 422, "idempotency-key-reused", "Idempotency-Key reused"),
  preconditionRequired: make(PreconditionRequired, 428, "precondition-required", "Precondition required"),
  tooManyRequests: make(TooManyRequests, 429, "quota-exceeded", "Quota exceeded"),
  internal: make(InternalError, 500, "internal", "Internal error"),
  unavailable: make(Unavailable, 503, "unavailable", "Service unavailable")
}


/** The members of a problem as they go on the wire: what the class holds, without its tag. */
export const problemJson = (problem: typeof BadRequest.Type | { readonly status: number; readonly [member: string]: unknown }) => {
  const { _tag, ...members } = problem as { _tag?: unknown; [member: string]: unknown }
  void _tag
  return members as { readonly status: number; readonly retryAfter?: unknown; readonly [member: string]: unknown }
}

/**
 * The headers a problem goes out with, on every door (HttpApi's, the native routes', the
 * front door's): its media type, and `Retry-After` where it says when to try again.
 */
export const problemHeaders = (body: { readonly retryAfter?: unknown }): Record<string, string> =>
  typeof body.retryAfter === "number"
    ? { "content-type": "application/problem+json", "retry-after": String(body.retryAfter) }
    : { "content-type": "application/problem+json" }

/** A problem that is not one of the application's: a status and what to say about it. */
export const problemOf = (status: number, slug: string, title: string, detail: string, extras: Extras = {}) => ({
  type: `urn:strata:problem:${slug}`,
  title,
  status,
  detail,
  ...extras
})

export const unreadableBody = problemOf(400, "bad-request", "Bad request", "the request body is not valid JSON")

/** Bodies past this size are refused with 413 before they are read. */
export const maxBodyBytes = 1024 * 1024

export const payloadTooLarge = problemOf(413, "payload-too-large", "Payload too large", `bodies are limited to ${maxBodyBytes} bytes`)

/** A request line and headers past this size are refused with 431. */
export const maxHeaderBytes = 16 * 1024

export const headersTooLarge = problemOf(
  431,
  "headers-too-large",
  "Request header fields too large",
  `the request line and headers are limited to ${maxHeaderBytes} bytes`
)

/** While the server starts or stops: nothing was done, the request may be sent again. */
export const unavailableNow = problemOf(503, "unavailable", "Service unavailable", "strata is starting or stopping", { retryAfter: 1 })
