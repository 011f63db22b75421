import { Context, Duration, Effect, Schedule, Stream } from "effect"
import { EventStore, type RecordedEvent } from "../ports/EventStore.ts"
import { LogOperations } from "../ports/LogOperations.ts"
import { batchSize, catchUp } from "./catchUp.ts"
import * as Chains from "./Chains.ts"
import type { SideContext } from "./Sides.ts"
import { syncKeyRing } from "./syncKeyRing.ts"

/** How often the mirror extends both logs' digests: a verify then reads at most this much of either. */
const digestInterval = Duration.seconds(5)

/**
 * Follows `from` and imports every new event into `to` with its inline projections, until
 * interrupted; the key ring is brought along every second. Run by the holder of the
 * mirror lease (a serving process, or `strata cutover mirror`).
 */
export const mirror = (from: SideContext, to: SideContext) =>
  Effect.gen(function*() {
    yield* syncKeyRing(from, to).pipe(
      Effect.catch((error) => Effect.logWarning("cutover mirror: key ring sync failed", error)),
      Effect.repeat(Schedule.spaced(Duration.seconds(1))),
      Effect.forkScoped
    )
    // Both chains follow the mirror, so that a verify (the switch's among them) reads only
    // the last seconds of the log.
    const sides = { origin: from, target: to }
    const chains = yield* Chains.of(sides)
    yield* Chains.extendToLowerHead(sides, chains).pipe(
      Effect.catch((error) => Effect.logWarning("cutover mirror: extending the logs' digests failed", error)),
      Effect.repeat(Schedule.spaced(digestInterval)),
      Effect.forkScoped
    )
    const source = Context.get(from, EventStore)
    const sink = Context.get(to, LogOperations)
    // Indexes a killed copy left set aside are the mirror's holder's to build (serving processes leave them).
    yield* sink.buildIndexes
    // A refused import means another copier got there first: start again from the target's head.
    const follow = Effect.gen(function*() {
      const after = yield* catchUp(from, to, { applyProjections: true })
      yield* source.follow(after).pipe(
        Stream.groupedWithin(batchSize, Duration.millis(5)),
        Stream.runForEach((chunk) => sink.importEvents([...chunk] as ReadonlyArray<RecordedEvent>, { applyProjections: true }))
      )
    })
    return yield* follow.pipe(
      Effect.catchTag("ImportRefused", () => Effect.void),
      Effect.forever
    )
  }).pipe(Effect.scoped)
