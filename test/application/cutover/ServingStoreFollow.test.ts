import { describe, expect, test } from "bun:test"
import { Context, Effect, Fiber, Stream } from "effect"
import * as Cutover from "../../../application/cutover/Cutover.ts"
import * as ServingStore from "../../../application/cutover/ServingStore.ts"
import { EventStore, ExpectedVersion, type RecordedEvent } from "../../../application/ports/EventStore.ts"
import * as MasterKeys from "../../../adapters/secrets/MasterKeys.ts"
import * as Backends from "../../support/backends.ts"
import { side } from "../../support/cutoverSides.ts"
import { events } from "../../support/run.ts"

/**
 * A reader following a serving process's log follows the side that serves: across a
 * cutover's switch, a rollback, a second switch and the finish it receives every event
 * of the log once, in position order — positions are portable, so it goes on from the
 * last one it received on whichever side serves next.
 */

/** Polls until `done` holds (a serving process learns of a step within 100 ms; a loaded machine takes longer). */
const until = (done: () => boolean, what: string) =>
  Effect.gen(function*() {
    const deadline = Date.now() + 30_000
    while (!done()) {
      if (Date.now() > deadline) return yield* Effect.die(new Error(`gave up waiting for ${what}`))
      yield* Effect.sleep("20 millis")
    }
  })

describe("following the log of a serving process across a cutover", () => {
  test("every event once, in position order, through switch, rollback, switch again and finish", async () => {
    const result = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const masterKeys = MasterKeys.ephemeral()
      const origin = yield* side(Backends.memory, masterKeys)
      const target = yield* side(Backends.sqlite, masterKeys)
      const sides = { origin, target }
      const serving = yield* ServingStore.make({ origin, open: () => Effect.succeed(target), holder: "test" })
      const log = Context.get(serving.context, EventStore)
      const seen: Array<RecordedEvent> = []
      const follower = yield* log.follow(0).pipe(
        Stream.runForEach((event) => Effect.sync(() => void seen.push(event))),
        Effect.forkChild
      )
      /** Appends through the serving store, then waits until the follower has the head of the side that serves. */
      const write = (stream: string, count: number) =>
        Effect.gen(function*() {
          const appended = yield* log.append(stream, events(count), ExpectedVersion.any)
          yield* until(() => seen.length > 0 && seen[seen.length - 1]!.position >= appended.lastPosition, `${stream} followed`)
        })
      const learnt = (phase: string) => until(() => serving.service.cutover()?.phase === phase, `the serving process reading ${phase}`)

      yield* write("before", 20)
      yield* Cutover.start(sides, { url: "target://host/db", label: "target://host/db" })
      yield* learnt("mirroring")
      yield* write("mirroring", 10)
      yield* Cutover.switchOver(sides)
      yield* learnt("switched")
      yield* write("switched", 10)
      yield* Cutover.rollback(sides)
      yield* learnt("mirroring")
      yield* write("rolled-back", 10)
      yield* Cutover.switchOver(sides)
      yield* learnt("switched")
      yield* write("switched-again", 10)
      yield* Cutover.finish(sides)
      yield* learnt("finished")
      yield* write("finished", 10)
      yield* Fiber.interrupt(follower)
      const head = yield* log.head
      return { positions: seen.map((event) => event.position), head, streams: new Set(seen.map((event) => event.streamId)) }
    })))
    expect(result.positions).toEqual(Array.from({ length: result.head }, (_, index) => index + 1))
    for (const stream of ["before", "mirroring", "switched", "rolled-back", "switched-again", "finished"]) {
      expect(result.streams.has(stream)).toBe(true)
    }
  }, 120_000)
})
