import { describe, expect, test } from "bun:test"
import { Effect, Layer, Redacted } from "effect"
import { Secrets } from "../../../application/ports/Secrets.ts"
import * as AesGcmSecrets from "../../../adapters/secrets/AesGcmSecrets.ts"
import * as MasterKeys from "../../../adapters/secrets/MasterKeys.ts"
import * as Backends from "../../support/backends.ts"
import { runWith } from "../../support/run.ts"

const timeout = 60_000

for (const backend of Backends.all) {
  describe(`secrets: ${backend.name}`, () => {
    const keys = MasterKeys.ephemeral("k1")
    const secretsOn = (store: ReturnType<Backends.Backend["layer"]>, masterKeys = keys) =>
      Layer.provideMerge(AesGcmSecrets.layer(masterKeys), store)

    test("a sealed secret opens for its owner and holds no plaintext", async () => {
      const result = await runWith(secretsOn(backend.layer()), Effect.gen(function*() {
        const secrets = yield* Secrets
        const sealed = yield* secrets.seal("alice", "refresh-token-ABC123")
        const again = yield* secrets.seal("alice", "refresh-token-ABC123")
        return { sealed, again, opened: Redacted.value(yield* secrets.open("alice", sealed)) }
      }))
      expect(result.opened).toBe("refresh-token-ABC123")
      expect(JSON.stringify(result.sealed)).not.toContain("ABC123")
      expect(result.again.keyId).toBe(result.sealed.keyId)
      expect(result.again.ciphertext).not.toBe(result.sealed.ciphertext)
    }, timeout)

    test("a secret sealed for one owner does not open for another", async () => {
      const error = await runWith(secretsOn(backend.layer()), Effect.gen(function*() {
        const secrets = yield* Secrets
        const sealed = yield* secrets.seal("alice", "s3cret")
        yield* secrets.seal("mallory", "other")
        return yield* Effect.flip(secrets.open("mallory", sealed))
      }))
      expect(error._tag).toBe("SecretUnreadable")
    }, timeout)

    test("forgetting an owner shreds their secrets; others are untouched", async () => {
      const result = await runWith(secretsOn(backend.layer()), Effect.gen(function*() {
        const secrets = yield* Secrets
        const alice = yield* secrets.seal("alice", "alice-secret")
        const bob = yield* secrets.seal("bob", "bob-secret")
        yield* secrets.forget("alice")
        const shredded = yield* Effect.flip(secrets.open("alice", alice))
        const fresh = yield* secrets.seal("alice", "new-secret")
        return {
          shredded,
          bob: Redacted.value(yield* secrets.open("bob", bob)),
          stillShredded: yield* Effect.flip(secrets.open("alice", alice)),
          fresh: Redacted.value(yield* secrets.open("alice", fresh))
        }
      }))
      expect(result.shredded).toMatchObject({ _tag: "SecretShredded", owner: "alice" })
      expect(result.stillShredded._tag).toBe("SecretShredded")
      expect(result.bob).toBe("bob-secret")
      expect(result.fresh).toBe("new-secret")
    }, timeout)

    if (backend.name !== "memory") {
      test("the master key rotates: old keys unwrap until re-wrapped, then only the new one is needed", async () => {
        const k2 = MasterKeys.ephemeral("k2").current
        const sealed = await runWith(secretsOn(backend.layer()), Effect.flatMap(Secrets, (s) => s.seal("alice", "rotating")))
        const rotated = await runWith(
          secretsOn(backend.reopen(), { current: k2, previous: [keys.current] }),
          Effect.gen(function*() {
            const secrets = yield* Secrets
            const before = Redacted.value(yield* secrets.open("alice", sealed))
            return { before, count: yield* secrets.rotateMasterKey }
          })
        )
        const after = await runWith(
          secretsOn(backend.reopen(), { current: k2, previous: [] }),
          Effect.flatMap(Secrets, (s) => s.open("alice", sealed))
        )
        const withoutKey = await runWith(
          secretsOn(backend.reopen(), MasterKeys.ephemeral("k3")),
          Effect.flip(Effect.flatMap(Secrets, (s) => s.open("alice", sealed)))
        )
        expect(rotated).toEqual({ before: "rotating", count: 1 })
        expect(Redacted.value(after)).toBe("rotating")
        expect(withoutKey).toMatchObject({ _tag: "SecretUnreadable" })
        expect(withoutKey.message).toContain("master key k2 is not configured")
      }, timeout)
    }
  })
}
