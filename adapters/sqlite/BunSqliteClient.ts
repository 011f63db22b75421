/**
 * Effect SQL client over `bun:sqlite`, for effect 4.1.0.
 *
 * Why this file exists: the official `@effect/sql-sqlite-bun` (last release
 * 4.0.0-beta.103) does not load with `effect@4.1.0`: it imports
 * `effect/unstable/sql/*` and `effect/unstable/reactivity/*`, which 4.1 moved to
 * `effect/sql/*` and `effect/reactivity/*`. This is that driver's structure
 * ported to 4.1's `SqlClient.make` / `SqlClient.makeSqliteAcquirers`.
 *
 * When to swap back: as soon as `@effect/sql-sqlite-bun` publishes a version
 * whose `effect` peer range includes 4.1, delete this file and use its
 * `SqliteClient.layer` (keep passing `beginTransaction` / the pragmas: it turns
 * WAL on by default unless `disableWAL: true`).
 *
 * Differences from the official driver: WAL is not forced (run your own
 * `pragmas`, in order, before anything else touches the file), `safeIntegers`
 * can be set client-wide, `executeUnprepared` runs an uncached statement, and an
 * error's reason message carries the driver's message.
 */
import { Database } from "bun:sqlite"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as Semaphore from "effect/Semaphore"
import * as Stream from "effect/Stream"
import * as Reactivity from "effect/reactivity/Reactivity"
import * as Client from "effect/sql/SqlClient"
import type { Connection } from "effect/sql/SqlConnection"
import { classifySqliteError, SqlError } from "effect/sql/SqlError"
import * as Statement from "effect/sql/Statement"
import { isBusy, whileBusy } from "../sql/SqliteBusy.ts"

export interface BunSqliteClient extends Client.SqlClient {
  readonly config: BunSqliteClientConfig
  readonly sdk: Database
  /** `sqlite3_serialize` of the main database. */
  readonly export: Effect.Effect<Uint8Array, SqlError>
  readonly loadExtension: (path: string) => Effect.Effect<void, SqlError>
  /** Not supported in sqlite */
  readonly updateValues: never
}

export const BunSqliteClient = Context.Service<BunSqliteClient>("strata/sql/BunSqliteClient")

export interface BunSqliteClientConfig {
  readonly filename: string
  readonly readonly?: boolean | undefined
  readonly create?: boolean | undefined
  readonly readwrite?: boolean | undefined
  /** Statements run in order right after opening (e.g. `PRAGMA busy_timeout = 5000`, then WAL). */
  readonly pragmas?: ReadonlyArray<string> | undefined
  /** How long a pragma refused as busy is tried again (default: not at all). */
  readonly pragmaBusyRetryMs?: number | undefined
  /**
   * When set, how long a statement refused as busy outside a transaction (a `BEGIN
   * IMMEDIATE`, a write on its own) is tried again, every millisecond, without holding the
   * thread; the connection's own `busy_timeout` is 0 once the `pragmas` have run. SQLite's
   * busy handler sleeps the thread between its tries, in steps growing to 100 ms: while
   * another process held the lock for a few milliseconds at a time, a waiter slept through
   * the gaps (up to 180 ms measured), and with it every fiber of its process.
   */
  readonly busyTimeoutMs?: number | undefined
  /** Integers come back as `bigint` for every query; otherwise per effect with `SqlClient.SafeIntegers`. */
  readonly safeIntegers?: boolean | undefined
  /** The statement that opens a transaction, e.g. `BEGIN IMMEDIATE` (default `BEGIN`). */
  readonly beginTransaction?: string | undefined
  readonly spanAttributes?: Record<string, unknown> | undefined
  readonly transformResultNames?: ((str: string) => string) | undefined
  readonly transformQueryNames?: ((str: string) => string) | undefined
}

const errorMessage = (cause: unknown, message: string) =>
  cause instanceof Error ? `${message}: ${cause.message}` : message

/** A `SqlError` whose `reason.cause` is the driver's error (`reason` is classified, e.g. `UniqueViolation`). */
const sqlError = (cause: unknown, message: string, operation: string) =>
  new SqlError({ reason: classifySqliteError(cause, { message: errorMessage(cause, message), operation }) })


/**
 * A pragma, tried again while SQLite refuses it as busy, for up to `retryMs`. `busy_timeout`
 * does not cover every refusal: turning WAL on reads the file and then needs it alone, and
 * SQLite refuses that at once while another connection writes (waiting with the read held
 * could deadlock) — two processes opening a new file together met it.
 */
const runPragma = (db: Database, pragma: string, retryMs: number) => {
  const deadline = Date.now() + retryMs
  while (true) {
    try {
      return db.run(pragma)
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error
      // Only while a connection opens, and only while a new file is switched to WAL: the
      // thread sleeps, nothing else runs on this connection yet.
      Bun.sleepSync(10)
    }
  }
}

