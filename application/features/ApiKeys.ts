import { createHash } from "node:crypto"
import { Clock, Effect, Exit, Option, Redacted, Result, Schema } from "effect"
import * as ApiKey from "../../domain/ApiKey.ts"
import { untagged } from "../../domain/Tagged.ts"
import * as Aggregate from "../eventsourcing/Aggregate.ts"
import * as ApiKeyCache from "../ports/ApiKeyCache.ts"
import * as Batching from "../eventsourcing/Batching.ts"
import type { AppendError, EventStore, EventStoreService } from "../ports/EventStore.ts"
import * as Idempotency from "../eventsourcing/Idempotency.ts"
import * as Paging from "../eventsourcing/Paging.ts"
import type { CommandMetadata, IdempotencyKeyReused } from "../eventsourcing/Idempotency.ts"
import type { SnapshotStore } from "../ports/SnapshotStore.ts"
import * as StateCache from "../ports/StateCache.ts"
import { Projection } from "../eventsourcing/Projection.ts"
import { ReadModels } from "../ports/ReadModels.ts"
import { foldableEvents } from "../retention/Retention.ts"

/**
 * API keys and their usage quotas. Recording usage is the hot path of a gateway: it
 * loads the key from its latest snapshot plus a bounded tail (never its whole history),
 * decides against the exact version it loaded, and appends one event.
 */

export const ApiKeyAggregate: Aggregate.Aggregate<ApiKey.ApiKeyCommand, ApiKey.ApiKeyEvent, ApiKey.ApiKeyState, ApiKey.ApiKeyRefusal> = {
  category: "apikey",
  decider: ApiKey.decider,
  events: ApiKey.ApiKeyEvent,
  state: ApiKey.ApiKeyState,
  snapshotRevision: 1,
  snapshotEvery: 20
}

/** A key's usage folds away once old: `ApiKey.foldsAway`, `ApiKey.usageSummary`. */
export const usageRetention = foldableEvents(ApiKeyAggregate, { kind: "usage", foldsAway: ApiKey.foldsAway, summary: ApiKey.usageSummary })

/** Lookups by secret and listings by owner. Usage does not touch it: the hot path stays one statement. */
const KeyDocument = Schema.Struct({
  keyId: Schema.String,
  owner: Schema.String,
  name: Schema.String,
  model: Schema.NullOr(Schema.String),
  tokenLimitPer5h: Schema.Number,
  expiresAt: Schema.NullOr(Schema.Number),
  createdAt: Schema.Number,
  secretHash: Schema.String
})
type KeyDocument = typeof KeyDocument.Type

const keyDoc = (keyId: string) => `key:${keyId}`
const hashDoc = (hash: string) => `hash:${hash}`
const sortKey = (doc: KeyDocument) => `${new Date(doc.createdAt).toISOString()}|${doc.keyId}`

/** What authenticating a secret needs: whose key it is, and until when it opens anything. */
const hashDocument = (doc: KeyDocument): ApiKeyCache.CachedKey => ({ keyId: doc.keyId, owner: doc.owner, expiresAt: doc.expiresAt })

export const projection = Projection.make({
  name: "api-keys",
  // 2: the secret's document carries the key's expiry.
  version: 2,
  eventTypes: ["ApiKeyCreated", "ApiKeyUpdated", "ApiKeyDeleted"],
  reads: (event) => [keyDoc(event.streamId.slice(`${ApiKeyAggregate.category}-`.length))],
  apply: (event, documents) =>
    Effect.gen(function*() {
      const decoded = yield* Aggregate.decodeEvent(ApiKeyAggregate, event)
      const keyId = event.streamId.slice(`${ApiKeyAggregate.category}-`.length)
      const current = Option.map(yield* documents.get(keyDoc(keyId)), (doc) => doc as KeyDocument)
      switch (decoded._tag) {
        case "ApiKeyCreated": {
          const doc: KeyDocument = {
            keyId: decoded.keyId,
            owner: decoded.owner,
            name: decoded.name,
            model: decoded.model,
            tokenLimitPer5h: decoded.tokenLimitPer5h,
            expiresAt: decoded.expiresAt,
            createdAt: decoded.createdAt,
            secretHash: decoded.secretHash
          }
          yield* documents.put(keyDoc(keyId), doc, { partition: doc.owner, sort: sortKey(doc) })
          return yield* documents.put(hashDoc(doc.secretHash), hashDocument(doc))
        }
        case "ApiKeyUpdated": {
          if (Option.isNone(current)) return
          const doc: KeyDocument = { ...current.value, ...untagged(decoded) }
          yield* documents.put(keyDoc(keyId), doc, { partition: doc.owner, sort: sortKey(doc) })
          if (decoded.expiresAt === undefined) return
          return yield* documents.put(hashDoc(doc.secretHash), hashDocument(doc))
        }
        case "ApiKeyDeleted": {
          if (Option.isNone(current)) return
          yield* documents.delete(hashDoc(current.value.secretHash))
          return yield* documents.delete(keyDoc(keyId))
        }
        case "UsageRecorded":
        case "UsageCarriedOver":
        case "UsageFolded":
          return
      }
    })
})

