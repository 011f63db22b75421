import { Context, type Effect } from "effect"
import type { EventMetadata } from "./EventStore.ts"
import type { StoreFenced, StoreUnavailable } from "./StoreError.ts"

/** An event as it was read, named by where it is and what it is: changed since, it is not this one. */
export interface EventRef {
  readonly position: number
  readonly eventId: string
}

/**
 * Events of one stream leaving the log, and the one event that stands in for them at the
 * place of the last of them: its position, version and recorded time stay, its content is
 * the summary's. Nothing else moves — the head, the stream's version and every other event
 * are where they were, so that serving processes appending meanwhile never notice.
 */
export interface Replacement {
  readonly streamId: string
  readonly removed: ReadonlyArray<EventRef>
  /** The event whose place the summary takes (its content is removed with the others). */
  readonly replaced: EventRef
  readonly summary: {
    readonly eventId: string
    readonly type: string
    readonly schemaVersion: number
    /** JSON text. */
    readonly data: string
    readonly metadata: EventMetadata
  }
}

/**
 * The operator's side of retention: taking old events out of the log. Only ever events a
 * retention rule folded into a summary that leaves every state and read model as it was
 * (see `application/retention/`).
 */
export interface LogCompactionService {
  /**
   * Whether a transaction here makes every other writer wait, in any process (one writer
   * at a time: SQLite, LibSQL, memory). A compaction then keeps its transactions small and
   * rests between them; where writers only wait for the rows they share (Postgres), it
   * need not.
   */
  readonly oneWriter: boolean
  /**
   * Replaces, in one transaction, all or nothing; false — writing nothing — when any
   * event named is no longer as it was read (another compaction came first). A fenced log
   * is not compacted: its copy elsewhere is compared with it as it is.
   */
  readonly replace: (replacements: ReadonlyArray<Replacement>) => Effect.Effect<boolean, StoreFenced | StoreUnavailable>
}

export class LogCompaction extends Context.Service<LogCompaction, LogCompactionService>()("strata/LogCompaction") {}
