import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"
import { Config, Effect, Option, Redacted, Schema } from "effect"
import type { MasterKey, MasterKeys } from "./AesGcmSecrets.ts"

export class MasterKeyMissing extends Schema.TaggedError<MasterKeyMissing>()("MasterKeyMissing", {
  reason: Schema.String
}) {
  override get message() {
    return `no master key: ${this.reason}`
  }
}

const decodeKey = (id: string, base64: string): Effect.Effect<MasterKey, MasterKeyMissing> => {
  const bytes = new Uint8Array(Buffer.from(base64.trim(), "base64"))
  return bytes.length === 32
    ? Effect.succeed({ id, key: Redacted.make(bytes) })
    : Effect.fail(new MasterKeyMissing({ reason: `master key ${id} must be 32 bytes of base64 (got ${bytes.length})` }))
}

/** `STRATA_PREVIOUS_MASTER_KEYS`: `id:base64,id:base64`, kept to unwrap data keys until rotated. */
const previousKeys = Config.string("STRATA_PREVIOUS_MASTER_KEYS").pipe(
  Config.withDefault(""),
  Effect.flatMap((text) =>
    Effect.forEach(text.split(",").filter((entry) => entry.trim() !== ""), (entry) => {
      const [id, key] = entry.split(":")
      return decodeKey(id!.trim(), key ?? "")
    })
  )
)

/**
 * The master keys from configuration (`STRATA_MASTER_KEY`, `STRATA_MASTER_KEY_ID`). Where
 * none is configured and `generatedFile` is given (an embedded database), a key is made
 * once and kept in that file, readable by its owner only.
 */
export const fromConfig = (generatedFile: string | undefined) =>
  Effect.gen(function*() {
    const configured = yield* Config.option(Config.redacted("STRATA_MASTER_KEY"))
    const id = yield* Config.string("STRATA_MASTER_KEY_ID").pipe(Config.withDefault("master-1"))
    const previous = yield* previousKeys
    if (Option.isSome(configured)) {
      return { current: yield* decodeKey(id, Redacted.value(configured.value)), previous } satisfies MasterKeys
    }
    if (generatedFile === undefined) {
      return yield* new MasterKeyMissing({ reason: "set STRATA_MASTER_KEY (32 bytes, base64) for this database" })
    }
    if (!existsSync(generatedFile)) {
      mkdirSync(dirname(generatedFile), { recursive: true })
      const key = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64")
      writeFileSync(generatedFile, JSON.stringify({ id: "generated-1", key }), { mode: 0o600 })
      chmodSync(generatedFile, 0o600)
    }
    const stored = JSON.parse(readFileSync(generatedFile, "utf8")) as { id: string; key: string }
    return { current: yield* decodeKey(stored.id, stored.key), previous } satisfies MasterKeys
  })

/** A fresh random key, for the in-memory store and tests: secrets die with the process. */
export const ephemeral = (id = "ephemeral"): MasterKeys => ({
  current: { id, key: Redacted.make(crypto.getRandomValues(new Uint8Array(32))) },
  previous: []
})
