import { createHash } from "node:crypto"
import { Effect, Result, Schema, SchemaIssue } from "effect"
import * as ApiKey from "../../domain/ApiKey.ts"
import * as Token from "../../domain/Token.ts"
import { streamOf } from "../eventsourcing/Aggregate.ts"
import { ApiKeyAggregate, hashSecret } from "../features/ApiKeys.ts"
import { EventStore, type EventMetadata, type EventStoreService, ExpectedVersion } from "../ports/EventStore.ts"
import { Secrets } from "../ports/Secrets.ts"
import { TokenAggregate } from "../features/Tokens.ts"
import { LegacyInstant } from "./LegacyTime.ts"

/**
 * Bringing existing data in, as events: seed 000's tokens (a `tokens.json`, or the
 * `tokens` table) and seed 004's API keys with their usage windows (the file store, or the
 * `api_keys` and `usage_windows` tables). Every record is validated first; a record whose
 * stream exists already is skipped, so running the same import twice imports nothing new.
 */

/** seed 000: `@twurple/auth`'s AccessToken, as `tokens.json` holds it (scopes as `scope`). */
export const LegacyToken = Schema.Struct({
  accessToken: Schema.NonEmptyString,
  refreshToken: Schema.NonEmptyString,
  expiresIn: Schema.NullOr(Schema.Number.check(Schema.isGreaterThanOrEqualTo(0))).pipe(Schema.withDecodingDefault(Effect.succeed(null))),
  obtainmentTimestamp: LegacyInstant,
  scope: Schema.Array(Schema.String).pipe(Schema.withDecodingDefault(Effect.succeed([])))
})

const Tokens = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))

/**
 * seed 004: an API key with its usage windows, from the file store or the two tables. The
 * old service deleted windows older than 5 hours, so its lifetime total is usually more than
 * the windows hold — never less.
 */
export const LegacyApiKey = Schema.Struct({
  key: Schema.NonEmptyString,
  name: Schema.NonEmptyString,
  model: Schema.NullOr(Schema.String).pipe(Schema.withDecodingDefault(Effect.succeed(null))),
  token_limit_per_5h: Schema.Int.check(Schema.isGreaterThan(0)),
  expiry_date: Schema.NullOr(LegacyInstant).pipe(Schema.withDecodingDefault(Effect.succeed(null))),
  created_at: LegacyInstant,
  last_used: Schema.NullOr(LegacyInstant).pipe(Schema.withDecodingDefault(Effect.succeed(null))),
  total_lifetime_tokens: Schema.NullOr(Tokens).pipe(Schema.withDecodingDefault(Effect.succeed(null))),
  usage_windows: Schema.Array(Schema.Struct({ window_start: LegacyInstant, tokens_used: Tokens })).pipe(
    Schema.withDecodingDefault(Effect.succeed([]))
  )
}).check(Schema.makeFilter((key) => {
  const inWindows = key.usage_windows.reduce((sum, window) => sum + window.tokens_used, 0)
  return key.total_lifetime_tokens === null || key.total_lifetime_tokens >= inWindows
    ? undefined
    : { path: ["total_lifetime_tokens"], issue: `${key.total_lifetime_tokens} is less than its usage windows hold (${inWindows})` }
}))

export interface Invalid {
  readonly record: string
  readonly reason: string
}

export interface Parsed<A> {
  readonly valid: ReadonlyArray<{ readonly record: string; readonly value: A }>
  readonly invalid: ReadonlyArray<Invalid>
}

// A missing field reads "is missing", as operators have seen it reported until now.
const formatIssue = SchemaIssue.makeFormatterStandardSchemaV1({
  leafHook: (issue) => (issue._tag === "MissingKey" ? "is missing" : SchemaIssue.defaultLeafHook(issue))
})

const describe = (error: Schema.SchemaError) =>
  formatIssue(error.issue).issues
    .map((issue) => `${(issue.path ?? []).map((key) => String(typeof key === "object" ? key.key : key)).join(".") || "record"}: ${issue.message}`)
    .join("; ")

/** One record at a time, for sources too large to hold: the value, or why it is invalid. */
export const validator = <A>(schema: Schema.Codec<A, unknown>) => {
  const decode = Schema.decodeUnknownResult(schema)
  return (raw: unknown): Result.Result<A, string> => Result.mapError(decode(raw), describe)
}

/** Validates each record on its own: one bad record does not hide the others. */
export const validate = <A>(schema: Schema.Codec<A, unknown>, records: ReadonlyArray<{ readonly record: string; readonly raw: unknown }>): Parsed<A> => {
  const check = validator(schema)
  const valid: Array<{ record: string; value: A }> = []
  const invalid: Array<Invalid> = []
  for (const { raw, record } of records) {
    Result.match(check(raw), {
      onFailure: (reason) => invalid.push({ record, reason }),
      onSuccess: (value) => valid.push({ record, value })
    })
  }
  return { valid, invalid }
}

/**
 * seed 004's tables keep usage windows apart from their keys: each window joins its key by
 * `api_key`. Foreign keys were not enforced, so a window may name a key that is not there;
 * it is reported like any invalid record rather than dropped (never with the key string,
 * which was the key's secret).
 */