/**
 * `sk_` and 256 random bits: only its SHA-256 is ever stored, and looked up by. Under an
 * idempotency key, the bits come from the caller's secret material for that key instead,
 * so that a resend is answered with the secret the original was (nothing else could give
 * it back: the log holds only its hash).
 */
const newSecret = (metadata: CommandMetadata | undefined) => {
  const bits = metadata?.idempotency === undefined
    ? crypto.getRandomValues(new Uint8Array(32))
    : createHash("sha256").update(`${Redacted.value(metadata.idempotency.secret)}\napi-key-secret`).digest()
  return `sk_${Buffer.from(bits).toString("base64url")}`
}

/** Synchronous on purpose: it runs on every request an API key authenticates. */
const digest = (secret: string) => createHash("sha256").update(secret).digest("hex")

export const hashSecret = (secret: string) => Effect.sync(() => digest(secret))

export const CreateInput = Schema.Struct({
  name: Schema.String,
  model: Schema.NullOr(Schema.String).pipe(Schema.withDecodingDefault(Effect.succeed(null))),
  tokenLimitPer5h: Schema.Number,
  /** Milliseconds since the epoch; null or absent: never expires. */
  expiresAt: Schema.NullOr(Schema.Number).pipe(Schema.withDecodingDefault(Effect.succeed(null)))
})
export type CreateInput = typeof CreateInput.Type

export interface KeyView {
  readonly keyId: string
  readonly name: string
  readonly model: string | null
  readonly tokenLimitPer5h: number
  readonly expiresAt: number | null
  readonly createdAt: number
}

const view = (doc: KeyDocument): KeyView => ({
  keyId: doc.keyId,
  name: doc.name,
  model: doc.model,
  tokenLimitPer5h: doc.tokenLimitPer5h,
  expiresAt: doc.expiresAt,
  createdAt: doc.createdAt
})


/**
 * Creates a key. The secret is in the answer and nowhere else, ever. `by`: who asks — the
 * admin (and operators, importers, embedders: whoever holds the store) or an owner through
 * one of their keys, which may not (see `ApiKey.Authority`).
 */
export const create = (owner: string, input: CreateInput, metadata?: CommandMetadata, by: ApiKey.Authority = "admin") =>
  Effect.gen(function*() {
    const keyId = yield* Idempotency.newId(metadata, "api-key")
    const secret = newSecret(metadata)
    const command = ApiKey.CreateApiKey.make({
      keyId,
      owner,
      name: input.name,
      model: input.model,
      tokenLimitPer5h: input.tokenLimitPer5h,
      expiresAt: input.expiresAt,
      secretHash: yield* hashSecret(secret),
      at: yield* Clock.currentTimeMillis,
      by
    })
    const handled = yield* Aggregate.handle(ApiKeyAggregate, keyId, command, { metadata })
    const state = handled.state as ApiKey.ActiveKey
    return { ...view({ ...state }), secret: Redacted.make(secret), version: handled.version }
  })

const document = (owner: string, keyId: string) =>
  Effect.gen(function*() {
    const found = yield* (yield* ReadModels).get(projection.name, keyDoc(keyId))
    // Another owner's key answers exactly like a missing one.
    if (Option.isNone(found) || (found.value as KeyDocument).owner !== owner) {
      return yield* new ApiKey.ApiKeyNotFound({ keyId })
    }
    return found.value as KeyDocument
  })

export const get = (owner: string, keyId: string) => Effect.map(document(owner, keyId), view)

/** The owner's keys, oldest first, a page at a time (see `Paging`). */
export const list = (owner: string, request: Paging.PageRequest = {}) =>
  Effect.map(Paging.documents(projection.name, owner, request), (page) => Paging.map(page, ({ doc }) => view(doc as KeyDocument)))

