import { Context, type Effect, Schema } from "effect"
import type { RecordedEvent } from "./EventStore.ts"

export class ArchiveFailed extends Schema.TaggedError<ArchiveFailed>()("ArchiveFailed", {
  location: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `cannot archive to ${this.location}: ${this.reason}`
  }
}

/**
 * Where events go before a compaction takes them out of the log, when an operator asks
 * for it: kept whole (ids, positions, times, data) so that they can be read and restored.
 */
export interface EventArchiveService {
  /**
   * Keeps these events (one compaction's page, in position order) durably, before they
   * leave the log; answers where. Keeping the same events again (a run resumed after a
   * kill) replaces what was kept of them.
   */
  readonly keep: (kind: string, events: ReadonlyArray<RecordedEvent>) => Effect.Effect<string, ArchiveFailed>
}

export class EventArchive extends Context.Service<EventArchive, EventArchiveService>()("strata/EventArchive") {}
