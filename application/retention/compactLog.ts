import { Clock, Duration, Effect, Option, Result, Schema } from "effect"
import * as CutoverPhases from "../../domain/CutoverPhases.ts"
import * as CutoverRecord from "../cutover/CutoverRecord.ts"
import { ControlRecords } from "../ports/ControlRecords.ts"
import { EventArchive } from "../ports/EventArchive.ts"
import { EventStore, type RecordedEvent } from "../ports/EventStore.ts"
import { hashedId } from "../ports/EventIds.ts"
import { type EventRef, LogCompaction, type Replacement } from "../ports/LogCompaction.ts"
import * as LogChain from "../eventsourcing/LogChain.ts"
import { type Compacted, auditStream, auditType, compactionActor, type Foldable, isSummary } from "./Retention.ts"

export class CompactionRefused extends Schema.TaggedError<CompactionRefused>()("CompactionRefused", {
  reason: Schema.String
}) {
  override get message() {
    return this.reason
  }
}

export interface CompactOptions {
  /** Events of the kind recorded before this time (ISO 8601) fold away. */
  readonly before: string
  /** Positions read per page: what one archive file holds at most. */
  readonly pageSize?: number
  /**
   * Rows a transaction removes or rewrites at most — a stream with more to fold is folded
   * in steps (at least 2: a step after the first folds the summary before it and one
   * event): what a write beside it may wait for on a backend with one writer (default 50
   * there, which holds SQLite's lock about a millisecond — in the retention simulation 3%
   * of them over 3 ms, 20 ms at worst; a busy key's fold in one transaction held it 25–45
   * ms; 1,000 elsewhere, where a commit costs more than a row).
   */
  readonly removedPerTransaction?: number
  /**
   * After each transaction the compaction rests this many times as long as the
   * transaction took (default 3 on a backend with one writer: the database is the
   * compaction's a quarter of the time at most; 0 elsewhere), and at least `leastRest`.
   * On a backend with one writer (SQLite, LibSQL) another process's write waits while a
   * transaction runs: back to back, the compaction, ready first, took the lock again before
   * the waiter's next try (a write waited 400 ms); with room between them, the waiter's
   * try finds the database free.
   */
  readonly rest?: number
  /** After each page: how far the log is compacted, and its head. */
  readonly onProgress?: (upTo: number, head: number) => Effect.Effect<void>
}

/**
 * The least a resting compaction leaves the database free between two transactions: longer
 * than the interval of a waiting writer's tries (one a millisecond on the one-writer backends),
 * so that one of them lands in it. Resting only as long as a transaction took left most
 * transactions back to back: they take under a millisecond, read as 0 on a millisecond clock.
 */
const leastRest = 2

/** How far a kind's compaction has read the log: what a killed run resumes from. */
const cursorName = (kind: string) => `compaction/${kind}`
const Cursor = Schema.fromJsonString(Schema.Struct({ position: Schema.Number }))

/**
 * Folds a kind's events recorded before `before` away, stream by stream: in each stream,
 * the kind's old events — and the summary of an earlier run — are replaced by one summary
 * at the place of the last of them (see `LogCompaction.Replacement`). Pages of the log are
 * read by position from where the last run stopped; each page's removed events are
 * archived first when an `EventArchive` is given, then replaced in small transactions, then
 * the cursor moves. Killed anywhere, a run resumes: a stream already folded has only its
 * summary left to fold, and is left alone.
 *
 * Beside serving processes: appends write at the head, a compaction only below the
 * cutoff, and nothing moves a stream's version — a write never waits for more than one of
 * these small transactions. Two compactions at once: the second finds the rows changed
 * (its replacements are refused whole) and the cursor moved, and stops.
 */
