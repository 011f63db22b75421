import { Data, Effect } from "effect"
import type { RecordedEvent } from "../ports/EventStore.ts"
import { canonicalLine } from "../eventsourcing/LogDigest.ts"
import { isSummary } from "./Retention.ts"

export class ArchiveConflict extends Data.TaggedError("ArchiveConflict")<{ readonly position: number }> {
  override get message() {
    return `the archive holds another event at position ${this.position} than the log, and not where a compaction left a summary: this archive is not of this log`
  }
}

/**
 * A log with what compactions archived put back: the archived events in their places, each
 * taking back its own from the summary that stood in for it. Fed the log's events in
 * position order, page by page, and pulling the archive's as it goes; archived events past
 * the log's last are not its own (they were archived after it was taken) and are left out.
 */
export const mergeArchived = <E>(archived: Effect.Effect<RecordedEvent | undefined, E>) =>
  Effect.gen(function*() {
    let next = yield* archived
    let restored = 0
    const merge = (page: ReadonlyArray<RecordedEvent>) =>
      Effect.gen(function*() {
        const merged: Array<RecordedEvent> = []
        for (const event of page) {
          while (next !== undefined && next.position < event.position) {
            merged.push(next)
            restored++
            next = yield* archived
          }
          if (next === undefined || next.position > event.position) {
            merged.push(event)
            continue
          }
          // The same position: the same event (archived, then backed up before it left), or its summary.
          if (canonicalLine(next) !== canonicalLine(event)) {
            if (!isSummary(event)) return yield* new ArchiveConflict({ position: event.position })
            restored++
          }
          merged.push(next)
          next = yield* archived
        }
        return merged
      })
    /** Archived events left over: past the log's end. */
    const leftOver = Effect.gen(function*() {
      let count = 0
      while (next !== undefined) {
        count++
        next = yield* archived
      }
      return count
    })
    return { merge, leftOver, restored: () => restored }
  })
