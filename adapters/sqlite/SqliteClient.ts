import { Effect, type Scope } from "effect"
import * as Reactivity from "effect/reactivity/Reactivity"
import type { Row } from "effect/sql/SqlConnection"
import type { SqlError } from "effect/sql/SqlError"
import type { Reader } from "../sql/Statements.ts"
import * as BunSqliteClient from "./BunSqliteClient.ts"

/**
 * The bun:sqlite client as strata opens it, for what several processes on one file need:
 *
 * - `busy_timeout` is set before anything else touches the file. Switching to WAL as the
 *   file opens, without a timeout, fails at once when another process holds the file at
 *   that moment. Even with it, a file not in WAL mode yet (a new one) that another process
 *   is writing refuses the switch at once — it reads the file, then needs it alone, and
 *   SQLite will not wait holding the read — so the opening pragmas are tried again for as
 *   long as the busy timeout (two servers started together on a new file met it now and then).
 * - Transactions begin `IMMEDIATE`: they take the write lock at `BEGIN`, waiting for it
 *   for as long as the busy timeout — tried again every millisecond while other fibers go
 *   on (see `BunSqliteClient.busyTimeoutMs`): another process's compaction or writes hold
 *   the lock for a few milliseconds at a time, and SQLite's own wait slept the whole
 *   process through their gaps. Every transaction strata runs writes; a deferred one that read
 *   first and then writes after another process committed fails at once with
 *   `database is locked` (SQLite cannot wait there: its snapshot is stale), which is what
 *   processes starting together hit during migrations and projection rebuilds. A BEGIN
 *   that timed out leaves no transaction, and the client then skips the ROLLBACK.
 */

/** How long a statement waits for another connection's lock before failing. */
export const busyTimeoutMs = 5_000

export interface Options {
  readonly filename: string
  /** Reads only: never takes the write lock (the store's reader). */
  readonly readonly?: boolean
}

const config = (options: Options): BunSqliteClient.BunSqliteClientConfig => ({
  filename: options.filename,
  readwrite: true,
  create: options.readonly !== true,
  pragmas: options.readonly === true
    ? [`PRAGMA busy_timeout = ${busyTimeoutMs}`, "PRAGMA query_only = 1"]
    : [
      `PRAGMA busy_timeout = ${busyTimeoutMs}`,
      // A commit survives a crash of the process; a power cut may lose the last commits
      // but never corrupts the file.
      "PRAGMA journal_mode = WAL",
      "PRAGMA synchronous = NORMAL"
    ],
  beginTransaction: "BEGIN IMMEDIATE",
  pragmaBusyRetryMs: busyTimeoutMs,
  // The writer waits for the lock without holding the event loop; a reader's `now` answers
  // in the calling turn, so it keeps SQLite's own wait (in WAL mode a read is refused only
  // while another connection recovers the log).
  ...(options.readonly === true ? {} : { busyTimeoutMs })
})

/** One connection, shared by every fiber in turn (bun:sqlite never waits, so statements queue in the process). */
export const make = (options: Options): Effect.Effect<BunSqliteClient.BunSqliteClient, SqlError, Scope.Scope | Reactivity.Reactivity> =>
  BunSqliteClient.make(config(options))

/**
 * A connection of its own, reserved for the caller's scope (the store's reader), which also
 * answers in the calling turn: bun:sqlite never waits, and a read-only connection is never
 * inside a transaction, so a read made past the client's queue sees what a queued one would.
 */
export const reader = (options: Options): Effect.Effect<Reader, SqlError, Scope.Scope> =>
  Effect.flatMap(make(options), (client) =>
    Effect.map(client.reserve, (connection): Reader => ({
      connection,
      now: (text, params) => {
        // Cached per SQL text and shared with the client, which sets it per call too.
        const statement = client.sdk.query(text).safeIntegers(false)
        return statement.all(...(params as Array<any>)) as ReadonlyArray<Row>
      }
    }))).pipe(Effect.provide(Reactivity.layer))

export const layer = (options: Options) => BunSqliteClient.layer(config(options))
