import { Context, Effect, Fiber } from "effect"
import { EventStore, type RecordedEvent } from "../ports/EventStore.ts"
import { LogOperations } from "../ports/LogOperations.ts"
import type { StoreUnavailable } from "../ports/StoreError.ts"
import * as Chains from "./Chains.ts"
import type { SideContext } from "./Sides.ts"

/** Events per import transaction, and per page read from a side. */
export const batchSize = 10_000

/**
 * Copies what `from` has beyond `to`'s head, in position order, up to `from`'s head as it
 * is when the copy begins (a live source never runs dry: the mirror takes what comes
 * after). Another copier (the mirror of a serving process) may import the same events at
 * the same time: the target refuses the second import of a position, and the copy
 * continues from the target's new head. Returns the target's head.
 *
 * With `digest`, both logs' chains (see `LogChain`) follow the copy: each page copied is
 * hashed as read from the origin and as read back from the target while the next page is
 * written, so that a verify after the copy reads nothing again.
 */
export const catchUp = (
  from: SideContext,
  to: SideContext,
  options: {
    readonly applyProjections: boolean
    readonly digest?: boolean
    readonly onBatch?: (count: number) => Effect.Effect<void>
  }
) =>
  Effect.gen(function*() {
    const source = Context.get(from, EventStore)
    const sink = Context.get(to, EventStore)
    const sinkOperations = Context.get(to, LogOperations)
    const upTo = yield* source.head
    const read = (after: number) =>
      Effect.forkChild(Effect.map(source.readAll({ after, limit: batchSize }), (page) => page.filter((event) => event.position <= upTo)))
    let after = yield* sink.head
    if (after >= upTo) return after
    const chains = options.digest === true ? yield* Chains.of({ origin: from, target: to }) : undefined
    const digest = (page: ReadonlyArray<RecordedEvent>) => {
      const last = page[page.length - 1]!.position
      return Effect.all([chains!.origin.extendTo(last, page), chains!.target.extendTo(last)], { concurrency: 2 })
    }
    let next = yield* read(after)
    let digesting: Fiber.Fiber<unknown, StoreUnavailable> | undefined
    const stop = Effect.suspend(() => Effect.all([Fiber.interrupt(next), digesting ? Fiber.interrupt(digesting) : Effect.void]))
    while (true) {
      const page = yield* Fiber.join(next).pipe(Effect.onError(() => stop))
      if (page.length === 0) break
      // The next page is read while this one is written: the copy takes the slower of the two, not their sum.
      next = yield* read(page[page.length - 1]!.position)
      const imported = yield* sinkOperations.importEvents(page, { applyProjections: options.applyProjections }).pipe(
        Effect.as(true),
        Effect.catchTag("ImportRefused", (refused) =>
          Effect.flatMap(sink.head, (head) => head > after ? Effect.succeed(false) : Effect.fail(refused))),
        Effect.onError(() => stop)
      )
      if (imported) {
        after = page[page.length - 1]!.position
        if (chains) {
          // One page hashed at a time, beside the next page's import.
          if (digesting) yield* Fiber.join(digesting).pipe(Effect.onError(() => stop))
          digesting = yield* Effect.forkChild(digest(page))
        }
        if (options.onBatch) yield* options.onBatch(page.length)
      } else {
        yield* Fiber.interrupt(next)
        after = yield* sink.head
        next = yield* read(after)
      }
      if (after >= upTo) break
    }
    yield* Fiber.interrupt(next)
    if (digesting) yield* Fiber.join(digesting)
    return after
  })
