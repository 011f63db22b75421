import { describe, expect, test } from "bun:test"
import { Effect, Redacted } from "effect"
import { ApiKeyCache } from "../../../application/ports/ApiKeyCache.ts"
import * as Import from "../../../application/import/Import.ts"
import { authenticate, principalNow } from "../../../adapters/http/Auth.ts"
import * as Backends from "../../support/backends.ts"
import { appLayer } from "../../support/app.ts"
import { runWith } from "../../support/run.ts"

/**
 * A gateway's clients keep the keys the old service issued them, whatever their form:
 * once imported, each authenticates its owner as a bearer token (only its hash is kept).
 */

const timeout = 60_000
const adminToken = Redacted.make("st_admin_imported-keys-test")
const legacyKeys = ["sk-legacy-active-0001", "sk-live-9f8e7d6c5b4a39281706", "3f2b8c1e-5d4a-4e7f-9a6b-0c1d2e3f4a5b", "st_admin_not-the-admin"]

const imported = (key: string, index: number) => ({
  record: `key #${index + 1}`,
  value: {
    key,
    name: `client ${index + 1}`,
    model: null,
    token_limit_per_5h: 1000,
    expiry_date: null,
    created_at: 1_768_000_000_000,
    last_used: null,
    total_lifetime_tokens: null,
    usage_windows: []
  }
})

describe("imported API keys", () => {
  test("a legacy key of any form authenticates its owner over the bearer header, at once and from the key cache", async () => {
    const result = await runWith(appLayer(Backends.memory), Effect.gen(function*() {
      yield* Import.importApiKeys("gateway-team", legacyKeys.map(imported))
      const cache = yield* ApiKeyCache
      const principals = []
      for (const key of legacyKeys) {
        const principal = yield* authenticate(adminToken, key, undefined)
        // The cache keeps a key once its follower covers the log: asked again until it answers, or long past that.
        let cached = principalNow(cache, key)
        for (let tries = 0; cached === undefined && tries < 200; tries++) {
          yield* Effect.sleep("50 millis")
          yield* authenticate(adminToken, key, undefined)
          cached = principalNow(cache, key)
        }
        principals.push({ principal, cached })
      }
      const unknown = yield* Effect.flip(authenticate(adminToken, "sk-legacy-never-issued", undefined))
      const admin = yield* authenticate(adminToken, Redacted.value(adminToken), "gateway-team")
      return { principals, unknown, admin }
    }))
    for (const { cached, principal } of result.principals) {
      expect(principal).toMatchObject({ _tag: "Owner", owner: "gateway-team" })
      expect(cached).toEqual(principal)
    }
    expect(new Set(result.principals.map(({ principal }) => (principal as { keyId: string }).keyId)).size).toBe(legacyKeys.length)
    expect(result.unknown._tag).toBe("Unauthorized")
    expect(result.admin).toEqual({ _tag: "Admin", actingFor: "gateway-team" })
  }, timeout)
})
