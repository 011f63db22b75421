import { Result, Schema } from "effect"
import type { Decider } from "./Decider.ts"
import { SealedSecret } from "./SealedSecret.ts"

/**
 * A user's credentials for providers (seed 001): one per provider, replaceable,
 * deletable, sealed with the user's own data key.
 */

// Commands

export const SetCredential = Schema.TaggedStruct("SetCredential", { provider: Schema.String, secret: SealedSecret })
export const DeleteCredential = Schema.TaggedStruct("DeleteCredential", { provider: Schema.String })
export type CredentialCommand = typeof SetCredential.Type | typeof DeleteCredential.Type

// Events

export const CredentialSet = Schema.TaggedStruct("CredentialSet", { provider: Schema.String, secret: SealedSecret })
export const CredentialDeleted = Schema.TaggedStruct("CredentialDeleted", { provider: Schema.String })
export const CredentialEvent = Schema.Union([CredentialSet, CredentialDeleted])
export type CredentialEvent = typeof CredentialEvent.Type

// State

export const CredentialsState = Schema.Struct({
  /** Provider id → the sealed secret. */
  credentials: Schema.Record(Schema.String, SealedSecret)
})
export type CredentialsState = typeof CredentialsState.Type

// Errors

export class CredentialNotFound extends Schema.TaggedError<CredentialNotFound>()("CredentialNotFound", {
  provider: Schema.String
}) {
  override get message() {
    return `no credential for provider ${this.provider}`
  }
}

export class InvalidCredential extends Schema.TaggedError<InvalidCredential>()("InvalidCredential", {
  reason: Schema.String
}) {
  override get message() {
    return `invalid credential: ${this.reason}`
  }
}

export const decide = (
  command: CredentialCommand,
  state: CredentialsState
): Result.Result<ReadonlyArray<CredentialEvent>, CredentialNotFound | InvalidCredential> => {
  switch (command._tag) {
    case "SetCredential":
      return command.provider.trim() === ""
        ? Result.fail(new InvalidCredential({ reason: "the provider id is empty" }))
        : Result.succeed([CredentialSet.make({ provider: command.provider, secret: command.secret })])
    case "DeleteCredential":
      return command.provider in state.credentials
        ? Result.succeed([CredentialDeleted.make({ provider: command.provider })])
        : Result.fail(new CredentialNotFound({ provider: command.provider }))
  }
}

export const evolve = (state: CredentialsState, event: CredentialEvent): CredentialsState => {
  switch (event._tag) {
    case "CredentialSet":
      return { credentials: { ...state.credentials, [event.provider]: event.secret } }
    case "CredentialDeleted": {
      const { [event.provider]: _removed, ...rest } = state.credentials
      void _removed
      return { credentials: rest }
    }
  }
}

export const decider: Decider<CredentialCommand, CredentialEvent, CredentialsState, CredentialNotFound | InvalidCredential> = {
  initialState: { credentials: {} },
  decide,
  evolve
}
