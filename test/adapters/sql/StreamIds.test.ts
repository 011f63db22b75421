import { Database } from "bun:sqlite"
import { describe, expect, test } from "bun:test"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Layer } from "effect"
import { InlineProjections } from "../../../application/eventsourcing/Projection.ts"
import { EventStore, ExpectedVersion } from "../../../application/ports/EventStore.ts"
import { LogOperations } from "../../../application/ports/LogOperations.ts"
import type { Store } from "../../../application/ports/Store.ts"
import * as LibsqlStore from "../../../adapters/libsql/LibsqlStore.ts"
import * as SqliteStore from "../../../adapters/sqlite/SqliteStore.ts"
import { event, events, runWith } from "../../support/run.ts"

/**
 * SQLite and LibSQL give a stream its id when its first event is written and name it in
 * that row (see `sqliteDialect`, migration 0006): a new stream is its event rows and an
 * entry in the index of names, nothing written apart; streams made together sit together.
 */

const timeout = 60_000

const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), "strata-ids-"))
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }))
  return join(dir, "strata.db")
}

const opened = (layer: Layer.Layer<Store, unknown, InlineProjections>) => layer.pipe(Layer.provide(Layer.succeed(InlineProjections, [])))

const backends = [
  { name: "sqlite", open: (filename: string) => opened(SqliteStore.layer({ filename })) },
  { name: "libsql", open: (filename: string) => opened(LibsqlStore.layer({ url: `file:${filename}` })) }
]

const rows = (filename: string, query: string) => {
  const db = new Database(filename, { readonly: true })
  try {
    return db.query(query).all()
  } finally {
    db.close()
  }
}

