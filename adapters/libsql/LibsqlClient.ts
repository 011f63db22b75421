/**
 * Effect SQL client over `@libsql/client`, for effect 4.1.0.
 *
 * Why this file exists: the official `@effect/sql-libsql` (last release
 * 4.0.0-beta.98) does not load with `effect@4.1.0`: it imports
 * `effect/unstable/sql/*` and `effect/unstable/reactivity/*`, which 4.1 moved to
 * `effect/sql/*` and `effect/reactivity/*`. This is that driver's structure
 * ported to 4.1's `SqlClient.make` / `SqlClient.makeWithTransaction`.
 *
 * When to swap back: as soon as `@effect/sql-libsql` publishes a version whose
 * `effect` peer range includes 4.1, delete this file and use its
 * `LibsqlClient.layer` (same `url`/`authToken`/`intMode`/`liveClient` options).
 *
 * As in the official driver, a transaction is one of the driver's interactive
 * transactions (`client.transaction("write")`, i.e. `BEGIN IMMEDIATE`), nested
 * ones are savepoints on it, and one transaction runs at a time. Unlike it, a
 * statement outside a transaction also waits for the client's permit while it
 * runs, and on a local file (`localTransactions`) a transaction is `BEGIN
 * IMMEDIATE` … `COMMIT` on the client's one connection: there the driver gives its
 * connection to the transaction, opens another for whatever comes next, and never
 * closes the one it gave away (a transaction's `close` only rolls back) — each write
 * transaction left a connection and its files open.
 */
import * as Libsql from "@libsql/client"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import * as Semaphore from "effect/Semaphore"
import * as Stream from "effect/Stream"
import * as Reactivity from "effect/reactivity/Reactivity"
import * as Client from "effect/sql/SqlClient"
import type { Connection } from "effect/sql/SqlConnection"
import { classifySqliteError, ConnectionError, SqlError } from "effect/sql/SqlError"
import * as Statement from "effect/sql/Statement"

export interface LibsqlClient extends Client.SqlClient {
  readonly config: LibsqlClientConfig
  readonly sdk: Libsql.Client
}

export const LibsqlClient = Context.Service<LibsqlClient>("strata/sql/LibsqlClient")

export type LibsqlClientConfig = LibsqlClientConfig.Full | LibsqlClientConfig.Live

export declare namespace LibsqlClientConfig {
  export interface Base {
    /**
     * Transactions as statements on the client's one connection instead of the driver's
     * interactive transactions: for a local file, where those leak a connection each.
     */
    readonly localTransactions?: boolean | undefined
    /**
     * Run before a local transaction's `BEGIN`, and before a write outside a transaction:
     * waits, without holding the thread, until the write lock is free.
     */
    readonly beforeLocalBegin?: Effect.Effect<void, SqlError> | undefined
    readonly spanAttributes?: Record<string, unknown> | undefined
    readonly transformResultNames?: ((str: string) => string) | undefined
    readonly transformQueryNames?: ((str: string) => string) | undefined
  }
  export interface Full extends Base {
    /** `file:`, `libsql:`, `http(s):` or `ws(s):`. */
    readonly url: string | URL
    readonly authToken?: Redacted.Redacted | string | undefined
    /** `"bigint"` returns every integer as a `bigint` (the client's only safe-integers switch). */
    readonly intMode?: "number" | "bigint" | "string" | undefined
    readonly concurrency?: number | undefined
  }
  /** A client the caller opened and closes. */
  export interface Live extends Base {
    readonly liveClient: Libsql.Client
  }
}

const errorMessage = (cause: unknown, message: string) =>
  cause instanceof Error ? `${message}: ${cause.message}` : message

/**
 * A remote server that could not be reached: the network's codes, as Bun's fetch gives them
 * (a `TypeError` with a `code`), and a server or proxy that answers it is not there yet.
 */
const unreachableCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ConnectionRefused", "ConnectionClosed"])
const unreachable = (cause: unknown) => {
  const code = (cause as { code?: unknown } | null)?.code
  return typeof code === "string" && unreachableCodes.has(code) ||
    /HTTP status (502|503|504)\b/.test(cause instanceof Error ? cause.message : "")
}

