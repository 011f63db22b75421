import { describe, expect, test } from "bun:test"
import { Effect, Option, Redacted } from "effect"
import * as ApiKeyCache from "../../../application/ports/ApiKeyCache.ts"
import * as ApiKeys from "../../../application/features/ApiKeys.ts"
import { EventStore, type EventStoreService } from "../../../application/ports/EventStore.ts"
import { ReadModels } from "../../../application/ports/ReadModels.ts"
import { StoreUnavailable } from "../../../application/ports/StoreError.ts"
import * as Backends from "../../support/backends.ts"
import { appLayer } from "../../support/app.ts"
import { runWith } from "../../support/run.ts"

const timeout = 60_000
const limits = { name: "gateway", model: null, tokenLimitPer5h: 1000, expiresAt: null }

/** Reads models no more: any lookup that reaches the database fails. */
const databaseGone = Effect.flatMap(ReadModels, (readModels) =>
  Effect.succeed({
    ...readModels,
    get: () => Effect.fail(new StoreUnavailable({ operation: "read document", reason: "gone" }))
  }))

/** Long enough for the follower's first look at the log (it starts with the first lookup). */
const followerLooked = Effect.sleep("100 millis")

for (const backend of Backends.all) {
  describe(`API key cache: ${backend.name}`, () => {
    const run = <A, E>(effect: Effect.Effect<A, E, any>) => runWith(appLayer(backend), effect as Effect.Effect<A, E, never>)

    test("a key once authenticated is authenticated again without reading the database", async () => {
      const result = await run(Effect.gen(function*() {
        const created = yield* ApiKeys.create("alice", limits)
        const first = yield* ApiKeys.authenticate(created.secret)
        yield* followerLooked
        const gone = yield* databaseGone
        const again = yield* ApiKeys.authenticate(created.secret).pipe(Effect.provideService(ReadModels, gone))
        const unknown = yield* Effect.flip(ApiKeys.authenticate(Redacted.make("sk_unknown")).pipe(Effect.provideService(ReadModels, gone)))
        return { first, again, unknown }
      }))
      expect(result.again).toEqual(result.first)
      // An unknown secret is not cached: it still asks the database (here gone).
      expect(result.unknown._tag).toBe("StoreUnavailable")
    }, timeout)

    test("a key deleted or changed in this process is forgotten as the change commits", async () => {
      const result = await run(Effect.gen(function*() {
        const created = yield* ApiKeys.create("alice", limits)
        const kept = yield* ApiKeys.create("alice", limits)
        yield* ApiKeys.authenticate(created.secret)
        yield* ApiKeys.authenticate(kept.secret)
        yield* followerLooked
        yield* ApiKeys.update("alice", kept.keyId, { name: "renamed" })
        const gone = yield* databaseGone
        // Forgotten: the next lookup goes to the database (here gone).
        const changed = yield* Effect.flip(ApiKeys.authenticate(kept.secret).pipe(Effect.provideService(ReadModels, gone)))
        yield* ApiKeys.remove("alice", created.keyId)
        // Long before the follower's next look: only the forget can have done it.
        const deleted = yield* Effect.flip(ApiKeys.authenticate(created.secret))
        return { changed, deleted, stillThere: yield* ApiKeys.authenticate(kept.secret) }
      }))
      expect(result.changed._tag).toBe("StoreUnavailable")
      expect(result.deleted._tag).toBe("ApiKeyNotFound")
      expect(result.stillThere.owner).toBe("alice")
    }, timeout)

    test("a key deleted by another process stops authenticating within 1 s", async () => {
      const result = await run(Effect.gen(function*() {
        const created = yield* ApiKeys.create("alice", limits)
        yield* ApiKeys.authenticate(created.secret)
        yield* followerLooked
        // Another process: its own cache forgets, this one's does not.
        const elsewhere = yield* ApiKeys.keyCache(yield* EventStore)
        yield* ApiKeys.remove("alice", created.keyId).pipe(Effect.provideService(ApiKeyCache.ApiKeyCache, elsewhere))
        yield* Effect.sleep(ApiKeyCache.defaultStaleAfter)
        return yield* Effect.flip(ApiKeys.authenticate(created.secret))
      }))
      expect(result._tag).toBe("ApiKeyNotFound")
    }, timeout)
  })
}

