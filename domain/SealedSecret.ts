import { Schema } from "effect"

/**
 * A secret as the log keeps it: encrypted under its owner's data key. The domain carries
 * it around and never sees the plaintext; forgetting the owner's key makes every copy of
 * it unreadable (crypto-shredding) without rewriting the log.
 */
export const SealedSecret = Schema.Struct({
  /** The owner's data key. */
  keyId: Schema.String,
  /** Base64 nonce and ciphertext (AES-256-GCM, authenticated with owner and key id). */
  iv: Schema.String,
  ciphertext: Schema.String
})
export type SealedSecret = typeof SealedSecret.Type
