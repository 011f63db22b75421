import { describe, expect, test } from "bun:test"
import { Context, Effect, Fiber } from "effect"
import * as Cutover from "../../../application/cutover/Cutover.ts"
import * as ServingStore from "../../../application/cutover/ServingStore.ts"
import * as LiveLog from "../../../application/eventsourcing/LiveLog.ts"
import { EventStore, ExpectedVersion } from "../../../application/ports/EventStore.ts"
import * as MasterKeys from "../../../adapters/secrets/MasterKeys.ts"
import * as Backends from "../../support/backends.ts"
import { side } from "../../support/cutoverSides.ts"
import { events } from "../../support/run.ts"

/**
 * The live log's guarantees: a reader gets every event after its position once, in order,
 * whether it catches up from the log or takes them from the shared follower; one that
 * stops reading is not kept up with past its buffer, and is told where to resume; and it
 * follows the log across a cutover's switch.
 */

/** Reads the subscription until it has `count` events (or it ends): their positions, and a `Behind` if one came. */
const take = (subscription: LiveLog.Subscription, count: number) =>
  Effect.gen(function*() {
    const positions: Array<number> = []
    let behind: number | undefined
    while (positions.length < count && behind === undefined) {
      const items = yield* subscription.next
      if (items.length === 0) break
      for (const item of items) {
        if (item._tag === "Event") positions.push(item.event.position)
        else behind = item.position
      }
    }
    return { positions, behind }
  })

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index)

describe("the live log", () => {
  test("a reader from a position catches up from the log, then takes new events from the follower: each once, in order", async () => {
    const result = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const store = yield* side(Backends.sqlite, MasterKeys.ephemeral())
      const log = Context.get(store, EventStore)
      yield* log.append("a", events(30), ExpectedVersion.any)
      const live = yield* Effect.provide(LiveLog.make({ bufferSize: 100, pageSize: 7, recent: 10 }), store)
      const early = yield* live.subscribe(5, {})
      const first = yield* take(early, 25)
      yield* log.append("b", events(10), ExpectedVersion.any)
      const second = yield* take(early, 10)
      // A second reader joins while the first follows: its catching up ends on the follower too.
      const late = yield* live.subscribe(12, { streamPrefix: "b" })
      yield* log.append("a", events(5), ExpectedVersion.any)
      yield* log.append("b", events(5), ExpectedVersion.any)
      const third = yield* take(late, 15)
      const fourth = yield* take(early, 10)
      early.close()
      late.close()
      return { first, second, third, fourth }
    })))
    expect(result.first.positions).toEqual(range(6, 30))
    expect(result.second.positions).toEqual(range(31, 40))
    expect(result.third.positions).toEqual([...range(31, 40), ...range(46, 50)])
    expect(result.fourth.positions).toEqual(range(41, 50))
  }, 60_000)

  test("a reader that stops reading is left no more than its buffer, is told where to resume, and resumes without a gap", async () => {
    const result = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const store = yield* side(Backends.memory, MasterKeys.ephemeral())
      const log = Context.get(store, EventStore)
      const live = yield* Effect.provide(LiveLog.make({ bufferSize: 20, pageSize: 50, recent: 10 }), store)
      const slow = yield* live.subscribe(0, {})
      // It reads until it has caught up and waits on the follower, which gives it the next event.
      const reading = yield* Effect.forkChild(take(slow, 1))
      while (!slow.following()) yield* Effect.sleep("5 millis")
      yield* log.append("a", events(1), ExpectedVersion.any)
      const firstRead = yield* Effect.exit(Fiber.join(reading))
      // It stops reading while 100 events are appended.
      for (let batch = 0; batch < 10; batch++) yield* log.append("a", events(10), ExpectedVersion.any)
      const waiting = yield* take(slow, 1_000)
      const after = yield* slow.next
      const resumed = yield* live.subscribe(waiting.behind ?? 0, {})
      const rest = yield* take(resumed, 80)
      resumed.close()
      return { firstRead, waiting, after, rest }
    })))
    expect(result.firstRead._tag).toBe("Success")
    // The buffer's 20 events, then where to resume: the last of them.
    expect(result.waiting.positions).toEqual(range(2, 21))
    expect(result.waiting.behind).toBe(21)
    expect(result.after).toEqual([])
    expect(result.rest.positions).toEqual(range(22, 101))
  }, 60_000)

  test("a stream's reader that catches up while an event lands between its reads gets it once", async () => {
    const result = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const store = yield* side(Backends.memory, MasterKeys.ephemeral())
      const log = Context.get(store, EventStore)
      yield* log.append("chat-1", events(3), ExpectedVersion.any)
      // An append lands after the reader has read the head and before its query of the stream.
      let landed = false
      const racing = Context.add(store, EventStore, {
        ...log,
        query: (query) =>
          Effect.andThen(
            landed ? Effect.void : Effect.orDie(Effect.asVoid(Effect.tap(log.append("chat-1", events(1), ExpectedVersion.any), () => Effect.sync(() => (landed = true))))),
            log.query(query)
          )
      })
      const live = yield* Effect.provide(LiveLog.make({ bufferSize: 100, pageSize: 10, recent: 10 }), racing)
      const reader = yield* live.subscribe(0, { streamId: "chat-1" })
      const first = yield* take(reader, 4)
      yield* log.append("chat-1", events(1), ExpectedVersion.any)
      const second = yield* take(reader, 1)
      reader.close()
      return [...first.positions, ...second.positions]
    })))
    expect(result).toEqual([1, 2, 3, 4, 5])
  }, 60_000)

  test("follows the log across a cutover's switch and finish: every event once, in order", async () => {
    const result = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const masterKeys = MasterKeys.ephemeral()
      const origin = yield* side(Backends.memory, masterKeys)
      const target = yield* side(Backends.sqlite, masterKeys)
      const sides = { origin, target }
      const serving = yield* ServingStore.make({ origin, open: () => Effect.succeed(target), holder: "test" })
      const log = Context.get(serving.context, EventStore)
      const live = yield* Effect.provide(LiveLog.make(), serving.context)
      const reader = yield* live.subscribe(0, {})
      const positions: Array<number> = []
      const readUpTo = (position: number) =>
        Effect.gen(function*() {
          while ((positions[positions.length - 1] ?? 0) < position) {
            for (const item of yield* reader.next) if (item._tag === "Event") positions.push(item.event.position)
          }
        }).pipe(Effect.timeout("30 seconds"))
      const learnt = (phase: string) =>
        Effect.gen(function*() {
          while (serving.service.cutover()?.phase !== phase) yield* Effect.sleep("20 millis")
        }).pipe(Effect.timeout("30 seconds"))
      const write = (stream: string) =>
        Effect.flatMap(log.append(stream, events(10), ExpectedVersion.any), (appended) => readUpTo(appended.lastPosition))

      yield* write("before")
      yield* Cutover.start(sides, { url: "target://host/db", label: "target://host/db" })
      yield* learnt("mirroring")
      yield* write("mirroring")
      yield* Cutover.switchOver(sides)
      yield* learnt("switched")
      yield* write("switched")
      yield* Cutover.finish(sides)
      yield* learnt("finished")
      yield* write("finished")
      reader.close()
      return { positions, head: yield* log.head }
    })))
    expect(result.positions).toEqual(range(1, result.head))
  }, 120_000)
})