/**
 * A `SqlError` whose `reason.cause` is the driver's `LibsqlError` (`reason` is classified, e.g.
 * `UniqueViolation`; a server not reached is a `ConnectionError`, which SQLite's classifier does not know).
 */
const sqlError = (cause: unknown, message: string, operation: string) => {
  const props = { cause, message: errorMessage(cause, message), operation }
  return new SqlError({ reason: unreachable(cause) ? new ConnectionError(props) : classifySqliteError(cause, props) })
}

/** A statement that may take the write lock (a read's `WITH` too: waiting costs it little). */
const mayWrite = /^\s*(insert|update|delete|replace|with|create|drop|alter)\b/i

/** SQLite ended the transaction itself (e.g. after SQLITE_FULL): nothing is left to roll back. */
const noTransaction = (error: SqlError) => /no transaction is active/.test(error.message)

class LibsqlConnection implements Connection {
  /** `local`: a transaction on the client's own connection (see `localTransactions`); `inLocal`: inside one. */
  constructor(
    readonly sdk: Libsql.Client | Libsql.Transaction,
    readonly local = false,
    readonly inLocal = false,
    readonly beforeLocalBegin: Effect.Effect<void, SqlError> = Effect.void
  ) {}

  executeRaw(sql: string, params: ReadonlyArray<unknown>) {
    const run = Effect.tryPromise({
      try: () => this.sdk.execute({ sql, args: params as Array<any> }),
      catch: (cause) => sqlError(cause, "Failed to execute statement", "execute")
    })
    // A write on its own takes the write lock as a transaction's BEGIN does: waited for alike.
    return this.local && !this.inLocal && mayWrite.test(sql) ? Effect.andThen(this.beforeLocalBegin, run) : run
  }
  execute(
    sql: string,
    params: ReadonlyArray<unknown>,
    transformRows: (<A extends object>(row: ReadonlyArray<A>) => ReadonlyArray<A>) | undefined
  ) {
    const rows = Effect.map(this.executeRaw(sql, params), (result) => result.rows)
    return transformRows ? Effect.map(rows, transformRows) : rows
  }
  executeValues(sql: string, params: ReadonlyArray<unknown>) {
    return Effect.map(this.executeRaw(sql, params), (result) => result.rows.map((row) => Array.from(row)))
  }
  executeValuesUnprepared(sql: string, params: ReadonlyArray<unknown>) {
    return this.executeValues(sql, params)
  }
  executeUnprepared(
    sql: string,
    params: ReadonlyArray<unknown>,
    transformRows: (<A extends object>(row: ReadonlyArray<A>) => ReadonlyArray<A>) | undefined
  ) {
    return this.execute(sql, params, transformRows)
  }
  executeStream() {
    return Stream.die(new Error("LibsqlClient: executeStream (sql.stream) is not implemented"))
  }
  get beginTransaction(): Effect.Effect<LibsqlConnection, SqlError> {
    if (this.local) {
      return Effect.as(
        Effect.tryPromise({
          try: () => this.sdk.execute("BEGIN IMMEDIATE"),
          catch: (cause) => sqlError(cause, "Failed to begin transaction", "beginTransaction")
        }),
        new LibsqlConnection(this.sdk, true, true)
      )
    }
    return Effect.map(
      Effect.tryPromise({
        try: () => (this.sdk as Libsql.Client).transaction("write"),
        catch: (cause) => sqlError(cause, "Failed to begin transaction", "beginTransaction")
      }),
      (tx) => new LibsqlConnection(tx)
    )
  }
  get commit(): Effect.Effect<void, SqlError> {
    return Effect.tryPromise({
      try: () => this.inLocal ? this.sdk.execute("COMMIT").then(() => undefined) : (this.sdk as Libsql.Transaction).commit(),
      catch: (cause) => sqlError(cause, "Failed to commit transaction", "commitTransaction")
    })
  }
  get rollback(): Effect.Effect<void, SqlError> {
    if (this.inLocal) {
      return Effect.tryPromise({
        try: () => this.sdk.execute("ROLLBACK").then(() => undefined),
        catch: (cause) => sqlError(cause, "Failed to rollback transaction", "rollbackTransaction")
      }).pipe(Effect.catchIf(noTransaction, () => Effect.void))
    }
    const tx = this.sdk as Libsql.Transaction
    // SQLite may already have ended it (e.g. after SQLITE_FULL); a closed one throws TRANSACTION_CLOSED.
    return tx.closed ? Effect.void : Effect.tryPromise({
      try: () => tx.rollback(),
      catch: (cause) => sqlError(cause, "Failed to rollback transaction", "rollbackTransaction")
    })
  }
}

