import { Result, Schema } from "effect"
import type { Decider } from "./Decider.ts"
import { untagged } from "./Tagged.ts"

/**
 * API keys with a token quota per 5 hours (seed 004). Only the secret's hash is ever
 * recorded. Usage counts in windows: the first usage after a window has run out opens a
 * new one, and a window frees up 5 hours after it opened.
 */

export const windowMs = 5 * 60 * 60 * 1000
/** Closed windows kept for the stats; older ones are forgotten by the state, not the log. */
const windowsKept = 12

/**
 * A key's quota per window: a whole number the log can hold exactly (a safe integer).
 * The HTTP API validates with this same Schema, so that nothing it accepts is refused
 * by the event.
 */
export const TokenLimit = Schema.Int.check(Schema.isGreaterThan(0, { message: "the token limit must be a whole number > 0" }))
/** Tokens of one usage: a whole number ≥ 0 the log can hold exactly. */
export const UsageTokens = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0, { message: "tokens must be a whole number ≥ 0" }))
/** Milliseconds since the epoch. */
const Instant = Schema.Number

/** What a key is at creation, but for its limit (validated by `decide`, then by the event's schema). */
const KeyFields = {
  keyId: Schema.String,
  owner: Schema.String,
  name: Schema.String,
  model: Schema.NullOr(Schema.String),
  expiresAt: Schema.NullOr(Instant),
  /** SHA-256 of the secret: the secret itself is never recorded. */
  secretHash: Schema.String
}

/**
 * Who asks for a change to keys. Limits and expiry are the admin's decision (seed 004's
 * quota is the product): an owner, through one of their keys, may only narrow what a key
 * allows — never raise the tokens they may spend in a window, nor extend a key's life.
 */
export const Authority = Schema.Literals(["admin", "owner"])
export type Authority = typeof Authority.Type

// Commands

export const CreateApiKey = Schema.TaggedStruct("CreateApiKey", { ...KeyFields, tokenLimitPer5h: Schema.Number, at: Instant, by: Authority })
export const UpdateApiKey = Schema.TaggedStruct("UpdateApiKey", {
  keyId: Schema.String,
  by: Authority,
  name: Schema.optional(Schema.String),
  model: Schema.optional(Schema.NullOr(Schema.String)),
  tokenLimitPer5h: Schema.optional(Schema.Number),
  expiresAt: Schema.optional(Schema.NullOr(Instant))
})
export const DeleteApiKey = Schema.TaggedStruct("DeleteApiKey", { keyId: Schema.String })
export const RecordUsage = Schema.TaggedStruct("RecordUsage", {
  keyId: Schema.String,
  tokens: Schema.Number,
  at: Instant,
  /** Refuse a usage that would take the window past the limit. */
  enforceQuota: Schema.Boolean
})
export type ApiKeyCommand =
  | typeof CreateApiKey.Type
  | typeof UpdateApiKey.Type
  | typeof DeleteApiKey.Type
  | typeof RecordUsage.Type

// Events

export const ApiKeyCreated = Schema.TaggedStruct("ApiKeyCreated", { ...KeyFields, tokenLimitPer5h: TokenLimit, createdAt: Instant })
export const ApiKeyUpdated = Schema.TaggedStruct("ApiKeyUpdated", {
  name: Schema.optional(Schema.String),
  model: Schema.optional(Schema.NullOr(Schema.String)),
  tokenLimitPer5h: Schema.optional(TokenLimit),
  expiresAt: Schema.optional(Schema.NullOr(Instant))
})
export const ApiKeyDeleted = Schema.TaggedStruct("ApiKeyDeleted", {})
export const UsageRecorded = Schema.TaggedStruct("UsageRecorded", {
  tokens: Schema.Number,
  at: Instant,
  /** The window the usage counts in (decided, so that replay never re-decides it). */
  windowStart: Instant
})
/**
 * An imported key's use as its old service counted it, beyond the windows it kept (they
 * come before it as `UsageRecorded`): the lifetime total and the last use, as they stood.
 * Only an import records it; nothing strata decides does.
 */
export const UsageCarriedOver = Schema.TaggedStruct("UsageCarriedOver", {
  lifetimeTokens: UsageTokens,
  lastUsed: Schema.NullOr(Instant)
})
/**
 * A key's usage as it stood at this event's place in the stream, standing in for the usage
 * events compaction removed before it (see `foldsAway`): what the state keeps of usage —
 * the lifetime total, the last use, the windows the quota and the stats still show — as
 * absolute values, so that a state taken anywhere before it (a snapshot, a process's
 * cache) lands on the same state after it.
 */
export const UsageFolded = Schema.TaggedStruct("UsageFolded", {
  lifetimeTokens: Schema.Number,
  lastUsed: Schema.NullOr(Instant),
  windows: Schema.Array(Schema.Struct({ start: Instant, tokens: Schema.Number }))
})
export const ApiKeyEvent = Schema.Union([ApiKeyCreated, ApiKeyUpdated, ApiKeyDeleted, UsageRecorded, UsageCarriedOver, UsageFolded])
export type ApiKeyEvent = typeof ApiKeyEvent.Type

