import * as LibsqlClient from "./LibsqlClient.ts"
import * as Libsql from "@libsql/client"
import { Effect, Layer, Redacted } from "effect"
import { classifySqliteError, SqlError } from "effect/sql/SqlError"
import { StoreUnavailable } from "../../application/ports/StoreError.ts"
import { isBusy, whileBusy } from "../sql/SqliteBusy.ts"
import { sqliteDialect } from "../sql/sqliteDialect.ts"
import * as SqlStore from "../sql/SqlStore.ts"

export interface LibsqlStoreConfig {
  /** `file:` locally; `libsql://` or `http(s)://` for Turso or sqld. */
  readonly url: string
  readonly authToken?: Redacted.Redacted<string>
}

/** How long a statement on a local file waits for another connection's lock (as the SQLite store). */
const busyTimeoutMs = 5_000
const busyTimeout = `PRAGMA busy_timeout = ${busyTimeoutMs}`

/**
 * Waits until the write lock is free, without holding the thread: a transaction's `BEGIN
 * IMMEDIATE` would wait in SQLite's busy handler, which sleeps the thread that runs every
 * request between its tries, in steps growing to 100 ms (see `BunSqliteClient.busyTimeoutMs`).
 * Asked on a connection of its own with no busy timeout, every millisecond, as a `BEGIN
 * IMMEDIATE; ROLLBACK` that the driver runs as one `exec`: refused, it leaves nothing behind —
 * a statement the driver prepared and SQLite refused as busy stays active on its connection,
 * and that connection's next `COMMIT` fails ("SQL statements in progress"), so the
 * transaction's own `BEGIN` cannot be the one tried again. Should another process take the
 * lock between the answer and the `BEGIN`, the `BEGIN` waits as SQLite does.
 */
const lockFree = (probe: Libsql.Client): Effect.Effect<void, SqlError> =>
  Effect.tryPromise({
    try: () => probe.executeMultiple("BEGIN IMMEDIATE; ROLLBACK"),
    catch: (cause) => cause
  }).pipe(
    Effect.retry({
      while: isBusy,
      schedule: whileBusy(busyTimeoutMs)
    }),
    Effect.catch((cause) =>
      // Still refused once the busy timeout is out: the write fails as a lock timeout, and its
      // own `BEGIN`, which would wait as long again holding the thread, is never run. Refused
      // otherwise (the probe's connection): the `BEGIN` finds out for itself.
      isBusy(cause)
        ? Effect.fail(new SqlError({ reason: classifySqliteError(cause, { message: "the write lock stayed taken", operation: "beginTransaction" }) }))
        : Effect.void
    )
  )

/**
 * WAL on, tried again while refused as busy (for as long as the busy timeout): a file not
 * in WAL mode yet that another process is writing refuses the switch at once, whatever the
 * busy timeout (see `SqliteClient`).
 */
const toWal = async (client: Libsql.Client) => {
  const deadline = Date.now() + busyTimeoutMs
  while (true) {
    try {
      return await client.execute("PRAGMA journal_mode = WAL")
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
}

const open = (config: LibsqlStoreConfig) =>
  Effect.acquireRelease(
    Effect.tryPromise({
      try: async () => {
        const client = Libsql.createClient({
          url: config.url,
          ...(config.authToken === undefined ? {} : { authToken: Redacted.value(config.authToken) })
        })
        if (!config.url.startsWith("file:")) return client
        // One connection for the client's life (its transactions are statements on it, see
        // `LibsqlClient.localTransactions`): the busy timeout is set on it once.
        await client.execute(busyTimeout)
        // The LibSQL client leaves the journal mode alone; WAL lets readers go on beside the writer.
        await toWal(client)
        return client
      },
      catch: (error) =>
        new StoreUnavailable({ operation: "open database", reason: error instanceof Error ? error.message : String(error) })
    }),
    (client) => Effect.sync(() => client.close())
  )

/** The connection `lockFree` asks on, for the store's life. */
const openProbe = (config: LibsqlStoreConfig) =>
  Effect.acquireRelease(Effect.sync(() => Libsql.createClient({ url: config.url })), (probe) => Effect.sync(() => probe.close()))

/** A remote server manages its own locks and journal. */
export const client = (config: LibsqlStoreConfig) =>
  Layer.unwrap(Effect.gen(function*() {
    const liveClient = yield* open(config)
    if (!config.url.startsWith("file:")) return LibsqlClient.layer({ liveClient })
    const probe = yield* openProbe(config)
    return LibsqlClient.layer({ liveClient, localTransactions: true, beforeLocalBegin: lockFree(probe) })
  }))

/** LibSQL speaks SQLite's dialect; the client queues transactions one at a time. */
export const layer = (config: LibsqlStoreConfig) => SqlStore.layer(sqliteDialect).pipe(Layer.provide(client(config)))
