import * as PgClient from "@effect/sql-pg/PgClient"
import { Layer, Redacted } from "effect"
import { postgresDialect } from "../sql/postgresDialect.ts"
import { unavailable } from "../sql/SqlDocuments.ts"
import * as SqlStore from "../sql/SqlStore.ts"

export interface PostgresStoreConfig {
  readonly url: Redacted.Redacted<string>
  /** Connections in the pool (default 10). */
  readonly maxConnections?: number
}

export const client = (config: PostgresStoreConfig) =>
  PgClient.layer({
    url: config.url,
    maxConnections: config.maxConnections ?? 10,
    applicationName: "strata"
  }).pipe(Layer.mapError(unavailable("connect")))

/** Postgres: many instances of the service may share one database. */
export const layer = (config: PostgresStoreConfig) => SqlStore.layer(postgresDialect).pipe(Layer.provide(client(config)))

