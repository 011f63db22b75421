import { SqlClient } from "@effect/sql/SqlClient"
import * as Reactivity from "@effect/experimental/Reactivity"
import * as SqliteClient from "@effect/sql-sqlite-bun/SqliteClient"
import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import { Effect, Layer } from "effect"
import { StoreUnavailable } from "../../application/StoreError.ts"
import { sqliteDialect } from "../sql/sqliteDialect.ts"
import * as SqlStore from "../sql/SqlStore.ts"

export interface SqliteStoreConfig {
  /** A file path; the directory is created when missing. */
  readonly filename: string
}

/**
 * WAL with `synchronous = NORMAL`: a commit survives a crash of the process; a power cut
 * may lose the last commits but never corrupts the file. `busy_timeout` lets a second
 * process (the CLI beside a server) wait for the write lock instead of failing at once.
 */
const pragmas = Effect.gen(function*() {
  const sql = yield* SqlClient
  yield* sql`PRAGMA journal_mode = WAL`
  yield* sql`PRAGMA synchronous = NORMAL`
  yield* sql`PRAGMA busy_timeout = 5000`
})

export const client = (config: SqliteStoreConfig) =>
  Layer.unwrapEffect(
    Effect.try({
      try: () => {
        mkdirSync(dirname(config.filename), { recursive: true })
        return SqliteClient.layer({ filename: config.filename })
      },
      catch: (error) => new StoreUnavailable({ operation: "open database", reason: String(error) })
    })
  )

/**
 * A second connection for reads: in WAL mode it reads the last commit without waiting for
 * the writer, and it is reserved for the store's life, so a read skips the client's queue.
 */
const reader = (config: SqliteStoreConfig) =>
  Effect.gen(function*() {
    const connection = yield* SqliteClient.make({ filename: config.filename, create: false }).pipe(
      Effect.flatMap((client) => client.reserve)
    )
    yield* connection.executeUnprepared("PRAGMA busy_timeout = 5000", [], undefined)
    yield* connection.executeUnprepared("PRAGMA query_only = 1", [], undefined)
    return connection
  }).pipe(Effect.provide(Reactivity.layer))

/** The embedded default: one bun:sqlite connection for writes (the driver queues every other fiber), one for reads. */
export const layer = (config: SqliteStoreConfig) =>
  SqlStore.layer(sqliteDialect, { prepare: pragmas, reader: reader(config) }).pipe(Layer.provide(client(config)))
