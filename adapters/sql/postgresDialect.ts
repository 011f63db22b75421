import { PgTypes } from "@effect/sql-pg"
import { Effect, Result } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import { migrations } from "../../migrations/postgres/index.ts"
import { blockSize } from "../../application/eventsourcing/LogChain.ts"
import {
  chunksOf,
  type DeferrableIndex,
  type Dialect,
  type EventRow,
  type ImportedRow,
  isUniqueViolation,
  type LogLayout,
  toNumber
} from "./Dialect.ts"
import { execute } from "./Statements.ts"

/** Every append notifies this channel at its commit (`strata_append` names it too); the payload says nothing, followers read from where they are (it is not empty: the driver drops empty ones). */
export const appendedChannel = "strata_log"

/**
 * Appends go through `strata_append` (migration 0005), which takes a group commit's appends
 * at once, each at its own expected version: planned once per connection, one round trip.
 * The head row's lock is held from the call to the commit, so positions follow commit order
 * (a sequence would not: a transaction could take position 5, commit after 6, and a reader
 * at 6 would never see it).
 */
const appendSql = `SELECT write_index, first_position FROM strata_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`

/**
 * Arrays are bound with their element type: the client otherwise infers a parameter's type
 * from its values, which an array of nulls (no event with an actor) does not tell. A value
 * of the wrong type is a bug here, hence a defect.
 */
const arrayOf = (oid: number) => (values: ReadonlyArray<unknown>) => Result.getOrThrow(PgTypes.array(values, oid))
const texts = arrayOf(PgTypes.OID.text)
const ints = arrayOf(PgTypes.OID.int4)
const bigints = (values: ReadonlyArray<number>) => arrayOf(PgTypes.OID.int8)(values.map(BigInt))

/** The columns an event row carries besides its place (position, stream, version), one array each, in the functions' order. */
const eventFields = (rows: ReadonlyArray<EventRow>) => [
  texts(rows.map((row) => row.type)),
  ints(rows.map((row) => row.schema_version)),
  texts(rows.map((row) => row.data)),
  texts(rows.map((row) => row.actor)),
  texts(rows.map((row) => row.correlation_id)),
  texts(rows.map((row) => row.causation_id)),
  texts(rows.map((row) => row.recorded_at))
]

const appendWrites = (sql: SqlClient, writes: ReadonlyArray<{ readonly expectedVersion: number; readonly rows: ReadonlyArray<EventRow> }>) => {
  const rows = writes.flatMap((write) => write.rows)
  return execute<{ write_index: number; first_position: string }>(sql, appendSql, [
    texts(writes.map((write) => write.rows[0]!.stream_id)),
    bigints(writes.map((write) => write.expectedVersion)),
    ints(writes.map((write) => write.rows.length)),
    texts(rows.map((row) => row.event_id)),
    ...eventFields(rows)
  ]).pipe(Effect.map((written) => {
    const firsts = new Map(written.map((row) => [row.write_index, toNumber(row.first_position)]))
    return writes.map((_, index) => firsts.get(index + 1))
  }))
}

const importColumns = `position, event_id, stream_id, version, type, schema_version, data, actor, correlation_id,
  causation_id, recorded_at`

/** Rows with their positions: one statement, eleven arrays. */
const importSql = `INSERT INTO strata_events (${importColumns})
  SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::int[], $7::text[], $8::text[],
    $9::text[], $10::text[], $11::text[])`

/**
 * The log's blocks hashed by Postgres (see `Dialect.blockDigests`): each event's canonical
 * line built from its columns — JSON strings by `to_json`, whose escapes are
 * `JSON.stringify`'s (a lone surrogate, the one difference, cannot be stored in UTF-8
 * text), the metadata's absent fields left out, `data` as stored — and each block's lines
 * hashed in position order.
 */
const blockDigestsSql = `SELECT (max(position) - 1) / ${blockSize} * ${blockSize} + ${blockSize} AS last, count(*) AS count,
    encode(sha256(convert_to(string_agg(
      '{"position":' || position || ',"eventId":' || to_json(event_id)::text || ',"streamId":' || to_json(stream_id)::text
      || ',"version":' || version || ',"type":' || to_json(type)::text || ',"schemaVersion":' || schema_version
      || ',"data":' || data || ',"metadata":{' || concat_ws(',', '"actor":' || to_json(actor)::text,
        '"correlationId":' || to_json(correlation_id)::text, '"causationId":' || to_json(causation_id)::text)
      || '},"recordedAt":' || to_json(recorded_at)::text || E'}\n',
      '' ORDER BY position), 'UTF8')), 'hex') AS hash
  FROM strata_events WHERE position > $1 AND position <= $2
  GROUP BY (position - 1) / ${blockSize} ORDER BY 1`

/** A unique constraint of the log, as `deferrableIndexes` sets it aside and builds it again (idempotently). */
const uniqueConstraint = (name: string, columns: string): DeferrableIndex => ({
  name,
  present: `SELECT 1 FROM pg_constraint WHERE conrelid = 'strata_events'::regclass AND conname = '${name}'`,
  drop: [`ALTER TABLE strata_events DROP CONSTRAINT IF EXISTS ${name}`, `DROP INDEX IF EXISTS ${name}`],
  create: [
    `CREATE UNIQUE INDEX IF NOT EXISTS ${name} ON strata_events (${columns})`,
    `DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '${name}') THEN
        ALTER TABLE strata_events ADD CONSTRAINT ${name} UNIQUE USING INDEX ${name};
      END IF;
    END $$`
  ]
})

