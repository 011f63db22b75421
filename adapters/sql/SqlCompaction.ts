import { SqlClient } from "effect/sql/SqlClient"
import { Data, Effect } from "effect"
import type { LogCompactionService } from "../../application/ports/LogCompaction.ts"
import { StoreFenced } from "../../application/ports/StoreError.ts"
import type { Dialect } from "./Dialect.ts"
import * as LogNames from "./LogNames.ts"
import { unavailable } from "./SqlDocuments.ts"
import { fromStored } from "./StoredIds.ts"

/** An event named by a replacement is not as it was read: the whole transaction goes back. */
class Changed extends Data.TaggedError("Changed") {}

/** Rows per statement: well under every backend's limit of bound parameters. */
const chunkSize = 500

/**
 * The rows a compaction removes, by position alone, and their event ids: `replace` compares
 * them with the ids it read — an event id is one event's, in one stream, so the rows are
 * the ones read. Not also by stream: over 10 positions or more SQLite's planner then reads
 * the whole stream through the (stream, version) index, and a busy stream's removal of 50
 * rows took 4–7 ms, growing with the stream, every writer waiting.
 */
export const removal = (sql: SqlClient, layout: Dialect["log"], positions: ReadonlyArray<number>) =>
  sql<{ event_id: string | Uint8Array | ArrayBuffer }>`DELETE FROM strata_events AS e
    WHERE ${sql.literal(layout.column.position)} IN ${sql.in(positions)}
    RETURNING event_id`

/**
 * Removes and rewrites rows of `strata_events` by position: the same statements on every
 * SQL backend, through the dialect's layout of the log (the summaries' names are written
 * first, outside the transaction, as an append's are). Nothing here takes the log's head lock: appends write at the head, a
 * compaction far below it, so that neither waits for the other beyond the database's own
 * write lock (SQLite's one writer; a transaction kept small by the caller).
 */
export const make = (dialect: Dialect) => Effect.gen(function*() {
  const sql = yield* SqlClient
  const layout = dialect.log
  const position = sql.literal(layout.column.position)
  const names = LogNames.make(sql, dialect.names)
  const compaction: LogCompactionService = {
    // Postgres locks rows; SQLite and LibSQL have one writer.
    oneWriter: dialect.name !== "postgres",
    replace: (replacements) =>
      Effect.andThen(names.resolve(replacements.map((replacement) => replacement.summary)), sql.withTransaction(Effect.gen(function*() {
        const [log] = yield* sql<{ fenced_at: string | null; fence_reason: string | null }>`
          SELECT fenced_at, fence_reason FROM strata_log WHERE id = 1`
        if (log?.fenced_at) return yield* new StoreFenced({ reason: log.fence_reason ?? "", fencedAt: log.fenced_at })
        for (const replacement of replacements) {
          for (let start = 0; start < replacement.removed.length; start += chunkSize) {
            const chunk = replacement.removed.slice(start, start + chunkSize)
            if (layout.keepNames) yield* layout.keepNames(sql, chunk.map((event) => event.position))
            const gone = yield* removal(sql, layout, chunk.map((event) => event.position))
            const expected = new Set(chunk.map((event) => event.eventId))
            if (gone.length !== chunk.length || gone.some((row) => !expected.has(fromStored(row.event_id)))) return yield* new Changed()
          }
          const { summary, replaced } = replacement
          const rewritten = yield* sql`UPDATE strata_events AS e SET ${layout.rewrite(sql, summary)}
            WHERE ${position} = ${replaced.position} AND ${sql.literal(layout.column.eventId)} = ${layout.storedId(replaced.eventId)}
            RETURNING position`
          if (rewritten.length !== 1) return yield* new Changed()
        }
        return true
      }))).pipe(
        Effect.catchTag("Changed", () => Effect.succeed(false)),
        Effect.catchTag("SqlError", (error) => Effect.fail(unavailable("compact log")(error)))
      )
  }
  return compaction
})
