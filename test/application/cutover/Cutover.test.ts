import { describe, expect, test } from "bun:test"
import { Context, Effect, Fiber, Option, Redacted } from "effect"
import { catchUp } from "../../../application/cutover/catchUp.ts"
import * as Cutover from "../../../application/cutover/Cutover.ts"
import * as CutoverRecord from "../../../application/cutover/CutoverRecord.ts"
import { mirror } from "../../../application/cutover/mirror.ts"
import { type Verification, verifyCopy } from "../../../application/cutover/verifyCopy.ts"
import { EventStore, ExpectedVersion } from "../../../application/ports/EventStore.ts"
import { LogOperations } from "../../../application/ports/LogOperations.ts"
import { KeyRing, Secrets } from "../../../application/ports/Secrets.ts"
import * as Tokens from "../../../application/features/Tokens.ts"
import * as MasterKeys from "../../../adapters/secrets/MasterKeys.ts"
import { projections } from "../../../main.ts"
import * as Backends from "../../support/backends.ts"
import { caughtUp, side } from "../../support/cutoverSides.ts"
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
        const afterCopy = yield* verifyCopy(sides)

        // Mirroring: new writes reach the target with its projections; a forgotten owner is shredded there too.
        const mirroring = yield* Effect.forkChild(mirror(origin, target))
        yield* onOrigin(Tokens.save("alice", "bot", token("a-2")))
        yield* originLog.append("orders-2", events(20), ExpectedVersion.noStream)
        yield* onOrigin(Effect.flatMap(Secrets, (secrets) => secrets.forget("bob")))
        yield* caughtUp(origin, target)
        yield* Effect.sleep("1200 millis")
        const bobKeyOnTarget = yield* Context.get(target, KeyRing).byOwner("bob")
        const whileMirroring = yield* verifyCopy(sides)
        const writeToTarget = yield* Effect.result(targetLog.append("stray", events(1), ExpectedVersion.any))
        yield* Fiber.interrupt(mirroring)

        // Switch: the origin is fenced, the target serves, and mirrors back.
        const switched = yield* Cutover.switchOver(sides)
        const writeToOrigin = yield* Effect.result(originLog.append("late", events(1), ExpectedVersion.any))
        yield* onTarget(Tokens.save("alice", "bot", token("a-3")))
        const back = yield* Effect.forkChild(mirror(target, origin))
        yield* targetLog.append("orders-3", events(10), ExpectedVersion.noStream)
        yield* caughtUp(target, origin)
        yield* Fiber.interrupt(back)

        // Roll back: the origin replays what the target took, and serves again.
        const rolledBack = yield* Cutover.rollback(sides)
        // Its CutoverRolledBack event is on the origin alone until the mirror (a server's, in production) takes it.
        yield* catchUp(origin, target, { applyProjections: true })
        const afterRollback = yield* verifyCopy(sides)
        yield* originLog.append("orders-4", events(5), ExpectedVersion.noStream)
        const aliceAfterRollback = yield* onOrigin(Tokens.get("alice", "bot"))

        // Again, to the end.
        yield* Cutover.start(sides, { url: "target://secret@host/db", label: "target://host/db" })
        yield* Cutover.switchOver(sides)
        const finished = yield* Cutover.finish(sides)
        const finalCheck = yield* verifyCopy(sides)
        const aliceOnTarget = yield* onTarget(Tokens.get("alice", "bot"))
        const originFence = yield* Context.get(origin, LogOperations).fenceState
        const history = yield* targetLog.query({ streamId: `cutover-${started.record.id}`, after: 0, limit: 100 })
        const record = yield* onOrigin(CutoverRecord.read)
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

      const identicalWithProjections = (verification: Verification) => {
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

