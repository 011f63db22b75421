import { describe, expect, test } from "bun:test"
import { join } from "node:path"
import { Context, Deferred, Effect, Exit, Fiber, Layer } from "effect"
import { EventStore, ExpectedVersion, type RecordedEvent } from "../../../application/ports/EventStore.ts"
import { LogOperations } from "../../../application/ports/LogOperations.ts"
import { postgresDialect } from "../../../adapters/sql/postgresDialect.ts"
import { sqliteDialect } from "../../../adapters/sql/sqliteDialect.ts"
import * as Backends from "../../support/backends.ts"
import { logIndexes } from "../../support/logIndexes.ts"
import { events, runWith } from "../../support/run.ts"

/**
 * A log whose indexes a bulk load set aside (a cutover's target while the copy runs, or
 * after a load was killed) may be opened by any number of processes at once — every
 * serving process opens a cutover's target as soon as the cutover is recorded. Opening
 * converges whatever their number: one builds, the others wait for it or leave the indexes
 * alone, and none fails; a store opened while a load runs leaves the load's indexes to the
 * load. (`IF NOT EXISTS` alone does not make concurrent DDL safe on Postgres: two
 * `CREATE INDEX IF NOT EXISTS` at once fail one of them on `pg_class_relname_nsp_index`.)
 */

const root = join(import.meta.dir, "../../..")
const timeout = 120_000
/** Openers at once: four serving processes and a `cutover start`. */
const openers = 5

const deferredNames = (backend: Backends.Backend) =>
  (backend.name === "postgres" ? postgresDialect : sqliteDialect).deferrableIndexes.map((index) =>
    /INDEX IF NOT EXISTS (\w+)/.exec(index.create[0]!)![1]!
  )

const setAsideByHand = async (backend: Backends.Backend) => {
  for (const index of (backend.name === "postgres" ? postgresDialect : sqliteDialect).deferrableIndexes) {
    for (const statement of index.drop) await backend.exec(statement)
  }
}

const source = () =>
  runWith(Backends.memory.layer(), Effect.gen(function*() {
    const store = yield* EventStore
    for (let stream = 0; stream < 4; stream++) yield* store.append(`stream-${stream}`, events(100), ExpectedVersion.any)
    return yield* store.readAll({ after: 0, limit: 400 })
  }))

/** Opens the store at the last location, reads its head and closes it: what another process does when it starts. */
const openAgain = (backend: Backends.Backend) =>
  Effect.scoped(Effect.flatMap(Layer.build(backend.reopen()), (context) => Context.get(context, EventStore).head))

/** `count` processes opening the store at the last location at once; each one's outcome, or what it said when it failed. */
const openInProcesses = async (backend: Backends.Backend, count: number) => {
  const children = Array.from({ length: count }, () =>
    Bun.spawn([process.execPath, join(root, "test/support/openStoreProcess.ts"), backend.url()], { stdout: "pipe", stderr: "pipe" }))
  return Promise.all(children.map(async (child) => {
    const [out, err] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text()])
    return (await child.exited) === 0 ? "opened" : `failed: ${err.trim() || out.trim()}`
  }))
}

