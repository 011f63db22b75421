import { describe, expect, test } from "bun:test"
import { Context, Effect, Exit, Fiber, Layer, Scope } from "effect"
import * as Cutover from "../../application/Cutover.ts"
import { EventStore, ExpectedVersion } from "../../application/EventStore.ts"
import { InlineProjections } from "../../application/Projection.ts"
import * as ServingStore from "../../application/ServingStore.ts"
import * as AesGcmSecrets from "../../adapters/secrets/AesGcmSecrets.ts"
import * as MasterKeys from "../../adapters/secrets/MasterKeys.ts"
import { projections } from "../../main.ts"
import * as Backends from "../support/backends.ts"
import { events } from "../support/run.ts"

/**
 * A switch whose command dies after it fenced the origin leaves the fence until the step is
 * run again. A serving process's writes meanwhile wait and land on the new primary once it
 * is — even when that takes longer than a switch does (it used to give up after 2 s: a 503).
 */

const side = (backend: Backends.Backend, masterKeys: AesGcmSecrets.MasterKeys) =>
  Layer.build(
    Layer.provideMerge(AesGcmSecrets.layer(masterKeys), backend.layer(projections)).pipe(
      Layer.merge(Layer.succeed(InlineProjections, projections))
    )
  )

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
        head: Effect.suspend(() => (killedHere ? Effect.never : Context.get(target, EventStore).head)),
        importEvents: (batch, options) => Effect.suspend(() => (killedHere ? Effect.never : Context.get(target, EventStore).importEvents(batch, options)))
      })
      const fencingOrigin = Context.add(origin, EventStore, {
        ...Context.get(origin, EventStore),
        fence: (reason) => Effect.tap(Context.get(origin, EventStore).fence(reason), () => Effect.sync(() => void (killedHere = true)))
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
