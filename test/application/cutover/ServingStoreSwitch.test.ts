import { describe, expect, test } from "bun:test"
import { Context, Effect, Exit, Fiber, Scope } from "effect"
import { ControlRecords } from "../../../application/ports/ControlRecords.ts"
import * as Cutover from "../../../application/cutover/Cutover.ts"
import { EventStore, ExpectedVersion } from "../../../application/ports/EventStore.ts"
import { LogOperations } from "../../../application/ports/LogOperations.ts"
import * as ServingStore from "../../../application/cutover/ServingStore.ts"
import * as MasterKeys from "../../../adapters/secrets/MasterKeys.ts"
import * as Backends from "../../support/backends.ts"
import { side } from "../../support/cutoverSides.ts"
import { events } from "../../support/run.ts"

/**
 * Serving processes through a switch. A switch whose command dies after it fenced the
 * origin leaves the fence until the step is run again: a serving process's writes meanwhile
 * wait and land on the new primary once it is — even when that takes longer than a switch
 * does (they used to give up after 2 s: a 503). And a process whose readings of the record
 * are late (here: slow to answer) does not serve from the old side once the new one takes
 * writes: it reads the record again first.
 */

/** Polls `done` every 20 ms, for at most 30 s. */
const until = (done: Effect.Effect<boolean>, what: string) =>
  Effect.gen(function*() {
    const deadline = Date.now() + 30_000
    while (!(yield* done)) {
      if (Date.now() > deadline) return yield* Effect.die(new Error(`gave up waiting for ${what}`))
      yield* Effect.sleep("20 millis")
    }
  })

describe("a switch whose command died after its fence", () => {
  test("writes to a serving process wait, then land on the target once the switch is run again", async () => {
    const result = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const masterKeys = MasterKeys.ephemeral()
      const origin = yield* side(Backends.memory, masterKeys)
      const target = yield* side(Backends.sqlite, masterKeys)
      const sides = { origin, target }
      yield* Cutover.start(sides, { url: "test://target", label: "target" })

      const scope = yield* Scope.make()
      yield* Effect.addFinalizer(() => Scope.close(scope, Exit.void))
      const serving = yield* ServingStore.make({ origin, open: () => Effect.succeed(target), holder: "test" }).pipe(Scope.provide(scope))
      const store = Context.get(serving.context, EventStore)
      yield* until(Effect.sync(() => serving.service.sides().target !== undefined && serving.service.mirroring()), "the serving store to open the target")
      yield* store.append("before", events(1), ExpectedVersion.noStream)

      // The switch's command, killed once it has fenced the origin: its target stops answering there.
      let killedHere = false
      const stuckTarget = Context.add(target, EventStore, {
        ...Context.get(target, EventStore),
        head: Effect.suspend(() => (killedHere ? Effect.never : Context.get(target, EventStore).head))
      }).pipe(Context.add(LogOperations, {
        ...Context.get(target, LogOperations),
        importEvents: (batch, options) => Effect.suspend(() => (killedHere ? Effect.never : Context.get(target, LogOperations).importEvents(batch, options)))
      }))
      const fencingOrigin = Context.add(origin, LogOperations, {
        ...Context.get(origin, LogOperations),
        fence: (reason) => Effect.tap(Context.get(origin, LogOperations).fence(reason), () => Effect.sync(() => void (killedHere = true)))
      })
      const command = yield* Effect.forkChild(Cutover.switchOver({ origin: fencingOrigin, target: stuckTarget }))
      yield* until(Effect.sync(() => killedHere), "the switch to fence the origin")
      yield* Fiber.interrupt(command)

      const startedAt = Date.now()
      const write = yield* Effect.forkChild(Effect.exit(store.append("during", events(1), ExpectedVersion.noStream)))
      // The step is run again later than a switch takes: longer than the 2 s appends used to wait.
      yield* Effect.sleep("2500 millis")
      const pendingAfterWait = write.pollUnsafe() === undefined
      yield* Cutover.switchOver(sides)
      const written = yield* Fiber.join(write)
      const onTarget = yield* Context.get(target, EventStore).readStream("during")
      const onOrigin = yield* Context.get(origin, EventStore).readStream("during")
      return { pendingAfterWait, written, waitedMs: Date.now() - startedAt, onTarget: onTarget.length, onOrigin: onOrigin.length }
    })))
    expect(result.pendingAfterWait).toBe(true)
    expect(Exit.isSuccess(result.written)).toBe(true)
    expect(result.onTarget).toBe(1)
    expect(result.onOrigin).toBe(0)
  }, 60_000)
})

describe("a serving process whose readings of the cutover record are late", () => {
  test("reads the record again before it serves, so it reads a write another process made on the new primary", async () => {
    const result = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const masterKeys = MasterKeys.ephemeral()
      const origin = yield* side(Backends.memory, masterKeys)
      const target = yield* side(Backends.sqlite, masterKeys)
      const sides = { origin, target }
      yield* Cutover.start(sides, { url: "test://target", label: "target" })

      // Process B reads the origin's control records slowly: each reading answers 300 ms after it began.
      let slow = false
      const records = Context.get(origin, ControlRecords)
      const slowOrigin = Context.add(origin, ControlRecords, {
        ...records,
        get: (name) => Effect.andThen(Effect.suspend(() => (slow ? Effect.sleep("300 millis") : Effect.void)), records.get(name))
      })
      const scope = yield* Scope.make()
      yield* Effect.addFinalizer(() => Scope.close(scope, Exit.void))
      const a = yield* ServingStore.make({ origin, open: () => Effect.succeed(target), holder: "a" }).pipe(Scope.provide(scope))
      const b = yield* ServingStore.make({ origin: slowOrigin, open: () => Effect.succeed(target), holder: "b" }).pipe(Scope.provide(scope))
      yield* until(
        Effect.sync(() => a.service.sides().target !== undefined && b.service.sides().target !== undefined),
        "both serving stores to open the target"
      )
      slow = true
      yield* Cutover.switchOver(sides)
      yield* Context.get(a.context, EventStore).append("written-through-a", events(1), ExpectedVersion.noStream)
      const readThroughB = yield* Context.get(b.context, EventStore).readStream("written-through-a")
      slow = false
      return { readThroughB: readThroughB.length, onTarget: (yield* Context.get(target, EventStore).readStream("written-through-a")).length }
    })))
    expect(result.onTarget).toBe(1)
    expect(result.readThroughB).toBe(1)
  }, 60_000)
})
