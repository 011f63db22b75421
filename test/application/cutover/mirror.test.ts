import { describe, expect, test } from "bun:test"
import { Context, Deferred, Effect, Fiber } from "effect"
import { catchUp } from "../../../application/cutover/catchUp.ts"
import { mirror } from "../../../application/cutover/mirror.ts"
import { EventStore, ExpectedVersion } from "../../../application/ports/EventStore.ts"
import { LogOperations } from "../../../application/ports/LogOperations.ts"
import * as MasterKeys from "../../../adapters/secrets/MasterKeys.ts"
import * as Backends from "../../support/backends.ts"
import { caughtUp, side } from "../../support/cutoverSides.ts"
import { logIndexes } from "../../support/logIndexes.ts"
import { events } from "../../support/run.ts"

const timeout = 120_000

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
      const copy = yield* Effect.forkChild(Context.get(target, LogOperations).bulkLoad(
        Effect.andThen(catchUp(origin, target, { applyProjections: false }), Effect.andThen(Deferred.succeed(copied, undefined), Effect.never))
      ))
      yield* Deferred.await(copied)
      yield* Fiber.interrupt(copy)
      const killed = yield* Effect.promise(() => logIndexes(Backends.postgres))
      const mirroring = yield* Effect.forkChild(mirror(origin, target))
      yield* Context.get(origin, EventStore).append("orders-2", events(5), ExpectedVersion.noStream)
      yield* caughtUp(origin, target)
      yield* Fiber.interrupt(mirroring)
      return { full, killed, mirrored: yield* Effect.promise(() => logIndexes(Backends.postgres)) }
    })))
    expect(result.killed.length).toBeLessThan(result.full.length)
    expect(result.mirrored).toEqual(result.full)
  }, timeout)
})
