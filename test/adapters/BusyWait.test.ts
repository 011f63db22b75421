import { Database } from "bun:sqlite"
import { describe, expect, test } from "bun:test"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Libsql from "@libsql/client"
import { Effect, Exit } from "effect"
import * as Reactivity from "effect/reactivity/Reactivity"
import { SqlClient } from "effect/sql/SqlClient"
import * as LibsqlStore from "../../adapters/libsql/LibsqlStore.ts"
import * as BunSqliteClient from "../../adapters/sqlite/BunSqliteClient.ts"
import * as SqliteClient from "../../adapters/sqlite/SqliteClient.ts"

/** A WAL file with a table, and a connection of another "process" that holds its write lock. */
const fileWithLockHolder = () => {
  const file = join(mkdtempSync(join(tmpdir(), "strata-busy-")), "busy.db")
  const setup = new Database(file, { create: true })
  setup.run("PRAGMA journal_mode = WAL")
  setup.run("CREATE TABLE t (x INTEGER)")
  setup.close()
  const holder = new Database(file)
  holder.run("BEGIN IMMEDIATE")
  holder.run("INSERT INTO t VALUES (1)")
  return { file, holder }
}

const rows = (file: string) => {
  const db = new Database(file, { readonly: true })
  const result = db.query<{ x: number }, []>("SELECT x FROM t ORDER BY rowid").all().map((row) => row.x)
  db.close()
  return result
}

/**
 * The lock is held by a connection in this same thread, released by a timer: had the writer
 * waited in SQLite's busy handler, which sleeps the thread, the timer could not run before
 * the busy timeout ran out — the wait itself would have failed. Another process's
 * compaction holds the lock a few milliseconds at a time, and a server waiting for it that
 * way stopped answering anything for up to 180 ms.
 */
describe("the SQLite writer waiting for another connection's write lock", () => {
  test("waits without holding the thread: the other fibers and timers go on, and the write lands after the holder's", async () => {
    const { file, holder } = fileWithLockHolder()
    const happened: Array<string> = []
    setTimeout(() => {
      holder.run("COMMIT")
      holder.close()
      happened.push("released")
    }, 50)
    const exit = await Effect.gen(function*() {
      const sql = yield* SqliteClient.make({ filename: file })
      yield* Effect.forkChild(Effect.forever(Effect.andThen(Effect.sleep("5 millis"), Effect.sync(() => happened.push("tick")))))
      yield* sql.withTransaction(sql`INSERT INTO t VALUES (2)`)
      happened.push("written")
      yield* sql`INSERT INTO t VALUES (3)`
    }).pipe(Effect.scoped, Effect.provide(Reactivity.layer), Effect.runPromiseExit)
    expect(exit).toEqual(Exit.void)
    // Ticks while waiting, and the holder's release before the write.
    const released = happened.indexOf("released")
    expect(happened.slice(0, released).filter((event) => event === "tick").length).toBeGreaterThan(0)
    expect(released).toBeLessThan(happened.indexOf("written"))
    expect(rows(file)).toEqual([1, 2, 3])
  }, 30_000)

  test("a lock never released fails the write with a lock timeout once the busy timeout is out, the thread free meanwhile", async () => {
    const { file, holder } = fileWithLockHolder()
    let ticks = 0
    const exit = await Effect.gen(function*() {
      const sql = yield* BunSqliteClient.make({ filename: file, busyTimeoutMs: 100, beginTransaction: "BEGIN IMMEDIATE" })
      yield* Effect.forkChild(Effect.forever(Effect.andThen(Effect.sleep("5 millis"), Effect.sync(() => ticks++))))
      return yield* sql.withTransaction(sql`INSERT INTO t VALUES (2)`)
    }).pipe(Effect.scoped, Effect.provide(Reactivity.layer), Effect.runPromiseExit)
    holder.run("COMMIT")
    holder.close()
    expect(Exit.isFailure(exit)).toBe(true)
    expect(String(Exit.isFailure(exit) ? exit.cause : "")).toContain("LockTimeoutError")
    expect(ticks).toBeGreaterThan(0)
    expect(rows(file)).toEqual([1])
  }, 30_000)
})

