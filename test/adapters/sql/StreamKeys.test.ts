import { Database } from "bun:sqlite"
import { describe, expect, test } from "bun:test"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Layer } from "effect"
import { InlineProjections } from "../../../application/eventsourcing/Projection.ts"
import { EventStore, ExpectedVersion } from "../../../application/ports/EventStore.ts"
import type { Store } from "../../../application/ports/Store.ts"
import * as LibsqlStore from "../../../adapters/libsql/LibsqlStore.ts"
import * as SqliteStore from "../../../adapters/sqlite/SqliteStore.ts"
import { makeSqliteDialect } from "../../../adapters/sql/sqliteDialect.ts"
import { lowestKey, streamKey } from "../../../adapters/sql/StreamKey.ts"
import { event, events, runWith } from "../../support/run.ts"

/**
 * SQLite and LibSQL key a stream by its name and name it in its first row (see
 * `adapters/sql/StreamKey.ts`): a new stream is its event rows and nothing more, and two
 * names sharing a key never see each other's events.
 */

const timeout = 60_000

const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), "strata-keys-"))
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }))
  return join(dir, "strata.db")
}

const opened = (layer: Layer.Layer<Store, unknown, InlineProjections>) => layer.pipe(Layer.provide(Layer.succeed(InlineProjections, [])))
const sharedKey = makeSqliteDialect(() => lowestKey)

const backends = [
  { name: "sqlite", open: (filename: string) => opened(SqliteStore.layer({ filename })), shared: (filename: string) => opened(SqliteStore.layer({ filename }, sharedKey)) },
  { name: "libsql", open: (filename: string) => opened(LibsqlStore.layer({ url: `file:${filename}` })), shared: undefined }
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
  describe(`stream keys: ${backend.name}`, () => {
    test("a new stream is its rows alone: keyed by its name, named in its first row, listed nowhere", async () => {
      const filename = tempFile()
      const stream = "sandbox-0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
      await runWith(backend.open(filename), Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append(stream, events(2), ExpectedVersion.noStream)
        yield* store.append(stream, [event("Happened")], ExpectedVersion.exact(2))
      }))
      expect(rows(filename, "SELECT stream_ref, version, stream_name FROM strata_events ORDER BY position")).toEqual([
        { stream_ref: streamKey(stream), version: 1, stream_name: stream },
        { stream_ref: streamKey(stream), version: 2, stream_name: null },
        { stream_ref: streamKey(stream), version: 3, stream_name: null }
      ])
      expect(rows(filename, "SELECT * FROM strata_streams")).toEqual([])
      // Read by a process that never wrote it.
      const read = await runWith(backend.open(filename), Effect.flatMap(EventStore, (store) => store.readStream(stream)))
      expect(read.map((recorded) => [recorded.streamId, recorded.version])).toEqual([[stream, 1], [stream, 2], [stream, 3]])
    }, timeout)

    test("keys are fixed: what a name hashes to never changes (the log's rows are keyed by it)", () => {
      // The first 52 bits of the name's SHA-256 above 2^52 (`python3 -c "import hashlib; …"` agrees).
      expect(streamKey("apikey-01a24652-a97e-7fd9-b540-8e204e41fead")).toBe(8562666166492538)
      expect(streamKey("session-ünïcode ✓")).toBe(8661560155141304)
      expect(streamKey("")).toBe(8509173170540481)
      for (const name of ["a", "b", "sandbox-1", "x".repeat(1_000)]) {
        expect(streamKey(name)).toBeGreaterThanOrEqual(lowestKey)
        expect(streamKey(name)).toBeLessThan(2 ** 53)
      }
    })

    const shared = backend.shared
    if (shared === undefined) return

    test("names sharing a key: the first holds it, the next is listed; a stream never written reads nothing and takes nothing", async () => {
      const filename = tempFile()
      const result = await runWith(shared(filename), Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("first", events(3), ExpectedVersion.noStream)
        const never = {
          read: yield* store.readStream("never"),
          version: yield* store.streamVersion("never"),
          // At a version the key's holder has: refused, not written to the holder.
          atHolders: (yield* Effect.flip(store.append("never", [event("Happened")], ExpectedVersion.exact(3))))._tag,
          audited: yield* store.query({ streamId: "never", after: 0, limit: 10 })
        }
        yield* store.append("second", events(2), ExpectedVersion.noStream)
        yield* store.append("second", [event("Happened")], ExpectedVersion.exact(2))
        yield* store.append("first", [event("Happened")], ExpectedVersion.exact(3))
        return {
          never,
          first: (yield* store.readStream("first")).map((recorded) => recorded.version),
          second: (yield* store.readStream("second")).map((recorded) => recorded.version),
          log: (yield* store.readAll({ after: 0, limit: 100 })).map((recorded) => recorded.streamId)
        }
      }))
      expect(result.never).toEqual({ read: [], version: 0, atHolders: "ConcurrencyConflict", audited: [] })
      expect(result.first).toEqual([1, 2, 3, 4])
      expect(result.second).toEqual([1, 2, 3])
      expect(result.log).toEqual(["first", "first", "first", "second", "second", "second", "first"])
      // "never", refused at a version it cannot have, was not listed.
      expect(rows(filename, "SELECT id, name FROM strata_streams")).toEqual([{ id: 1, name: "second" }])
      expect(rows(filename, "SELECT DISTINCT stream_ref FROM strata_events ORDER BY stream_ref")).toEqual([{ stream_ref: 1 }, { stream_ref: lowestKey }])
    }, timeout)

    test("two processes writing new streams that share a key at once: each stream its own, none refused", async () => {
      const filename = tempFile()
      await runWith(shared(filename), Effect.flatMap(EventStore, (store) => store.head))
      const writer = (prefix: string) =>
        runWith(shared(filename), Effect.flatMap(EventStore, (store) =>
          Effect.forEach(Array.from({ length: 40 }, (_, index) => `${prefix}-${index}`), (stream) =>
            store.append(stream, events(2), ExpectedVersion.noStream), { concurrency: 4 })))
      const written = await Promise.all([writer("a"), writer("b")])
      expect(written.flat()).toHaveLength(80)
      const read = await runWith(shared(filename), Effect.flatMap(EventStore, (store) =>
        Effect.forEach(["a", "b"].flatMap((prefix) => Array.from({ length: 40 }, (_, index) => `${prefix}-${index}`)), (stream) =>
          Effect.map(store.readStream(stream), (recorded) => recorded.map((one) => `${one.streamId}/${one.version}`)))))
      expect(read).toEqual(["a", "b"].flatMap((prefix) => Array.from({ length: 40 }, (_, index) => [`${prefix}-${index}/1`, `${prefix}-${index}/2`])))
      expect(rows(filename, "SELECT COUNT(*) AS listed FROM strata_streams")).toEqual([{ listed: 79 }])
    }, timeout)
  })
}
