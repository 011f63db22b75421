import { Effect, Result, Schema, SchemaIssue } from "effect"
import { Headers, HttpMethod, HttpServerRequest, HttpServerResponse } from "effect/http"
import { HttpApiMiddleware } from "effect/http-api"
import { problemOf, responses, unreadableBody } from "./Problem.ts"

/**
 * Input strata will not read, told apart before it reaches a handler, so that it is the
 * client's 4xx and never a failure of ours: bodies nested too deeply, bodies declared as
 * something other than JSON, and complaints that would quote a large body back.
 */

/**
 * Deeper bodies are refused before they are parsed. No endpoint takes more than a few
 * levels; at thousands, Effect's formatting of a schema's complaint about the value
 * (`actual …`) recurses past the stack.
 */
export const maxDepth = 32

export const tooDeep = problemOf(400, "bad-request", "Bad request", `the request body nests deeper than ${maxDepth} levels`)

/** Whether the JSON text opens more than `maxDepth` arrays or objects at once (strings skipped). */
export const isTooDeep = (text: string): boolean => {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92) i++ // a backslash escapes the next character
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 91 || c === 123) {
      if (++depth > maxDepth) return true
    } else if (c === 93 || c === 125) depth--
  }
  return false
}

/** What a complaint may quote of the input: enough to recognise it, not the input itself. */
const maxQuoted = 200

const cap = (text: string) => (text.length > maxQuoted ? `${text.slice(0, maxQuoted)}… (${text.length} characters)` : text)

/**
 * The request fields that carry secrets (a token's values, a provider credential): a
 * complaint about one never quotes its value, whatever shape it came in.
 */
const secretFields = new Set(["accessToken", "refreshToken", "secret"])

/** Effect's messages end with the value they are about: `Expected string, got 5`. */
const unquoted = (message: string) => message.replace(/, (?:got|actual) [\s\S]*$/, "")

/**
 * A schema issue as an answer carries it: its message and the keys of its path capped;
 * about a secret field, or about the whole body (which may hold them), without the value.
 */
export const cappedIssue = ({ message, path }: { readonly message: string; readonly path: ReadonlyArray<unknown> }) => ({
  path: path.map((segment) => (typeof segment === "number" ? segment : cap(String(segment)))),
  message: cap(path.length === 0 || path.some((segment) => secretFields.has(String(segment))) ? unquoted(message) : message)
})

const formatIssues = SchemaIssue.makeFormatterStandardSchemaV1()

/** What a Schema found wrong with a request, as a 400 answers it: every issue, capped. */
export const invalid = (error: Schema.SchemaError) =>
  problemOf(400, "bad-request", "Bad request", "the request does not match the schema", {
    issues: formatIssues(error.issue).issues.map((issue) =>
      cappedIssue({
        message: issue.message,
        path: (issue.path ?? []).map((segment) => (typeof segment === "object" && segment !== null ? segment.key : segment))
      })
    )
  })

const problemResponse = (problem: ReturnType<typeof problemOf>) =>
  HttpServerResponse.jsonUnsafe(problem, { status: problem.status, contentType: "application/problem+json" })

/** HttpApi finds an endpoint's payload by this media type exactly (`+json` types included). */
const isPlainJson = (contentType: string) => contentType.split(";")[0]!.trim().toLowerCase() === "application/json"

/**
 * Every body is read as JSON, whatever its declared type, as the native routes read it:
 * HttpApi would otherwise parse a multipart or form body by its `Content-Type` — and
 * die on a malformed or missing one. A body that is not JSON is then the 400 any
 * unreadable body is. Reading the text here caches it for the endpoint's own decoding.
 */
export const readAsJson = <E, R>(
  app: Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
): Effect.Effect<HttpServerResponse.HttpServerResponse, E, R | HttpServerRequest.HttpServerRequest> =>
  Effect.flatMap(HttpServerRequest.HttpServerRequest, (received) => {
    if (!HttpMethod.hasBody(received.method)) return app
    const contentType = received.headers["content-type"]
    const request = contentType === undefined || isPlainJson(contentType)
      ? received
      : received.modify({ headers: Headers.set(received.headers, "content-type", "application/json") })
    return Effect.flatMap(Effect.result(request.text), (text) =>
      Result.isSuccess(text) && isTooDeep(text.success)
        ? Effect.succeed(problemResponse(tooDeep))
        : Effect.provideService(app, HttpServerRequest.HttpServerRequest, request))
  })

/**
 * Requests that do not match their endpoint's Schemas, answered as strata answers them
 * (HttpApi would send an empty 400): a body that is not JSON (or none where one is
 * expected) is the unreadable body it is; anything else lists the issues. An answer that
 * does not match its own Schema is a failure of ours, left to be the 500 it is.
 */
export class SchemaProblems extends HttpApiMiddleware.Service<SchemaProblems>()("strata/http/SchemaProblems", {
  error: responses.BadRequest
}) {}

const isJsonText = (text: string) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

export const schemaProblemsLayer = HttpApiMiddleware.layerSchemaErrorTransform(SchemaProblems, (error) => {
  if (error.kind === "Body" || error.kind === "ResponseHeaders") return Effect.fail(error)
  if (error.kind !== "Payload") return Effect.succeed(problemResponse(invalid(error.cause)))
  return Effect.flatMap(Effect.service(HttpServerRequest.HttpServerRequest), (request) =>
    Effect.map(Effect.orElseSucceed(request.text, () => ""), (text) =>
      problemResponse(isJsonText(text) ? invalid(error.cause) : unreadableBody)))
})
