import type { SqlClient } from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import { Effect, Option } from "effect"
import type { Document, Documents } from "../../application/Projection.ts"
import { StoreUnavailable } from "../../application/StoreError.ts"

export const unavailable = (operation: string) => (error: SqlError) =>
  new StoreUnavailable({
    operation,
    reason: error.cause instanceof Error ? error.cause.message : error.message
  })

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

/** The documents of one generation of a projection, on whatever connection is current. */
export const sqlDocuments = (sql: SqlClient, projection: string, generation: number): Documents => ({
  get: (key) =>
    sql<{ doc: string }>`SELECT doc FROM strata_documents
      WHERE projection = ${projection} AND generation = ${generation} AND key = ${key}`.pipe(
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), (row) => JSON.parse(row.doc))),
      Effect.mapError(unavailable("read document"))
    ),
  put: (key, doc, index) =>
    sql`INSERT INTO strata_documents (projection, generation, key, partition, sort, doc)
      VALUES (${projection}, ${generation}, ${key}, ${index?.partition ?? null}, ${index?.sort ?? ""}, ${JSON.stringify(doc)})
      ON CONFLICT (projection, generation, key)
      DO UPDATE SET partition = excluded.partition, sort = excluded.sort, doc = excluded.doc`.pipe(
      Effect.asVoid,
      Effect.mapError(unavailable("write document"))
    ),
  delete: (key) =>
    sql`DELETE FROM strata_documents
      WHERE projection = ${projection} AND generation = ${generation} AND key = ${key}`.pipe(
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
