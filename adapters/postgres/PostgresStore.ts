import { SqlClient } from "@effect/sql/SqlClient"
import * as PgClient from "@effect/sql-pg/PgClient"
import { Context, type Duration, Effect, Layer, type Redacted, Stream } from "effect"
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

export const client = (config: PostgresStoreConfig) =>
  PgClient.layer({
    url: config.url,
    maxConnections: config.maxConnections ?? 10,
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

