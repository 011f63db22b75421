import { Clock, Duration, Effect } from "effect"
import { compactLog, type CompactOptions } from "./compactLog.ts"
import type { Compacted, Foldable, Policy } from "./Retention.ts"

/**
 * Compacts each kind the policy keeps for a while, up to what its retention keeps: events
 * of the kind recorded before now minus its duration fold away. Kinds it does not name
 * stay as they are.
 */
export const applyRetention = (
  policy: Policy,
  foldables: ReadonlyArray<Foldable>,
  options: Omit<CompactOptions, "before"> = {}
) =>
  Effect.gen(function*() {
    const now = yield* Clock.currentTimeMillis
    const done: Array<Compacted> = []
    for (const foldable of foldables) {
      const keep = policy.get(foldable.kind)
      if (keep === undefined) continue
      const before = new Date(now - Duration.toMillis(keep)).toISOString()
      done.push(yield* compactLog(foldable, { ...options, before }))
    }
    return done
  })
