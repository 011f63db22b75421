import { Duration, Schedule } from "effect"

/**
 * Waiting for another connection's write lock on SQLite and LibSQL outside SQLite's busy
 * handler, which sleeps the thread between its tries (in steps growing to 100 ms) and with
 * it every request of the process: the clients try again themselves, asynchronously.
 */

/** SQLite refused the statement because another connection holds the lock it needs (`SQLITE_BUSY*`). */
export const isBusy = (cause: unknown) => String((cause as { code?: unknown } | null)?.code).startsWith("SQLITE_BUSY")

/** Every millisecond, for up to `timeoutMs`: a lock freed is taken within a millisecond of it. */
export const whileBusy = (timeoutMs: number) =>
  Schedule.spaced(Duration.millis(1)).pipe(Schedule.upTo({ duration: Duration.millis(timeoutMs) }))