export const UpdateInput = Schema.Struct({
  name: Schema.optional(Schema.String),
  model: Schema.optional(Schema.NullOr(Schema.String)),
  tokenLimitPer5h: Schema.optional(Schema.Number),
  expiresAt: Schema.optional(Schema.NullOr(Schema.Number))
})
export type UpdateInput = typeof UpdateInput.Type

/** Changes a key; an owner's key may only narrow it (see `ApiKey.Authority`). */
export const update = (
  owner: string,
  keyId: string,
  changes: UpdateInput,
  expectedVersion?: number,
  metadata?: CommandMetadata,
  by: ApiKey.Authority = "admin"
) =>
  Effect.gen(function*() {
    const handled = yield* Aggregate.handle(ApiKeyAggregate, keyId, ApiKey.UpdateApiKey.make({ keyId, by, ...changes }), {
      ...(expectedVersion === undefined ? { retries: 5 } : { expectedVersion }),
      metadata,
      guard: document(owner, keyId)
    }).pipe(forgetting(keyId))
    return { ...view(handled.state as ApiKey.ActiveKey), version: handled.version }
  })

/** Deletes the key; its usage goes with it (nothing reads it any more). */
export const remove = (owner: string, keyId: string, metadata?: CommandMetadata) =>
  Aggregate.handle(ApiKeyAggregate, keyId, ApiKey.DeleteApiKey.make({ keyId }), {
    retries: 5,
    metadata,
    guard: document(owner, keyId)
  }).pipe(forgetting(keyId), Effect.asVoid)

export interface KeyStats extends KeyView {
  readonly isExpired: boolean
  readonly currentUsage: number
  readonly remainingTokens: number
  readonly lifetimeTokens: number
  readonly lastUsed: number | null
  /** Newest first. */
  readonly windows: ReadonlyArray<{ readonly start: number; readonly end: number; readonly tokens: number }>
  readonly version: number
}

const statsOf = (key: ApiKey.ActiveKey, version: number, now: number): KeyStats => ({
  ...view(key),
  isExpired: ApiKey.isExpired(key, now),
  currentUsage: ApiKey.currentUsage(key, now),
  remainingTokens: ApiKey.remainingTokens(key, now),
  lifetimeTokens: key.lifetimeTokens,
  lastUsed: key.lastUsed,
  windows: key.windows.map((window) => ({ ...window, end: window.start + ApiKey.windowMs })),
  version
})

export const stats = (owner: string, keyId: string) =>
  Effect.gen(function*() {
    const loaded = yield* Aggregate.load(ApiKeyAggregate, keyId)
    if (loaded.state._tag !== "Active" || loaded.state.owner !== owner) return yield* new ApiKey.ApiKeyNotFound({ keyId })
    return statsOf(loaded.state, loaded.version, yield* Clock.currentTimeMillis)
  })

/** The key cache of a store (see `ApiKeyCache`): who a key is changes with these events only. */
export const keyCache = (store: EventStoreService) =>
  ApiKeyCache.make(store, {
    changes: ["ApiKeyUpdated", "ApiKeyDeleted"],
    keyOf: (streamId) => streamId.slice(`${ApiKeyAggregate.category}-`.length),
    capacity: keyCacheCapacity
  })

/** Keys whose owner this process keeps; a gateway's working set, and a few MiB at most. */
const keyCacheCapacity = 50_000

/** A key opens nothing from its expiry on: the same rule as usage's (`ApiKey.isExpired`). */
const expiredAt = (key: ApiKeyCache.CachedKey, now: number) =>
  key.expiresAt !== null && now >= key.expiresAt ? key.expiresAt : undefined

/**
 * The key a secret belongs to; an unknown secret is `ApiKeyNotFound`, like a deleted key,
 * and an expired one `ApiKeyExpired`. Answered from the process's key cache while it is
 * fresh (see `ApiKeyCache`).
 */
export const authenticate = (secret: Redacted.Redacted<string>) => {
  const hash = digest(Redacted.value(secret))
  return Effect.flatMap(ApiKeyCache.ApiKeyCache, (cache) =>
    Effect.flatMap(
      cache.lookup(
        hash,
        Effect.flatMap(ReadModels, (readModels) =>
          Effect.map(readModels.get(projection.name, hashDoc(hash)), (found) => found as Option.Option<ApiKeyCache.CachedKey>))
      ),
      (found) =>
        Effect.flatMap(Clock.currentTimeMillis, (now): Effect.Effect<ApiKeyCache.CachedKey, ApiKey.ApiKeyNotFound | ApiKey.ApiKeyExpired> => {
          if (Option.isNone(found)) return Effect.fail(new ApiKey.ApiKeyNotFound({ keyId: "" }))
          const expired = expiredAt(found.value, now)
          return expired === undefined
            ? Effect.succeed(found.value)
            : Effect.fail(new ApiKey.ApiKeyExpired({ keyId: found.value.keyId, expiredAt: expired }))
        })
    ))
}

