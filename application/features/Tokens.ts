import { Effect, Option, Redacted, Schema } from "effect"
import { SealedSecret } from "../../domain/SealedSecret.ts"
import { untagged } from "../../domain/Tagged.ts"
import * as Token from "../../domain/Token.ts"
import * as Aggregate from "../eventsourcing/Aggregate.ts"
import type { RecordedEvent } from "../ports/EventStore.ts"
import type { CommandMetadata } from "../eventsourcing/Idempotency.ts"
import { Projection } from "../eventsourcing/Projection.ts"
import * as Paging from "../eventsourcing/Paging.ts"
import { ReadModels } from "../ports/ReadModels.ts"
import { Secrets } from "../ports/Secrets.ts"
import { foldableEvents } from "../retention/Retention.ts"

/** Named OAuth tokens per owner: save, refresh (conditional), delete, get, list, "has any". */

/**
 * Version 1 of `TokenSaved` and `TokenRefreshed` kept the scopes as one comma-separated
 * `scope` string, as seed 000's table did; version 2 keeps a list. Events already in the
 * log stay as they were written and are read through this upcaster.
 */
const upcast = (event: RecordedEvent): unknown => {
  if ((event.type !== "TokenSaved" && event.type !== "TokenRefreshed") || event.schemaVersion !== 1) return event.data
  const { scope, ...rest } = event.data as { readonly scope?: string }
  return { ...rest, scopes: (scope ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "") }
}

export const TokenAggregate: Aggregate.Aggregate<Token.TokenCommand, Token.TokenEvent, Token.TokenState, Token.TokenNotFound | Token.InvalidToken> = {
  category: "token",
  decider: Token.decider,
  events: Token.TokenEvent,
  state: Token.TokenState,
  snapshotRevision: 1,
  snapshotEvery: 100,
  schemaVersions: { TokenSaved: 2, TokenRefreshed: 2 },
  upcast
}

const tokenId = (owner: string, name: string) => `${encodeURIComponent(owner)}:${encodeURIComponent(name)}`

/** What a client hands over: the token values in clear, as `Redacted`. */
export const TokenInput = Schema.Struct({
  accessToken: Schema.Redacted(Schema.String),
  refreshToken: Schema.Redacted(Schema.String),
  expiresIn: Schema.NullOr(Schema.Number),
  obtainmentTimestamp: Schema.Number,
  scopes: Schema.Array(Schema.String)
})
export type TokenInput = typeof TokenInput.Type

/** The read model: values stay sealed until a `get` opens them for their owner. */
const TokenDocument = Schema.Struct({
  name: Schema.String,
  owner: Schema.String,
  accessToken: SealedSecret,
  refreshToken: SealedSecret,
  expiresIn: Schema.NullOr(Schema.Number),
  obtainmentTimestamp: Schema.Number,
  scopes: Schema.Array(Schema.String),
  updatedAt: Schema.String,
  version: Schema.Number
})
type TokenDocument = typeof TokenDocument.Type

/** Old refreshes fold into the last of them, when an operator asks (`Token.foldsAway`). */
export const refreshRetention = foldableEvents(TokenAggregate, { kind: "tokens", foldsAway: Token.foldsAway, summary: Token.refreshSummary })

export const projection = Projection.make({
  name: "tokens",
  version: 1,
  eventTypes: ["TokenSaved", "TokenRefreshed", "TokenDeleted"],
  reads: (event) => (event.type === "TokenRefreshed" ? [event.streamId] : []),
  apply: (event, documents) =>
    Effect.gen(function*() {
      const decoded = yield* Aggregate.decodeEvent(TokenAggregate, event)
      switch (decoded._tag) {
        case "TokenSaved": {
          const doc: TokenDocument = { ...untagged(decoded), updatedAt: event.recordedAt, version: event.version }
          return yield* documents.put(event.streamId, doc, { partition: decoded.owner, sort: decoded.name })
        }
        case "TokenRefreshed": {
          const current = yield* documents.get(event.streamId)
          if (Option.isNone(current)) return
          const previous = current.value as TokenDocument
          const doc: TokenDocument = { ...previous, ...untagged(decoded), updatedAt: event.recordedAt, version: event.version }
          return yield* documents.put(event.streamId, doc, { partition: previous.owner, sort: previous.name })
        }
        case "TokenDeleted":
          return yield* documents.delete(event.streamId)
      }
    })
})

