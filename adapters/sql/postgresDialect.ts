import { type SqlClient, TransactionConnection } from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import { Effect, Option } from "effect"
import { migrations } from "../../migrations/postgres/index.ts"
import { type Dialect, type EventRow, type ImportedRow, toNumber } from "./Dialect.ts"
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

/** The columns an event row carries besides its place (position, stream, version), one array each, in the functions' order. */
const eventFields = (rows: ReadonlyArray<EventRow>) => [
  rows.map((row) => row.type),
  rows.map((row) => row.schema_version),
  rows.map((row) => row.data),
  rows.map((row) => row.actor),
  rows.map((row) => row.correlation_id),
  rows.map((row) => row.causation_id),
  rows.map((row) => row.recorded_at)
]

const appendWrites = (sql: SqlClient, writes: ReadonlyArray<{ readonly expectedVersion: number; readonly rows: ReadonlyArray<EventRow> }>) => {
  const rows = writes.flatMap((write) => write.rows)
  return execute<{ write_index: number; first_position: string }>(sql, appendSql, [
    writes.map((write) => write.rows[0]!.stream_id),
    writes.map((write) => write.expectedVersion),
    writes.map((write) => write.rows.length),
    rows.map((row) => row.event_id),
    ...eventFields(rows)
  ]).pipe(Effect.map((written) => {
    const firsts = new Map(written.map((row) => [row.write_index, toNumber(row.first_position)]))
    return writes.map((_, index) => firsts.get(index + 1))
  }))
}

const importColumns = `position, event_id, stream_id, version, type, schema_version, data, actor, correlation_id,
  causation_id, recorded_at`

/** A few rows (a mirror's batch): one statement, one round trip. */
const importSql = `INSERT INTO strata_events (${importColumns})
  SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::int[], $7::text[], $8::text[],
    $9::text[], $10::text[], $11::text[])`

/** Any number of documents: one statement, six arrays. */
const upsertDocuments = `INSERT INTO strata_documents (projection, generation, key, partition, sort, doc)
  SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])
  ON CONFLICT (projection, generation, key)
  DO UPDATE SET partition = excluded.partition, sort = excluded.sort, doc = excluded.doc`

const insertRows = (sql: SqlClient, rows: ReadonlyArray<ImportedRow>) =>
  execute(sql, importSql, [
    rows.map((row) => row.position),
    rows.map((row) => row.event_id),
    rows.map((row) => row.stream_id),
    rows.map((row) => row.version),
    ...eventFields(rows)
  ])

/** From this many rows on, `COPY` pays for its second round trip. */
const copyFrom = 100

/** COPY's text format: backslash, newline, carriage return and tab escaped; `\N` is NULL. */
const copyField = (value: string | null) =>
  value === null ? "\\N" : needsEscape.test(value) ? value.replace(escapable, escape) : value
const needsEscape = /[\\\n\r\t]/
const escapable = /[\\\n\r\t]/g
const escape = (char: string) => (char === "\\" ? "\\\\" : char === "\n" ? "\\n" : char === "\r" ? "\\r" : "\\t")

const copyText = (rows: ReadonlyArray<ImportedRow>) => {
  let text = ""
  for (const row of rows) {
    text += `${row.position}\t${copyField(row.event_id)}\t${copyField(row.stream_id)}\t${row.version}\t${copyField(row.type)}\t${row.schema_version}\t${copyField(row.data)}\t${copyField(row.actor)}\t${copyField(row.correlation_id)}\t${copyField(row.causation_id)}\t${copyField(row.recorded_at)}\n`
  }
  return text
}

/**
 * `COPY … FROM STDIN` on node-postgres' client, which has no API for it: a query object
 * the client drives through the protocol's messages (what pg-copy-streams does), sending
 * the whole payload when the server asks for it.
 */
class CopyIn {
  callback: ((error: Error | null) => void) | undefined
  private error: Error | null = null
  constructor(private readonly text: string, private readonly payload: Buffer) {}
  submit(connection: PgConnection) {
    connection.query(this.text)
  }
  handleCopyInResponse(connection: PgConnection) {
    connection.sendCopyFromChunk(this.payload)
    connection.endCopyFrom()
  }
  handleError(error: Error) {
    // The server sends ReadyForQuery after an error, but the client has let go of this query by then.
    this.error = error
    this.finish()
  }
  handleReadyForQuery() {
    this.finish()
  }
  private finish() {
    const callback = this.callback
    this.callback = undefined
    callback?.(this.error)
  }
  handleCommandComplete() {}
  handleRowDescription() {}
  handleDataRow() {}
  handlePortalSuspended() {}
  handleEmptyQuery() {}
  handleCopyData() {}
}

interface PgConnection {
  readonly query: (text: string) => void
  readonly sendCopyFromChunk: (chunk: Buffer) => void
  readonly endCopyFrom: () => void
}

interface PgClient {
  readonly query: (query: CopyIn, callback: (error: Error | null) => void) => void
}

/**
 * Many rows (a bulk copy, a restore): one `COPY`, two round trips, no parameters to bind —
 * on the transaction's own client, which @effect/sql-pg keeps as `pg` on its connection.
 * Where that is missing (another driver version), the rows go by `INSERT`.
 */
const copyRows = (sql: SqlClient, rows: ReadonlyArray<ImportedRow>) =>
  Effect.flatMap(Effect.serviceOption(TransactionConnection), (transaction) => {
    const client = Option.isSome(transaction) ? (transaction.value[0] as { readonly pg?: PgClient }).pg : undefined
    if (client === undefined) return Effect.asVoid(insertRows(sql, rows))
    const copy = new CopyIn(`COPY strata_events (${importColumns}) FROM STDIN`, Buffer.from(copyText(rows)))
    return Effect.async<void, SqlError>((resume) => {
      client.query(copy, (error) =>
        resume(error === null ? Effect.void : Effect.fail(new SqlError({ cause: error, message: "Failed to copy rows" }))))
    })
  })

export const postgresDialect: Dialect = {
  name: "postgres",
  migrations,
  maxRowsPerInsert: Number.POSITIVE_INFINITY,
  insertEvents: (sql, expectedVersion, rows) =>
    Effect.map(appendWrites(sql, [{ expectedVersion, rows }]), ([first]) => first),
  insertGroup: appendWrites,
  importRows: (sql, rows) =>
    rows.length < copyFrom ? Effect.asVoid(insertRows(sql, rows)) : copyRows(sql, rows),
  writeDocuments: (sql, rows) =>
    Effect.asVoid(execute(sql, upsertDocuments, [
      rows.map((row) => row.projection),
      rows.map((row) => row.generation),
      rows.map((row) => row.key),
      rows.map((row) => row.partition),
      rows.map((row) => row.sort),
      rows.map((row) => row.doc)
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
  isUniqueViolation: (error) => (error.cause as { code?: string } | undefined)?.code === "23505"
}
