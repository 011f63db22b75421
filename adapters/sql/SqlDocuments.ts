import type { SqlClient } from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import { Effect, Option } from "effect"
import type { Document, Documents } from "../../application/Projection.ts"
import { StoreUnavailable } from "../../application/StoreError.ts"
import { compile, execute } from "./Statements.ts"

export const unavailable = (operation: string) => (error: SqlError) =>
  new StoreUnavailable({
    operation,
    reason: error.cause instanceof Error ? error.cause.message : error.message
  })

/**
 * The client with one gotcha of @effect/sql undone: `withTransaction` turns a failed COMMIT
 * or ROLLBACK into a defect (`orDie`), so a connection lost at that moment (Postgres going
 * down, a full disk refusing SQLite's commit) would escape every `SqlError` handler and be
 * answered 500. Here it stays a `SqlError` in the error channel, where the stores translate
 * it into `StoreUnavailable` like any other failed statement.
 */
export const withTransactionFailures = (sql: SqlClient): SqlClient =>
  Object.assign(
    Object.setPrototypeOf(function(this: unknown, ...args: Array<unknown>) {
      return (sql as unknown as (...args: Array<unknown>) => unknown).apply(this, args)
    }, Object.getPrototypeOf(sql)),
    sql,
    {
      withTransaction: <A, E, R>(effect: Effect.Effect<A, E, R>) =>
        sql.withTransaction(effect).pipe(
          Effect.catchSomeDefect((defect) => defect instanceof SqlError ? Option.some(Effect.fail(defect)) : Option.none())
        ) as Effect.Effect<A, E, R>
    }
  ) as SqlClient

interface DocumentRow {
  readonly key: string
  readonly partition: string | null
  readonly sort: string
  readonly doc: string
}

const toDocument = (row: DocumentRow): Document => ({
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
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), (row) => JSON.parse(row.doc))),
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
    return sql<DocumentRow>`SELECT key, partition, sort, doc FROM strata_documents
      WHERE projection = ${projection} AND generation = ${generation} AND partition = ${partition} ${cursor}
      ORDER BY sort ${direction}, key ${direction}
      ${limit === undefined ? sql`` : sql`LIMIT ${limit}`}`.pipe(
      Effect.map((rows) => rows.map(toDocument)),
      Effect.mapError(unavailable("list documents"))
    )
  }
})

/** Rows per multi-row upsert when a buffer is flushed. */
const flushChunk = 200

/**
 * The documents of a generation being rebuilt, buffered: reads go to the buffer first,
 * writes stay in it until `flush`, which writes them in a few multi-row statements. A
 * rebuild chunk touches the same documents again and again (a counter per stream); this
 * turns each event's read and write into a map lookup.
 */
export const bufferedDocuments = (sql: SqlClient, projection: string, generation: number) => {
  const direct = sqlDocuments(sql, projection, generation)
  const buffer = new Map<string, Document | null>()
  const flush = Effect.gen(function*() {
    const writes = [...buffer.values()].filter((document): document is Document => document !== null)
    const deletes = [...buffer].filter(([, document]) => document === null).map(([key]) => key)
    buffer.clear()
    for (let offset = 0; offset < writes.length; offset += flushChunk) {
      const rows = writes.slice(offset, offset + flushChunk).map((document) => ({
        projection,
        generation,
        key: document.key,
        partition: document.partition,
        sort: document.sort,
        doc: JSON.stringify(document.doc)
      }))
      yield* sql`INSERT INTO strata_documents ${sql.insert(rows)}
        ON CONFLICT (projection, generation, key)
        DO UPDATE SET partition = excluded.partition, sort = excluded.sort, doc = excluded.doc`
    }
    for (let offset = 0; offset < deletes.length; offset += flushChunk) {
      yield* sql`DELETE FROM strata_documents WHERE projection = ${projection} AND generation = ${generation}
        AND ${sql.in("key", deletes.slice(offset, offset + flushChunk))}`
    }
  }).pipe(Effect.mapError(unavailable("write documents")))
  const documents: Documents = {
    get: (key) =>
      buffer.has(key)
        ? Effect.succeed(Option.map(Option.fromNullable(buffer.get(key)), (document) => JSON.parse(JSON.stringify(document.doc))))
        : direct.get(key),
    put: (key, doc, index) =>
      Effect.sync(() => {
        buffer.set(key, { key, partition: index?.partition ?? null, sort: index?.sort ?? "", doc: JSON.parse(JSON.stringify(doc)) })
      }),
    delete: (key) => Effect.sync(() => void buffer.set(key, null)),
    // A listing sees the database, so what is buffered goes there first.
    list: (query) => Effect.zipRight(flush, direct.list(query))
  }
  return { documents, flush }
}
