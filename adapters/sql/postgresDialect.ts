import { Effect } from "effect"
import { migrations } from "../../migrations/postgres/index.ts"
import { type Dialect, toNumber } from "./Dialect.ts"
import { execute } from "./Statements.ts"

/** Every append notifies this channel at its commit; the payload says nothing, followers read from where they are (it is not empty: the driver drops empty ones). */
export const appendedChannel = "strata_log"

/**
 * One statement, one round trip: round trips, not fsync, bound a Postgres append. The
 * head row's lock is held from the UPDATE to the commit, so positions follow commit order
 * (a sequence would not: a transaction could take position 5, commit after 6, and a
 * reader at 6 would never see it).
 */
const insertEvents = `
WITH head AS (
  UPDATE strata_log SET head = head + $1
  WHERE id = 1 AND fenced_at IS NULL
    AND ($2::bigint = 0 OR EXISTS (SELECT 1 FROM strata_events WHERE stream_id = $3 AND version = $2::bigint))
  RETURNING head - $1 AS base
), inserted AS (
  INSERT INTO strata_events (position, event_id, stream_id, version, type, schema_version, data,
    actor, correlation_id, causation_id, recorded_at)
  SELECT head.base + e.ord, e.event_id, $3, $2::bigint + e.ord, e.type, e.schema_version, e.data,
    e.actor, e.correlation_id, e.causation_id, $4
  FROM head, unnest($5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[])
    WITH ORDINALITY AS e(event_id, type, schema_version, data, actor, correlation_id, causation_id, ord)
  RETURNING position
)
SELECT MIN(position) AS first, (SELECT pg_notify('${appendedChannel}', 'appended')) AS notified FROM inserted`

export const postgresDialect: Dialect = {
  name: "postgres",
  migrations,
  groupCommit: false,
  maxRowsPerInsert: Number.POSITIVE_INFINITY,
  insertEvents: (sql, expectedVersion, rows) =>
    execute<{ first: string | null }>(sql, insertEvents, [
      rows.length,
      expectedVersion,
      rows[0]!.stream_id,
      rows[0]!.recorded_at,
      rows.map((row) => row.event_id),
      rows.map((row) => row.type),
      rows.map((row) => row.schema_version),
      rows.map((row) => row.data),
      rows.map((row) => row.actor),
      rows.map((row) => row.correlation_id),
      rows.map((row) => row.causation_id)
    ]).pipe(Effect.map(([row]) => (row?.first === null || row?.first === undefined ? undefined : toNumber(row.first)))),
  advanceHead: (sql, head) =>
    Effect.asVoid(sql`UPDATE strata_log SET head = ${head} WHERE id = 1 RETURNING (SELECT pg_notify(${appendedChannel}, 'appended'))`),
  head: (sql) => sql<{ head: string }>`SELECT head FROM strata_log WHERE id = 1`.pipe(Effect.map(([row]) => toNumber(row?.head))),
  lockLog: (sql) =>
    sql<{ head: string }>`UPDATE strata_log SET head = head WHERE id = 1 RETURNING head`.pipe(
      Effect.map(([row]) => toNumber(row?.head))
    ),
  isUniqueViolation: (error) => (error.cause as { code?: string } | undefined)?.code === "23505"
}
