import { Database } from "bun:sqlite"
import { describe, expect, test } from "bun:test"
import { createClient } from "@libsql/client"
import { Effect, Exit } from "effect"
import pg from "pg"
import { EventStore, ExpectedVersion } from "../../../application/EventStore.ts"
import { postgresDialect } from "../../../adapters/sql/postgresDialect.ts"
import { sqliteDialect } from "../../../adapters/sql/sqliteDialect.ts"
import * as Backends from "../../support/backends.ts"
import { event, runWith } from "../../support/run.ts"

/**
 * A bulk load (a cutover's copy) sets the log's secondary indexes aside and builds them
 * over what it loaded, as pgloader does; the indexes are back however it ends, and a
 * store opened after a load that was killed builds what is missing.
 */

const timeout = 60_000

/** The log's index names, read from the database's own catalog. */
const indexes = async (backend: Backends.Backend): Promise<Array<string>> => {
  const url = backend.url()
  if (backend.name === "postgres") {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const { rows } = await client.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename = 'strata_events'")
      // The unique constraints as the migrations made them, beside the indexes.
      const constraints = await client.query<{ conname: string }>(
        "SELECT conname FROM pg_constraint WHERE conrelid = 'strata_events'::regclass AND contype = 'u'"
      )
      return [...rows.map((row) => row.indexname), ...constraints.rows.map((row) => `constraint ${row.conname}`)].sort()
    } finally {
      await client.end()
    }
  }
  const query = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'strata_events' AND name NOT LIKE 'sqlite_autoindex%'"
  if (backend.name === "libsql") {
    const client = createClient({ url })
    try {
      return (await client.execute(query)).rows.map((row) => String(row.name)).sort()
    } finally {
      client.close()
    }
  }
  const db = new Database(url.slice("sqlite:".length))
  try {
    return (db.query(query).all() as Array<{ name: string }>).map((row) => row.name).sort()
  } finally {
    db.close()
  }
}

const dialectOf = (backend: Backends.Backend) => backend.name === "postgres" ? postgresDialect : sqliteDialect

const source = () =>
  runWith(Backends.memory.layer(), Effect.gen(function*() {
    const store = yield* EventStore
    for (let stream = 0; stream < 6; stream++) {
      yield* store.append(`stream-${stream}`, Array.from({ length: 100 }, (_, index) => event("Loaded", { stream, index })), ExpectedVersion.any)
    }
    return yield* store.readAll({ after: 0, limit: 600 })
  }))

for (const backend of [Backends.sqlite, Backends.libsql, Backends.postgres]) {
  describe(`bulk load: ${backend.name}`, () => {
    test("loads without the deferrable indexes, builds them after as the migrations made them (a unique constraint stays one); the unique ones refuse a duplicate again", async () => {
      const copied = await source()
      const deferred = dialectOf(backend).deferrableIndexes.map((index) => /INDEX IF NOT EXISTS (\w+)/.exec(index.create[0]!)![1]!)
      const result = await runWith(backend.layer(), Effect.gen(function*() {
        const store = yield* EventStore
        const before = yield* Effect.promise(() => indexes(backend))
        const during = yield* store.bulkLoad(Effect.gen(function*() {
          for (let page = 0; page < 3; page++) yield* store.importEvents(copied.slice(page * 200, (page + 1) * 200))
          return yield* Effect.promise(() => indexes(backend))
        }))
        const after = yield* Effect.promise(() => indexes(backend))
        // An event id already in the log, at the next position: the unique index refuses it.
        const duplicate = yield* Effect.exit(store.importEvents([{ ...copied[0]!, position: 601, version: 101 }]))
        return { before, during, after, duplicate, all: yield* store.readAll({ after: 0, limit: 1_000 }) }
      }))
      for (const name of deferred) {
        expect(result.before).toContain(name)
        expect(result.during).not.toContain(name)
        expect(result.after).toContain(name)
      }
      expect(result.after).toEqual(result.before)
      if (backend.name === "postgres") {
        expect(result.before).toContain("constraint strata_events_event_id_key")
        expect(result.during).not.toContain("constraint strata_events_event_id_key")
      }
      expect(Exit.isFailure(result.duplicate)).toBe(true)
      expect(result.all.map((e) => e.eventId)).toEqual(copied.map((e) => e.eventId))
    }, timeout)

    test("the indexes are built again when the load fails, and when a store opens after a load killed midway", async () => {
      const copied = await source()
      const failed = await runWith(backend.layer(), Effect.gen(function*() {
        const store = yield* EventStore
        const exit = yield* Effect.exit(store.bulkLoad(Effect.andThen(store.importEvents(copied.slice(0, 100)), Effect.fail("the copy failed"))))
        return { exit, after: yield* Effect.promise(() => indexes(backend)) }
      }))
      expect(failed.exit).toEqual(Exit.fail("the copy failed"))
      const full = failed.after
      // Killed midway: the indexes are gone, nothing built them again.
      for (const index of dialectOf(backend).deferrableIndexes) {
        for (const statement of index.drop) await backend.exec(statement)
      }
      expect((await indexes(backend)).length).toBeLessThan(full.length)
      await runWith(backend.reopen(), Effect.flatMap(EventStore, (store) => store.head))
      expect(await indexes(backend)).toEqual(full)
    }, timeout)
  })
}