let transactionServiceId = 0

export const make = (
  options: LibsqlClientConfig
): Effect.Effect<LibsqlClient, never, Scope.Scope | Reactivity.Reactivity> =>
  Effect.gen(function*() {
    const compiler = Statement.makeCompilerSqlite(options.transformQueryNames)
    const transformRows = options.transformResultNames
      ? Statement.defaultTransforms(options.transformResultNames).array
      : undefined
    const spanAttributes: Array<[string, unknown]> = [
      ...(options.spanAttributes ? Object.entries(options.spanAttributes) : []),
      ["db.system.name", "sqlite"]
    ]

    const sdk = "liveClient" in options ? options.liveClient : yield* Effect.acquireRelease(
      Effect.sync(() =>
        Libsql.createClient({
          url: options.url.toString(),
          authToken: Redacted.isRedacted(options.authToken) ? Redacted.value(options.authToken) : options.authToken,
          intMode: options.intMode,
          concurrency: options.concurrency
        })
      ),
      (sdk) => Effect.sync(() => sdk.close())
    )
    const connection = new LibsqlConnection(sdk, options.localTransactions === true, false, options.beforeLocalBegin)
    const semaphore = yield* Semaphore.make(1)

    // The client's statements find the transaction's connection under this service.
    const transactionService = Context.Service<Client.TransactionConnection, Client.TransactionConnection.Service>(
      `strata/sql/LibsqlClient/Transaction/${transactionServiceId++}`
    )

    const withTransaction = Client.makeWithTransaction({
      transactionService,
      spanAttributes,
      // Runs masked; holds the permit and the driver's transaction until the scope closes.
      acquireConnection: (restore) =>
        Effect.gen(function*() {
          yield* restore(semaphore.takeScoped(1))
          // A local BEGIN is not interrupted once it ran: only the transaction's end ends it.
          const tx = yield* (connection.local
            ? Effect.andThen(restore(connection.beforeLocalBegin), connection.beginTransaction)
            : restore(connection.beginTransaction))
          // The driver's transaction holds its connection until closed; a local one ends by its COMMIT or ROLLBACK.
          if (!tx.inLocal) yield* Effect.addFinalizer(() => Effect.sync(() => (tx.sdk as Libsql.Transaction).close()))
          return tx as Connection
        }),
      begin: () => Effect.void, // begun as the connection is acquired; `SqlClient.BeginTransaction` is not used
      savepoint: (conn, id) => Effect.asVoid(conn.executeRaw(`SAVEPOINT effect_sql_${id}`, [])),
      releaseSavepoint: (conn, id) => Effect.asVoid(conn.executeRaw(`RELEASE SAVEPOINT effect_sql_${id}`, [])),
      rollbackSavepoint: (conn, id) => Effect.asVoid(conn.executeRaw(`ROLLBACK TO SAVEPOINT effect_sql_${id}`, [])),
      commit: (conn) => (conn as LibsqlConnection).commit,
      // A COMMIT refused (SQLITE_FULL) may leave the transaction open on the connection.
      onCommitFailure: (conn) => (conn as LibsqlConnection).rollback,
      rollback: (conn) => (conn as LibsqlConnection).rollback
    })

    const client = yield* Client.make({
      driver: "libsql",
      acquirer: Effect.as(semaphore.takeScoped(1), connection),
      borrower: (f) => semaphore.withPermit(f(connection)),
      transactionService,
      compiler,
      spanAttributes,
      transformRows
    })

    return Object.assign(client as LibsqlClient, { config: options, sdk, withTransaction })
  })

/** Provides both `LibsqlClient` and `SqlClient` (with its own `Reactivity`). */
export const layer = (config: LibsqlClientConfig): Layer.Layer<LibsqlClient | Client.SqlClient> =>
  Layer.effectContext(
    Effect.map(make(config), (client) =>
      Context.make(LibsqlClient, client).pipe(Context.add(Client.SqlClient, client)))
  ).pipe(Layer.provide(Reactivity.layer))
