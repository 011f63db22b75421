/**
 * The thread `Checkpoints` starts: it copies the WAL back into the database file every
 * `interval` ms, off the event loop. PASSIVE never waits for a reader or the writer: what
 * it cannot copy now, a later round does. A round that fails (another process
 * checkpointing, the file busy) is left to the next one — also the RESTART, whose busy
 * timeout is 10 ms. A RESTART waits for the readers to leave the log, and no writer may
 * commit while it waits; with a busy timeout of 5 s, a long read in any process (a backup,
 * an audit, a compaction's page) held every writer until it ended — writes waited 100–250
 * ms after each simulated day's bulk import, 40–150 ms beside a compaction, rounds took up
 * to 5.6 s. 10 ms waits out a writer's commit or a short read (with none at all, a writer
 * committing every millisecond kept the log from ever starting over), and holds the writer
 * no longer than that beyond its copy and sync (10–50 ms measured).
 */
import { Database } from "bun:sqlite"

declare const self: Worker

const { filename, interval, restartAt } = (await new Promise<MessageEvent>((resolve) => (self.onmessage = resolve))).data as {
  readonly filename: string
  readonly interval: number
  readonly restartAt: number
}

const db = new Database(filename, { readwrite: true, create: false })
db.run("PRAGMA busy_timeout = 10")
const passive = db.query<{ log: number; checkpointed: number }, []>("PRAGMA wal_checkpoint(PASSIVE)")
const restart = db.query("PRAGMA wal_checkpoint(RESTART)")
const rounds = setInterval(() => {
  try {
    const [done] = passive.all()
    // Under writes that never pause, a passive round never sees the whole log copied, and
    // the log would grow for ever: past `restartAt` pages the round copies what the writer
    // added meanwhile and makes the next commit start the log over, holding the writer for
    // that last copy (the rest was copied without it).
    if (done !== undefined && done.log >= restartAt) restart.all()
  } catch {
    // Left to the next round.
  }
}, interval)
// Told to stop: the connection closes first, so that the writer's close is the last one
// and SQLite can remove the log.
self.onmessage = () => {
  clearInterval(rounds)
  db.close()
  process.exit(0)
}
postMessage("ready")
