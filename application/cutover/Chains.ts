import { Effect } from "effect"
import { follower } from "../eventsourcing/LogChain.ts"
import { heads, on, type Sides } from "./Sides.ts"

/**
 * Both logs' chained digests (see `LogChain`), held across calls: each extension reads only
 * what came since the last. The copy, the mirror and a switch's announcement carry them
 * forward, so that the verify inside a switch's pause reads seconds of log, not all of it.
 */

export interface Chains {
  readonly origin: Effect.Success<typeof follower>
  readonly target: Effect.Success<typeof follower>
}

/** Both sides' chains, each from the checkpoint kept beside its log (the origin's taken first). */
export const of = (sides: Sides) => Effect.all({ origin: on(sides.origin, follower), target: on(sides.target, follower) })

/** Both chains brought to the lower of the two heads, both at once. */
export const extendToLowerHead = (sides: Sides, chains: Chains) =>
  Effect.gen(function*() {
    const upTo = Math.min(...(yield* heads(sides)))
    return yield* Effect.all([chains.origin.extendTo(upTo), chains.target.extendTo(upTo)], { concurrency: 2 })
  })
