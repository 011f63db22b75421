import { PgClient, type PgConnection, PgPool } from "@effect/sql-pg"
import { Context, Duration, Effect, Exit, Fiber, Layer, type Queue, type Scope, Stream } from "effect"
import * as Reactivity from "effect/reactivity/Reactivity"
import * as Client from "effect/sql/SqlClient"
import type { Connection } from "effect/sql/SqlConnection"
import { ConnectionError, SqlError, StatementTimeoutError, UnknownError } from "effect/sql/SqlError"
import { LongStatements } from "../sql/Statements.ts"

/**
 * The Postgres client strata opens: @effect/sql-pg's pool and wire protocol, with two bounds
 * that client does not keep, so that a Postgres that stops answering — paused, or the
 * network gone without a reset, which leaves sockets open that never deliver — makes a
 * request fail instead of hang:
 * - waiting for one of the pool's connections fails after `connectTimeout` (opening one is
 *   bounded by the same in @effect/sql-pg itself);
 * - a statement with no answer after `statementTimeout` fails, and its connection leaves
 *   the pool. The statement's own cancellation (a cancel request, then draining what the
 *   server still sends) can take seconds on a server that answers nothing, so it goes on
 *   in the background: the caller is not kept waiting for it.
 */
export interface PostgresClient extends Client.SqlClient {
  /** Notifications on `channel`, from a connection of their own held for the scope. */
  readonly listen: (channel: string) => Effect.Effect<Queue.Dequeue<PgConnection.Notification, SqlError>, SqlError, Scope.Scope>
}

export const PostgresClient = Context.Service<PostgresClient>("strata/PostgresClient")

export interface Config extends PgPool.Config {
  readonly connectTimeout: Duration.Input
  readonly statementTimeout: Duration.Input
}

const timedOut = (operation: string, message: string) =>
  new SqlError({ reason: new ConnectionError({ cause: new Error(message), message, operation }) })

/**
 * A server starting up, shutting down or in recovery refuses connections with SQLSTATE
 * class 57P (`cannot_connect_now`, …), which the driver classifies as unknown: it is a
 * server not reachable yet, like a refused connection.
 */
const notYetUp = (error: SqlError): SqlError => {
  const code = (error.reason.cause as { code?: unknown } | null)?.code
  return error.reason._tag === "UnknownError" && typeof code === "string" && code.startsWith("57P")
    ? new SqlError({ reason: new ConnectionError({ cause: error.reason.cause, message: error.reason.message, operation: "connect" }) })
    : error
}

export const make = (config: Config): Effect.Effect<PostgresClient, SqlError, Scope.Scope | Reactivity.Reactivity> =>
  Effect.gen(function*() {
    const pool = yield* PgPool.make(config)
    const connectTimeout = Duration.fromInputUnsafe(config.connectTimeout)
    const statementTimeout = Duration.fromInputUnsafe(config.statementTimeout)

    const checkout = <A>(get: Effect.Effect<A, SqlError, Scope.Scope>) =>
      Effect.timeoutOrElse(Effect.mapError(get, notYetUp), {
        duration: connectTimeout,
        orElse: () =>
          Effect.fail(timedOut("acquireConnection", `no connection to Postgres within ${Duration.format(connectTimeout)}`))
      })

    // Unless the caller runs statements that are long by nature (see `LongStatements`).
    const bounded = (connection: PgConnection.PgConnection) => <A>(statement: Effect.Effect<A, SqlError>) =>
      Effect.flatMap(Effect.service(LongStatements), (long) => long ? statement : withinBound(connection, statement))

    const withinBound = <A>(connection: PgConnection.PgConnection, statement: Effect.Effect<A, SqlError>) =>
      Effect.uninterruptibleMask((restore) =>
        Effect.flatMap(Effect.forkDetach(restore(statement), { startImmediately: true }), (fiber) =>
          restore(Fiber.join(fiber)).pipe(
            Effect.timeoutOrElse({
              duration: statementTimeout,
              orElse: () =>
                Effect.andThen(
                  // Closed once released, whatever its cancellation is still waiting for.
                  Effect.forkDetach(pool.invalidate(connection)),
                  Effect.fail(
                    new SqlError({
                      reason: new StatementTimeoutError({
                        cause: new Error(`no answer from Postgres within ${Duration.format(statementTimeout)}`),
                        message: `no answer from Postgres within ${Duration.format(statementTimeout)}`,
                        operation: "execute"
                      })
                    })
                  )
                )
            }),
            Effect.onExit((exit) => Exit.isSuccess(exit) ? Effect.void : Effect.sync(() => fiber.interruptUnsafe()))
          )
        )
      )

    const connectionOf = (connection: PgConnection.PgConnection): Connection => {
      const bound = bounded(connection)
      const rows = (sql: string, params: ReadonlyArray<unknown>, prepare = true) =>
        bound(Effect.map(connection.query(sql, params, prepare), (result) => result.rows))
      return {
        execute: (sql, params, transformRows) => transformRows ? Effect.map(rows(sql, params), transformRows) : rows(sql, params),
        executeRaw: (sql, params) => bound(connection.query(sql, params)),
        executeValues: (sql, params) => bound(connection.queryValues(sql, params)),
        executeValuesUnprepared: (sql, params) => bound(connection.queryValues(sql, params, false)),
        executeUnprepared: (sql, params, transformRows) =>
          transformRows ? Effect.map(rows(sql, params, false), transformRows) : rows(sql, params, false),
        executeStream: (sql, params, transformRows) => {
          const stream = connection.stream(sql, params)
          return transformRows ? Stream.mapArray(stream, (chunk) => transformRows(chunk) as typeof chunk) : stream
        }
      } as Connection
    }

    const client = yield* Client.make({
      driver: "pg",
      acquirer: Effect.map(checkout(pool.get), connectionOf),
      transactionAcquirer: Effect.map(checkout(pool.reserve), connectionOf),
      compiler: PgClient.makeCompiler(),
      prepareTransactionControls: true,
      // A COMMIT of a transaction already aborted answers ROLLBACK: nothing was written.
      commit: (connection) =>
        Effect.flatMap(connection.executeRaw("COMMIT", []), (result) =>
          (result as { readonly command?: string }).command === "ROLLBACK"
            ? Effect.fail(
              new SqlError({
                reason: new UnknownError({
                  cause: new Error("COMMIT rolled back an aborted transaction"),
                  message: "COMMIT rolled back an aborted transaction",
                  operation: "commit"
                })
              })
            )
            : Effect.void),
      releaseSavepoint: (name) => `RELEASE SAVEPOINT ${name}`,
      spanAttributes: [
        ["db.system.name", "postgresql"],
        ["db.namespace", config.database ?? config.username ?? "postgres"]
      ],
      transformRows: undefined
    })

    return Object.assign(client, {
      listen: (channel: string) => Effect.flatMap(checkout(pool.reserve), (connection) => connection.listen(channel))
    }) as PostgresClient
  })

/** Provides both `PostgresClient` and `SqlClient`. */
export const layer = (config: Config): Layer.Layer<PostgresClient | Client.SqlClient, SqlError> =>
  Layer.effectContext(
    Effect.map(make(config), (client) => Context.make(PostgresClient, client).pipe(Context.add(Client.SqlClient, client)))
  ).pipe(Layer.provide(Reactivity.layer))
