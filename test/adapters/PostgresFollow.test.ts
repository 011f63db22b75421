import { describe, expect, test } from "bun:test"
import { Effect, Fiber, Layer, Redacted, Stream } from "effect"
import { EventStore } from "../../application/ports/EventStore.ts"
import { InlineProjections } from "../../application/eventsourcing/Projection.ts"
import * as PostgresStore from "../../adapters/postgres/PostgresStore.ts"
import { freshDatabase } from "../support/postgres.ts"
import { events, runWith } from "../support/run.ts"

const store = (url: string) =>
  PostgresStore.layer({ url: Redacted.make(url), followPollInterval: "60 seconds" }).pipe(
    Layer.provide(Layer.succeed(InlineProjections, []))
  )

describe("Postgres: followers in other instances", () => {
  test("wake at the commit of another instance's append (LISTEN / NOTIFY), not at the next poll", async () => {
    const url = await freshDatabase()
    const received = await runWith(store(url), Effect.gen(function*() {
      const follower = yield* (yield* EventStore).follow(0).pipe(Stream.take(2), Stream.runCollect, Effect.forkChild)
      yield* Effect.sleep("300 millis")
      // Another instance: its own pool, its own process as far as this one knows.
      yield* Effect.scoped(Effect.flatMap(EventStore, (other) => other.append("theirs", events(2))).pipe(Effect.provide(store(url))))
      // Polling alone would take a minute.
      return yield* Fiber.join(follower).pipe(Effect.timeoutOrElse({
        duration: "5 seconds",
        orElse: () => Effect.fail(new Error("the follower was not woken by the other instance's append"))
      }))
    }))
    expect(received.map((event) => [event.position, event.streamId])).toEqual([[1, "theirs"], [2, "theirs"]])
  }, 30_000)
})