export const compactLog = (foldable: Foldable, options: CompactOptions) =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const compaction = yield* LogCompaction
    const records = yield* ControlRecords
    const archive = yield* Effect.serviceOption(EventArchive)
    const pageSize = options.pageSize ?? 10_000
    const perTransaction = Math.max(2, options.removedPerTransaction ?? (compaction.oneWriter ? 50 : 1_000))
    const rest = options.rest ?? (compaction.oneWriter ? 3 : 0)

    /** A cutover copies and compares this log as it is: none is compacted while one is under way. */
    const noCutover = Effect.gen(function*() {
      const cutover = yield* CutoverRecord.read
      if (Option.isSome(cutover) && CutoverPhases.isUnderWay(cutover.value.record.phase)) {
        return yield* new CompactionRefused({ reason: "a cutover is under way: its copy and verify compare this log as it is; compact after it finishes" })
      }
    })
    yield* noCutover

    const stored = yield* records.get(cursorName(foldable.kind))
    let cursor = Option.match(stored, {
      onNone: () => 0,
      onSome: (record) => Schema.decodeUnknownOption(Cursor)(record.value).pipe(Option.map((kept) => kept.position), Option.getOrElse(() => 0))
    })
    let cursorVersion = Option.match(stored, { onNone: () => 0, onSome: (record) => record.version })
    const done: { streams: Set<string>; removed: number; archive: Array<string> } = { streams: new Set(), removed: 0, archive: [] }

    /**
     * One stream's replacements, planned from the stream as it is now up to `upTo`, its
     * last version in this page: read backwards from there, so that what came after — the
     * retention's worth of younger events — is never read. A stream with more to fold than
     * a transaction takes (a busy key gathers thousands of usages a page) is folded in
     * steps of a transaction at most: each step's summary stands for the stream up to its
     * place, and the next step folds it with the events after it — the log reads right
     * between two steps, and a run killed between them resumes from the last.
     */
    const plan = (streamId: string, upTo: number) =>
      Effect.gen(function*() {
        const stream = [...(yield* store.readStream(streamId, { direction: "backwards", from: upTo }))].reverse()
        const folding = stream.filter((event) => foldable.foldsAway(event.type) && event.recordedAt < options.before)
        const last = folding[folding.length - 1]
        if (last === undefined || (folding.length === 1 && isSummary(last))) return []
        // The first step folds `perTransaction` events; each one after, one fewer and the summary before it.
        const steps: Array<typeof folding> = [folding.slice(0, perTransaction)]
        for (let start = perTransaction; start < folding.length; start += perTransaction - 1) {
          steps.push(folding.slice(start, start + perTransaction - 1))
        }
        const summaries = yield* foldable.summarise(
          stream.filter((event) => event.version <= last.version),
          steps.map((step) => step[step.length - 1]!.version)
        )
        const planned: Array<{ replacement: Replacement; originals: ReadonlyArray<RecordedEvent> }> = []
        let standing: EventRef | undefined
        for (const [index, step] of steps.entries()) {
          const summary = summaries[index]
          if (summary === undefined) break
          const replaced = step[step.length - 1]!
          const removed = [...(standing === undefined ? [] : [standing]), ...step.slice(0, -1)]
          // A lone summary of an earlier run, with nothing after it to fold: left as it is.
          if (removed.length === 0 && isSummary(replaced)) break
          const eventId = hashedId(`strata/compaction\n${replaced.eventId}`)
          planned.push({
            replacement: {
              streamId,
              removed: removed.map(({ position, eventId }) => ({ position, eventId })),
              replaced: { position: replaced.position, eventId: replaced.eventId },
              summary: {
                eventId,
                type: summary.type,
                schemaVersion: summary.schemaVersion,
                data: JSON.stringify(summary.data),
                metadata: { actor: compactionActor }
              }
            },
            originals: step.filter((event) => !isSummary(event))
          })
          standing = { position: replaced.position, eventId }
        }
        return planned
      })

    const head = yield* store.head
    if (options.onProgress) yield* options.onProgress(cursor, head)
    const compacting = Effect.gen(function*() {
      while (true) {
        yield* noCutover
        const page = yield* store.readAll({ after: cursor, limit: pageSize })
        // Positions follow commit order, and times with them: the first event young enough ends the scan.
        const reached = page.findIndex((event) => event.recordedAt >= options.before)
        const scanned = reached === -1 ? page : page.slice(0, reached)
        if (scanned.length === 0) break
        const last = scanned[scanned.length - 1]!.position
        // Each stream this page folds, and its last version here.
        const touched = new Map<string, number>()
        for (const event of scanned) {
          if (event.streamId.startsWith(`${foldable.category}-`) && foldable.foldsAway(event.type)) touched.set(event.streamId, event.version)
        }
        // A read of an embedded database holds the event loop while it runs: yielding after
        // each stream lets the requests a server has in hand go first.
        const plans = (yield* Effect.forEach(touched, ([streamId, upTo]) => Effect.tap(plan(streamId, upTo), () => Effect.yieldNow), { concurrency: 4 }))
          .flat()
        const archived = plans.flatMap((planned) => planned.originals).sort((a, b) => a.position - b.position)
        if (archived.length > 0 && Option.isSome(archive)) {
          const location = yield* archive.value.keep(foldable.kind, archived)
          if (!done.archive.includes(location)) done.archive.push(location)
        }
        let batch: typeof plans = []
        let size = 0
        const flush = Effect.gen(function*() {
          if (batch.length === 0) return
          // The chain kept beside the log hashed what is about to change: dropped first, so
          // that a run killed after its first transaction leaves no checkpoint of another log.
          if (done.removed === 0) yield* LogChain.forget
          const began = yield* Clock.currentTimeNanos
          const replaced = yield* compaction.replace(batch.map((planned) => planned.replacement)).pipe(
            Effect.catchTag("StoreFenced", (fenced) =>
              Effect.fail(new CompactionRefused({ reason: `this log is fenced (${fenced.reason}): compact the log that serves` })))
          )
          const tookMs = Number((yield* Clock.currentTimeNanos) - began) / 1e6
          if (!replaced) {
            return yield* new CompactionRefused({ reason: "another compaction changed these events meanwhile; run this one again once it is done" })
          }
          for (const planned of batch) {
            done.streams.add(planned.replacement.streamId)
            done.removed += planned.originals.length
          }
          batch = []
          size = 0
          yield* rest > 0 ? Effect.sleep(Duration.millis(Math.max(leastRest, tookMs * rest))) : Effect.yieldNow
        })
        // A transaction takes replacements while they fit in `perTransaction` rows; one
        // replacement is never larger (see `plan`). A stream's steps go in order.
        for (const planned of plans) {
          const rows = planned.replacement.removed.length + 1
          if (size + rows > perTransaction) yield* flush
          batch.push(planned)
          size += rows
        }
        yield* flush
        if (!(yield* records.put(cursorName(foldable.kind), Schema.encodeSync(Cursor)({ position: last }), cursorVersion))) {
          return yield* new CompactionRefused({ reason: `another compaction of ${foldable.kind} is running` })
        }
        cursor = last
        cursorVersion++
        if (options.onProgress) yield* options.onProgress(cursor, head)
        if (scanned.length < page.length || page.length < pageSize) break
      }
    })
    // What a run did is recorded, also when another run or a cutover stopped it midway.
    const outcome = yield* Effect.result(compacting)
    const result: Compacted = {
      kind: foldable.kind,
      before: options.before,
      upTo: cursor,
      streams: done.streams.size,
      removed: done.removed,
      archive: done.archive
    }
    if (done.removed > 0) {
      yield* store.append(auditStream, [{
        eventId: hashedId(`strata/compaction\n${foldable.kind}\n${cursor}\n${yield* Clock.currentTimeMillis}`),
        type: auditType,
        data: result,
        metadata: { actor: compactionActor }
      }])
    }
    if (Result.isFailure(outcome)) return yield* Effect.fail(outcome.failure)
    return result
  })