export interface TokenView {
  readonly name: string
  readonly accessToken: Redacted.Redacted<string>
  readonly refreshToken: Redacted.Redacted<string>
  readonly expiresIn: number | null
  readonly obtainmentTimestamp: number
  readonly scopes: ReadonlyArray<string>
  readonly updatedAt: string
  /** The stream's version: what a conditional refresh names. */
  readonly version: number
}

const sealed = (owner: string, input: TokenInput) =>
  Effect.gen(function*() {
    const secrets = yield* Secrets
    return {
      accessToken: yield* secrets.seal(owner, Redacted.value(input.accessToken)),
      refreshToken: yield* secrets.seal(owner, Redacted.value(input.refreshToken)),
      expiresIn: input.expiresIn,
      obtainmentTimestamp: input.obtainmentTimestamp,
      scopes: input.scopes
    }
  })

/**
 * Creates or replaces a token. A save is decided alike whatever the token's state, so it
 * has nothing to conflict with: of concurrent saves, the last one written wins.
 */
export const save = (owner: string, name: string, input: TokenInput, metadata?: CommandMetadata) =>
  Effect.gen(function*() {
    const values = yield* sealed(owner, input)
    const handled = yield* Aggregate.handle(
      TokenAggregate,
      tokenId(owner, name),
      Token.SaveToken.make({ name, owner, ...values }),
      { unconditional: true, ...(metadata ? { metadata } : {}) }
    )
    return { name, version: handled.version }
  })

/**
 * Replaces the token's values if it is still at `expectedVersion`: of two refreshers that
 * read the same version, one wins and the other gets a `ConcurrencyConflict` to reload on.
 */
export const refresh = (owner: string, name: string, expectedVersion: number, input: TokenInput, metadata?: CommandMetadata) =>
  Effect.gen(function*() {
    const values = yield* sealed(owner, input)
    const handled = yield* Aggregate.handle(
      TokenAggregate,
      tokenId(owner, name),
      Token.RefreshToken.make({ name, ...values }),
      { expectedVersion, ...(metadata ? { metadata } : {}) }
    )
    return { name, version: handled.version }
  })

export const remove = (owner: string, name: string, expectedVersion?: number, metadata?: CommandMetadata) =>
  Aggregate.handle(TokenAggregate, tokenId(owner, name), Token.DeleteToken.make({ name }), {
    ...(expectedVersion === undefined ? { retries: 3 } : { expectedVersion }),
    ...(metadata ? { metadata } : {})
  }).pipe(Effect.asVoid)

const document = (owner: string, name: string) =>
  Effect.gen(function*() {
    const found = yield* (yield* ReadModels).get(projection.name, Aggregate.streamOf(TokenAggregate, tokenId(owner, name)))
    if (Option.isNone(found)) return yield* new Token.TokenNotFound({ name })
    return found.value as TokenDocument
  })

/** The token with its values opened; `SecretShredded` once the owner was forgotten. */
export const get = (owner: string, name: string) =>
  Effect.gen(function*() {
    const doc = yield* document(owner, name)
    const secrets = yield* Secrets
    return {
      name: doc.name,
      accessToken: yield* secrets.open(owner, doc.accessToken),
      refreshToken: yield* secrets.open(owner, doc.refreshToken),
      expiresIn: doc.expiresIn,
      obtainmentTimestamp: doc.obtainmentTimestamp,
      scopes: doc.scopes,
      updatedAt: doc.updatedAt,
      version: doc.version
    } satisfies TokenView
  })

/** Names and last update, by name. */
/** The owner's tokens by name, a page at a time (see `Paging`). */
export const list = (owner: string, request: Paging.PageRequest = {}) =>
  Effect.map(Paging.documents(projection.name, owner, request), (page) =>
    Paging.map(page, ({ doc }) => {
      const { name, updatedAt, version } = doc as TokenDocument
      return { name, updatedAt, version }
    }))

export const hasAny = (owner: string) =>
  Effect.map(
    Effect.flatMap(ReadModels, (readModels) => readModels.list(projection.name, { partition: owner, limit: 1 })),
    (docs) => docs.length > 0
  )
