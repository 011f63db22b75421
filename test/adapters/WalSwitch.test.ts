import { Database } from "bun:sqlite"
import { describe, expect, test } from "bun:test"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Layer } from "effect"
import * as Reactivity from "effect/reactivity/Reactivity"
import { InlineProjections } from "../../application/eventsourcing/Projection.ts"
import * as LibsqlStore from "../../adapters/libsql/LibsqlStore.ts"
import * as SqliteClient from "../../adapters/sqlite/SqliteClient.ts"

const timeout = 30_000

/** A file not in WAL mode yet (a new one), and another process in the middle of writing it for 500 ms. */
const freshFileBeingWritten = async () => {
  const file = join(mkdtempSync(join(tmpdir(), "strata-open-")), "fresh.db")
  const setup = new Database(file, { create: true })
  setup.run("CREATE TABLE t (x INTEGER)")
  setup.close()
  const writer = Bun.spawn([process.execPath, "-e", `
    const { Database } = require("bun:sqlite")
    const db = new Database(${JSON.stringify(file)})
    db.run("BEGIN IMMEDIATE")
    db.run("INSERT INTO t VALUES (1)")
    console.log("writing")
    Bun.sleepSync(500)
    db.run("COMMIT")
    db.close()
  `], { stdout: "pipe" })
  await writer.stdout.getReader().read()
  return { file, written: writer.exited }
}

const journalMode = (file: string) => {
  const db = new Database(file)
  const mode = db.query<{ journal_mode: string }, []>("PRAGMA journal_mode").get()?.journal_mode
  db.close()
  return mode
}

/**
 * Turning WAL on reads the file, then needs it alone, and SQLite refuses that at once —
 * without waiting `busy_timeout` — while another process writes (waiting with the read held
 * could deadlock). Two servers started together on a new file met it now and then
 * ("database is locked" as the store opened).
 */
describe("opening a file not yet in WAL mode while another process writes it", () => {
  test("SQLite waits it out", async () => {
    const { file, written } = await freshFileBeingWritten()
    const opened = await Effect.runPromiseExit(
      Effect.scoped(Effect.asVoid(SqliteClient.make({ filename: file }))).pipe(Effect.provide(Reactivity.layer))
    )
    await written
    expect(opened._tag === "Success" ? journalMode(file) : String(opened.cause)).toBe("wal")
  }, timeout)

  test("LibSQL waits it out", async () => {
    const { file, written } = await freshFileBeingWritten()
    const opened = await Effect.runPromiseExit(
      Effect.scoped(Layer.build(LibsqlStore.layer({ url: `file:${file}` }).pipe(Layer.provide(Layer.succeed(InlineProjections, [])))))
    )
    await written
    expect(opened._tag === "Success" ? journalMode(file) : String(opened.cause)).toBe("wal")
  }, timeout)
})
