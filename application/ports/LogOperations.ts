import { Context, type Effect, type Option } from "effect"
import type { RecordedEvent } from "./EventStore.ts"
import type { ImportRefused, ProjectionFailed, StoreUnavailable } from "./StoreError.ts"

/**
 * The log as an operator's work uses it: copying a log in (`strata restore`, a cutover's
 * copy and mirror), loading it in bulk, hashing it where it lies, fencing it. Apart from
 * `EventStore` (what serving uses: append, read, follow) so that serving code cannot reach
 * these, and a store that wraps the serving port (`ServingStore`) need not pass them on.
 * Every backend provides both from its one layer, and passes the same contract suite.
 */

export interface ImportOptions {
  /** Apply the inline projections to the imported events, in the import's transaction. */
  readonly applyProjections?: boolean
}

/** One whole block of the log, hashed by the database: its last position, its events, the SHA-256 of their canonical lines. */
export interface BlockDigest {
  readonly last: number
  readonly count: number
  readonly hash: string
}

export interface FenceState {
  readonly reason: string
  readonly fencedAt: string
}

export interface LogOperationsService {
  /**
   * Writes events copied from another log as they are — ids, streams, versions, positions,
   * times — for restores and migrations between backends. They must continue this log:
   * the first at `head + 1`, then without gaps. Inline projections are applied in the same
   * transaction only when asked (a mirror keeps its target's read models live); a bulk copy
   * rebuilds them afterwards. A fence does not stop an import: a mirror's target is fenced.
   */
  readonly importEvents: (
    events: ReadonlyArray<RecordedEvent>,
    options?: ImportOptions
  ) => Effect.Effect<void, ImportRefused | ProjectionFailed | StoreUnavailable>
  /**
   * Where the database can hash its own rows: the digest of each whole block of `LogChain`
   * in (`after`, `upTo`] (both multiples of its block size), computed by the database from
   * what it stores, so that a verify reads none of it into the process. None where the
   * backend cannot; the chain then reads the events.
   */
  readonly blockDigests: (after: number, upTo: number) => Effect.Effect<Option.Option<ReadonlyArray<BlockDigest>>, StoreUnavailable>
  /**
   * Runs a bulk import (`importEvents` in pages) with the log's secondary indexes set
   * aside, then builds them over what was loaded, as bulk loaders do; a duplicate the
   * unique ones would have refused fails the build. Only for a log nothing else writes to
   * meanwhile: a cutover's target while it is copied (fenced). Where a backend has no such
   * indexes, the import runs as it is.
   */
  readonly bulkLoad: <A, E, R>(load: Effect.Effect<A, E, R>) => Effect.Effect<A, E | StoreUnavailable, R>
  /**
   * Builds what a bulk load set aside and never built (it was killed): for whoever takes
   * the load over. One process builds, the others find it done. Opening a store leaves a
   * load's indexes to it.
   */
  readonly buildIndexes: Effect.Effect<void, StoreUnavailable>
  /**
   * Fences the store: from the commit of this call on, every append fails with
   * `StoreFenced`. Checked inside the append transaction, so no append slips past it.
   * Fencing a fenced store keeps its time and takes the new reason.
   */
  readonly fence: (reason: string) => Effect.Effect<FenceState, StoreUnavailable>
  readonly unfence: Effect.Effect<void, StoreUnavailable>
  readonly fenceState: Effect.Effect<FenceState | undefined, StoreUnavailable>
}

export class LogOperations extends Context.Service<LogOperations, LogOperationsService>()("strata/LogOperations") {}
