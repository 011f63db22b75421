import { Context, Effect, type Redacted, Schema } from "effect"
import type { SealedSecret } from "../../domain/SealedSecret.ts"
import type { StoreUnavailable } from "./StoreError.ts"

/** The owner's data key was destroyed: what was sealed with it can never be read again. */
export class SecretShredded extends Schema.TaggedError<SecretShredded>()("SecretShredded", {
  owner: Schema.String
}) {
  override get message() {
    return `the secrets of ${this.owner} were shredded (their data key is destroyed)`
  }
}

/** A sealed secret that does not open: tampered with, or sealed for another owner. */
export class SecretUnreadable extends Schema.TaggedError<SecretUnreadable>()("SecretUnreadable", {
  owner: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `a secret of ${this.owner} cannot be opened: ${this.reason}`
  }
}

/**
 * Encryption of secrets with per-owner data keys, each wrapped by a master key from
 * configuration. Plaintext only ever leaves as `Redacted`, so logging it prints nothing.
 */
export interface SecretsService {
  readonly seal: (owner: string, plaintext: string) => Effect.Effect<SealedSecret, StoreUnavailable>
  readonly open: (
    owner: string,
    sealed: SealedSecret
  ) => Effect.Effect<Redacted.Redacted<string>, SecretShredded | SecretUnreadable | StoreUnavailable>
  /** Destroys the owner's data key: crypto-shredding of everything sealed with it. */
  readonly forget: (owner: string) => Effect.Effect<void, StoreUnavailable>
  /** Re-wraps every data key with the current master key; returns how many changed. */
  readonly rotateMasterKey: Effect.Effect<number, StoreUnavailable | SecretUnreadable>
  /** The data keys by the master key that wraps them, and whether this process holds it. */
  readonly keyStatus: Effect.Effect<ReadonlyArray<MasterKeyStatus>, StoreUnavailable>
}

export interface MasterKeyStatus {
  readonly masterKeyId: string
  readonly dataKeys: number
  /** This process was given a master key of that name. */
  readonly configured: boolean
  /** Of those, the data keys it does not open (a key of that name, but not the same bytes). */
  readonly unreadable: number
  /** New data keys are wrapped by it. */
  readonly current: boolean
}

export class Secrets extends Context.Service<Secrets, SecretsService>()("strata/Secrets") {}

/** A data key as stored: wrapped (encrypted) by the master key named by `masterKeyId`. */
export interface WrappedKey {
  readonly keyId: string
  readonly owner: string
  readonly masterKeyId: string
  /** Base64 of nonce + ciphertext. */
  readonly wrapped: string
  readonly createdAt: string
}

/**
 * Where wrapped data keys live: beside the log, never in it, so that destroying one
 * reaches every copy of the log.
 */
export interface KeyRingService {
  readonly byOwner: (owner: string) => Effect.Effect<WrappedKey | undefined, StoreUnavailable>
  readonly byId: (keyId: string) => Effect.Effect<WrappedKey | undefined, StoreUnavailable>
  /** Stores a new key, unless the owner already has one (a race): then that one is returned. */
  readonly insert: (key: WrappedKey) => Effect.Effect<WrappedKey, StoreUnavailable>
  readonly destroy: (owner: string) => Effect.Effect<void, StoreUnavailable>
  readonly all: Effect.Effect<ReadonlyArray<WrappedKey>, StoreUnavailable>
  readonly rewrap: (keyId: string, masterKeyId: string, wrapped: string) => Effect.Effect<void, StoreUnavailable>
}

export class KeyRing extends Context.Service<KeyRing, KeyRingService>()("strata/KeyRing") {}

/**
 * Puts data keys back into the key ring (a restore): each owner keeps one live key, so an
 * owner who has another in the ring already keeps that one (`kept`).
 */
export const restoreDataKeys = (keys: ReadonlyArray<WrappedKey>) =>
  Effect.gen(function*() {
    const ring = yield* KeyRing
    let restored = 0
    let kept = 0
    for (const key of keys) {
      const stored = yield* ring.insert(key)
      if (stored.keyId === key.keyId) restored++
      else kept++
    }
    return { restored, kept }
  })