/** An arbitrary key of Postgres's advisory locks: the log's indexes' own (the migrations have another). */
const indexLockKey = 7_305_871_404

/** Any number of documents: one statement, six arrays. */
const upsertDocuments = `INSERT INTO strata_documents (projection, generation, key, partition, sort, doc)
  SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])
  ON CONFLICT (projection, generation, key)
  DO UPDATE SET partition = excluded.partition, sort = excluded.sort, doc = excluded.doc`

const insertRows = (sql: SqlClient, rows: ReadonlyArray<ImportedRow>) =>
  execute(sql, importSql, [
    bigints(rows.map((row) => row.position)),
    texts(rows.map((row) => row.event_id)),
    texts(rows.map((row) => row.stream_id)),
    bigints(rows.map((row) => row.version)),
    ...eventFields(rows)
  ])

/**
 * Copied rows per statement. A restore or a bulk copy brings any number; one statement each
 * chunk keeps every statement well inside the client's statement bound (see
 * `PostgresStore`). (`COPY … FROM STDIN` would save the arrays' parsing, but the client
 * speaks no COPY.)
 */
const importChunk = 5_000

/** The log's columns, as they are in its one table. */
const log: LogLayout = {
  from: "strata_events e",
  columns: `position, event_id, stream_id, version, type, schema_version, data, actor, correlation_id, causation_id,
    recorded_at`,
  column: {
    position: "position",
    version: "version",
    streamId: "stream_id",
    type: "type",
    actor: "actor",
    eventId: "event_id",
    correlationId: "correlation_id",
    recordedAt: "recorded_at"
  },
  streamIs: (sql, streamId) => sql`stream_id = ${streamId}`,
  typeIn: (sql, types) => sql.in("type", types),
  storedId: (id) => id,
  rewrite: (sql, event) =>
    sql`event_id = ${event.eventId}, type = ${event.type}, schema_version = ${event.schemaVersion}, data = ${event.data},
      actor = ${event.metadata.actor ?? null}, correlation_id = ${event.metadata.correlationId ?? null},
      causation_id = ${event.metadata.causationId ?? null}`
}

export const postgresDialect: Dialect = {
  name: "postgres",
  migrations,
  log,
  maxRowsPerInsert: Number.POSITIVE_INFINITY,
  insertEvents: (sql, expectedVersion, rows) =>
    Effect.map(appendWrites(sql, [{ expectedVersion, rows }]), ([first]) => first === undefined ? undefined : { first, streamRef: 0 }),
  insertGroup: appendWrites,
  importRows: (sql, rows) =>
    Effect.forEach(
      chunksOf(rows, importChunk),
      (chunk) => insertRows(sql, chunk),
      { discard: true }
    ),
  writeDocuments: (sql, rows) =>
    Effect.asVoid(execute(sql, upsertDocuments, [
      texts(rows.map((row) => row.projection)),
      ints(rows.map((row) => row.generation)),
      texts(rows.map((row) => row.key)),
      texts(rows.map((row) => row.partition)),
      texts(rows.map((row) => row.sort)),
      texts(rows.map((row) => row.doc))
    ])),
  // Written as `key IN (SELECT …)`, the planner — with statistics from before the table
  // grew, as right after a rebuild wrote it — chose a nested loop rescanning the subquery per
  // row: 40 s for 13,600 documents. Row addresses gathered once make a TID scan, planned
  // the same whatever the statistics say.
  dropDocuments: (sql, projection, generation, limit) =>
    Effect.asVoid(sql`DELETE FROM strata_documents WHERE ctid = ANY(ARRAY(
      SELECT ctid FROM strata_documents WHERE projection = ${projection} AND generation = ${generation} LIMIT ${limit}))`),
  advanceHead: (sql, head) =>
    Effect.asVoid(sql`UPDATE strata_log SET head = ${head} WHERE id = 1 RETURNING (SELECT pg_notify(${appendedChannel}, 'appended'))`),
  head: (sql) => sql<{ head: string }>`SELECT head FROM strata_log WHERE id = 1`.pipe(Effect.map(([row]) => toNumber(row?.head))),
  lockLog: (sql) =>
    sql<{ head: string }>`UPDATE strata_log SET head = head WHERE id = 1 RETURNING head`.pipe(
      Effect.map(([row]) => toNumber(row?.head))
    ),
  isUniqueViolation,
  readsBesideTransactions: true,
  blockDigests: blockDigestsSql,
  // The two unique constraints are dropped with their indexes and built again as they were:
  // the index first, then the constraint over it (`USING INDEX` builds nothing more).
  deferrableIndexes: [
    uniqueConstraint("strata_events_event_id_key", "event_id"),
    uniqueConstraint("strata_events_stream_id_version_key", "stream_id, version"),
    {
      name: "strata_events_type",
      present: "SELECT 1 WHERE to_regclass('strata_events_type') IS NOT NULL",
      drop: ["DROP INDEX IF EXISTS strata_events_type"],
      create: ["CREATE INDEX IF NOT EXISTS strata_events_type ON strata_events (type, position)"]
    }
  ],
  lockIndexes: `SELECT pg_advisory_xact_lock(${indexLockKey})`
}
