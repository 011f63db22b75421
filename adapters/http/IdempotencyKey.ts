import { createHash, createHmac } from "node:crypto"
import { Redacted } from "effect"
import type { Idempotency } from "../../application/eventsourcing/Idempotency.ts"
import { problemOf } from "./Problem.ts"

/**
 * `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header) on the write endpoints:
 * what the request carries is read here — the key, checked, and the request's
 * fingerprint — and becomes the application's `Idempotency` once the caller is known.
 * Requests without the header are untouched.
 */

export const header = "idempotency-key"

/** Long enough for any UUID or ULID a client makes, with room to spare. */
export const maxKeyLength = 255

/** What a request under a key carries until its caller is known. */
export interface RequestKey {
  readonly key: string
  readonly fingerprint: string
  /** The bearer token, the caller's own secret: what derived secrets are made from. */
  readonly credential: string
}

const writeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"])

/** Whether a request to this path with this method may carry a key (the API's writes). */
export const applies = (method: string, path: string) => writeMethods.has(method) && path.startsWith("/v1/")

export const malformed = (detail: string) =>
  problemOf(400, "bad-request", "Bad request", `Idempotency-Key ${detail}`)

/**
 * The key as sent: a string of 1 to 255 printable ASCII characters, bare or as the
 * draft's structured-field string (`"…"`). Anything else is the client's 400.
 */
export const parse = (value: string): { readonly key: string } | { readonly problem: ReturnType<typeof malformed> } => {
  const quoted = /^"(.*)"$/s.exec(value)
  const key = quoted === null ? value : quoted[1]!
  if (key.trim() === "") return { problem: malformed("must not be empty") }
  if (key.length > maxKeyLength) return { problem: malformed(`must be at most ${maxKeyLength} characters (got ${key.length})`) }
  if (!/^[\x20-\x7e]+$/.test(key)) return { problem: malformed("must be printable ASCII characters") }
  return { key }
}

/** JSON with its keys in order, so that two spellings of one body compare equal. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`
  if (typeof value === "object" && value !== null) {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(",")}}`
  }
  return JSON.stringify(value)
}

const canonicalBody = (text: string) => {
  if (text.trim() === "") return ""
  try {
    return canonical(JSON.parse(text))
  } catch {
    return text
  }
}

/**
 * What was asked: the method, the path with its query, the version it was conditional on
 * and the body (canonical JSON). The same key with another fingerprint is another request.
 */
export const fingerprint = (method: string, pathAndQuery: string, ifMatch: string | undefined, body: string) =>
  createHash("sha256").update(JSON.stringify([method, pathAndQuery, ifMatch ?? null, canonicalBody(body)])).digest("hex")

/**
 * The application's `Idempotency` for the caller: the key's scope is the caller's (an API
 * key — its owner and id — or the admin acting for an owner), so one client's keys never
 * meet another's.
 */
export const forCaller = (request: RequestKey, caller: string): Idempotency => {
  const scope = createHash("sha256").update(`${caller}\n${request.key}`).digest("hex")
  return {
    scope,
    fingerprint: request.fingerprint,
    secret: Redacted.make(createHmac("sha256", request.credential).update(scope).digest("hex"))
  }
}
