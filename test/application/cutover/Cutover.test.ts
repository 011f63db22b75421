import { describe, expect, test } from "bun:test"
import { Context, Deferred, Duration, Effect, Fiber, Layer, Option, Redacted } from "effect"
import * as Cutover from "../../../application/cutover/Cutover.ts"
import { EventStore, ExpectedVersion } from "../../../application/ports/EventStore.ts"
import { InlineProjections } from "../../../application/eventsourcing/Projection.ts"
import { KeyRing, Secrets } from "../../../application/ports/Secrets.ts"
import * as Tokens from "../../../application/features/Tokens.ts"
import * as AesGcmSecrets from "../../../adapters/secrets/AesGcmSecrets.ts"
import * as MasterKeys from "../../../adapters/secrets/MasterKeys.ts"
import { projections } from "../../../main.ts"
import * as Backends from "../../support/backends.ts"
import { logIndexes } from "../../support/logIndexes.ts"
import { events } from "../../support/run.ts"

/**
 * The cutover protocol between every pair of backends, at small scale: copy, mirror,
 * switch, mirror back, roll back, switch again, finish — and at every step the two logs
 * identical by hash and the read models equal.
 */

const timeout = 120_000

const token = (access: string): Tokens.TokenInput => ({
  accessToken: Redacted.make(access),
  refreshToken: Redacted.make(`refresh-${access}`),
  expiresIn: 14_400,
  obtainmentTimestamp: 1_700_000_000_000,
  scopes: ["chat:read"]
})

const side = (backend: Backends.Backend, masterKeys: AesGcmSecrets.MasterKeys) =>
  Layer.build(
    Layer.provideMerge(AesGcmSecrets.layer(masterKeys), backend.layer(projections)).pipe(
      Layer.merge(Layer.succeed(InlineProjections, projections))
    )
  )

/** Waits until `to` has every event of `from`. */
const caughtUp = (from: Cutover.SideContext, to: Cutover.SideContext) =>
  Effect.gen(function*() {
    const want = yield* Context.get(from, EventStore).head
    while ((yield* Context.get(to, EventStore).head) < want) yield* Effect.sleep("10 millis")
  })

const pairs: ReadonlyArray<readonly [Backends.Backend, Backends.Backend]> = [
  [Backends.sqlite, Backends.postgres],
  [Backends.postgres, Backends.sqlite],
  [Backends.sqlite, Backends.libsql],
  [Backends.libsql, Backends.sqlite],
  [Backends.postgres, Backends.libsql],
  [Backends.libsql, Backends.postgres],
  [Backends.memory, Backends.sqlite]
]