for (const backend of Backends.durable) {
  describe(`indexes set aside: ${backend.name}`, () => {
    test("a store opened while a bulk load runs leaves the load's indexes alone; the load builds them at its end", async () => {
      const copied = await source()
      const deferred = deferredNames(backend)
      const result = await runWith(backend.layer(), Effect.gen(function*() {
        const store = yield* EventStore
        const log = yield* LogOperations
        const halfway = yield* Deferred.make<void>()
        const resume = yield* Deferred.make<void>()
        const load = yield* Effect.forkChild(log.bulkLoad(Effect.gen(function*() {
          yield* log.importEvents(copied.slice(0, 200))
          yield* Deferred.succeed(halfway, undefined)
          yield* Deferred.await(resume)
          yield* log.importEvents(copied.slice(200))
        })))
        yield* Deferred.await(halfway)
        // Another process starts meanwhile (a serving process opening the cutover's target).
        const opened = yield* Effect.exit(openAgain(backend))
        const during = yield* Effect.promise(() => logIndexes(backend))
        yield* Deferred.succeed(resume, undefined)
        const loaded = yield* Effect.exit(Fiber.join(load))
        return { opened, during, loaded, after: yield* Effect.promise(() => logIndexes(backend)), head: yield* store.head }
      }))
      expect(result.opened).toEqual(Exit.succeed(200))
      expect(result.loaded).toEqual(Exit.void)
      for (const name of deferred) {
        expect(result.during).not.toContain(name)
        expect(result.after).toContain(name)
      }
      expect(result.head).toBe(400)
    }, timeout)

    test(`${openers} processes opening at once a store whose indexes are missing all open; the indexes are built once`, async () => {
      await runWith(backend.layer(), Effect.flatMap(EventStore, (store) => store.append("a", events(50), ExpectedVersion.any)))
      const full = await logIndexes(backend)
      // As a load killed by an earlier version of strata left them: no index, nothing saying why.
      await setAsideByHand(backend)
      expect((await logIndexes(backend)).length).toBeLessThan(full.length)
      expect(await openInProcesses(backend, openers)).toEqual(Array.from({ length: openers }, () => "opened"))
      expect(await logIndexes(backend)).toEqual(full)
    }, timeout)
  })
}

/**
 * Postgres serves every connection with a process of its own, so stores opened in this one
 * process race on the server as processes do — many rounds in little time.
 */
describe("indexes set aside: postgres, many rounds", () => {
  const rounds = 8

  test(`${openers} stores opening at once a log whose indexes are missing: every one opens, every round`, async () => {
    const backend = Backends.postgres
    const outcomes = await runWith(backend.layer(), Effect.gen(function*() {
      yield* Effect.flatMap(EventStore, (store) => store.append("a", events(50), ExpectedVersion.any))
      const full = yield* Effect.promise(() => logIndexes(backend))
      const failures: Array<string> = []
      for (let round = 0; round < rounds; round++) {
        yield* Effect.promise(() => setAsideByHand(backend))
        const exits = yield* Effect.all(Array.from({ length: openers }, () => Effect.exit(openAgain(backend))), { concurrency: "unbounded" })
        for (const exit of exits) if (Exit.isFailure(exit)) failures.push(`round ${round}: ${String(exit.cause)}`)
        const after = yield* Effect.promise(() => logIndexes(backend))
        if (JSON.stringify(after) !== JSON.stringify(full)) failures.push(`round ${round}: indexes ${after.join(", ")}`)
      }
      return failures
    }))
    expect(outcomes).toEqual([])
  }, timeout)

  test(`a bulk load ending while ${openers - 1} stores open: the load and every store succeed, every round`, async () => {
    const backend = Backends.postgres
    const copied: ReadonlyArray<RecordedEvent> = await source()
    const failures: Array<string> = []
    for (let round = 0; round < rounds; round++) {
      await runWith(backend.layer(), Effect.gen(function*() {
        const log = yield* LogOperations
        let opening: Fiber.Fiber<ReadonlyArray<Exit.Exit<number, unknown>>> | undefined
        const loaded = yield* Effect.exit(log.bulkLoad(Effect.gen(function*() {
          yield* log.importEvents(copied)
          // The others start as the copy ends: their opening meets the load's building.
          opening = yield* Effect.forkChild(
            Effect.all(Array.from({ length: openers - 1 }, () => Effect.exit(openAgain(backend))), { concurrency: "unbounded" })
          )
          // Ended a little later each round, so that the load's building meets theirs at another point of their opening.
          yield* Effect.sleep(round * 10)
        })))
        const opened = yield* Fiber.join(opening!)
        if (Exit.isFailure(loaded)) failures.push(`round ${round}: the load: ${String(loaded.cause)}`)
        for (const exit of opened) if (Exit.isFailure(exit)) failures.push(`round ${round}: a store: ${String(exit.cause)}`)
        const after = yield* Effect.promise(() => logIndexes(backend))
        for (const name of deferredNames(backend)) if (!after.includes(name)) failures.push(`round ${round}: ${name} missing`)
      }))
    }
    expect(failures).toEqual([])
  }, timeout)
})
