import { Effect } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import { migrations } from "../../migrations/sqlite/index.ts"
import { chunksOf, type Dialect, isUniqueViolation, type LogLayout, toNumber } from "./Dialect.ts"
import { execute } from "./Statements.ts"
import { toStored } from "./StoredIds.ts"

const storedOrNull = (id: string | null) => (id === null ? null : toStored(id))

/** Names per statement when a store writes the names its rows refer to. */
const namesChunk = 500

const nameTables = { type: "strata_event_types", actor: "strata_actors" } as const

/**
 * A row's stream, by name, in SQL (an audit by a stream's prefix): the name in the stream's
 * first row, or — a stream listed with an id of its own, whose first row does not name it —
 * its listing, looked up only then. Reads select the id (`stream_ref`) and name it in the
 * process (`streamNames`).
 */
const streamName = `COALESCE((SELECT f.stream_name FROM strata_events f WHERE f.stream_ref = e.stream_ref AND f.version = 1),
  (SELECT name FROM strata_listed_streams WHERE id = e.stream_ref))`

/**
 * The id of a stream by its name: its listing, or its first row's (by the index of first
 * rows' names); NULL for a stream not in the log. Two parameters: the name, twice.
 */
export const streamIdByName = `COALESCE((SELECT id FROM strata_listed_streams WHERE name = ?), (SELECT stream_ref FROM strata_events WHERE stream_name = ?))`

const streamRef = (sql: SqlClient, name: string) => sql.unsafe(streamIdByName, [name, name])

/** The next id no stream holds: after every id in the log and in the listing. */
const nextStreamRef = `(MAX((SELECT COALESCE(MAX(stream_ref), 0) FROM strata_events), (SELECT COALESCE(MAX(id), 0) FROM strata_listed_streams)) + 1)`

/**
 * Streams by their ids or their names, as their listing and their first rows name them (a
 * listed stream's first row may name it too: the same name), in statements of
 * `namesChunk` values.
 */
const namedStreams = (sql: SqlClient, by: "id" | "name", values: ReadonlyArray<number | string>) =>
  Effect.map(
    Effect.forEach(chunksOf(values, namesChunk), (chunk) => {
      const list = chunk.map(() => "?").join(", ")
      const firstRows = by === "id" ? `stream_ref IN (${list}) AND version = 1 AND stream_name IS NOT NULL` : `stream_name IN (${list})`
      return execute<{ id: number | bigint; name: string }>(
        sql,
        `SELECT id, name FROM strata_listed_streams WHERE ${by} IN (${list})
          UNION ALL SELECT stream_ref, stream_name FROM strata_events WHERE ${firstRows}`,
        [...chunk, ...chunk]
      )
    }),
    (chunks) => chunks.flat().map((row) => ({ id: toNumber(row.id), name: row.name }))
  )

const log: LogLayout = {
  from: `strata_events e JOIN strata_event_types t ON t.id = e.type_ref LEFT JOIN strata_actors a ON a.id = e.actor_ref`,
  columns: `e.position, e.event_id, e.stream_ref, e.version, t.name AS type, e.schema_version, e.data, a.name AS actor,
    e.correlation_id, e.causation_id, e.recorded_at`,
  streamNames: (sql, ids) => namedStreams(sql, "id", ids),
  column: {
    position: "e.position",
    version: "e.version",
    streamId: streamName,
    type: "t.name",
    actor: "a.name",
    eventId: "e.event_id",
    correlationId: "e.correlation_id",
    recordedAt: "e.recorded_at"
  },
  streamIs: (sql, streamId) => sql`e.stream_ref = ${streamRef(sql, streamId)}`,
  // One type by `=`: SQLite then reads the type index in position order, where `IN` sorts.
  typeIn: (sql, types) =>
    types.length === 1
      ? sql`e.type_ref = (SELECT id FROM strata_event_types WHERE name = ${types[0]!})`
      : sql`e.type_ref IN (SELECT id FROM strata_event_types WHERE ${sql.in("name", types)})`,
  storedId: toStored,
  // A removed first row takes its stream's name along: the stream is listed with its id.
  keepNames: (sql, positions) =>
    Effect.asVoid(sql`INSERT INTO strata_listed_streams (id, name) SELECT stream_ref, stream_name FROM strata_events
      WHERE position IN ${sql.in(positions)} AND stream_name IS NOT NULL ON CONFLICT DO NOTHING`),
  rewrite: (sql, event) =>
    sql`event_id = ${toStored(event.eventId)}, type_ref = (SELECT id FROM strata_event_types WHERE name = ${event.type}),
      schema_version = ${event.schemaVersion}, data = ${event.data},
      actor_ref = ${event.metadata.actor === undefined ? sql`0` : sql`(SELECT id FROM strata_actors WHERE name = ${event.metadata.actor})`},
      correlation_id = ${storedOrNull(event.metadata.correlationId ?? null)}, causation_id = ${storedOrNull(event.metadata.causationId ?? null)}`
}

