import { describe, expect, test } from "bun:test"
import { Effect, Redacted } from "effect"
import * as ApiKeys from "../../../application/features/ApiKeys.ts"
import { EventStore } from "../../../application/ports/EventStore.ts"
import * as Backends from "../../support/backends.ts"
import { appLayer, reopenedAppLayer } from "../../support/app.ts"
import { runWith } from "../../support/run.ts"
import * as MasterKeys from "../../../adapters/secrets/MasterKeys.ts"

const timeout = 60_000
const enforce = { enforceQuota: true }

for (const backend of Backends.all) {
  describe(`API keys service: ${backend.name}`, () => {
    const run = <A, E>(effect: Effect.Effect<A, E, any>) => runWith(appLayer(backend), effect as Effect.Effect<A, E, never>)

    test("the secret is shown once, only its hash is stored, and it authenticates its key", async () => {
      const result = await run(Effect.gen(function*() {
        const created = yield* ApiKeys.create("alice", { name: "gateway", model: "glm-4.6", tokenLimitPer5h: 1000, expiresAt: null })
        const secret = Redacted.value(created.secret)
        const events = yield* (yield* EventStore).readAll({ after: 0, limit: 100 })
        return {
          created,
          secret,
          stored: JSON.stringify(events),
          authenticated: yield* ApiKeys.authenticate(created.secret),
          unknown: yield* Effect.flip(ApiKeys.authenticate(Redacted.make("sk_not-a-key"))),
          listed: (yield* ApiKeys.list("alice")).items,
          got: yield* ApiKeys.get("alice", created.keyId)
        }
      }))
      expect(result.secret).toMatch(/^sk_[A-Za-z0-9_-]{43}$/)
      expect(result.stored).not.toContain(result.secret)
      expect(result.stored).toContain(await Effect.runPromise(ApiKeys.hashSecret(result.secret)))
      expect(result.authenticated).toEqual({ keyId: result.created.keyId, owner: "alice", expiresAt: null })
      expect(result.unknown._tag).toBe("ApiKeyNotFound")
      expect(result.listed).toEqual([result.got])
      expect(JSON.stringify(result.listed)).not.toContain(result.secret)
      expect(result.got).toMatchObject({ name: "gateway", model: "glm-4.6", tokenLimitPer5h: 1000, expiresAt: null })
    }, timeout)

    test("usage is recorded and the stats follow: current, remaining, lifetime, last used, windows", async () => {
      const stats = await run(Effect.gen(function*() {
        const { keyId } = yield* ApiKeys.create("alice", { name: "k", model: null, tokenLimitPer5h: 100, expiresAt: null })
        yield* ApiKeys.recordUsage(keyId, 30, enforce)
        const afterUsage = yield* ApiKeys.recordUsage(keyId, 12, enforce)
        return { afterUsage, stats: yield* ApiKeys.stats("alice", keyId) }
      }))
      expect(stats.afterUsage).toMatchObject({ currentUsage: 42, remainingTokens: 58, lifetimeTokens: 42, isExpired: false })
      expect(stats.stats).toMatchObject({ currentUsage: 42, remainingTokens: 58, lifetimeTokens: 42 })
      expect(stats.stats.windows).toHaveLength(1)
      expect(stats.stats.windows[0]!.tokens).toBe(42)
      expect(stats.stats.lastUsed).toBeGreaterThan(0)
    }, timeout)

    test("updates are validated; a deleted key refuses usage and disappears with its usage", async () => {
      const result = await run(Effect.gen(function*() {
        const created = yield* ApiKeys.create("alice", { name: "k", model: null, tokenLimitPer5h: 100, expiresAt: null })
        const invalid = yield* Effect.flip(ApiKeys.update("alice", created.keyId, { tokenLimitPer5h: 0 }))
        const updated = yield* ApiKeys.update("alice", created.keyId, { name: "renamed", tokenLimitPer5h: 50 })
        yield* ApiKeys.recordUsage(created.keyId, 5, enforce)
        yield* ApiKeys.remove("alice", created.keyId)
        return {
          invalid,
          updated,
          usage: yield* Effect.flip(ApiKeys.recordUsage(created.keyId, 1, enforce)),
          stats: yield* Effect.flip(ApiKeys.stats("alice", created.keyId)),
          auth: yield* Effect.flip(ApiKeys.authenticate(created.secret)),
          list: (yield* ApiKeys.list("alice")).items
        }
      }))
      expect(result.invalid).toMatchObject({ _tag: "InvalidApiKey" })
      expect(result.updated).toMatchObject({ name: "renamed", tokenLimitPer5h: 50 })
      expect(result.usage._tag).toBe("ApiKeyNotFound")
      expect(result.stats._tag).toBe("ApiKeyNotFound")
      expect(result.auth._tag).toBe("ApiKeyNotFound")
      expect(result.list).toEqual([])
    }, timeout)

    test("an expired key refuses usage and says so in its stats", async () => {
      const result = await run(Effect.gen(function*() {
        const { keyId } = yield* ApiKeys.create("alice", { name: "k", model: null, tokenLimitPer5h: 100, expiresAt: Date.now() - 1 })
        return { usage: yield* Effect.flip(ApiKeys.recordUsage(keyId, 1, enforce)), stats: yield* ApiKeys.stats("alice", keyId) }
      }))
      expect(result.usage._tag).toBe("ApiKeyExpired")
      expect(result.stats.isExpired).toBe(true)
    }, timeout)

    test("another owner's key is not found, for every operation", async () => {
      const result = await run(Effect.gen(function*() {
        const { keyId } = yield* ApiKeys.create("alice", { name: "k", model: null, tokenLimitPer5h: 100, expiresAt: null })
        return [
          yield* Effect.flip(ApiKeys.get("bob", keyId)),
          yield* Effect.flip(ApiKeys.stats("bob", keyId)),
          yield* Effect.flip(ApiKeys.update("bob", keyId, { name: "mine" })),
          yield* Effect.flip(ApiKeys.remove("bob", keyId))
        ].map((error) => error._tag)
      }))
      expect(result).toEqual(["ApiKeyNotFound", "ApiKeyNotFound", "ApiKeyNotFound", "ApiKeyNotFound"])
    }, timeout)

    test("quota: a usage past the limit is refused with remaining tokens and the reset time", async () => {
      const error = await run(Effect.gen(function*() {
        const { keyId } = yield* ApiKeys.create("alice", { name: "k", model: null, tokenLimitPer5h: 100, expiresAt: null })
        yield* ApiKeys.recordUsage(keyId, 90, enforce)
        return yield* Effect.flip(ApiKeys.recordUsage(keyId, 11, enforce))
      }))
      expect(error).toMatchObject({ _tag: "QuotaExceeded", requested: 11, remainingTokens: 10 })
      if (error._tag === "QuotaExceeded") expect(error.resetsAt).toBeGreaterThan(Date.now() + 4 * 60 * 60 * 1000)
    }, timeout)

    test("under concurrent usage the recorded total never exceeds the limit", async () => {
      const result = await run(Effect.gen(function*() {
        const { keyId } = yield* ApiKeys.create("alice", { name: "k", model: null, tokenLimitPer5h: 100, expiresAt: null })
        const outcomes = yield* Effect.forEach(
          Array.from({ length: 40 }, () => 7),
          (tokens) => Effect.result(ApiKeys.recordUsage(keyId, tokens, enforce)),
          { concurrency: "unbounded" }
        )
        return { outcomes, stats: yield* ApiKeys.stats("alice", keyId) }
      }))
      const accepted = result.outcomes.filter((outcome) => outcome._tag === "Success").length
      expect(result.stats.currentUsage).toBe(accepted * 7)
      expect(result.stats.currentUsage).toBeLessThanOrEqual(100)
      expect(accepted).toBe(14)
      expect(result.outcomes.filter((outcome) => outcome._tag === "Failure").every((o) => o.failure._tag === "QuotaExceeded")).toBe(true)
    }, timeout)

    test("concurrent usage of one key: each answer is the key after that usage, in the order decided", async () => {
      const result = await run(Effect.gen(function*() {
        const { keyId } = yield* ApiKeys.create("alice", { name: "k", model: null, tokenLimitPer5h: 1_000, expiresAt: null })
        const answers = yield* Effect.forEach(
          Array.from({ length: 30 }, (_, index) => index + 1),
          (tokens) => ApiKeys.recordUsage(keyId, tokens, enforce),
          { concurrency: "unbounded" }
        )
        return { answers, stats: yield* ApiKeys.stats("alice", keyId) }
      }))
      const usageAt = new Map(result.answers.map((answer) => [answer.version, answer.currentUsage]))
      // Versions 2…31, one per usage, and each answer is the usage before it plus its own tokens.
      expect([...usageAt.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, index) => index + 2))
      result.answers.forEach((answer, index) => {
        expect(answer.currentUsage - (usageAt.get(answer.version - 1) ?? 0)).toBe(index + 1)
        expect(answer.remainingTokens).toBe(1_000 - answer.currentUsage)
      })
      expect(result.stats).toMatchObject({ version: 31, currentUsage: 465, lifetimeTokens: 465 })
    }, timeout)

    if (backend.name === "postgres") {
      test("under concurrent usage from two processes (separate connection pools) the total never exceeds the limit", async () => {
        const keys = MasterKeys.ephemeral()
        const keyId = await runWith(appLayer(backend, { masterKeys: keys }), Effect.map(
          ApiKeys.create("alice", { name: "k", model: null, tokenLimitPer5h: 500, expiresAt: null }),
          (created) => created.keyId
        ))
        const hammer = () =>
          runWith(reopenedAppLayer(backend, keys), Effect.forEach(
            Array.from({ length: 60 }, () => 11),
            (tokens) => Effect.result(ApiKeys.recordUsage(keyId, tokens, enforce)),
            { concurrency: 20 }
          ))
        const [a, b] = await Promise.all([hammer(), hammer()])
        const accepted = [...a, ...b].filter((outcome) => outcome._tag === "Success").length
        const stats = await runWith(reopenedAppLayer(backend, keys), ApiKeys.stats("alice", keyId))
        expect(stats.currentUsage).toBe(accepted * 11)
        expect(stats.currentUsage).toBeLessThanOrEqual(500)
        expect(accepted).toBe(45)
      }, timeout)
    }
  })
}