// State

export const UsageWindow = Schema.Struct({ start: Instant, tokens: Schema.Number })
export type UsageWindow = typeof UsageWindow.Type

export const ActiveKey = Schema.TaggedStruct("Active", {
  ...KeyFields,
  tokenLimitPer5h: Schema.Number,
  createdAt: Instant,
  lastUsed: Schema.NullOr(Instant),
  lifetimeTokens: Schema.Number,
  /** Newest first; the first may still be open. */
  windows: Schema.Array(UsageWindow)
})
export type ActiveKey = typeof ActiveKey.Type

export const ApiKeyState = Schema.Union([
  Schema.TaggedStruct("Absent", {}),
  ActiveKey,
  Schema.TaggedStruct("Deleted", { keyId: Schema.String })
])
export type ApiKeyState = typeof ApiKeyState.Type

// Errors

export class ApiKeyNotFound extends Schema.TaggedError<ApiKeyNotFound>()("ApiKeyNotFound", { keyId: Schema.String }) {
  override get message() {
    return `no API key ${this.keyId}`
  }
}

export class ApiKeyExists extends Schema.TaggedError<ApiKeyExists>()("ApiKeyExists", { keyId: Schema.String }) {
  override get message() {
    return `API key ${this.keyId} exists already`
  }
}

export class InvalidApiKey extends Schema.TaggedError<InvalidApiKey>()("InvalidApiKey", { reason: Schema.String }) {
  override get message() {
    return `invalid API key: ${this.reason}`
  }
}

export class ApiKeyExpired extends Schema.TaggedError<ApiKeyExpired>()("ApiKeyExpired", {
  keyId: Schema.String,
  expiredAt: Instant
}) {
  override get message() {
    return `API key ${this.keyId} expired at ${new Date(this.expiredAt).toISOString()}`
  }
}

export class QuotaExceeded extends Schema.TaggedError<QuotaExceeded>()("QuotaExceeded", {
  keyId: Schema.String,
  requested: Schema.Number,
  remainingTokens: Schema.Number,
  /** When the current window frees up (milliseconds since the epoch). */
  resetsAt: Instant
}) {
  override get message() {
    return `quota exceeded for API key ${this.keyId}: ${this.requested} tokens requested, ${this.remainingTokens} remaining until ${
      new Date(this.resetsAt).toISOString()
    }`
  }
}

/** An owner asked for what only the admin decides. */
export class KeyChangeForbidden extends Schema.TaggedError<KeyChangeForbidden>()("KeyChangeForbidden", {
  keyId: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `${this.reason}: limits and expiry are the admin's decision`
  }
}

export type ApiKeyRefusal = ApiKeyNotFound | ApiKeyExists | InvalidApiKey | ApiKeyExpired | QuotaExceeded | KeyChangeForbidden

// Rules

/** The window still counting at `at`, if any. */
export const openWindow = (key: ActiveKey, at: number): UsageWindow | undefined => {
  const latest = key.windows[0]
  return latest !== undefined && at < latest.start + windowMs ? latest : undefined
}

export const currentUsage = (key: ActiveKey, at: number) => openWindow(key, at)?.tokens ?? 0

export const remainingTokens = (key: ActiveKey, at: number) => Math.max(0, key.tokenLimitPer5h - currentUsage(key, at))

export const isExpired = (key: ActiveKey, at: number) => key.expiresAt !== null && at >= key.expiresAt

const isTokenLimit = Schema.is(TokenLimit)

const invalidFields = (fields: {
  readonly name?: string | undefined
  readonly tokenLimitPer5h?: number | undefined
  readonly expiresAt?: number | null | undefined
}) =>
  fields.name !== undefined && fields.name.trim() === ""
    ? "the name is empty"
    : fields.tokenLimitPer5h !== undefined && !isTokenLimit(fields.tokenLimitPer5h)
    ? "the token limit must be a whole number > 0"
    : fields.expiresAt !== undefined && fields.expiresAt !== null && !Number.isFinite(fields.expiresAt)
    ? "the expiry is not a time"
    : undefined

/** What an owner's change would widen, if anything: a higher limit, a later expiry or none at all. */
const widens = (key: ActiveKey, change: typeof UpdateApiKey.Type) =>
  change.tokenLimitPer5h !== undefined && change.tokenLimitPer5h > key.tokenLimitPer5h
    ? "an owner's key cannot raise a key's token limit"
    : change.expiresAt !== undefined && key.expiresAt !== null && (change.expiresAt === null || change.expiresAt > key.expiresAt)
    ? "an owner's key cannot extend a key's life"
    : undefined

