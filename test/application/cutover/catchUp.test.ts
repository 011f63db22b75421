import { describe, expect, test } from "bun:test"
import { Context, Effect } from "effect"
import { catchUp } from "../../../application/cutover/catchUp.ts"
import type { SideContext } from "../../../application/cutover/Sides.ts"
import { verifyCopy } from "../../../application/cutover/verifyCopy.ts"
import { EventStore } from "../../../application/ports/EventStore.ts"
import * as MasterKeys from "../../../adapters/secrets/MasterKeys.ts"
import * as Backends from "../../support/backends.ts"
import { side } from "../../support/cutoverSides.ts"
import { events } from "../../support/run.ts"

/** A cutover's copy carries both logs' digests forward, so that the verify after it reads only what came since. */

const timeout = 120_000

describe("cutover: the copy's digests", () => {
  test("a copy leaves both logs' digests at its last block, so the verify after it reads only the rest; a copy without them reads everything again", async () => {
    const reads = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const masterKeys = MasterKeys.ephemeral()
      const origin = yield* side(Backends.sqlite, masterKeys)
      yield* Effect.provide(Effect.flatMap(EventStore, (store) =>
        Effect.forEach(Array.from({ length: 25 }, (_, index) => index), (index) => store.append(`s-${index}`, events(100)), { discard: true })), origin)
      /** The side with the events its verify reads counted. */
      const counted = (target: SideContext) => {
        const counter = { events: 0 }
        const count = (side: SideContext) => {
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
        yield* catchUp(origin, target, { applyProjections: false, digest })
        const { counter, sides } = counted(target)
        const verification = yield* verifyCopy(sides, { projections: false })
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

