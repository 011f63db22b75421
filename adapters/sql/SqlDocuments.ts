import { Cause, Effect, Option } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import { isSqlError, type SqlError } from "effect/sql/SqlError"
import type { Document, Documents } from "../../application/eventsourcing/Projection.ts"
import { StoreUnavailable } from "../../application/ports/StoreError.ts"
import { chunksOf, type Dialect, type DocumentRow } from "./Dialect.ts"
import { compile, execute } from "./Statements.ts"

/** The driver's own message where there is one (it names what went wrong: a refused connection, a full disk). */
export const unavailable = (operation: string) => (error: SqlError) =>
  new StoreUnavailable({
    operation,
    reason: error.reason.cause instanceof Error ? error.reason.cause.message : error.reason.message
  })

/**
 * The client with one gotcha of effect/sql undone: `withTransaction` turns a failed ROLLBACK
 * (and a failed COMMIT whose cleanup failed too) into a defect (`orDie`), so a connection
 * lost at that moment (Postgres going down, a full disk refusing SQLite's commit) would
 * escape every `SqlError` handler and be answered 500. Here it stays a `SqlError` in the
 * error channel, where the stores translate it into `StoreUnavailable` like any other
 * failed statement.
 */
export const withTransactionFailures = <C extends SqlClient>(sql: C): C =>
  Object.assign(
    Object.setPrototypeOf(function(this: unknown, ...args: Array<unknown>) {
      return (sql as unknown as (...args: Array<unknown>) => unknown).apply(this, args)
    }, Object.getPrototypeOf(sql)),
    sql,
    {
      withTransaction: <A, E, R>(effect: Effect.Effect<A, E, R>) =>
        sql.withTransaction(effect).pipe(
          Effect.catchCauseIf(
            (cause) => lostConnection(cause) !== undefined,
            (cause) => Effect.fail(lostConnection(cause)!)
          )
        )
    }
  ) as C

const lostConnection = (cause: Cause.Cause<unknown>) =>
  cause.reasons.find((reason): reason is Cause.Die => Cause.isDieReason(reason) && isSqlError(reason.defect))?.defect as
    | SqlError
    | undefined

interface ListedRow {
  readonly key: string
  readonly partition: string | null
  readonly sort: string
  readonly doc: string
}

const toDocument = (row: ListedRow): Document => ({
  key: row.key,
  partition: row.partition,
  sort: row.sort,
  doc: JSON.parse(row.doc)
})

/** The single-document statements, compiled once per client. */
const statementsOf = (sql: SqlClient) => {
  let texts = compiled.get(sql)
  if (texts === undefined) {
    texts = {
      get: compile(sql`SELECT doc FROM strata_documents WHERE projection = ${0} AND generation = ${0} AND key = ${0}`),
      put: compile(sql`INSERT INTO strata_documents (projection, generation, key, partition, sort, doc)
        VALUES (${0}, ${0}, ${0}, ${0}, ${0}, ${0})
        ON CONFLICT (projection, generation, key)
        DO UPDATE SET partition = excluded.partition, sort = excluded.sort, doc = excluded.doc`),
      delete: compile(sql`DELETE FROM strata_documents WHERE projection = ${0} AND generation = ${0} AND key = ${0}`)
    }
    compiled.set(sql, texts)
  }
  return texts
}
const compiled = new WeakMap<SqlClient, { readonly get: string; readonly put: string; readonly delete: string }>()