/** SQLite's limit on bound parameters is 32,766; 500 rows of 8 columns stay far below. */
const maxRowsPerInsert = 500

const head = "SELECT COALESCE(MAX(position), 0) AS head FROM strata_events"

/**
 * The append statements for `count` rows; built once per count, then cached (as is their
 * prepared form). The type and actor columns take the ids of their names
 * (`strata_event_types`, `strata_actors`; actor 0: none), resolved before the append (see
 * `LogNames`); a stream's first row (version 1) is written with the stream's name.
 *
 * `known`: the stream's id is given — the stream is in the log already, named, or listed.
 * `found`: the statement finds it by the stream's name — its listing, else its first row —
 * or, for a stream not in the log, takes the next id and writes the name in the first row.
 */
const insertSql = (form: "known" | "found", count: number) => {
  const cache = form === "known" ? knownInsertCache : foundInsertCache
  let text = cache.get(count)
  if (text === undefined) {
    const values = Array.from({ length: count }, () => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")
    const notFenced = "NOT EXISTS (SELECT 1 FROM strata_log WHERE fenced_at IS NOT NULL)"
    const columns = "event_id, stream_ref, version, type_ref, schema_version, data, actor_ref, correlation_id, causation_id, recorded_at"
    text = form === "known"
      ? `INSERT INTO strata_events (${columns})
      SELECT column1, ?, column2, column3, column4, column5, column6, column7, column8, ?
      FROM (VALUES ${values})
      WHERE ${notFenced}
        AND (? = 0 OR EXISTS (SELECT 1 FROM strata_events WHERE stream_ref = ? AND version = ?))
        AND NOT EXISTS (SELECT 1 FROM strata_events WHERE stream_ref = ? AND version > ?)
      RETURNING position`
      : `INSERT INTO strata_events (${columns}, stream_name)
      SELECT column1, n.ref, column2, column3, column4, column5, column6, column7, column8, ?, CASE WHEN column2 = 1 THEN n.name END
      FROM (VALUES ${values}),
        (SELECT ? AS name, COALESCE(${streamIdByName}, ${nextStreamRef}) AS ref) AS n
      WHERE ${notFenced}
        AND (? = 0 OR EXISTS (SELECT 1 FROM strata_events WHERE stream_ref = n.ref AND version = ?))
        AND NOT EXISTS (SELECT 1 FROM strata_events WHERE stream_ref = n.ref AND version > ?)
      RETURNING position, stream_ref`
    cache.set(count, text)
  }
  return text
}
const knownInsertCache = new Map<number, string>()
const foundInsertCache = new Map<number, string>()

/** Documents per INSERT: 6 parameters each. */
const documentChunk = 500

const upsertDocuments = (count: number) =>
  `INSERT INTO strata_documents (projection, generation, key, partition, sort, doc)
  VALUES ${Array.from({ length: count }, () => "(?, ?, ?, ?, ?, ?)").join(", ")}
  ON CONFLICT (projection, generation, key)
  DO UPDATE SET partition = excluded.partition, sort = excluded.sort, doc = excluded.doc`

/** Copied rows per INSERT: 12 parameters each, 6,000 in all, below the limit of 32,766. */
const importChunk = 500

const importSql = (count: number) => {
  let text = importSqlCache.get(count)
  if (text === undefined) {
    text = `INSERT INTO strata_events (position, event_id, stream_ref, version, type_ref, schema_version, data, actor_ref,
        correlation_id, causation_id, recorded_at, stream_name)
      VALUES ${Array.from({ length: count }, () => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`
    importSqlCache.set(count, text)
  }
  return text
}
const importSqlCache = new Map<number, string>()

/**
 * SQLite and LibSQL: the same SQL, one writer at a time. The writer's lock orders commits,
 * and positions are rowids assigned at insert, so an append is one statement: no
 * transaction (LibSQL opens a connection per transaction) and one round trip.
 */
export const sqliteDialect: Dialect = {
  name: "sqlite",
  migrations,
  log,
  names: {
    // One statement: a name there already is "updated" to itself, so that it is returned too.
    resolve: (sql, kind, names) =>
      Effect.map(
        Effect.forEach(chunksOf(names, namesChunk), (chunk) =>
          execute<{ name: string; id: number | bigint }>(
            sql,
            `INSERT INTO ${nameTables[kind]} (name) VALUES ${chunk.map(() => "(?)").join(", ")}
              ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING name, id`,
            chunk
          )),
        (chunks) => chunks.flat().map((row) => ({ name: row.name, id: toNumber(row.id) }))
      ),
    streams: {
      find: (sql, names) => Effect.map(namedStreams(sql, "name", names), (found) => new Map(found.map(({ id, name }) => [name, id]))),
      nextId: (sql) => Effect.map(execute<{ id: number | bigint }>(sql, `SELECT ${nextStreamRef} AS id`, []), ([row]) => toNumber(row?.id)),
      list: (sql, name, id) => Effect.asVoid(execute(sql, "INSERT INTO strata_listed_streams (id, name) VALUES (?, ?)", [id, name]))
    }
  },
  maxRowsPerInsert,
  insertEvents: (sql, expectedVersion, rows) => {
    const first = rows[0]!
    const known = first.stream_ref !== undefined
    const params: Array<unknown> = known ? [first.stream_ref, first.recorded_at] : [first.recorded_at]
    for (const row of rows) {
      params.push(toStored(row.event_id), row.version, row.type_ref, row.schema_version, row.data, row.actor_ref,
        storedOrNull(row.correlation_id), storedOrNull(row.causation_id))
    }
    // The expected version is there and none after it: the stream's last, also where a
    // compaction left gaps before it. Two probes of the (stream, version) index: as a
    // subquery, MAX(version) ran without SQLite's min/max shortcut and halved appends.
    if (known) params.push(expectedVersion, first.stream_ref, expectedVersion, first.stream_ref, expectedVersion)
    else params.push(first.stream_id, first.stream_id, first.stream_id, expectedVersion, expectedVersion, expectedVersion)
    return execute<{ position: number | bigint; stream_ref: number | bigint }>(sql, insertSql(known ? "known" : "found", rows.length), params).pipe(
      Effect.map((inserted) =>
        inserted.length === 0
          ? undefined
          : { first: Math.min(...inserted.map((row) => toNumber(row.position))), streamRef: known ? first.stream_ref! : toNumber(inserted[0]!.stream_ref) }
      )
    )
  },
  importRows: (sql, rows) =>
    Effect.forEach(
      chunksOf(rows, importChunk),
      (chunk) => {
        const params: Array<unknown> = []
        for (const row of chunk) {
          params.push(row.position, toStored(row.event_id), row.stream_ref, row.version, row.type_ref, row.schema_version, row.data,
            row.actor_ref, storedOrNull(row.correlation_id), storedOrNull(row.causation_id), row.recorded_at,
            row.version === 1 ? row.stream_id : null)
        }
        return execute(sql, importSql(chunk.length), params)
      },
      { discard: true }
    ),
  writeDocuments: (sql, rows) =>
    Effect.forEach(
      chunksOf(rows, documentChunk),
      (chunk) => {
        const params: Array<unknown> = []
        for (const row of chunk) params.push(row.projection, row.generation, row.key, row.partition, row.sort, row.doc)
        return execute(sql, upsertDocuments(chunk.length), params)
      },
      { discard: true }
    ),
  // SQLite runs an uncorrelated IN (SELECT …) once, into a temporary index.
  dropDocuments: (sql, projection, generation, limit) =>
    Effect.asVoid(sql`DELETE FROM strata_documents WHERE projection = ${projection} AND generation = ${generation}
      AND key IN (SELECT key FROM strata_documents WHERE projection = ${projection} AND generation = ${generation}
        LIMIT ${limit})`),
  // Positions are rowids: the head is the largest one, nothing to advance.
  advanceHead: () => Effect.void,
  head: (sql) => sql.unsafe<{ head: number }>(head).pipe(Effect.map(([row]) => toNumber(row?.head))),
  lockLog: (sql) =>
    sql`UPDATE strata_log SET fenced_at = fenced_at WHERE id = 1`.pipe(
      Effect.andThen(sql.unsafe<{ head: number }>(head)),
      Effect.map(([row]) => toNumber(row?.head))
    ),
  isUniqueViolation,
  readsBesideTransactions: false,
  // The unique constraints' indexes are the table's own in SQLite and cannot be dropped.
  deferrableIndexes: [
    {
      name: "strata_events_type",
      present: "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'strata_events_type'",
      drop: ["DROP INDEX IF EXISTS strata_events_type"],
      create: ["CREATE INDEX IF NOT EXISTS strata_events_type ON strata_events (type_ref, position)"]
    }
  ]
}
