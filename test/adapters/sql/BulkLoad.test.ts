import { describe, expect, test } from "bun:test"
import { Deferred, Effect, Exit, Fiber } from "effect"
import { EventStore, ExpectedVersion } from "../../../application/ports/EventStore.ts"
import { LogOperations } from "../../../application/ports/LogOperations.ts"
import { postgresDialect } from "../../../adapters/sql/postgresDialect.ts"
import { sqliteDialect } from "../../../adapters/sql/sqliteDialect.ts"
import * as Backends from "../../support/backends.ts"
import { logIndexes } from "../../support/logIndexes.ts"
import { event, runWith } from "../../support/run.ts"

/**
 * A bulk load (a cutover's copy) sets the log's secondary indexes aside and builds them
 * over what it loaded, as pgloader does; the indexes are back however it ends. A load that
 * was killed leaves them to whoever takes it over (see `IndexesSetAside.test.ts` for
 * stores opened meanwhile).
 */

const timeout = 60_000

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
        const log = yield* LogOperations
        const before = yield* Effect.promise(() => logIndexes(backend))
        const during = yield* log.bulkLoad(Effect.gen(function*() {
          for (let page = 0; page < 3; page++) yield* log.importEvents(copied.slice(page * 200, (page + 1) * 200))
          return yield* Effect.promise(() => logIndexes(backend))
        }))
        const after = yield* Effect.promise(() => logIndexes(backend))
        // An event id already in the log, at the next position: the unique index refuses it.
        const duplicate = yield* Effect.exit(log.importEvents([{ ...copied[0]!, position: 601, version: 101 }]))
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

    test("the indexes are built again when the load fails", async () => {
      const copied = await source()
      const failed = await runWith(backend.layer(), Effect.gen(function*() {
        const log = yield* LogOperations
        const before = yield* Effect.promise(() => logIndexes(backend))
        const exit = yield* Effect.exit(log.bulkLoad(Effect.andThen(log.importEvents(copied.slice(0, 100)), Effect.fail("the copy failed"))))
        return { exit, before, after: yield* Effect.promise(() => logIndexes(backend)) }
      }))
      expect(failed.exit).toEqual(Exit.fail("the copy failed"))
      expect(failed.after).toEqual(failed.before)
    }, timeout)

    test("a load killed midway leaves its indexes set aside: a store opening leaves them, whoever takes the load over builds them", async () => {
      const copied = await source()
      const full = await runWith(backend.layer(), Effect.gen(function*() {
        const log = yield* LogOperations
        const full = yield* Effect.promise(() => logIndexes(backend))
        const imported = yield* Deferred.make<void>()
        const load = yield* Effect.forkChild(log.bulkLoad(Effect.gen(function*() {
          yield* log.importEvents(copied.slice(0, 100))
          yield* Deferred.succeed(imported, undefined)
          return yield* Effect.never
        })))
        yield* Deferred.await(imported)
        // Killed: its last step never runs.
        yield* Fiber.interrupt(load)
        return full
      }))
      expect((await logIndexes(backend)).length).toBeLessThan(full.length)
      await runWith(backend.reopen(), Effect.flatMap(EventStore, (store) => store.head))
      expect((await logIndexes(backend)).length).toBeLessThan(full.length)
      await runWith(backend.reopen(), Effect.flatMap(LogOperations, (log) => log.buildIndexes))
      expect(await logIndexes(backend)).toEqual(full)
      // Taken over: the next load sets them aside again as the first did.
      const reloaded = await runWith(backend.reopen(), Effect.gen(function*() {
        const store = yield* EventStore
        const log = yield* LogOperations
        const during = yield* log.bulkLoad(Effect.andThen(log.importEvents(copied.slice(100, 200)), Effect.promise(() => logIndexes(backend))))
        return { during, after: yield* Effect.promise(() => logIndexes(backend)), head: yield* store.head }
      }))
      expect(reloaded.during.length).toBeLessThan(full.length)
      expect(reloaded.after).toEqual(full)
      expect(reloaded.head).toBe(200)
    }, timeout)

    test("indexes missing that no load claims (left by a load killed under an earlier version) are built when a store opens", async () => {
      const full = await runWith(backend.layer(), Effect.promise(() => logIndexes(backend)))
      for (const index of dialectOf(backend).deferrableIndexes) {
        for (const statement of index.drop) await backend.exec(statement)
      }
      expect((await logIndexes(backend)).length).toBeLessThan(full.length)
      await runWith(backend.reopen(), Effect.flatMap(EventStore, (store) => store.head))
      expect(await logIndexes(backend)).toEqual(full)
    }, timeout)
  })
}
