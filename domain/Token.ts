import { Result, Schema } from "effect"
import type { Decider } from "./Decider.ts"
import { SealedSecret } from "./SealedSecret.ts"
import { untagged } from "./Tagged.ts"

/**
 * Named OAuth tokens (seed 000). A refresh is conditional on the version the refresher
 * read, so of two refreshers racing one wins and the other must reload: no refresh
 * token is lost. Token values arrive sealed; the domain never sees them in clear.
 */

const TokenValues = {
  accessToken: SealedSecret,
  refreshToken: SealedSecret,
  /** Seconds the access token lives after it was obtained; null when the provider says nothing. */
  expiresIn: Schema.NullOr(Schema.Number),
  /** Milliseconds since the epoch. */
  obtainmentTimestamp: Schema.Number,
  scopes: Schema.Array(Schema.String)
}

// Commands

export const SaveToken = Schema.TaggedStruct("SaveToken", { name: Schema.String, owner: Schema.String, ...TokenValues })
export const RefreshToken = Schema.TaggedStruct("RefreshToken", { name: Schema.String, ...TokenValues })
export const DeleteToken = Schema.TaggedStruct("DeleteToken", { name: Schema.String })
export type TokenCommand = typeof SaveToken.Type | typeof RefreshToken.Type | typeof DeleteToken.Type

// Events

export const TokenSaved = Schema.TaggedStruct("TokenSaved", { name: Schema.String, owner: Schema.String, ...TokenValues })
export const TokenRefreshed = Schema.TaggedStruct("TokenRefreshed", TokenValues)
export const TokenDeleted = Schema.TaggedStruct("TokenDeleted", {})
export const TokenEvent = Schema.Union([TokenSaved, TokenRefreshed, TokenDeleted])
export type TokenEvent = typeof TokenEvent.Type

// State

export const TokenState = Schema.Union([
  Schema.TaggedStruct("Absent", {}),
  Schema.TaggedStruct("Active", { name: Schema.String, owner: Schema.String, ...TokenValues }),
  Schema.TaggedStruct("Deleted", { name: Schema.String, owner: Schema.String })
])
export type TokenState = typeof TokenState.Type

// Errors

export class TokenNotFound extends Schema.TaggedError<TokenNotFound>()("TokenNotFound", { name: Schema.String }) {
  override get message() {
    return `no token named ${this.name}`
  }
}

export class InvalidToken extends Schema.TaggedError<InvalidToken>()("InvalidToken", { reason: Schema.String }) {
  override get message() {
    return `invalid token: ${this.reason}`
  }
}

const invalidValues = (values: { expiresIn: number | null; obtainmentTimestamp: number }) =>
  values.expiresIn !== null && !(values.expiresIn >= 0)
    ? "expiresIn must be ≥ 0"
    : !(values.obtainmentTimestamp >= 0)
    ? "obtainmentTimestamp must be ≥ 0"
    : undefined

export const decide = (
  command: TokenCommand,
  state: TokenState
): Result.Result<ReadonlyArray<TokenEvent>, TokenNotFound | InvalidToken> => {
  switch (command._tag) {
    case "SaveToken": {
      if (command.name.trim() === "") return Result.fail(new InvalidToken({ reason: "the name is empty" }))
      const invalid = invalidValues(command)
      return invalid ? Result.fail(new InvalidToken({ reason: invalid })) : Result.succeed([TokenSaved.make(untagged(command))])
    }
    case "RefreshToken": {
      if (state._tag !== "Active") return Result.fail(new TokenNotFound({ name: command.name }))
      const invalid = invalidValues(command)
      if (invalid) return Result.fail(new InvalidToken({ reason: invalid }))
      const { accessToken, expiresIn, obtainmentTimestamp, refreshToken, scopes } = command
      return Result.succeed([TokenRefreshed.make({ accessToken, refreshToken, expiresIn, obtainmentTimestamp, scopes })])
    }
    case "DeleteToken":
      return state._tag === "Active"
        ? Result.succeed([TokenDeleted.make({})])
        : Result.fail(new TokenNotFound({ name: command.name }))
  }
}

export const evolve = (state: TokenState, event: TokenEvent): TokenState => {
  switch (event._tag) {
    case "TokenSaved":
      return { _tag: "Active", ...untagged(event) }
    case "TokenRefreshed":
      return state._tag === "Active" ? { ...state, ...untagged(event) } : state
    case "TokenDeleted":
      return state._tag === "Active" ? { _tag: "Deleted", name: state.name, owner: state.owner } : state
  }
}

// Retention

/**
 * A refresh replaces every value of the token: once old, the refreshes before the last
 * one say only what the token was. When an operator asks (tokens are kept whole by
 * default), they fold into one refresh holding the token as it stood after the last of
 * them — its sealed values as they were sealed.
 */
export const foldsAway = (type: string) => type === "TokenRefreshed"

export const refreshSummary = (state: TokenState) => {
  if (state._tag !== "Active") return undefined
  const { accessToken, expiresIn, obtainmentTimestamp, refreshToken, scopes } = state
  return TokenRefreshed.make({ accessToken, refreshToken, expiresIn, obtainmentTimestamp, scopes })
}

export const decider: Decider<TokenCommand, TokenEvent, TokenState, TokenNotFound | InvalidToken> = {
  initialState: { _tag: "Absent" },
  decide,
  evolve
}