/** The same file, and the other "process" a LibSQL client: two copies of SQLite in one process do not see each other's locks. */
const fileWithLibsqlHolder = () => {
  const { file, holder: setup } = fileWithLockHolder()
  setup.run("COMMIT")
  setup.close()
  return { file, holder: Libsql.createClient({ url: `file:${file}` }) }
}

describe("LibSQL on a file waiting for another connection's write lock", () => {
  test("a transaction and a write on its own wait without holding the thread, and write after the holder", async () => {
    const { file, holder } = fileWithLibsqlHolder()
    let held = await holder.transaction("write")
    await held.execute("INSERT INTO t VALUES (2)")
    const happened: Array<string> = []
    setTimeout(async () => {
      await held.commit()
      happened.push("released")
    }, 50)
    const exit = await Effect.gen(function*() {
      const sql = yield* SqlClient
      yield* Effect.forkChild(Effect.forever(Effect.andThen(Effect.sleep("5 millis"), Effect.sync(() => happened.push("tick")))))
      yield* sql.withTransaction(Effect.andThen(sql`INSERT INTO t VALUES (3)`, sql`INSERT INTO t VALUES (4)`))
      happened.push("written")
      // Held again, for the write on its own this time.
      yield* Effect.promise(async () => {
        held = await holder.transaction("write")
        await held.execute("INSERT INTO t VALUES (5)")
        setTimeout(async () => {
          await held.commit()
          holder.close()
          happened.push("released again")
        }, 50)
      })
      yield* sql`INSERT INTO t VALUES (6)`
      happened.push("written again")
    }).pipe(Effect.scoped, Effect.provide(LibsqlStore.client({ url: `file:${file}` })), Effect.runPromiseExit)
    expect(exit).toEqual(Exit.void)
    const released = happened.indexOf("released")
    const again = happened.indexOf("released again")
    expect(released).toBeGreaterThan(0)
    expect(happened.slice(0, released).filter((event) => event === "tick").length).toBeGreaterThan(0)
    expect(released).toBeLessThan(happened.indexOf("written"))
    expect(happened.slice(happened.indexOf("written"), again).filter((event) => event === "tick").length).toBeGreaterThan(0)
    expect(again).toBeLessThan(happened.indexOf("written again"))
    expect(rows(file)).toEqual([1, 2, 3, 4, 5, 6])
  }, 30_000)

  test("a lock held past the busy timeout fails the write as a lock timeout, the thread free meanwhile; released, the next write goes through", async () => {
    const { file, holder } = fileWithLibsqlHolder()
    const held = await holder.transaction("write")
    await held.execute("INSERT INTO t VALUES (2)")
    let ticks = 0
    const exit = await Effect.gen(function*() {
      const sql = yield* SqlClient
      yield* Effect.forkChild(Effect.forever(Effect.andThen(Effect.sleep("5 millis"), Effect.sync(() => ticks++))))
      const refused = yield* Effect.exit(sql.withTransaction(sql`INSERT INTO t VALUES (3)`))
      yield* Effect.promise(() => held.commit())
      holder.close()
      yield* sql.withTransaction(sql`INSERT INTO t VALUES (4)`)
      return refused
    }).pipe(Effect.scoped, Effect.provide(LibsqlStore.client({ url: `file:${file}` })), Effect.runPromise)
    expect(Exit.isFailure(exit)).toBe(true)
    expect(String(Exit.isFailure(exit) ? exit.cause : "")).toContain("LockTimeoutError")
    expect(ticks).toBeGreaterThan(100)
    expect(rows(file)).toEqual([1, 2, 4])
  }, 30_000)
})
