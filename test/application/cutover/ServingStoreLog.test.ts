import { describe, expect, test } from "bun:test"
import { Context, Effect, Exit, Layer, Logger, References, Scope } from "effect"
import { ControlRecords } from "../../../application/ports/ControlRecords.ts"
import { InlineProjections } from "../../../application/eventsourcing/Projection.ts"
import * as ServingStore from "../../../application/cutover/ServingStore.ts"
import { StoreUnavailable } from "../../../application/ports/StoreError.ts"
import { appLayer } from "../../support/app.ts"
import * as Backends from "../../support/backends.ts"

/**
 * While the database is down, a serving process fails to read the cutover record every
 * interval: that is logged once, when the streak starts (a warning), and once when it ends
 * (info) — not every 200 ms in between.
 */

let down = false
let failed = 0
let read = 0

/** The memory store, whose control records cannot be read while `down`. */
const failing: Backends.Backend = {
  ...Backends.memory,
  layer: (projections) =>
    Layer.flatMap(Backends.memory.layer(projections), (context) => {
      const records = Context.get(context as Context.Context<ControlRecords>, ControlRecords)
      return Layer.succeedContext(Context.add(context, ControlRecords, {
        ...records,
        get: (name) =>
          Effect.suspend(() =>
            down
              ? (failed++, Effect.fail(new StoreUnavailable({ operation: "get", reason: "connection refused" })))
              : (read++, records.get(name))
          )
      }))
    })
}

const until = async (done: () => boolean, what: string) => {
  const deadline = Date.now() + 20_000
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`)
    await Bun.sleep(20)
  }
}

describe("a serving process reading the cutover record while the database is down", () => {
  test("logs the first failure of a streak as a warning and the recovery as info, nothing in between", async () => {
    const logged: Array<{ level: string; message: string }> = []
    const logger = Logger.make(({ logLevel, message }) => {
      const text = (Array.isArray(message) ? message : [message]).map(String).join(" ")
      if (text.includes("cutover record")) logged.push({ level: logLevel.toUpperCase(), message: text })
    })
    const scope = Effect.runSync(Scope.make())
    await Effect.runPromise(
      Effect.gen(function*() {
        const origin = yield* Layer.build(Layer.merge(appLayer(failing), Layer.succeed(InlineProjections, [])))
        yield* ServingStore.make({ origin, open: () => Effect.die("no target"), holder: "test" })
      }).pipe(Scope.provide(scope), Effect.provide(Logger.layer([logger])), Effect.provideService(References.MinimumLogLevel, "Debug"))
    )
    try {
      for (let streak = 0; streak < 2; streak++) {
        down = true
        const before = failed
        await until(() => failed >= before + 5, "five failed readings")
        down = false
        const after = read
        await until(() => read >= after + 3, "three readings after the database is back")
      }
    } finally {
      down = false
      await Effect.runPromise(Scope.close(scope, Exit.void))
    }
    expect(logged.map((entry) => entry.level)).toEqual(["WARN", "INFO", "WARN", "INFO"])
  }, 60_000)
})
