import { Database } from "bun:sqlite"
import { expect, test } from "bun:test"
import { mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect } from "effect"
import * as Reactivity from "effect/reactivity/Reactivity"
import * as SqliteClient from "../../../adapters/sqlite/SqliteClient.ts"

/**
 * SQLite reuses its write-ahead log's file once the log starts over, and never gives it
 * back: on a 1 GB log a day's bulk import and its compaction left a log file of 440 MB
 * (disk 1,526 MB for 1,085 MB of pages, the retention simulation). The writer's commit that
 * starts the log over cuts the file back to `walLimitBytes`.
 */
test("the writer's commit that starts the log over gives its file back beyond the limit", async () => {
  const dir = mkdtempSync(join(tmpdir(), "strata-wal-limit-"))
  const filename = join(dir, "strata.db")
  const limit = 256 * 1024
  try {
    const sizes = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const sql = yield* SqliteClient.make({ filename, walLimitBytes: limit })
      yield* sql`PRAGMA wal_autocheckpoint = 0`
      yield* sql`CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)`
      // About 2 MB of log, then everything copied back and the log restarted from another connection (as the checkpoint thread does).
      for (let row = 0; row < 500; row++) yield* sql`INSERT INTO t (body) VALUES (${"x".repeat(4000)})`
      const grown = statSync(`${filename}-wal`).size
      const checkpointer = new Database(filename)
      checkpointer.run("PRAGMA wal_checkpoint(RESTART)")
      checkpointer.close()
      yield* sql`INSERT INTO t (body) VALUES ('next')`
      return { grown, after: statSync(`${filename}-wal`).size }
    })).pipe(Effect.provide(Reactivity.layer)))
    expect(sizes.grown).toBeGreaterThan(1024 * 1024)
    expect(sizes.after).toBeLessThanOrEqual(limit)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
