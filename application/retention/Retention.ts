import { Duration, Effect, Schema } from "effect"
import * as Aggregate from "../eventsourcing/Aggregate.ts"
import type { RecordedEvent } from "../ports/EventStore.ts"
import { StoreUnavailable } from "../ports/StoreError.ts"

/** An event standing in for others: what `LogCompaction` writes at the place of the last of them. */
export interface Summary {
  readonly type: string
  readonly schemaVersion: number
  readonly data: unknown
}

/**
 * A kind of event that can leave the log once old: which streams hold it, which events
 * fold away, and what stands in for them. A kind is only ever one whose summary leaves
 * every state and read model as it was — the state right after the summary is the state
 * right after the last event it stands for, whatever state it is applied to.
 */
export interface Foldable {
  /** The name operators use (`--retain "usage=30 days"`), and the audit records. */
  readonly kind: string
  /** Streams `${category}-…`. */
  readonly category: string
  readonly foldsAway: (type: string) => boolean
  /**
   * The events standing in for a stream's foldable events, given the stream up to the
   * last of them: one for the stream up to each of `versions` (ascending) — none where
   * there is nothing to stand for (the stream is left as it is from there). A fold too
   * large for one transaction goes in steps, each step's summary standing for the stream
   * up to its own place.
   */
  readonly summarise: (stream: ReadonlyArray<RecordedEvent>, versions: ReadonlyArray<number>) => Effect.Effect<
    ReadonlyArray<Summary | undefined>,
    StoreUnavailable
  >
}

/**
 * An aggregate's events folding away: the summary is decided from the aggregate's state at
 * the last of them (the stream up to there, decoded and folded as any load does).
 */
export const foldableEvents = <Event extends Aggregate.TaggedEvent, State>(
  aggregate: Aggregate.Aggregate<any, Event, State, any>,
  rules: { readonly kind: string; readonly foldsAway: (type: string) => boolean; readonly summary: (state: State) => Event | undefined }
): Foldable => ({
  kind: rules.kind,
  category: aggregate.category,
  foldsAway: rules.foldsAway,
  summarise: (stream, versions) =>
    Effect.gen(function*() {
      const events = yield* Effect.forEach(stream, (event) => Aggregate.decodeEvent(aggregate, event))
      // One pass over the stream, the state taken at each place asked for.
      const states: Array<State> = []
      let state = aggregate.decider.initialState
      let next = 0
      for (let index = 0; index < events.length && next < versions.length; index++) {
        state = aggregate.decider.evolve(state, events[index]!)
        if (stream[index]!.version === versions[next]) {
          states.push(state)
          next++
        }
      }
      return yield* Effect.forEach(states, (state) => {
        const summary = rules.summary(state)
        if (summary === undefined) return Effect.succeed(undefined)
        return Schema.encodeEffect(aggregate.events)(summary).pipe(
          Effect.map((encoded) => {
            const { _tag, ...data } = encoded as Aggregate.TaggedEvent
            return { type: summary._tag, schemaVersion: aggregate.schemaVersions?.[summary._tag] ?? 1, data }
          }),
          Effect.mapError((error) => new StoreUnavailable({ operation: `summarise ${stream[0]?.streamId}`, reason: error.message }))
        )
      })
    })
})

/** How long each kind stays in the live log; a kind not named is kept forever. */
export type Policy = ReadonlyMap<string, Duration.Duration>

/**
 * Usage is kept 30 days by default: far past what the quota (5 hours) and the stats (the
 * last 12 windows) read, both of which a summary keeps; what goes is each call's own event.
 * Token refreshes are kept whole unless an operator says otherwise: they are a token's
 * history, which its owner may want.
 */
export const defaultPolicy: Policy = new Map([["usage", Duration.days(30)]])

/**
 * Who writes summaries and the audit's record: no caller is recorded so (owners act
 * through a key, `bob (key …)`), so a summary is told from what was recorded.
 */
export const compactionActor = "compaction"
export const isSummary = (event: RecordedEvent) => event.metadata.actor === compactionActor

/** The log's own record of each compaction, in this stream: the audit finds them there. */
export const auditStream = "strata-compaction"
export const auditType = "LogCompacted"

/** What a compaction did, as its audit event records it. */
export interface Compacted {
  readonly kind: string
  /** Events recorded before this time were eligible (ISO 8601). */
  readonly before: string
  /** The log was compacted up to this position. */
  readonly upTo: number
  readonly streams: number
  /** Events that left the log (summaries standing in for them not counted). */
  readonly removed: number
  /** Where the removed events were archived, if they were. */
  readonly archive: ReadonlyArray<string>
}