for (const [from, to] of pairs) {
  describe(`cutover: ${from.name} → ${to.name}`, () => {
    test("copy, mirror, switch, roll back, switch again and finish: nothing lost, nothing doubled, logs identical", async () => {
      const result = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
        const masterKeys = MasterKeys.ephemeral()
        const origin = yield* side(from, masterKeys)
        const target = yield* side(to, masterKeys)
        const sides = { origin, target }
        const onOrigin = <A, E>(effect: Effect.Effect<A, E, any>) => Effect.provide(effect, origin) as Effect.Effect<A, E>
        const onTarget = <A, E>(effect: Effect.Effect<A, E, any>) => Effect.provide(effect, target) as Effect.Effect<A, E>
        const originLog = Context.get(origin, EventStore)
        const targetLog = Context.get(target, EventStore)

        // Before: secrets sealed under two owners, and plain events.
        yield* onOrigin(Tokens.save("alice", "bot", token("a-1")))
        yield* onOrigin(Tokens.save("bob", "bot", token("b-1")))
        yield* originLog.append("orders-1", events(30), ExpectedVersion.noStream)

        const started = yield* Cutover.start(sides, { url: "target://secret@host/db", label: "target://host/db" })
        const afterCopy = yield* Cutover.verify(sides)

        // Mirroring: new writes reach the target with its projections; a forgotten owner is shredded there too.
        const mirror = yield* Effect.forkChild(Cutover.mirror(origin, target))
        yield* onOrigin(Tokens.save("alice", "bot", token("a-2")))
        yield* originLog.append("orders-2", events(20), ExpectedVersion.noStream)
        yield* onOrigin(Effect.flatMap(Secrets, (secrets) => secrets.forget("bob")))
        yield* caughtUp(origin, target)
        yield* Effect.sleep("1200 millis")
        const bobKeyOnTarget = yield* Context.get(target, KeyRing).byOwner("bob")
        const whileMirroring = yield* Cutover.verify(sides)
        const writeToTarget = yield* Effect.result(targetLog.append("stray", events(1), ExpectedVersion.any))
        yield* Fiber.interrupt(mirror)

        // Switch: the origin is fenced, the target serves, and mirrors back.
        const switched = yield* Cutover.switchOver(sides)
        const writeToOrigin = yield* Effect.result(originLog.append("late", events(1), ExpectedVersion.any))
        yield* onTarget(Tokens.save("alice", "bot", token("a-3")))
        const back = yield* Effect.forkChild(Cutover.mirror(target, origin))
        yield* targetLog.append("orders-3", events(10), ExpectedVersion.noStream)
        yield* caughtUp(target, origin)
        yield* Fiber.interrupt(back)

        // Roll back: the origin replays what the target took, and serves again.
        const rolledBack = yield* Cutover.rollback(sides)
        // Its CutoverRolledBack event is on the origin alone until the mirror (a server's, in production) takes it.
        yield* Cutover.catchUp(origin, target, { applyProjections: true })
        const afterRollback = yield* Cutover.verify(sides)
        yield* originLog.append("orders-4", events(5), ExpectedVersion.noStream)
        const aliceAfterRollback = yield* onOrigin(Tokens.get("alice", "bot"))

        // Again, to the end.
        yield* Cutover.start(sides, { url: "target://secret@host/db", label: "target://host/db" })
        yield* Cutover.switchOver(sides)
        const finished = yield* Cutover.finish(sides)
        const finalCheck = yield* Cutover.verify(sides)
        const aliceOnTarget = yield* onTarget(Tokens.get("alice", "bot"))
        const originFence = yield* originLog.fenceState
        const history = yield* targetLog.query({ streamId: `cutover-${started.record.id}`, after: 0, limit: 100 })
        const record = yield* onOrigin(Cutover.readRecord)
        return {
          afterCopy,
          whileMirroring,
          bobKeyOnTarget,
          writeToTarget,
          switched,
          writeToOrigin,
          rolledBack,
          afterRollback,
          aliceAfterRollback,
          finished,
          finalCheck,
          aliceOnTarget,
          originFence,
          history,
          record
        }
      })))

      const identicalWithProjections = (verification: Cutover.Verification) => {
        expect(verification.identical).toBe(true)
        expect(verification.originHead).toBe(verification.targetHead)
        expect(verification.projections?.length).toBe(projections.length)
        for (const projection of verification.projections ?? []) expect(projection.differing).toEqual([])
      }
      identicalWithProjections(result.afterCopy)
      identicalWithProjections(result.whileMirroring)
      identicalWithProjections(result.afterRollback)
      // The old backend holds everything up to the finish; the target's CutoverFinished is its first event alone.
      expect(result.finalCheck.identical).toBe(true)
      expect(result.finalCheck.targetHead).toBe(result.finalCheck.originHead + 1)
      expect(result.bobKeyOnTarget).toBeUndefined()
      expect(result.writeToTarget._tag).toBe("Failure")
      expect(result.writeToOrigin._tag).toBe("Failure")
      expect(result.switched.record.phase).toBe("switched")
      expect(result.rolledBack.phase).toBe("mirroring")
      expect(Redacted.value(result.aliceAfterRollback.accessToken)).toBe("a-3")
      expect(Redacted.value(result.aliceOnTarget.accessToken)).toBe("a-3")
      expect(result.finished.phase).toBe("finished")
      expect(result.originFence?.reason).toContain("finished")
      expect(result.history.map((event) => event.type)).toEqual([
        "CutoverStarted",
        "CutoverCopied",
        "CutoverSwitched",
        "CutoverRolledBack",
        "CutoverSwitched",
        "CutoverFinished"
      ])
      expect(Option.map(result.record, (recorded) => recorded.record.phase)).toEqual(Option.some("finished"))
      // The target's URL is sealed in the record: its credentials are nowhere in clear.
      expect(JSON.stringify(result.record)).not.toContain("secret@")
    }, timeout)
  })
}

