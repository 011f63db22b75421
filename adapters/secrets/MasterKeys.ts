import { randomUUID } from "node:crypto"
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
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
const previousKeys = Effect.gen(function*() {
  const text = yield* Config.String("STRATA_PREVIOUS_MASTER_KEYS").pipe(Config.withDefault(""))
  return yield* Effect.forEach(text.split(",").filter((entry) => entry.trim() !== ""), (entry) => {
    const [id, key] = entry.split(":")
    return decodeKey(id!.trim(), key ?? "")
  })
})

/**
 * The secret kept in `file`, readable by its owner only: the one there, or else `make()`'s,
 * which is then written. Processes starting at once on a fresh embedded database may all
 * find no file: each writes its secret to a file of its own and links it into place, which
 * only one link can do, whole — the others read the winner's. A process that kept its own
 * secret while another's landed in the file would seal what nobody could open later.
 */
export const keepOnce = (file: string, make: () => string): { readonly secret: string; readonly made: boolean } => {
  if (existsSync(file)) return { secret: readFileSync(file, "utf8"), made: false }
  mkdirSync(dirname(file), { recursive: true })
  const secret = make()
  const own = `${file}.${randomUUID()}.tmp`
  writeFileSync(own, secret, { mode: 0o600 })
  chmodSync(own, 0o600)
  try {
    linkSync(own, file)
    return { secret, made: true }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error
    return { secret: readFileSync(file, "utf8"), made: false }
  } finally {
    rmSync(own, { force: true })
  }
}

/**
 * The master keys from configuration (`STRATA_MASTER_KEY`, `STRATA_MASTER_KEY_ID`). Where
 * none is configured and `generatedFile` is given (an embedded database), a key is made
 * once and kept in that file, readable by its owner only.
 */
export const fromConfig = (generatedFile: string | undefined) =>
  Effect.gen(function*() {
    const configured = yield* Config.option(Config.Redacted("STRATA_MASTER_KEY"))
    const id = yield* Config.String("STRATA_MASTER_KEY_ID").pipe(Config.withDefault("master-1"))
    const previous = yield* previousKeys
    if (Option.isSome(configured)) {
      return { current: yield* decodeKey(id, Redacted.value(configured.value)), previous } satisfies MasterKeys
    }
    if (generatedFile === undefined) {
      return yield* new MasterKeyMissing({ reason: "set STRATA_MASTER_KEY (32 bytes, base64) for this database" })
    }
    const kept = keepOnce(generatedFile, () =>
      JSON.stringify({ id: "generated-1", key: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64") }))
    const stored = JSON.parse(kept.secret) as { id: string; key: string }
    return { current: yield* decodeKey(stored.id, stored.key), previous } satisfies MasterKeys
  })

/** A fresh random key, for the in-memory store and tests: secrets die with the process. */
export const ephemeral = (id = "ephemeral"): MasterKeys => ({
  current: { id, key: Redacted.make(crypto.getRandomValues(new Uint8Array(32))) },
  previous: []
})
