import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import { Effect, Layer } from "effect"
import * as Reactivity from "effect/reactivity/Reactivity"
import { SqlClient } from "effect/sql/SqlClient"
import { StoreUnavailable } from "../../application/ports/StoreError.ts"
import { unavailable, withTransactionFailures } from "../sql/SqlDocuments.ts"
import { sqliteDialect } from "../sql/sqliteDialect.ts"
import * as SqlStore from "../sql/SqlStore.ts"
import * as Checkpoints from "./Checkpoints.ts"
import * as SqliteClient from "./SqliteClient.ts"

export interface SqliteStoreConfig {
  /** A file path; the directory is created when missing. */
  readonly filename: string
}

/**
 * The writer's connection, opened with `busy_timeout` before anything else and in WAL mode
 * (see `SqliteClient`): a second process (the CLI beside a server, another server) waits
 * for the write lock instead of failing at once. Its checkpoints run on a thread of their
 * own (see `Checkpoints`).
 */
export const client = (config: SqliteStoreConfig) =>
  Layer.effect(
    SqlClient,
    Effect.gen(function*() {
      yield* Effect.try({
        try: () => mkdirSync(dirname(config.filename), { recursive: true }),
        catch: (error) => new StoreUnavailable({ operation: "open database", reason: String(error) })
      })
      const sql = yield* SqliteClient.make({ filename: config.filename }).pipe(Effect.mapError(unavailable("open database")))
      yield* Checkpoints.offTheLoop(config.filename, (pages) => sql.sdk.run(`PRAGMA wal_autocheckpoint = ${pages}`))
      // A COMMIT refused (SQLITE_FULL on a full disk) is a failed statement, not a defect.
      return withTransactionFailures(sql)
    })
  ).pipe(Layer.provide(Reactivity.layer))

/**
 * A second connection for reads: in WAL mode it reads the last commit without waiting for
 * the writer, and it is reserved for the store's life, so a read skips the client's queue.
 */
const reader = (config: SqliteStoreConfig) => SqliteClient.reader({ filename: config.filename, readonly: true })

/**
 * How often a follower looks for what other processes appended. SQLite tells nothing across
 * processes, and a look that finds nothing is one probe of the position's index on a local
 * file: every 20 ms costs little and keeps a cutover's mirror (the one follower) close
 * behind appends of the other serving processes (100 ms is a lag of 50 ms on average).
 */
const pollInterval = "20 millis"

/** The embedded default: one bun:sqlite connection for writes (the client queues every other fiber), one for reads. */
export const layer = (config: SqliteStoreConfig) =>
  SqlStore.layer(sqliteDialect, { reader: reader(config), follow: { pollInterval } }).pipe(Layer.provide(client(config)))
