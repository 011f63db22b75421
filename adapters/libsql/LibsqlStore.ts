import * as LibsqlClient from "./LibsqlClient.ts"
import * as Libsql from "@libsql/client"
import { Effect, Layer, Redacted } from "effect"
import { StoreUnavailable } from "../../application/ports/StoreError.ts"
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
 * A local file's client, with `busy_timeout` on every connection it opens. @libsql/client
 * hands its connection to each write transaction and opens a fresh one, without any of
 * the previous one's settings, for whatever comes next; a pragma run once would wait for
 * the first transaction only, and every later statement would fail at once with
 * `database is locked` while another process writes. So the setting is run on the
 * connection before its first use: the client's methods on a file run synchronously up to
 * their result, so nothing else can slip in between the pragma and the call.
 */
const waitingForLocks = (client: Libsql.Client): Libsql.Client => {
  let prepared = false
  const prepare = () => {
    if (prepared) return undefined
    prepared = true
    return client.execute(busyTimeout)
  }
  const afterPrepare = <A>(prepared: Promise<unknown> | undefined, result: Promise<A>) =>
    prepared === undefined ? result : Promise.all([prepared, result]).then(([, value]) => value)
  return {
    execute: (stmt) => afterPrepare(prepare(), client.execute(stmt)),
    batch: (stmts, mode) => afterPrepare(prepare(), client.batch(stmts, mode)),
    migrate: (stmts) => afterPrepare(prepare(), client.migrate(stmts)),
    transaction: ((mode?: Libsql.TransactionMode) => {
      const before = prepare()
      const transaction = client.transaction(mode)
      // The transaction took the connection; the next call opens another.
      prepared = false
      return afterPrepare(before, transaction)
    }) as Libsql.Client["transaction"],
    executeMultiple: (sql) => afterPrepare(prepare(), client.executeMultiple(sql)),
    sync: () => client.sync(),
    close: () => client.close(),
    get closed() {
      return client.closed
    },
    protocol: client.protocol
  }
}

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
      if (!String((error as { code?: unknown } | null)?.code).startsWith("SQLITE_BUSY") || Date.now() >= deadline) throw error
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
        const local = waitingForLocks(client)
        // The LibSQL client leaves the journal mode alone; WAL lets readers go on beside the writer.
        await toWal(local)
        return local
      },
      catch: (error) =>
        new StoreUnavailable({ operation: "open database", reason: error instanceof Error ? error.message : String(error) })
    }),
    (client) => Effect.sync(() => client.close())
  )

/** A remote server manages its own locks and journal. */
export const client = (config: LibsqlStoreConfig) =>
  Layer.unwrap(Effect.map(open(config), (liveClient) => LibsqlClient.layer({ liveClient })))

/** LibSQL speaks SQLite's dialect; the client queues transactions one at a time. */
export const layer = (config: LibsqlStoreConfig) => SqlStore.layer(sqliteDialect).pipe(Layer.provide(client(config)))