export const joinUsageWindows = (
  keys: ReadonlyArray<{ readonly record: string; readonly raw: unknown }>,
  windows: ReadonlyArray<{ readonly record: string; readonly raw: unknown }>
) => {
  const windowsOf = new Map<unknown, Array<{ readonly window_start: unknown; readonly tokens_used: unknown }>>()
  for (const { raw } of keys) windowsOf.set((raw as { key?: unknown } | null)?.key, [])
  const dangling: Array<Invalid> = []
  for (const { raw, record } of windows) {
    const { api_key, tokens_used, window_start } = raw as { api_key?: unknown; window_start?: unknown; tokens_used?: unknown }
    const own = api_key === undefined || api_key === null ? undefined : windowsOf.get(api_key)
    if (own) own.push({ window_start, tokens_used })
    else dangling.push({ record, reason: "api_key: no such key in api_keys" })
  }
  return {
    keys: keys.map(({ raw, record }) => ({
      record,
      raw: { ...(raw as object), usage_windows: windowsOf.get((raw as { key?: unknown } | null)?.key) ?? [] }
    })),
    dangling
  }
}

/** Event ids derived from the source record: a repeated import proposes the very same events. */
export const derivedId = (...parts: Array<string>) => {
  const hex = createHash("sha256").update(parts.join("\u0000")).digest("hex")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

export interface Outcome {
  readonly imported: number
  readonly alreadyPresent: number
}

export const appendOnce = (streamId: string, events: Parameters<EventStoreService["append"]>[1]) =>
  Effect.gen(function*() {
    const store = yield* EventStore
    if ((yield* store.streamVersion(streamId)) > 0) return false
    yield* store.append(streamId, events, ExpectedVersion.noStream)
    return true
  })

export const importTokens = (owner: string, tokens: ReadonlyArray<{ readonly record: string; readonly value: typeof LegacyToken.Type }>, metadata?: EventMetadata) =>
  Effect.gen(function*() {
    const secrets = yield* Secrets
    let imported = 0
    for (const { record: name, value } of tokens) {
      const streamId = streamOf(TokenAggregate, `${encodeURIComponent(owner)}:${encodeURIComponent(name)}`)
      if ((yield* Effect.flatMap(EventStore, (store) => store.streamVersion(streamId))) > 0) continue
      const event = Token.TokenSaved.make({
        name,
        owner,
        accessToken: yield* secrets.seal(owner, value.accessToken),
        refreshToken: yield* secrets.seal(owner, value.refreshToken),
        expiresIn: value.expiresIn,
        obtainmentTimestamp: value.obtainmentTimestamp,
        scopes: value.scope
      })
      const { _tag, ...data } = yield* Schema.encodeEffect(Token.TokenEvent)(event)
      const appended = yield* appendOnce(streamId, [{
        eventId: derivedId("token", owner, name),
        type: _tag,
        schemaVersion: 2,
        data,
        ...(metadata ? { metadata } : {})
      }])
      if (appended) imported++
    }
    return { imported, alreadyPresent: tokens.length - imported } satisfies Outcome
  })

export const importApiKeys = (owner: string, keys: ReadonlyArray<{ readonly record: string; readonly value: typeof LegacyApiKey.Type }>, metadata?: EventMetadata) =>
  Effect.gen(function*() {
    let imported = 0
    for (const { value } of keys) {
      const secretHash = yield* hashSecret(value.key)
      // The legacy key string is the secret clients hold: only its hash is kept, and the id derives from it.
      const keyId = derivedId("api-key", secretHash)
      const created = ApiKey.ApiKeyCreated.make({
        keyId,
        owner,
        name: value.name,
        model: value.model,
        tokenLimitPer5h: value.token_limit_per_5h,
        expiresAt: value.expiry_date,
        secretHash,
        createdAt: value.created_at
      })
      const windows = [...value.usage_windows].sort((a, b) => a.window_start - b.window_start)
      const usage = windows.map((window) => ApiKey.UsageRecorded.make({ tokens: window.tokens_used, at: window.window_start, windowStart: window.window_start }))
      // The lifetime and last use as the old service showed them; where it kept none, what its windows tell.
      const carried = ApiKey.UsageCarriedOver.make({
        lifetimeTokens: value.total_lifetime_tokens ?? windows.reduce((sum, window) => sum + window.tokens_used, 0),
        lastUsed: value.last_used ?? windows.at(-1)?.window_start ?? null
      })
      const events = yield* Effect.forEach([created, ...usage, carried], (event, index) =>
        Effect.map(Schema.encodeEffect(ApiKey.ApiKeyEvent)(event), ({ _tag, ...data }) => ({
          eventId: derivedId("api-key-event", secretHash, String(index)),
          type: _tag,
          data,
          ...(metadata ? { metadata } : {})
        })))
      if (yield* appendOnce(streamOf(ApiKeyAggregate, keyId), events)) imported++
    }
    return { imported, alreadyPresent: keys.length - imported } satisfies Outcome
  })