describe("cutover: the copy's digests", () => {
  test("a copy leaves both logs' digests at its last block, so the verify after it reads only the rest; a copy without them reads everything again", async () => {
    const reads = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const masterKeys = MasterKeys.ephemeral()
      const origin = yield* side(Backends.sqlite, masterKeys)
      yield* Effect.provide(Effect.flatMap(EventStore, (store) =>
        Effect.forEach(Array.from({ length: 25 }, (_, index) => index), (index) => store.append(`s-${index}`, events(100)), { discard: true })), origin)
      /** The side with the events its verify reads counted. */
      const counted = (target: Cutover.SideContext) => {
        const counter = { events: 0 }
        const count = (side: Cutover.SideContext) => {
          const store = Context.get(side, EventStore)
          return Context.add(side, EventStore, {
            ...store,
            readAll: (options) => Effect.tap(store.readAll(options), (page) => Effect.sync(() => (counter.events += page.length)))
          })
        }
        return { counter, sides: { origin: count(origin), target: count(target) } }
      }
      const result: Record<string, number> = {}
      for (const digest of [true, false]) {
        const target = yield* side(Backends.sqlite, masterKeys)
        yield* Cutover.catchUp(origin, target, { applyProjections: false, digest })
        const { counter, sides } = counted(target)
        const verification = yield* Cutover.verify(sides, { projections: false })
        expect(verification.identical).toBe(true)
        expect(verification.target.count).toBe(2_500)
        result[String(digest)] = counter.events
      }
      return result
    })))
    // Blocks of 1,000: 500 events after the last one, on each side; without, the new target
    // is read whole (the origin kept its digest from the first copy).
    expect(reads).toEqual({ true: 1_000, false: 500 + 2_500 })
  }, timeout)
})

describe("cutover: refusals", () => {
  test("a switch before a cutover, a finish before a switch, an abort after one are refused by name", async () => {
    const result = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const masterKeys = MasterKeys.ephemeral()
      const sides = { origin: yield* side(Backends.memory, masterKeys), target: yield* side(Backends.memory, masterKeys) }
      const early = yield* Effect.flip(Cutover.switchOver(sides))
      yield* Cutover.start(sides, { url: "memory:", label: "memory:" })
      const unfinished = yield* Effect.flip(Cutover.finish(sides))
      yield* Cutover.switchOver(sides)
      const late = yield* Effect.flip(Cutover.abort(sides))
      const otherTarget = yield* Effect.flip(Cutover.start(sides, { url: "other:", label: "other:" }))
      return { early, unfinished, late, otherTarget } as Record<string, { readonly message: string; readonly _tag: string }>
    })))
    expect(result.early!.message).toContain("no cutover is under way")
    expect(result.unfinished!.message).toContain("switch first")
    expect(result.late!.message).toContain("roll back instead")
    expect(result.otherTarget!._tag).toBe("CutoverRefused")
  }, timeout)
})

describe("cutover: the mirror's lease", () => {
  test("one holder at a time; a holder that stops renewing is taken over once its lease runs out; a release hands it over at once", async () => {
    const result = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const origin = yield* side(Backends.sqlite, MasterKeys.ephemeral())
      const hold = (holder: string, ttl: string) => Effect.provide(Cutover.holdLease(holder, Duration.fromInputUnsafe(ttl as Duration.Input)), origin)
      const first = yield* hold("a", "300 millis")
      const contested = yield* hold("b", "300 millis")
      const renewed = yield* hold("a", "300 millis")
      yield* Effect.sleep("400 millis")
      const takenOver = yield* hold("b", "300 millis")
      const lost = yield* hold("a", "300 millis")
      yield* Effect.provide(Cutover.releaseLease("b"), origin)
      const handedOver = yield* hold("a", "300 millis")
      return { first, contested, renewed, takenOver, lost, handedOver }
    })))
    expect(result).toEqual({ first: true, contested: false, renewed: true, takenOver: true, lost: false, handedOver: true })
  }, timeout)
})

describe("cutover: a copy killed before it built the target's indexes", () => {
  test("the mirror's holder builds what the copy set aside before it mirrors", async () => {
    const result = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const masterKeys = MasterKeys.ephemeral()
      const origin = yield* side(Backends.memory, masterKeys)
      const target = yield* side(Backends.postgres, masterKeys)
      yield* Context.get(origin, EventStore).append("orders-1", events(20), ExpectedVersion.noStream)
      const full = yield* Effect.promise(() => logIndexes(Backends.postgres))
      // The copy is killed inside its bulk load: its last step, the build, never runs.
      const copied = yield* Deferred.make<void>()
      const copy = yield* Effect.forkChild(Context.get(target, EventStore).bulkLoad(
        Effect.andThen(Cutover.catchUp(origin, target, { applyProjections: false }), Effect.andThen(Deferred.succeed(copied, undefined), Effect.never))
      ))
      yield* Deferred.await(copied)
      yield* Fiber.interrupt(copy)
      const killed = yield* Effect.promise(() => logIndexes(Backends.postgres))
      const mirror = yield* Effect.forkChild(Cutover.mirror(origin, target))
      yield* Context.get(origin, EventStore).append("orders-2", events(5), ExpectedVersion.noStream)
      yield* caughtUp(origin, target)
      yield* Fiber.interrupt(mirror)
      return { full, killed, mirrored: yield* Effect.promise(() => logIndexes(Backends.postgres)) }
    })))
    expect(result.killed.length).toBeLessThan(result.full.length)
    expect(result.mirrored).toEqual(result.full)
  }, timeout)
})