for (const backend of backends) {
  describe(`stream ids: ${backend.name}`, () => {
    test("a new stream is its rows alone: the next id, named in its first row, listed nowhere", async () => {
      const filename = tempFile()
      await runWith(backend.open(filename), Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("sandbox-a", events(2), ExpectedVersion.noStream)
        yield* store.append("sandbox-b", [event("Happened")], ExpectedVersion.noStream)
        yield* store.append("sandbox-a", [event("Happened")], ExpectedVersion.exact(2))
      }))
      expect(rows(filename, "SELECT stream_ref, version, stream_name FROM strata_events ORDER BY position")).toEqual([
        { stream_ref: 1, version: 1, stream_name: "sandbox-a" },
        { stream_ref: 1, version: 2, stream_name: null },
        { stream_ref: 2, version: 1, stream_name: "sandbox-b" },
        { stream_ref: 1, version: 3, stream_name: null }
      ])
      expect(rows(filename, "SELECT * FROM strata_listed_streams")).toEqual([])
      // Read by a process that never wrote them.
      const read = await runWith(backend.open(filename), Effect.gen(function*() {
        const store = yield* EventStore
        return {
          a: (yield* store.readStream("sandbox-a")).map((recorded) => recorded.version),
          log: (yield* store.readAll({ after: 0, limit: 10 })).map((recorded) => recorded.streamId),
          version: yield* store.streamVersion("sandbox-b")
        }
      }))
      expect(read).toEqual({ a: [1, 2, 3], log: ["sandbox-a", "sandbox-a", "sandbox-b", "sandbox-a"], version: 1 })
    }, timeout)

    test("a stream never written reads nothing and takes no append at a version; nor does it take an id", async () => {
      const filename = tempFile()
      const result = await runWith(backend.open(filename), Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("first", events(3), ExpectedVersion.noStream)
        return {
          read: yield* store.readStream("never"),
          version: yield* store.streamVersion("never"),
          atVersion: (yield* Effect.flip(store.append("never", [event("Happened")], ExpectedVersion.exact(1))))._tag,
          audited: yield* store.query({ streamId: "never", after: 0, limit: 10 })
        }
      }))
      expect(result).toEqual({ read: [], version: 0, atVersion: "ConcurrencyConflict", audited: [] })
      expect(rows(filename, "SELECT DISTINCT stream_ref FROM strata_events")).toEqual([{ stream_ref: 1 }])
    }, timeout)

    test("two stores on one file starting streams at once: each stream its own id, none refused, none twice", async () => {
      const filename = tempFile()
      await runWith(backend.open(filename), Effect.flatMap(EventStore, (store) => store.head))
      const names = (prefix: string) => Array.from({ length: 40 }, (_, index) => `${prefix}-${index}`)
      const writer = (prefix: string) =>
        Effect.flatMap(EventStore, (store) =>
          Effect.forEach(names(prefix), (stream) => store.append(stream, events(2), ExpectedVersion.noStream), { concurrency: 4 }))
      // Both open first, then write at once: two stores on one file, as two processes are.
      const written = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
        const one = yield* Layer.build(backend.open(filename))
        const other = yield* Layer.build(backend.open(filename))
        return yield* Effect.all([Effect.provide(writer("a"), one), Effect.provide(writer("b"), other)], { concurrency: 2 })
      })))
      expect(written.flat()).toHaveLength(80)
      const read = await runWith(backend.open(filename), Effect.flatMap(EventStore, (store) =>
        Effect.forEach([...names("a"), ...names("b")], (stream) =>
          Effect.map(store.readStream(stream), (recorded) => recorded.map((one) => `${one.streamId}/${one.version}`)))))
      expect(read).toEqual([...names("a"), ...names("b")].map((stream) => [`${stream}/1`, `${stream}/2`]))
      expect(rows(filename, "SELECT COUNT(DISTINCT stream_ref) AS ids, MAX(stream_ref) AS last FROM strata_events")).toEqual([{ ids: 80, last: 80 }])
    }, timeout)

    test("a copied log's streams take the next ids; one copied without its first row is listed", async () => {
      const filename = tempFile()
      const result = await runWith(backend.open(filename), Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("here-before", [event("Happened")], ExpectedVersion.noStream)
        const copied = (streamId: string, version: number, position: number) => ({
          ...event("Happened"), streamId, version, position, schemaVersion: 1, metadata: {}, recordedAt: "2026-01-01T00:00:00.000Z"
        })
        yield* Effect.flatMap(LogOperations, (operations) =>
          operations.importEvents([copied("copied-whole", 1, 2), copied("copied-compacted", 7, 3), copied("copied-whole", 2, 4)]))
        yield* store.append("copied-compacted", [event("Happened")], ExpectedVersion.exact(7))
        return {
          log: (yield* store.readAll({ after: 0, limit: 10 })).map((recorded) => `${recorded.streamId}/${recorded.version}`),
          compacted: (yield* store.readStream("copied-compacted")).map((recorded) => recorded.version)
        }
      }))
      expect(result.log).toEqual(["here-before/1", "copied-whole/1", "copied-compacted/7", "copied-whole/2", "copied-compacted/8"])
      expect(result.compacted).toEqual([7, 8])
      expect(rows(filename, "SELECT id, name FROM strata_listed_streams")).toEqual([{ id: 3, name: "copied-compacted" }])
      expect(rows(filename, "SELECT stream_ref, stream_name FROM strata_events WHERE stream_name IS NOT NULL ORDER BY stream_ref")).toEqual([
        { stream_ref: 1, stream_name: "here-before" },
        { stream_ref: 2, stream_name: "copied-whole" }
      ])
    }, timeout)

    test("a stream is found by its name through the index of first rows' names, not by a scan", () => {
      const filename = tempFile()
      return runWith(backend.open(filename), Effect.flatMap(EventStore, (store) => store.head)).then(() => {
        const plan = rows(filename, `EXPLAIN QUERY PLAN SELECT stream_ref FROM strata_events WHERE stream_name = 'x'`) as Array<{ detail: string }>
        expect(plan.map((step) => step.detail).join("\n")).toContain("USING INDEX strata_events_stream_name")
      })
    }, timeout)
  })
}