describe("API key cache", () => {
  /** A log that never changes, whose follower can be made to fail. */
  const quietLog = (failing: { now: boolean }) =>
    ({
      head: Effect.suspend(() => failing.now ? Effect.fail(new StoreUnavailable({ operation: "head", reason: "down" })) : Effect.succeed(0)),
      query: () => Effect.succeed([])
    }) as unknown as EventStoreService

  const cacheOf = (store: EventStoreService, capacity = 10) =>
    ApiKeyCache.make(store, { changes: ["Changed"], keyOf: (streamId) => streamId, capacity, pollInterval: "10 millis", staleAfter: "100 millis" })

  const counted = (loads: Array<string>, hash: string) =>
    Effect.sync(() => {
      loads.push(hash)
      return Option.some({ keyId: `key-${hash}`, owner: "alice", expiresAt: null })
    })

  test("holds at most its capacity: the least recently used key goes first", async () => {
    const loads = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const cache = yield* cacheOf(quietLog({ now: false }), 2)
      const loads: Array<string> = []
      yield* cache.lookup("a", counted(loads, "a"))
      yield* Effect.sleep("30 millis")
      yield* cache.lookup("b", counted(loads, "b"))
      yield* cache.lookup("a", counted(loads, "a"))
      yield* cache.lookup("c", counted(loads, "c"))
      // b was the least recently used of a, b: it went when c came.
      yield* cache.lookup("a", counted(loads, "a"))
      yield* cache.lookup("b", counted(loads, "b"))
      return loads
    })))
    expect(loads).toEqual(["a", "b", "c", "b"])
  })

  test("a follower that cannot look at the log turns the cache off once it is stale", async () => {
    const loads = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const failing = { now: false }
      const cache = yield* cacheOf(quietLog(failing))
      const loads: Array<string> = []
      yield* cache.lookup("a", counted(loads, "a"))
      yield* Effect.sleep("30 millis")
      yield* cache.lookup("a", counted(loads, "a"))
      failing.now = true
      yield* Effect.sleep("150 millis")
      yield* cache.lookup("a", counted(loads, "a"))
      return loads
    })))
    expect(loads).toEqual(["a", "a"])
  })

  test("a key is read in the calling turn only while the cache holds it fresh", async () => {
    const seen = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const failing = { now: false }
      const cache = yield* cacheOf(quietLog(failing))
      const before = cache.peek("a", Date.now())
      yield* cache.lookup("a", counted([], "a"))
      yield* Effect.sleep("30 millis")
      const fresh = cache.peek("a", Date.now())
      const unknown = cache.peek("b", Date.now())
      // The clock the follower's last look is measured on: past the bound, nothing.
      const late = cache.peek("a", Date.now() + 150)
      failing.now = true
      yield* Effect.sleep("150 millis")
      const stale = cache.peek("a", Date.now())
      failing.now = false
      yield* Effect.sleep("30 millis")
      const again = cache.peek("a", Date.now())
      cache.forget("key-a")
      return { before, fresh, unknown, late, stale, again, forgotten: cache.peek("a", Date.now()) }
    })))
    expect(seen).toEqual({
      before: undefined,
      fresh: { keyId: "key-a", owner: "alice", expiresAt: null },
      unknown: undefined,
      late: undefined,
      stale: undefined,
      again: { keyId: "key-a", owner: "alice", expiresAt: null },
      forgotten: undefined
    })
  })

  test("what a lookup read while its key was being forgotten is not kept", async () => {
    const loads = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const cache = yield* cacheOf(quietLog({ now: false }))
      const loads: Array<string> = []
      yield* cache.lookup("warm", counted(loads, "warm"))
      yield* Effect.sleep("30 millis")
      // The key changes (another request of this process) while the lookup reads it.
      yield* cache.lookup("a", Effect.andThen(Effect.sync(() => cache.forget("key-a")), counted(loads, "a")))
      yield* cache.lookup("a", counted(loads, "a"))
      return loads
    })))
    expect(loads).toEqual(["warm", "a", "a"])
  })
})