const open = (options: BunSqliteClientConfig) =>
  Effect.acquireRelease(
    Effect.try({
      try: () => {
        const db = new Database(options.filename, {
          readonly: options.readonly,
          readwrite: options.readonly === true ? undefined : (options.readwrite ?? true),
          create: options.readonly === true ? undefined : (options.create ?? true)
        } as any)
        try {
          for (const pragma of options.pragmas ?? []) runPragma(db, pragma, options.pragmaBusyRetryMs ?? 0)
          if (options.busyTimeoutMs !== undefined) db.run("PRAGMA busy_timeout = 0")
          return db
        } catch (error) {
          db.close()
          throw error
        }
      },
      catch: (cause) => sqlError(cause, `Failed to open ${options.filename}`, "connect")
    }),
    (db) => Effect.sync(() => db.close())
  )

export const make = (
  options: BunSqliteClientConfig
): Effect.Effect<BunSqliteClient, SqlError, Scope.Scope | Reactivity.Reactivity> =>
  Effect.gen(function*() {
    const compiler = Statement.makeCompilerSqlite(options.transformQueryNames)
    const transformRows = options.transformResultNames
      ? Statement.defaultTransforms(options.transformResultNames).array
      : undefined

    const db = yield* open(options)

    // Tried again only where a refusal left nothing behind: outside a transaction, a refused
    // statement did nothing (a `BEGIN` that did not get the lock began nothing). Inside one,
    // which in WAL mode holds the write lock from its `BEGIN IMMEDIATE`, a refusal fails it.
    const busyRetry = options.busyTimeoutMs === undefined ? undefined : {
      while: (error: SqlError) => isBusy(error.reason.cause) && !db.inTransaction,
      schedule: whileBusy(options.busyTimeoutMs)
    }

    // `cached`: `db.query` keeps one prepared statement per SQL text; `db.prepare` a throwaway one.
    const run = (sql: string, params: ReadonlyArray<unknown>, values: boolean, cached: boolean): Effect.Effect<Array<any>, SqlError> => {
      const once = attempt(sql, params, values, cached)
      return busyRetry === undefined
        ? once
        : Effect.catchIf(once, busyRetry.while, () => Effect.retry(once, busyRetry))
    }

    const attempt = (sql: string, params: ReadonlyArray<unknown>, values: boolean, cached: boolean) =>
      Effect.withFiber<Array<any>, SqlError>((fiber) => {
        const safe = options.safeIntegers === true || Context.get(fiber.context, Client.SafeIntegers)
        let statement: ReturnType<Database["query"]>
        try {
          statement = cached ? db.query(sql) : db.prepare(sql)
        } catch (cause) {
          return Effect.fail(sqlError(cause, "Failed to prepare statement", "prepare"))
        }
        try {
          statement.safeIntegers(safe)
          const args = params as Array<any>
          return Effect.succeed((values ? statement.values(...args) : statement.all(...args)) ?? [])
        } catch (cause) {
          return Effect.fail(sqlError(cause, "Failed to execute statement", "execute"))
        } finally {
          if (!cached) statement.finalize()
        }
      })

    const connection: Connection = {
      execute: (sql, params, transformRows) =>
        transformRows ? Effect.map(run(sql, params, false, true), transformRows) : run(sql, params, false, true),
      executeRaw: (sql, params) => run(sql, params, false, true),
      executeValues: (sql, params) => run(sql, params, true, true),
      executeValuesUnprepared: (sql, params) => run(sql, params, true, false),
      executeUnprepared: (sql, params, transformRows) =>
        transformRows ? Effect.map(run(sql, params, false, false), transformRows) : run(sql, params, false, false),
      executeStream: () => Stream.die(new Error("BunSqliteClient: executeStream (sql.stream) is not implemented"))
    }

    // One connection behind a semaphore: a statement borrows it, a transaction leases it
    // until it ends; `isTransaction` skips the ROLLBACK when BEGIN itself failed.
    const { acquirer, borrower, transactionAcquirer, onCommitFailure, isTransaction } = Client.makeSqliteAcquirers({
      connection: Effect.succeed(connection),
      semaphore: yield* Semaphore.make(1),
      isTransaction: () => db.inTransaction
    })

    const client = yield* Client.make({
      driver: "sqlite-bun",
      acquirer,
      borrower,
      transactionAcquirer,
      onCommitFailure,
      isTransaction,
      compiler,
      prepareTransactionControls: true,
      beginTransaction: options.beginTransaction,
      releaseSavepoint: (name) => `RELEASE SAVEPOINT ${name}`,
      spanAttributes: [
        ...(options.spanAttributes ? Object.entries(options.spanAttributes) : []),
        ["db.system.name", "sqlite"]
      ],
      transformRows
    })

    return Object.assign(client as BunSqliteClient, {
      config: options,
      sdk: db,
      export: borrower(() =>
        Effect.try({ try: () => db.serialize() as Uint8Array, catch: (cause) => sqlError(cause, "Failed to export database", "export") })
      ),
      loadExtension: (path: string) =>
        borrower(() =>
          Effect.try({
            try: () => db.loadExtension(path),
            catch: (cause) => sqlError(cause, "Failed to load extension", "loadExtension")
          })
        )
    })
  })

/** Provides both `BunSqliteClient` and `SqlClient` (with its own `Reactivity`). */
export const layer = (config: BunSqliteClientConfig): Layer.Layer<BunSqliteClient | Client.SqlClient, SqlError> =>
  Layer.effectContext(
    Effect.map(make(config), (client) =>
      Context.make(BunSqliteClient, client).pipe(Context.add(Client.SqlClient, client)))
  ).pipe(Layer.provide(Reactivity.layer))
