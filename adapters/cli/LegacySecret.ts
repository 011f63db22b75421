import { createDecipheriv } from "node:crypto"
import { Config, Effect, Option, Redacted, Result, Schema } from "effect"
import type { OpenLegacySecret } from "../../application/import/SandboxImport.ts"

/**
 * seed 001's encrypted provider credentials: AES-256-GCM under one key of the old service,
 * stored as `iv:authTag:ciphertext` (each hex, or base64), the usual shape of Node's
 * `createCipheriv("aes-256-gcm", …)` code. The operator hands strata that key in
 * `STRATA_LEGACY_SECRET_KEY` (32 bytes as 64 hex digits or base64) — an environment
 * variable, not a flag, so that it shows in no process list or shell history.
 */

export class LegacyKeyInvalid extends Schema.TaggedError<LegacyKeyInvalid>()("LegacyKeyInvalid", {}) {
  override get message() {
    return "STRATA_LEGACY_SECRET_KEY must be 32 bytes, as 64 hex digits or base64"
  }
}

const bytes = (text: string) => (/^[0-9a-f]+$/i.test(text) && text.length % 2 === 0 ? Buffer.from(text, "hex") : Buffer.from(text, "base64"))

/** An opener for the key, or none when the operator gave none. */
export const fromEnvironment = Effect.gen(function*() {
  const configured = yield* Config.option(Config.Redacted("STRATA_LEGACY_SECRET_KEY"))
  if (Option.isNone(configured)) return undefined
  const key = bytes(Redacted.value(configured.value).trim())
  if (key.length !== 32) return yield* new LegacyKeyInvalid()
  return opener(key)
})

export const opener = (key: Uint8Array): OpenLegacySecret => (ciphertext) => {
  const parts = ciphertext.trim().split(":")
  if (parts.length !== 3) return Result.fail("not iv:authTag:ciphertext")
  const [iv, tag, data] = parts.map(bytes) as [Buffer, Buffer, Buffer]
  if (iv.length < 12 || tag.length !== 16) return Result.fail("not iv:authTag:ciphertext")
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv)
    decipher.setAuthTag(tag)
    return Result.succeed(Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8"))
  } catch {
    // GCM's tag check: another key, or a changed ciphertext. Nothing of either is repeated.
    return Result.fail("does not open with the legacy key given")
  }
}
