import { Context, Duration, Effect, Layer, Redacted, Stream } from "effect"
import * as Reactivity from "effect/reactivity/Reactivity"
import { SqlClient } from "effect/sql/SqlClient"
import { appendedChannel, postgresDialect } from "../sql/postgresDialect.ts"
import { unavailable, withTransactionFailures } from "../sql/SqlDocuments.ts"
import * as SqlStore from "../sql/SqlStore.ts"
import * as PostgresClient from "./PostgresClient.ts"

export interface PostgresStoreConfig {
  readonly url: Redacted.Redacted<string>
  /** Connections in the pool (default 10). */
  readonly maxConnections?: number
  /** How often followers look for appends when no notification arrives (default 100 ms). */
  readonly followPollInterval?: Duration.Input
}

/**
 * A Postgres that stops answering — paused, or the network gone without a reset — leaves a
 * socket open that never delivers: nothing would end a request waiting on it. Two bounds
 * make such a request a `StoreUnavailable` (a 503) instead (see `PostgresClient`):
 * - `connectTimeout`: opening a connection, and waiting for one of the pool's, fails after
 *   this long;
 * - `statementTimeout`: a statement with no answer after this long fails on the client (the
 *   server, if alive, is asked to cancel it). A URL may name its own, in milliseconds, as
 *   `?query_timeout=<ms>` (the parameter node-postgres read; the server never sees it).
 * A server-side `statement_timeout` would not help: a paused server enforces nothing.
 * Both are short because they add up (a request may wait for a pooled connection, then on
 * it), and Bun's server closes a request left unanswered for 10 s: past that a client gets
 * no answer at all instead of a 503. A longer statement (a migration building an index on
 * a large log) needs `?query_timeout=<ms>` on the URL.
 */
export const connectTimeout = Duration.seconds(3)
export const statementTimeout = Duration.seconds(5)

/** The URL's own `query_timeout`, if it names one. */
const statementTimeoutOf = (url: Redacted.Redacted<string>) => {
  const raw = Redacted.value(url)
  const named = URL.canParse(raw) ? Number(new URL(raw).searchParams.get("query_timeout") ?? Number.NaN) : Number.NaN
  return Number.isFinite(named) && named > 0 ? Duration.millis(named) : statementTimeout
}

export const client = (config: PostgresStoreConfig) =>
  Layer.effectContext(Effect.gen(function*() {
    const pg = yield* PostgresClient.make({
      url: config.url,
      maxConnections: config.maxConnections ?? 10,
      connectTimeout,
      statementTimeout: statementTimeoutOf(config.url),
      applicationName: "strata"
    }).pipe(Effect.mapError(unavailable("connect")))
    // A connection lost under a COMMIT or a ROLLBACK is a failed statement, not a defect (see `withTransactionFailures`).
    return Context.make(PostgresClient.PostgresClient, pg).pipe(Context.add(SqlClient, withTransactionFailures(pg)))
  })).pipe(Layer.provide(Reactivity.layer))

/**
 * Postgres: many instances of the service may share one database. Every append notifies
 * `strata_log` at its commit, so followers in every instance wake at once.
 */
export const layer = (config: PostgresStoreConfig) =>
  SqlStore.layer(postgresDialect, {
    follow: {
      announcements: Stream.unwrap(Effect.gen(function*() {
        const pg = yield* PostgresClient.PostgresClient
        return Stream.fromQueue(yield* pg.listen(appendedChannel))
      })),
      ...(config.followPollInterval === undefined ? {} : { pollInterval: config.followPollInterval })
    }
  }).pipe(Layer.provide(client(config)))
