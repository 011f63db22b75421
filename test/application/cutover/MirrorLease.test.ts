import { describe, expect, test } from "bun:test"
import { Duration, Effect } from "effect"
import * as MirrorLease from "../../../application/cutover/MirrorLease.ts"
import * as MasterKeys from "../../../adapters/secrets/MasterKeys.ts"
import * as Backends from "../../support/backends.ts"
import { side } from "../../support/cutoverSides.ts"

const timeout = 120_000

describe("cutover: the mirror's lease", () => {
  test("one holder at a time; a holder that stops renewing is taken over once its lease runs out; a release hands it over at once", async () => {
    const result = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const origin = yield* side(Backends.sqlite, MasterKeys.ephemeral())
      const hold = (holder: string, ttl: string) => Effect.provide(MirrorLease.hold(holder, Duration.fromInputUnsafe(ttl as Duration.Input)), origin)
      const first = yield* hold("a", "300 millis")
      const contested = yield* hold("b", "300 millis")
      const renewed = yield* hold("a", "300 millis")
      yield* Effect.sleep("400 millis")
      const takenOver = yield* hold("b", "300 millis")
      const lost = yield* hold("a", "300 millis")
      yield* Effect.provide(MirrorLease.release("b"), origin)
      const handedOver = yield* hold("a", "300 millis")
      return { first, contested, renewed, takenOver, lost, handedOver }
    })))
    expect(result).toEqual({ first: true, contested: false, renewed: true, takenOver: true, lost: false, handedOver: true })
  }, timeout)
})
