import { describe, expect, test } from "bun:test"
import { Effect, Redacted, Result } from "effect"
import * as Aggregate from "../../../application/eventsourcing/Aggregate.ts"
import * as ApiKeys from "../../../application/features/ApiKeys.ts"
import { hashedId } from "../../../application/ports/EventIds.ts"
import { EventStore } from "../../../application/ports/EventStore.ts"
import type { Idempotency } from "../../../application/eventsourcing/Idempotency.ts"
import * as Idempotent from "../../../application/eventsourcing/Idempotency.ts"
import { StateCache } from "../../../application/ports/StateCache.ts"
import * as Tokens from "../../../application/features/Tokens.ts"
import * as Backends from "../../support/backends.ts"
import { appLayer } from "../../support/app.ts"
import { runWith } from "../../support/run.ts"

/**
 * Idempotent commands, below HTTP: their ids derive from the key, so a resend — after the
 * stream moved on, racing its original, through a retry after a lost race — is answered
 * as the original was and the log holds its events once.
 */

const timeout = 60_000

const key = (name: string, fingerprint = "f1"): Idempotency => ({
  scope: `test scope ${name}`,
  fingerprint,
  secret: Redacted.make(`secret of ${name}`)
})

const values = (access: string): Tokens.TokenInput => ({
  accessToken: Redacted.make(access),
  refreshToken: Redacted.make("r"),
  expiresIn: null,
  obtainmentTimestamp: 1,
  scopes: []
})

const count = (streamId: string) => Effect.map(Effect.flatMap(EventStore, (store) => store.readStream(streamId)), (events) => events.length)

for (const backend of [Backends.memory, Backends.sqlite, Backends.libsql, Backends.postgres]) {
  describe(`idempotent commands: ${backend.name}`, () => {
    const run = <A, E>(effect: Effect.Effect<A, E, any>) => runWith(appLayer(backend), effect as Effect.Effect<A, E, never>)

    test("a resend after the stream moved on is answered as the original and writes nothing", async () => {
      const result = await run(Effect.gen(function*() {
        const save = Tokens.save("alice", "t", values("a1"), { idempotency: key("save") })
        const first = yield* save
        yield* Tokens.save("alice", "t", values("a2"))
        const again = yield* save
        const reused = yield* Effect.flip(Tokens.save("alice", "t", values("a3"), { idempotency: key("save", "f2") }))
        const events = yield* Effect.flatMap(EventStore, (store) => store.readStream("token-alice:t"))
        return { first, again, reused, events }
      }))
      expect(result.again).toEqual(result.first)
      expect(result.reused._tag).toBe("IdempotencyKeyReused")
      expect(result.events.map((event) => event.metadata.causationId)).toEqual(["idempotency:f1", undefined])
      expect(result.events[0]!.eventId).toBe(Idempotent.eventId(key("save"), 0))
    }, timeout)

    test("usage resent in the same batch, racing its original, or after the quota filled up: once, answered alike", async () => {
      const result = await run(Effect.gen(function*() {
        const created = yield* ApiKeys.create("alice", { name: "k", model: null, tokenLimitPer5h: 100, expiresAt: null })
        const use = (name: string, tokens: number) =>
          ApiKeys.recordUsage(created.keyId, tokens, { enforceQuota: true, metadata: { idempotency: key(name) } })
        const together = yield* Effect.all([use("u1", 30), use("u1", 30), use("u2", 30), use("u2", 30)], { concurrency: "unbounded" })
        yield* ApiKeys.recordUsage(created.keyId, 40, { enforceQuota: true })
        const late = yield* use("u1", 30)
        const refused = yield* Effect.flip(use("u3", 30))
        return { together, late, refused, events: yield* count(`apikey-${created.keyId}`) }
      }))
      expect(result.together[1]).toEqual(result.together[0]!)
      expect(result.together[3]).toEqual(result.together[2]!)
      expect(result.late).toEqual(result.together[0]!)
      expect(result.refused._tag).toBe("QuotaExceeded")
      expect(result.events).toBe(4)
    }, timeout)

    test("a retry after a lost race keeps the derived ids: one set of events", async () => {
      const result = await run(Effect.gen(function*() {
        const idempotency = key("remove")
        yield* Tokens.save("bob", "t", values("a"))
        // The cache of this process is stale: another writer moved the stream meanwhile.
        const cache = yield* StateCache
        const streamId = Aggregate.streamOf(Tokens.TokenAggregate, "bob:t")
        const stale = cache.get(streamId)!
        yield* Tokens.save("bob", "t", values("b"))
        cache.set(streamId, stale)
        yield* Tokens.remove("bob", "t", undefined, { idempotency })
        const again = yield* Effect.result(Tokens.remove("bob", "t", undefined, { idempotency }))
        const events = yield* Effect.flatMap(EventStore, (store) => store.readStream(streamId))
        return { again, events }
      }))
      expect(Result.isSuccess(result.again)).toBe(true)
      expect(result.events.map((event) => event.type)).toEqual(["TokenSaved", "TokenSaved", "TokenDeleted"])
      expect(result.events[2]!.eventId).toBe(Idempotent.eventId(key("remove"), 0))
    }, timeout)
  })
}

describe("derived ids", () => {
  test("are the ids earlier versions derived: a resend after an upgrade still finds its original", () => {
    const key = { scope: "scope-1", fingerprint: "f", secret: Redacted.make("s") } as Idempotency
    expect(Idempotent.eventId(key, 0)).toBe("e3f54e81-b7b7-8456-9437-0fe8cf5f43dc")
  })

  test("a cutover's step ids are those earlier versions derived: a step run again after an upgrade writes its event once", () => {
    expect(hashedId("cutover-1/3")).toBe("984f800e-742b-8812-a854-5e556dbe757b")
  })
})
