import { Context, Effect, Option } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { Connection, Row } from "effect/sql/SqlConnection"
import type { SqlError } from "effect/sql/SqlError"
import type { Statement } from "effect/sql/Statement"

/**
 * The statements on the hot paths (an append, its projections' documents, a read model
 * lookup) run here, past @effect/sql's statement builder: the builder compiles, traces and
 * scopes every statement, about 15 µs each on SQLite where the driver's call takes 2 µs —
 * most of an append. The SQL is compiled once, by the client's own compiler (so placeholders
 * are the dialect's), and runs on the connection at hand:
 *
 * - inside a transaction, the transaction's connection (each client keeps it under its own
 *   `transactionService`);
 * - outside one, the store's reader where the backend keeps one (a connection reserved
 *   for single-statement reads, which on SQLite sees only committed data);
 * - otherwise through the client, as any statement would.
 */

/**
 * Statements that may run long by nature — building an index over a whole log — and must
 * not be cut short by a client's per-statement bound (Postgres keeps one, see
 * `PostgresClient`): set for the effect that runs them.
 */
export const LongStatements = Context.Reference<boolean>("strata/sql/LongStatements", { defaultValue: () => false })

/** The store's reader: a connection kept for single-statement reads outside transactions. */
export interface Reader {
  readonly connection: Connection
  /**
   * The same reads answered in the calling turn, where the driver never waits (bun:sqlite):
   * the rows, or the driver's error thrown.
   */
  readonly now?: (text: string, params: ReadonlyArray<unknown>) => ReadonlyArray<Row>
}

/** A read: outside transactions it goes to the store's reader, when the backend keeps one. */
export const read = <A extends object = Row>(
  sql: SqlClient,
  reader: Option.Option<Reader>,
  text: string,
  params: ReadonlyArray<unknown>
): Effect.Effect<ReadonlyArray<A>, SqlError> =>
  Effect.flatMap(Effect.serviceOption(sql.transactionService), (transaction) => {
    const connection = Option.isSome(transaction)
      ? Option.some(transaction.value[0])
      : Option.map(reader, (kept) => kept.connection)
    return Option.isSome(connection)
      ? connection.value.execute(text, params, undefined) as Effect.Effect<ReadonlyArray<A>, SqlError>
      : sql.unsafe<A>(text, params)
  })

/** Raw SQL text in the client's dialect, with its parameters in order, on the transaction's connection or through the client. */
export const execute = <A extends object = Row>(sql: SqlClient, text: string, params: ReadonlyArray<unknown>) =>
  read<A>(sql, Option.none(), text, params)

/**
 * Compiles a statement once: its interpolated values only mark where the parameters go
 * (pass them in the same order when running it).
 */
export const compile = (statement: Statement<any>) => statement.compile()[0]
