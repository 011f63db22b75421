import { SqlClient } from "@effect/sql/SqlClient"
import * as LibsqlClient from "@effect/sql-libsql/LibsqlClient"
import { Effect, Layer, type Redacted } from "effect"
import { sqliteDialect } from "../sql/sqliteDialect.ts"
import * as SqlStore from "../sql/SqlStore.ts"

export interface LibsqlStoreConfig {
  /** `file:` locally; `libsql://` or `http(s)://` for Turso or sqld. */
  readonly url: string
  readonly authToken?: Redacted.Redacted<string>
}

/**
 * A local file gets WAL (the LibSQL client leaves the journal mode alone); a remote
 * server manages its own.
 */
const prepare = (url: string) =>
  Effect.gen(function*() {
    if (!url.startsWith("file:")) return
    const sql = yield* SqlClient
    yield* sql`PRAGMA journal_mode = WAL`
    yield* sql`PRAGMA busy_timeout = 5000`
  })

export const client = (config: LibsqlStoreConfig) => LibsqlClient.layer({ url: config.url, authToken: config.authToken })

/** LibSQL speaks SQLite's dialect; the client queues transactions one at a time. */
export const layer = (config: LibsqlStoreConfig) =>
  SqlStore.layer(sqliteDialect, { prepare: prepare(config.url) }).pipe(Layer.provide(client(config)))