/**
 * The key a secret belongs to when the process's key cache holds it fresh at `now` (see
 * `ApiKeyCache.peek`), in the calling turn; `undefined`: `authenticate` answers.
 */
export const peek = (cache: ApiKeyCache.ApiKeyCacheService, secret: Redacted.Redacted<string>, now: number) => {
  const key = cache.peek(digest(Redacted.value(secret)), now)
  return key === undefined || expiredAt(key, now) !== undefined ? undefined : key
}

/** After this process changed a key, its cache must not answer with the key as it was. */
const forgetting = (keyId: string) => <A, E, R>(change: Effect.Effect<A, E, R>) =>
  Effect.flatMap(ApiKeyCache.ApiKeyCache, (cache) => Effect.tap(change, () => Effect.sync(() => cache.forget(keyId))))

export interface UsageOptions {
  /** Refuse usage past the limit (`QuotaExceeded`); off, usage is only counted. */
  readonly enforceQuota: boolean
  readonly metadata?: CommandMetadata
}

interface Usage {
  readonly command: typeof ApiKey.RecordUsage.Type
  readonly metadata?: CommandMetadata
}

/**
 * The usage of one key in this process is batched: commands that arrive while the last
 * ones are being written are decided in turn, on one load, and appended as one write.
 * They could only have taken turns anyway (each decides on the state the one before it
 * left); this way a busy key costs one append per batch instead of one per request.
 * Across processes the version check still decides. One set of batches per store: a
 * batch runs on the store of the request that started it.
 */
const usageBatches = new WeakMap<StateCache.StateCacheService, Map<string, (usage: Usage) => Effect.Effect<KeyStats, ApiKey.ApiKeyRefusal | IdempotencyKeyReused | AppendError, EventStore | SnapshotStore | StateCache.StateCache>>>()

/** When the usage was recorded: a resend is answered as of its original. */
const usedAt = (handled: Aggregate.Handled<ApiKey.ApiKeyEvent, ApiKey.ApiKeyState>, usage: Usage) => {
  const recorded = handled.replayed === undefined ? undefined : handled.events.find((event) => event._tag === "UsageRecorded")
  return recorded?._tag === "UsageRecorded" ? recorded.at : usage.command.at
}

/** Keys with a batcher per store; past this, the least recently started goes (a busy one finishes its work). */
const batchersKept = 10_000

const batchOf = (cache: StateCache.StateCacheService, keyId: string) => {
  let byKey = usageBatches.get(cache)
  if (byKey === undefined) usageBatches.set(cache, byKey = new Map())
  let submit = byKey.get(keyId)
  if (submit === undefined) {
    const together = (usages: ReadonlyArray<Usage>) =>
      Effect.map(
        Aggregate.handleAll(ApiKeyAggregate, keyId, usages, { retries: 20 }),
        (outcomes) =>
          outcomes.map((outcome, index) =>
            Result.isSuccess(outcome)
              ? Exit.succeed(statsOf(outcome.success.state as ApiKey.ActiveKey, outcome.success.version, usedAt(outcome.success, usages[index]!)))
              : Exit.fail(outcome.failure)
          )
      )
    submit = Batching.make({ alone: (usage: Usage) => Effect.flatMap(together([usage]), ([outcome]) => outcome!), together }, {
      maxBatch: 256,
      gather: true
    })
    byKey.set(keyId, submit)
    if (byKey.size > batchersKept) byKey.delete(byKey.keys().next().value!)
  }
  return submit
}

/** Records usage against a key and answers what is left of its quota. */
export const recordUsage = (keyId: string, tokens: number, options: UsageOptions) =>
  Effect.flatMap(Clock.currentTimeMillis, (at) =>
    Effect.flatMap(StateCache.StateCache, (cache) =>
      batchOf(cache, keyId)({
        command: ApiKey.RecordUsage.make({ keyId, tokens, at, enforceQuota: options.enforceQuota }),
        metadata: options.metadata
      })))
