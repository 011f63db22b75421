import { Database } from "bun:sqlite"
import { describe, expect, test } from "bun:test"
import { mkdtempSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Duration, Effect, Exit, Scope } from "effect"
import { EventStore, ExpectedVersion } from "../../../application/ports/EventStore.ts"
import * as Checkpoints from "../../../adapters/sqlite/Checkpoints.ts"
import * as Backends from "../../support/backends.ts"
import { events, runWith } from "../../support/run.ts"

const timeout = 60_000
const sizeOf = (file: string) => statSync(file).size

/** A new file in WAL mode with a table, and a bun:sqlite writer on it as strata's (busy timeout, synchronous NORMAL). */
const walFileWithWriter = (name: string) => {
  const file = join(mkdtempSync(join(tmpdir(), "strata-checkpoints-")), name)
  const writer = new Database(file, { create: true })
  writer.run("PRAGMA busy_timeout = 5000")
  writer.run("PRAGMA journal_mode = WAL")
  writer.run("PRAGMA synchronous = NORMAL")
  writer.run("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
  return { file, writer }
}

describe("SQLite checkpoints off the event loop", () => {
  test("commits leave the log to a thread of its own, which copies it into the database file", async () => {
    const file = await runWith(Backends.sqlite.layer(), Effect.gen(function*() {
      const store = yield* EventStore
      // About 2.3 MB of log: under the 1,000 pages at which a commit would checkpoint by itself.
      for (let stream = 0; stream < 30; stream++) yield* store.append(`s-${stream}`, events(100), ExpectedVersion.exact(0))
      const file = Backends.sqlite.url().replace(/^sqlite:/, "")
      const written = sizeOf(`${file}-wal`)
      // A few of the thread's rounds.
      yield* Effect.sleep(Duration.times(Checkpoints.interval, 4))
      return { file, written, database: sizeOf(file) }
    }))
    expect(file.written).toBeGreaterThan(1024 * 1024)
    // Without the thread the file would hold one page until the store closed: everything,
    // the schema included, would be in the log.
    expect(file.database).toBeGreaterThan(100 * 4096)
  }, timeout)

  test("under writes that never pause the log starts over: its file stays bounded", async () => {
    const { file, writer } = walFileWithWriter("bounded.db")
    const scope = Effect.runSync(Scope.make())
    let autocheckpoint = -1
    await Effect.runPromise(Checkpoints.offTheLoop(file, (pages) => {
      autocheckpoint = pages
      writer.run(`PRAGMA wal_autocheckpoint = ${pages}`)
    }, { restartAt: 200 }).pipe(Scope.provide(scope)))
    expect(autocheckpoint).toBe(0)
    const insert = writer.query("INSERT INTO t (body) VALUES (?)")
    const body = "x".repeat(4000)
    let pagesWritten = 0
    const ends = Date.now() + 2_000
    while (Date.now() < ends) {
      // A commit of about 10 pages, every millisecond: the writer never pauses for long.
      writer.transaction(() => {
        for (let row = 0; row < 10; row++) insert.run(body)
      })()
      pagesWritten += 10
      await Bun.sleep(1)
    }
    const wal = sizeOf(`${file}-wal`)
    await Effect.runPromise(Scope.close(scope, Exit.void))
    // Released, the writer checkpoints by itself again.
    expect(autocheckpoint).toBe(1000)
    writer.close()
    expect(pagesWritten * 4096).toBeGreaterThan(8 * 1024 * 1024)
    expect(wal).toBeLessThan(pagesWritten * 4096 / 4)
  }, timeout)

  /**
   * A round that restarts the log waits for readers to leave it, and while it waits no
   * writer may commit. It used to wait as long as the busy timeout (5 s): a long read in any
   * process — a backup, an audit, a compaction's page — held every writer until it ended
   * (measured in the retention simulation: writes waiting 100–250 ms after each day's bulk
   * import, rounds of up to 5.6 s). A round now asks once and leaves the restart to a later
   * round. The reader here is on the writer's own thread, released by a timer: had the
   * writer been held, its thread asleep in SQLite's busy handler, the timer would have
   * fired before the writes were done.
   */
  test("a reader holding the log does not hold the writer: the restart is left to a later round", async () => {
    const { file, writer } = walFileWithWriter("reader.db")
    const reader = new Database(file)
    const scope = Effect.runSync(Scope.make())
    await Effect.runPromise(Checkpoints.offTheLoop(file, (pages) => writer.run(`PRAGMA wal_autocheckpoint = ${pages}`), { restartAt: 200 }).pipe(Scope.provide(scope)))
    const insert = writer.query("INSERT INTO t (body) VALUES (?)")
    const body = "x".repeat(4000)
    writer.transaction(() => {
      for (let row = 0; row < 10; row++) insert.run(body)
    })()
    // The reader takes its snapshot and keeps it.
    reader.run("BEGIN")
    reader.query("SELECT count(*) FROM t").get()
    let released = false
    setTimeout(() => {
      reader.run("COMMIT")
      released = true
    }, 4_000)
    // 300 commits of 10 pages: the log passes the restart's 200 pages many times over, and
    // the rounds (every 200 ms) try to restart it while the reader holds it.
    for (let commit = 0; commit < 300; commit++) {
      writer.transaction(() => {
        for (let row = 0; row < 10; row++) insert.run(body)
      })()
      await Bun.sleep(1)
    }
    const writtenBeforeRelease = !released
    await Effect.runPromise(Scope.close(scope, Exit.void))
    while (!released) await Bun.sleep(10)
    reader.close()
    writer.close()
    expect(writtenBeforeRelease).toBe(true)
  }, timeout)
})