export const decide = (command: ApiKeyCommand, state: ApiKeyState): Result.Result<ReadonlyArray<ApiKeyEvent>, ApiKeyRefusal> => {
  if (command._tag === "CreateApiKey") {
    // A new key is more to spend, whatever its limit.
    if (command.by === "owner") {
      return Result.fail(new KeyChangeForbidden({ keyId: command.keyId, reason: "an owner's key cannot create keys" }))
    }
    if (state._tag !== "Absent") return Result.fail(new ApiKeyExists({ keyId: command.keyId }))
    const invalid = invalidFields(command)
    if (invalid) return Result.fail(new InvalidApiKey({ reason: invalid }))
    const { at, keyId, model, name, owner, secretHash, tokenLimitPer5h, expiresAt } = command
    return Result.succeed([ApiKeyCreated.make({ keyId, owner, name, model, tokenLimitPer5h, expiresAt, secretHash, createdAt: at })])
  }
  if (state._tag !== "Active") return Result.fail(new ApiKeyNotFound({ keyId: command.keyId }))
  switch (command._tag) {
    case "UpdateApiKey": {
      const invalid = invalidFields(command)
      if (invalid) return Result.fail(new InvalidApiKey({ reason: invalid }))
      const widened = command.by === "owner" ? widens(state, command) : undefined
      if (widened) return Result.fail(new KeyChangeForbidden({ keyId: state.keyId, reason: widened }))
      const { expiresAt, model, name, tokenLimitPer5h } = command
      const changes = Object.fromEntries(
        Object.entries({ name, model, tokenLimitPer5h, expiresAt }).filter(([, value]) => value !== undefined)
      )
      return Result.succeed(Object.keys(changes).length === 0 ? [] : [ApiKeyUpdated.make(changes)])
    }
    case "DeleteApiKey":
      return Result.succeed([ApiKeyDeleted.make({})])
    case "RecordUsage": {
      const { at, enforceQuota, tokens } = command
      // `UsageTokens`, checked in plain code: this is the gateway's hot path.
      if (!(Number.isSafeInteger(tokens) && tokens >= 0)) {
        return Result.fail(new InvalidApiKey({ reason: "tokens must be a whole number ≥ 0" }))
      }
      if (isExpired(state, at)) return Result.fail(new ApiKeyExpired({ keyId: state.keyId, expiredAt: state.expiresAt! }))
      const window = openWindow(state, at)
      if (enforceQuota && (window?.tokens ?? 0) + tokens > state.tokenLimitPer5h) {
        return Result.fail(
          new QuotaExceeded({
            keyId: state.keyId,
            requested: tokens,
            remainingTokens: remainingTokens(state, at),
            resetsAt: (window?.start ?? at) + windowMs
          })
        )
      }
      return Result.succeed([UsageRecorded.make({ tokens, at, windowStart: window?.start ?? at })])
    }
  }
}

export const evolve = (state: ApiKeyState, event: ApiKeyEvent): ApiKeyState => {
  switch (event._tag) {
    case "ApiKeyCreated":
      return { _tag: "Active", ...untagged(event), lastUsed: null, lifetimeTokens: 0, windows: [] }
    case "ApiKeyUpdated":
      return state._tag === "Active" ? { ...state, ...untagged(event) } : state
    case "ApiKeyDeleted":
      return state._tag === "Active" ? { _tag: "Deleted", keyId: state.keyId } : state
    case "UsageRecorded": {
      if (state._tag !== "Active") return state
      const [latest, ...older] = state.windows
      const windows = latest !== undefined && latest.start === event.windowStart
        ? [{ start: latest.start, tokens: latest.tokens + event.tokens }, ...older]
        : [{ start: event.windowStart, tokens: event.tokens }, ...state.windows].slice(0, windowsKept)
      return {
        ...state,
        lastUsed: Math.max(state.lastUsed ?? event.at, event.at),
        lifetimeTokens: state.lifetimeTokens + event.tokens,
        windows
      }
    }
    case "UsageCarriedOver":
      return state._tag === "Active" ? { ...state, lifetimeTokens: event.lifetimeTokens, lastUsed: event.lastUsed } : state
    case "UsageFolded":
      return state._tag === "Active" ? { ...state, ...untagged(event) } : state
  }
}

// Retention

/**
 * Usage is what a key's stream grows by, and all the state keeps of it is a total, the
 * last use and the last windows: usage events — and the summaries of earlier foldings —
 * can leave the log once they are old, folded into one `UsageFolded` at the place of the
 * last of them. Everything else about a key (who made it, its limits, its end) stays.
 */
export const foldsAway = (type: string) => type === "UsageRecorded" || type === "UsageFolded"

/** What stands in for the usage folded away, given the key's state at the last of it. */
export const usageSummary = (state: ApiKeyState) =>
  UsageFolded.make(
    state._tag === "Active"
      ? { lifetimeTokens: state.lifetimeTokens, lastUsed: state.lastUsed, windows: state.windows }
      : { lifetimeTokens: 0, lastUsed: null, windows: [] }
  )

export const decider: Decider<ApiKeyCommand, ApiKeyEvent, ApiKeyState, ApiKeyRefusal> = {
  initialState: { _tag: "Absent" },
  decide,
  evolve
}