/** The documents of one generation of a projection, on whatever connection is current. */
export const sqlDocuments = (sql: SqlClient, projection: string, generation: number): Documents => ({
  get: (key) =>
    execute<{ doc: string }>(sql, statementsOf(sql).get, [projection, generation, key]).pipe(
      Effect.map((rows) => Option.map(Option.fromNullishOr(rows[0]), (row) => JSON.parse(row.doc))),
      Effect.mapError(unavailable("read document"))
    ),
  put: (key, doc, index) =>
    execute(sql, statementsOf(sql).put, [projection, generation, key, index?.partition ?? null, index?.sort ?? "", JSON.stringify(doc)]).pipe(
      Effect.asVoid,
      Effect.mapError(unavailable("write document"))
    ),
  delete: (key) =>
    execute(sql, statementsOf(sql).delete, [projection, generation, key]).pipe(
      Effect.asVoid,
      Effect.mapError(unavailable("delete document"))
    ),
  list: ({ after, limit, order = "asc", partition }) => {
    const direction = order === "asc" ? sql.literal("ASC") : sql.literal("DESC")
    const cursor = after === undefined
      ? sql``
      : order === "asc"
      ? sql`AND sort > ${after}`
      : sql`AND sort < ${after}`
    return sql<ListedRow>`SELECT key, partition, sort, doc FROM strata_documents
      WHERE projection = ${projection} AND generation = ${generation} AND partition = ${partition} ${cursor}
      ORDER BY sort ${direction}, key ${direction}
      ${limit === undefined ? sql`` : sql`LIMIT ${limit}`}`.pipe(
      Effect.map((rows) => rows.map(toDocument)),
      Effect.mapError(unavailable("list documents"))
    )
  }
})

/** Keys per statement that names them (a lookup, a delete). */
const keysPerStatement = 500

/**
 * The documents of a generation being rebuilt (or written by an import), buffered: reads
 * go to the buffer first, then to what `prefetch` fetched, and writes stay in the buffer
 * until `flush`, which writes them in a few multi-row statements. A replay touches the same
 * documents again and again (a counter per stream); with the chunk's keys fetched ahead,
 * each event's read and write is a map lookup instead of a round trip.
 */
export const bufferedDocuments = (sql: SqlClient, dialect: Dialect, projection: string, generation: number) => {
  const direct = sqlDocuments(sql, projection, generation)
  /** Written since the last flush, its JSON serialised once (which also keeps it from later mutation); null: deleted. */
  const buffer = new Map<string, DocumentRow | null>()
  /** As the database has them (JSON text; null: none), fetched ahead. */
  const fetched = new Map<string, string | null>()
  const flush = Effect.gen(function*() {
    const writes = [...buffer.values()].filter((row): row is DocumentRow => row !== null)
    const deletes = [...buffer].filter(([, document]) => document === null).map(([key]) => key)
    buffer.clear()
    // What was fetched may be what the buffer just overwrote.
    fetched.clear()
    if (writes.length > 0) yield* dialect.writeDocuments(sql, writes)
    for (const chunk of chunksOf(deletes, keysPerStatement)) {
      yield* sql`DELETE FROM strata_documents WHERE projection = ${projection} AND generation = ${generation}
        AND ${sql.in("key", chunk)}`
    }
  }).pipe(Effect.mapError(unavailable("write documents")))
  const prefetch = (keys: ReadonlyArray<string>) =>
    Effect.gen(function*() {
      const wanted = keys.filter((key) => !buffer.has(key) && !fetched.has(key))
      for (const chunk of chunksOf(wanted, keysPerStatement)) {
        const rows = yield* sql<{ key: string; doc: string }>`SELECT key, doc FROM strata_documents
          WHERE projection = ${projection} AND generation = ${generation} AND ${sql.in("key", chunk)}`
        for (const key of chunk) fetched.set(key, null)
        for (const row of rows) fetched.set(row.key, row.doc)
      }
    }).pipe(Effect.mapError(unavailable("read documents")))
  const documents: Documents = {
    get: (key) => {
      const written = buffer.get(key)
      if (written !== undefined) return Effect.succeed(Option.map(Option.fromNullishOr(written), (row) => JSON.parse(row.doc)))
      const stored = fetched.get(key)
      if (stored !== undefined) return Effect.succeed(Option.map(Option.fromNullishOr(stored), (doc) => JSON.parse(doc)))
      return direct.get(key)
    },
    put: (key, doc, index) =>
      Effect.sync(() => {
        buffer.set(key, { projection, generation, key, partition: index?.partition ?? null, sort: index?.sort ?? "", doc: JSON.stringify(doc) })
      }),
    delete: (key) => Effect.sync(() => void buffer.set(key, null)),
    // A listing sees the database, so what is buffered goes there first.
    list: (query) => Effect.andThen(flush, direct.list(query))
  }
  return { documents, flush, prefetch }
}
