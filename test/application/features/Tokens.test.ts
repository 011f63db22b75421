import { describe, expect, test } from "bun:test"
import { Effect, Redacted } from "effect"
import { EventStore } from "../../../application/ports/EventStore.ts"
import * as Owners from "../../../application/features/Owners.ts"
import { Secrets } from "../../../application/ports/Secrets.ts"
import * as Tokens from "../../../application/features/Tokens.ts"
import * as Backends from "../../support/backends.ts"
import { appLayer } from "../../support/app.ts"
import { runWith } from "../../support/run.ts"

const timeout = 60_000

const input = (access: string, refresh: string, at = 1_700_000_000_000): Tokens.TokenInput => ({
  accessToken: Redacted.make(access),
  refreshToken: Redacted.make(refresh),
  expiresIn: 14_400,
  obtainmentTimestamp: at,
  scopes: ["chat:read", "chat:edit"]
})

for (const backend of Backends.all) {
  describe(`tokens service: ${backend.name}`, () => {
    const run = <A, E>(effect: Effect.Effect<A, E, any>) => runWith(appLayer(backend), effect as Effect.Effect<A, E, never>)

    test("save, get, list and has-any", async () => {
      const result = await run(Effect.gen(function*() {
        const none = yield* Tokens.hasAny("alice")
        yield* Tokens.save("alice", "streamer", input("access-1", "refresh-1"))
        yield* Tokens.save("alice", "bot", input("access-2", "refresh-2"))
        yield* Tokens.save("bob", "bot", input("access-3", "refresh-3"))
        const token = yield* Tokens.get("alice", "bot")
        return { none, token, list: (yield* Tokens.list("alice")).items, any: yield* Tokens.hasAny("alice") }
      }))
      expect(result.none).toBe(false)
      expect(result.any).toBe(true)
      expect(Redacted.value(result.token.accessToken)).toBe("access-2")
      expect(Redacted.value(result.token.refreshToken)).toBe("refresh-2")
      expect(result.token).toMatchObject({ name: "bot", expiresIn: 14_400, scopes: ["chat:read", "chat:edit"], version: 1 })
      expect(result.list.map((entry) => entry.name)).toEqual(["bot", "streamer"])
    }, timeout)

    test("two refreshers racing from the same version: one wins, the other reloads and no refresh token is lost", async () => {
      const result = await run(Effect.gen(function*() {
        const { version } = yield* Tokens.save("alice", "bot", input("a0", "r0"))
        const [first, second] = yield* Effect.all([
          Effect.result(Tokens.refresh("alice", "bot", version, input("a1", "r1"))),
          Effect.result(Tokens.refresh("alice", "bot", version, input("a2", "r2")))
        ], { concurrency: "unbounded" })
        const loser = first._tag === "Failure" ? first.failure : second._tag === "Failure" ? second.failure : undefined
        // The loser reloads: it sees the winner's refresh token and refreshes from there.
        const current = yield* Tokens.get("alice", "bot")
        const winner = Redacted.value(current.refreshToken)
        yield* Tokens.refresh("alice", "bot", current.version, input("a3", `${winner}+r3`))
        return { loser, winner, final: yield* Tokens.get("alice", "bot") }
      }))
      expect(result.loser).toMatchObject({ _tag: "ConcurrencyConflict", expected: "1", actual: 2 })
      expect(["r1", "r2"]).toContain(result.winner)
      expect(Redacted.value(result.final.refreshToken)).toBe(`${result.winner}+r3`)
      expect(result.final.version).toBe(3)
    }, timeout)

    test("concurrent saves of one token without a precondition never conflict: each gets its own version, the last one wins", async () => {
      const writers = 48
      const result = await run(Effect.gen(function*() {
        const saved = yield* Effect.all(
          Array.from({ length: writers }, (_, i) => Effect.result(Tokens.save("alice", "bot", input(`a${i}`, `r${i}`)))),
          { concurrency: "unbounded" }
        )
        return { saved, final: yield* Tokens.get("alice", "bot") }
      }))
      const failures = result.saved.filter((outcome) => outcome._tag === "Failure")
      expect(failures.map((outcome) => outcome._tag === "Failure" && outcome.failure._tag)).toEqual([])
      const versions = result.saved.map((outcome) => outcome._tag === "Success" ? outcome.success.version : 0)
      expect([...versions].sort((a, b) => a - b)).toEqual(Array.from({ length: writers }, (_, i) => i + 1))
      // The save answered with the highest version is the one read back.
      const last = versions.indexOf(writers)
      expect(result.final.version).toBe(writers)
      expect(Redacted.value(result.final.refreshToken)).toBe(`r${last}`)
    }, timeout)

    test("a deleted token is not found, for reading and for refreshing", async () => {
      const result = await run(Effect.gen(function*() {
        yield* Tokens.save("alice", "bot", input("a", "r"))
        yield* Tokens.remove("alice", "bot")
        return {
          get: yield* Effect.flip(Tokens.get("alice", "bot")),
          refresh: yield* Effect.flip(Tokens.refresh("alice", "bot", 2, input("a", "r"))),
          remove: yield* Effect.flip(Tokens.remove("alice", "bot")),
          list: (yield* Tokens.list("alice")).items
        }
      }))
      expect(result.get).toMatchObject({ _tag: "TokenNotFound", name: "bot" })
      expect(result.refresh).toMatchObject({ _tag: "TokenNotFound", name: "bot" })
      expect(result.remove).toMatchObject({ _tag: "TokenNotFound" })
      expect(result.list).toEqual([])
    }, timeout)

    test("owners see only their own tokens", async () => {
      const result = await run(Effect.gen(function*() {
        yield* Tokens.save("alice", "bot", input("a", "r"))
        return { bob: yield* Effect.flip(Tokens.get("bob", "bot")), bobList: (yield* Tokens.list("bob")).items }
      }))
      expect(result.bob._tag).toBe("TokenNotFound")
      expect(result.bobList).toEqual([])
    }, timeout)

    test("a version 1 event already in the log is read back as version 2 through the upcaster", async () => {
      const result = await run(Effect.gen(function*() {
        const secrets = yield* Secrets
        // As strata's first schema wrote it: scopes in one comma-separated string.
        yield* (yield* EventStore).append("token-alice:legacy", [{
          eventId: crypto.randomUUID(),
          type: "TokenSaved",
          schemaVersion: 1,
          data: {
            name: "legacy",
            owner: "alice",
            accessToken: yield* secrets.seal("alice", "old-access"),
            refreshToken: yield* secrets.seal("alice", "old-refresh"),
            expiresIn: 3600,
            obtainmentTimestamp: 1_600_000_000_000,
            scope: "chat:read, chat:edit"
          }
        }])
        const before = yield* Tokens.get("alice", "legacy")
        yield* Tokens.refresh("alice", "legacy", before.version, input("new-access", "new-refresh"))
        const versions = (yield* (yield* EventStore).readStream("token-alice:legacy")).map((e) => e.schemaVersion)
        return { before, after: yield* Tokens.get("alice", "legacy"), versions }
      }))
      expect(result.before.scopes).toEqual(["chat:read", "chat:edit"])
      expect(Redacted.value(result.before.refreshToken)).toBe("old-refresh")
      expect(Redacted.value(result.after.refreshToken)).toBe("new-refresh")
      expect(result.versions).toEqual([1, 2])
    }, timeout)

    test("forgetting the owner makes their tokens unreadable, with a typed error", async () => {
      const error = await run(Effect.gen(function*() {
        yield* Tokens.save("alice", "bot", input("a", "r"))
        yield* Owners.forget("alice", { actor: "admin" })
        const recorded = yield* (yield* EventStore).readStream("owner-alice")
        return { error: yield* Effect.flip(Tokens.get("alice", "bot")), recorded }
      }))
      expect(error.error).toMatchObject({ _tag: "SecretShredded", owner: "alice" })
      expect(error.recorded.map((e) => [e.type, e.metadata.actor])).toEqual([["OwnerForgotten", "admin"]])
    }, timeout)
  })
}
