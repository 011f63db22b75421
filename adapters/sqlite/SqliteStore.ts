import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import { SqlClient } from "@effect/sql/SqlClient"
import { Context, Effect, Layer } from "effect"
import { StoreUnavailable } from "../../application/StoreError.ts"
import { unavailable, withTransactionFailures } from "../sql/SqlDocuments.ts"
import { sqliteDialect } from "../sql/sqliteDialect.ts"
import * as SqlStore from "../sql/SqlStore.ts"
import * as SqliteClient from "./SqliteClient.ts"

export interface SqliteStoreConfig {
  /** A file path; the directory is created when missing. */
  readonly filename: string
}

/**
 * The writer's connection, opened with `busy_timeout` before anything else and in WAL mode
 * (see `SqliteClient`): a second process (the CLI beside a server, another server) waits
 * for the write lock instead of failing at once.
 */
export const client = (config: SqliteStoreConfig) =>
  Layer.unwrapEffect(
    Effect.try({
      try: () => {
        mkdirSync(dirname(config.filename), { recursive: true })
        return SqliteClient.layer({ filename: config.filename }).pipe(
          Layer.mapError(unavailable("open database")),
          // A COMMIT refused (SQLITE_FULL on a full disk) is a failed statement, not a defect.
          Layer.map((context) => Context.add(context, SqlClient, withTransactionFailures(Context.get(context, SqlClient))))
        )
      },
      catch: (error) => new StoreUnavailable({ operation: "open database", reason: String(error) })
    })
  )

/**
 * A second connection for reads: in WAL mode it reads the last commit without waiting for
 * the writer, and it is reserved for the store's life, so a read skips the client's queue.
 */
const reader = (config: SqliteStoreConfig) => SqliteClient.reserved({ filename: config.filename, readonly: true })

/** The embedded default: one bun:sqlite connection for writes (the client queues every other fiber), one for reads. */
export const layer = (config: SqliteStoreConfig) =>
  SqlStore.layer(sqliteDialect, { reader: reader(config) }).pipe(Layer.provide(client(config)))
