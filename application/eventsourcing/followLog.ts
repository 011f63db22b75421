import { type Duration, Effect, Option, Stream } from "effect"
import type { ReadAllOptions, RecordedEvent } from "../ports/EventStore.ts"
import type { StoreUnavailable } from "../ports/StoreError.ts"

/**
 * Wakes followers when this process appends. On the append path it costs one increment
 * when nobody follows, which matters: appending is the hot path.
 */
export interface AppendSignal {
  /** Called after every commit of this process. */
  readonly notify: () => void
  /** How many commits so far: a follower notes it before it reads. */
  readonly count: () => number
  /** Resolves once a commit comes after `count` (at once if one already has). */
  readonly after: (count: number) => Effect.Effect<void>
}

export const makeAppendSignal = (): AppendSignal => {
  let commits = 0
  let waiters: Array<() => void> = []
  return {
    notify: () => {
      commits++
      if (waiters.length === 0) return
      const woken = waiters
      waiters = []
      for (const wake of woken) wake()
    },
    count: () => commits,
    after: (count) =>
      Effect.callback<void>((resume) => {
        if (commits !== count) return resume(Effect.void)
        const wake = () => resume(Effect.void)
        waiters.push(wake)
        return Effect.sync(() => {
          waiters = waiters.filter((waiter) => waiter !== wake)
        })
      })
  }
}

export interface FollowOptions {
  readonly readAll: (options: ReadAllOptions) => Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable>
  readonly signal: AppendSignal
  /** How often to look for events committed by other processes. */
  readonly pollInterval: Duration.Input
  readonly pageSize: number
}

/**
 * Follows the log by position: reads pages until caught up, then sleeps until this
 * process appends or the poll interval passes. Correct only because positions are
 * handed out in commit order (see `Dialect.insertEvents`): nothing can later appear
 * below a position already read.
 */
export const followLog =
  ({ pageSize, pollInterval, readAll, signal }: FollowOptions) =>
  (after: number): Stream.Stream<RecordedEvent, StoreUnavailable> => {
    const nextPage = (cursor: number): Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable> =>
      Effect.suspend(() => {
        const seen = signal.count()
        return readAll({ after: cursor, limit: pageSize }).pipe(
          Effect.flatMap((page) =>
            page.length > 0
              ? Effect.succeed(page)
              : signal.after(seen).pipe(Effect.timeout(pollInterval), Effect.ignore, Effect.andThen(nextPage(cursor)))
          )
        )
      })
    return Stream.paginate(after, (cursor) =>
      Effect.map(nextPage(cursor), (page) => [page, Option.some(page[page.length - 1]!.position)] as const)
    )
  }
