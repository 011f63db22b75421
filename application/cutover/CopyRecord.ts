import { Effect, Option, Result, Schema } from "effect"
import { ControlRecords } from "../ports/ControlRecords.ts"
import { EventStore } from "../ports/EventStore.ts"
import { concurrentChange } from "./CutoverFailed.ts"
import { on, type SideContext } from "./Sides.ts"

/**
 * The copy, as the target itself says it. Kept on the target (its own control records): a
 * copy fills it, and its projections are built only after the copy, so until then its read
 * models say nothing true. What is read on the target alone (`strata verify`) learns it
 * here; the origin's record says it too.
 */

const recordName = "cutover-copy"
const CopyJson = Schema.fromJsonString(Schema.Struct({ cutover: Schema.String, total: Schema.Number, copied: Schema.Boolean }))

/** A target still being filled: it holds `held` events of the `total` the copy brings. */
export interface Filling {
  readonly held: number
  readonly total: number
}

export const describeFilling = (filling: Filling) =>
  `the target holds the log up to position ${filling.held} of ${filling.total}; its projections are built after the copy`

/** Says on the target what its copy is: which cutover's, how many events, whether it is done. */
export const write = (target: SideContext, copy: typeof CopyJson.Type) =>
  on(target, Effect.gen(function*() {
    const records = yield* ControlRecords
    const value = Schema.encodeSync(CopyJson)(copy)
    // Compare-and-set over whatever is there: only another start at the same moment moves it.
    for (let attempt = 0; attempt < 5; attempt++) {
      const stored = yield* records.get(recordName)
      if (yield* records.put(recordName, value, Option.match(stored, { onNone: () => 0, onSome: (record) => record.version }))) return
    }
    return yield* concurrentChange()
  }))

/** On a store: whether a cutover's copy is filling it (its projections not built yet). */
export const underWay = Effect.gen(function*() {
  const stored = yield* (yield* ControlRecords).get(recordName)
  const copy = Option.getOrUndefined(Option.flatMap(stored, (record) => Result.getSuccess(Schema.decodeUnknownResult(CopyJson)(record.value))))
  if (copy === undefined || copy.copied) return Option.none<Filling>()
  return Option.some<Filling>({ held: yield* (yield* EventStore).head, total: copy.total })
})
