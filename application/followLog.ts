import { Chunk, Duration, Effect, Option, Stream, SubscriptionRef } from "effect"
import type { ReadAllOptions, RecordedEvent } from "./EventStore.ts"
import type { StoreUnavailable } from "./StoreError.ts"

export interface FollowOptions {
  readonly readAll: (options: ReadAllOptions) => Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable>
  /** The head as this process last committed it: wakes followers without polling. */
  readonly localHead: SubscriptionRef.SubscriptionRef<number>
  /** How often to look for events committed by other processes. */
  readonly pollInterval: Duration.DurationInput
  readonly pageSize: number
}

/**
 * Follows the log by position: reads pages until caught up, then sleeps until this
 * process appends or the poll interval passes. Correct only because positions are
 * handed out in commit order (see `Dialect.insertEvents`): nothing can later appear
 * below a position already read.
 */
export const followLog =
  ({ localHead, pageSize, pollInterval, readAll }: FollowOptions) =>
  (after: number): Stream.Stream<RecordedEvent, StoreUnavailable> => {
    const newerThan = (position: number) =>
      localHead.changes.pipe(
        Stream.filter((head) => head > position),
        Stream.runHead,
        Effect.timeout(pollInterval),
        Effect.ignore
      )
    const nextPage = (cursor: number): Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable> =>
      readAll({ after: cursor, limit: pageSize }).pipe(
        Effect.flatMap((page) =>
          page.length > 0 ? Effect.succeed(page) : Effect.zipRight(newerThan(cursor), Effect.suspend(() => nextPage(cursor)))
        )
      )
    return Stream.unfoldChunkEffect(after, (cursor) =>
      Effect.map(nextPage(cursor), (page) =>
        Option.some([Chunk.unsafeFromArray(page.slice()), page[page.length - 1]!.position] as const)
      )
    )
  }
