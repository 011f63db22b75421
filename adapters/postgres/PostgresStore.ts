import { SqlClient } from "@effect/sql/SqlClient"
import * as PgClient from "@effect/sql-pg/PgClient"
import { Context, Duration, Effect, Layer, Redacted, Stream } from "effect"
import { appendedChannel, postgresDialect } from "../sql/postgresDialect.ts"
import { unavailable, withTransactionFailures } from "../sql/SqlDocuments.ts"
import * as SqlStore from "../sql/SqlStore.ts"

export interface PostgresStoreConfig {
  readonly url: Redacted.Redacted<string>
  /** Connections in the pool (default 10). */
  readonly maxConnections?: number
  /** How often followers look for appends when no notification arrives (default 100 ms). */
  readonly followPollInterval?: Duration.DurationInput
}

/**
 * A Postgres that stops answering — paused, or the network gone without a reset — leaves a
 * socket open that never delivers: nothing would end a request waiting on it. Two bounds
 * make such a request a `StoreUnavailable` (a 503) instead:
 * - `connectTimeout`: opening a connection, and waiting for one of the pool's (pg-pool
 *   applies it to both), fails after this long;
 * - the statement bound, pg's `query_timeout`: a statement with no answer after this long
 *   fails on the client (the server, if alive, finishes it). @effect/sql-pg does not pass
 *   it through, so it rides on the URL (pg reads it from there, never sends it to the
 *   server); a URL that names `query_timeout` keeps its own.
 * A server-side `statement_timeout` would not help: a paused server enforces nothing.
 * Both are short because they add up (a request may wait for a pooled connection, then on
 * it), and Bun's server closes a request left unanswered for 10 s: past that a client gets
 * no answer at all instead of a 503. A longer statement (a migration building an index on
 * a large log) needs `?query_timeout=<ms>` on the URL.
 */
export const connectTimeout = Duration.seconds(3)
export const statementTimeout = Duration.seconds(5)

const withStatementTimeout = (url: Redacted.Redacted<string>) => {
  const parsed = new URL(Redacted.value(url))
  if (parsed.searchParams.has("query_timeout")) return url
  parsed.searchParams.set("query_timeout", String(Duration.toMillis(statementTimeout)))
  return Redacted.make(parsed.toString())
}

export const client = (config: PostgresStoreConfig) =>
  PgClient.layer({
    url: withStatementTimeout(config.url),
    maxConnections: config.maxConnections ?? 10,
    connectTimeout,
    applicationName: "strata"
  }).pipe(
    Layer.mapError(unavailable("connect")),
    // A connection lost under a COMMIT is a failed statement, not a defect (see `withTransactionFailures`).
    Layer.map((context) => Context.add(context, SqlClient, withTransactionFailures(Context.get(context, SqlClient))))
  )

/**
 * Postgres: many instances of the service may share one database. Every append notifies
 * `strata_log` at its commit, so followers in every instance wake at once.
 */
export const layer = (config: PostgresStoreConfig) =>
  SqlStore.layer(postgresDialect, {
    follow: {
      announcements: Stream.unwrap(Effect.map(PgClient.PgClient, (pg) => pg.listen(appendedChannel))),
      ...(config.followPollInterval === undefined ? {} : { pollInterval: config.followPollInterval })
    }
  }).pipe(Layer.provide(client(config)))

