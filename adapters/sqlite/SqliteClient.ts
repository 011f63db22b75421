import * as Reactivity from "@effect/experimental/Reactivity"
import * as Client from "@effect/sql/SqlClient"
import type { Connection } from "@effect/sql/SqlConnection"
import { SqlError } from "@effect/sql/SqlError"
import * as Statement from "@effect/sql/Statement"
import { Database } from "bun:sqlite"
import { Context, Effect, Layer, Scope } from "effect"

/**
 * The bun:sqlite client strata opens, in place of @effect/sql-sqlite-bun's, for two things
 * that one does not let us do and that several processes on one file need:
 *
 * - `busy_timeout` is set before anything else touches the file. The stock client runs
 *   `PRAGMA journal_mode = WAL` as it opens, without a timeout, and throws (a defect)
 *   when another process holds the file at that moment.
 * - Transactions begin `IMMEDIATE`: they take the write lock at `BEGIN`, waiting for it
 *   with the busy timeout. Every transaction strata runs writes; a deferred one that read
 *   first and then writes after another process committed fails at once with
 *   `database is locked` (SQLite cannot wait there: its snapshot is stale), which is what
 *   processes starting together hit during migrations and projection rebuilds.
 */

/** How long a statement waits for another connection's lock before failing. */
export const busyTimeoutMs = 5_000

export interface Options {
  readonly filename: string
  /** Reads only: never takes the write lock (the store's reader). */
  readonly readonly?: boolean
}

/** Opens the file with the busy timeout first, then WAL (`synchronous = NORMAL`), as the store wants it. */
const open = (options: Options) =>
  Effect.acquireRelease(
    Effect.try({
      try: () => {
        const db = new Database(options.filename, { readwrite: true, create: options.readonly !== true })
        try {
          db.run(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
          if (options.readonly === true) {
            db.run("PRAGMA query_only = 1")
          } else {
            // A commit survives a crash of the process; a power cut may lose the last
            // commits but never corrupts the file.
            db.run("PRAGMA journal_mode = WAL")
            db.run("PRAGMA synchronous = NORMAL")
          }
          return db
        } catch (error) {
          db.close()
          throw error
        }
      },
      catch: (cause) => new SqlError({ cause, message: `Failed to open ${options.filename}` })
    }),
    (db) => Effect.sync(() => db.close())
  )

const connection = (db: Database): Connection => {
  const run = (sql: string, params: ReadonlyArray<unknown>, values: boolean) =>
    Effect.withFiberRuntime<Array<any>, SqlError>((fiber) => {
      try {
        const statement = db.query(sql)
        // @ts-ignore bun-types lacks safeIntegers on statements
        statement.safeIntegers(Context.get(fiber.currentContext, Client.SafeIntegers))
        const rows = values ? statement.values(...(params as Array<any>)) : statement.all(...(params as Array<any>))
        return Effect.succeed((rows ?? []) as Array<any>)
      } catch (cause) {
        return Effect.fail(new SqlError({ cause, message: "Failed to execute statement" }))
      }
    })
  return {
    execute: (sql, params, transformRows) =>
      transformRows ? Effect.map(run(sql, params, false), transformRows) : run(sql, params, false),
    executeRaw: (sql, params) => run(sql, params, false),
    executeValues: (sql, params) => run(sql, params, true),
    executeUnprepared: (sql, params, transformRows) =>
      // @effect/sql rolls back a transaction whose BEGIN failed (its lock not had within
      // the busy timeout), and a failed rollback is a defect that would hide the real error.
      sql === "ROLLBACK" && !db.inTransaction
        ? Effect.succeed([])
        : transformRows
        ? Effect.map(run(sql, params, false), transformRows)
        : run(sql, params, false),
    executeStream: () => Effect.dieMessage("executeStream not implemented")
  }
}

/** One connection, shared by every fiber in turn (bun:sqlite never waits, so statements queue in the process). */
export const make = (options: Options): Effect.Effect<Client.SqlClient, SqlError, Scope.Scope | Reactivity.Reactivity> =>
  Effect.gen(function*() {
    const conn = connection(yield* open(options))
    const semaphore = yield* Effect.makeSemaphore(1)
    const acquirer = semaphore.withPermits(1)(Effect.succeed(conn))
    const transactionAcquirer = Effect.uninterruptibleMask((restore) =>
      Effect.as(
        Effect.zipRight(
          restore(semaphore.take(1)),
          Effect.tap(Effect.scope, (scope) => Scope.addFinalizer(scope, semaphore.release(1)))
        ),
        conn
      )
    )
    return yield* Client.make({
      acquirer,
      transactionAcquirer,
      compiler: Statement.makeCompilerSqlite(),
      beginTransaction: "BEGIN IMMEDIATE",
      spanAttributes: [["db.system.name", "sqlite"]]
    })
  })

/** A connection of its own, reserved for the caller's scope (the store's reader). */
export const reserved = (options: Options): Effect.Effect<Connection, SqlError, Scope.Scope> =>
  Effect.map(open(options), connection)

export const layer = (options: Options): Layer.Layer<Client.SqlClient, SqlError> =>
  Layer.scoped(Client.SqlClient, make(options)).pipe(Layer.provide(Reactivity.layer))
