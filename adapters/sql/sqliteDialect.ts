import { Effect } from "effect"
import { migrations } from "../../migrations/sqlite/index.ts"
import { type Dialect, toNumber } from "./Dialect.ts"

/** SQLite's limit on bound parameters is 32,766; 500 rows of 11 columns stay far below. */
const rowsPerInsert = 500

/** SQLite and LibSQL: the same SQL, one writer at a time. */
export const sqliteDialect: Dialect = {
  name: "sqlite",
  migrations,
  insertIsAtomic: false,
  insertEvents: (sql, expectedVersion, rows) =>
    Effect.gen(function*() {
      const streamId = rows[0]!.stream_id
      const [locked] = yield* sql<{ head: number | bigint }>`UPDATE strata_log SET head = head + ${rows.length}
        WHERE id = 1 AND fenced_at IS NULL
          AND (${expectedVersion} = 0 OR EXISTS (
            SELECT 1 FROM strata_events WHERE stream_id = ${streamId} AND version = ${expectedVersion}))
        RETURNING head`
      if (locked === undefined) return undefined
      const first = toNumber(locked.head) - rows.length + 1
      for (let offset = 0; offset < rows.length; offset += rowsPerInsert) {
        const chunk = rows.slice(offset, offset + rowsPerInsert)
          .map((row, index) => ({ position: first + offset + index, ...row }))
        yield* sql`INSERT INTO strata_events ${sql.insert(chunk)}`
      }
      return first
    }),
  lockLog: (sql) =>
    sql<{ head: number }>`UPDATE strata_log SET head = head WHERE id = 1 RETURNING head`.pipe(
      Effect.map(([row]) => toNumber(row?.head))
    ),
  isUniqueViolation: (error) => /UNIQUE constraint failed/.test(String((error.cause as Error | undefined)?.message))
}
