import { describe, expect, test } from "bun:test"
import { ConfigProvider, Effect, Redacted } from "effect"
import { mkdtempSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as MasterKeys from "../../adapters/secrets/MasterKeys.ts"

const withEnv = (env: Record<string, string>) => Effect.provideService(ConfigProvider.ConfigProvider, ConfigProvider.fromEnv({ env }))
const key = (byte: number) => Buffer.alloc(32, byte).toString("base64")

describe("master keys from configuration", () => {
  test("STRATA_MASTER_KEY with its id, and previous keys kept for unwrapping", async () => {
    const keys = await Effect.runPromise(MasterKeys.fromConfig(undefined).pipe(withEnv({
      STRATA_MASTER_KEY: key(1),
      STRATA_MASTER_KEY_ID: "2026-11",
      STRATA_PREVIOUS_MASTER_KEYS: `2026-10:${key(2)}`
    })))
    expect(keys.current.id).toBe("2026-11")
    expect(Redacted.value(keys.current.key)).toEqual(new Uint8Array(32).fill(1))
    expect(keys.previous.map((previous) => previous.id)).toEqual(["2026-10"])
    expect(String(keys.current.key)).not.toContain(key(1))
  })

  test("a key that is not 32 bytes is refused", async () => {
    const error = await Effect.runPromise(Effect.flip(MasterKeys.fromConfig(undefined).pipe(withEnv({ STRATA_MASTER_KEY: "c2hvcnQ=" }))))
    expect(error.message).toContain("must be 32 bytes")
  })

  test("an embedded database generates its key once, readable by its owner only", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "strata-key-")), "data", "master.key")
    const first = await Effect.runPromise(MasterKeys.fromConfig(file).pipe(withEnv({})))
    const second = await Effect.runPromise(MasterKeys.fromConfig(file).pipe(withEnv({})))
    expect(Redacted.value(second.current.key)).toEqual(Redacted.value(first.current.key))
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  test("a shared database without a configured key is a clear error", async () => {
    const error = await Effect.runPromise(Effect.flip(MasterKeys.fromConfig(undefined).pipe(withEnv({}))))
    expect(error.message).toBe("no master key: set STRATA_MASTER_KEY (32 bytes, base64) for this database")
  })
})
