import { Database } from "bun:sqlite"
import { describe, expect, test } from "bun:test"
import { Effect } from "effect"
import * as LogDigest from "../../../application/eventsourcing/LogDigest.ts"
import { EventStore, ExpectedVersion } from "../../../application/ports/EventStore.ts"
import { event, runWith } from "../../support/run.ts"
import { backends, before, copyOfFixture, key } from "./logBefore0005.ts"

/**
 * A log written before migration 0005 (by the store of commit 8d413eb, see
 * `fixtures/makeLogBefore0005.ts`) opened by today's stores: the migration rewrites its rows
 * in the compact layout, and every event shows what it showed before.
 */

const timeout = 60_000

for (const backend of backends) {
  describe(`migration 0005 (compact events): ${backend.name}`, () => {
    test("a log written before it shows every event as before, line for line, with the same digest", async () => {
      const filename = copyOfFixture()
      const after = await runWith(backend.open(filename), Effect.gen(function*() {
        const store = yield* EventStore
        const events = yield* store.readAll({ after: 0, limit: 1_000 })
        return { lines: events.map(LogDigest.canonicalLine), digest: yield* LogDigest.digest }
      }))
      expect(after.lines).toEqual([...before.lines])
      expect(after.digest).toEqual(before.digest)
    }, timeout)

    test("the rows are rewritten compact: canonical UUIDs as 16 bytes, other ids as text, names referred to", async () => {
      const filename = copyOfFixture()
      await runWith(backend.open(filename), Effect.flatMap(EventStore, (store) => store.head))
      const db = new Database(filename, { readonly: true })
      try {
        const rows = db.query(`SELECT position, typeof(event_id) AS id, length(event_id) AS length, typeof(correlation_id) AS correlation,
          typeof(stream_ref) AS stream, typeof(type_ref) AS type, actor_ref FROM strata_events ORDER BY position`).all() as Array<
            { position: number; id: string; length: number; correlation: string; stream: string; type: string; actor_ref: number }
          >
        expect(rows.map((row) => [row.position, row.id, row.length])).toEqual([
          [1, "blob", 16], [2, "blob", 16], [3, "blob", 16], [4, "blob", 16], [5, "blob", 16],
          [6, "text", 10], [7, "text", 36], [8, "text", 36], [9, "blob", 16]
        ])
        // req-42, UUIDs, an upper-case UUID, an empty one, none.
        expect(rows.map((row) => row.correlation)).toEqual(["text", "blob", "blob", "blob", "text", "null", "text", "null", "blob"])
        expect(rows.every((row) => row.stream === "integer" && row.type === "integer")).toBe(true)
        // Event 6 has no actor.
        expect(rows.map((row) => row.actor_ref === 0)).toEqual([false, false, false, false, false, true, false, false, false])
        const names = (table: string) => (db.query(`SELECT name FROM ${table} ORDER BY id`).all() as Array<{ name: string }>).map((row) => row.name)
        expect(names("strata_listed_streams")).toEqual([`apikey-${key}`, "session-ünïcode ✓"])
        expect(names("strata_event_types")).toEqual(["ApiKeyCreated", "UsageRecorded", "SessionCreated", "MessagePosted"])
        expect(db.query("SELECT sql FROM sqlite_master WHERE name = 'strata_events_type'").get()).toEqual({
          sql: "CREATE INDEX strata_events_type ON strata_events (type_ref, position)"
        })
      } finally {
        db.close()
      }
    }, timeout)

    test("the migrated log goes on: versions follow, resends of old events are recognised, audits find old events", async () => {
      const filename = copyOfFixture()
      const result = await runWith(backend.open(filename), Effect.gen(function*() {
        const store = yield* EventStore
        const [, , , , , second, , , last] = yield* store.readAll({ after: 0, limit: 1_000 })
        const appended = yield* store.append(`apikey-${key}`, [event("UsageRecorded", { tokens: 5 })], ExpectedVersion.exact(5))
        const resentUuid = yield* store.append(`apikey-${key}`, [{ eventId: last!.eventId, type: last!.type, data: last!.data, metadata: last!.metadata }], ExpectedVersion.exact(4))
        const resentText = yield* store.append("session-ünïcode ✓", [{ eventId: second!.eventId, type: second!.type, data: second!.data }], ExpectedVersion.exact(1))
        const positions = (events: ReadonlyArray<{ readonly position: number }>) => events.map((recorded) => recorded.position)
        return {
          appended,
          resentUuid,
          resentText,
          byCorrelation: positions(yield* store.query({ correlationId: "req-42", after: 0, limit: 100 })),
          byUpperCaseCorrelation: positions(yield* store.query({ correlationId: "0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B", after: 0, limit: 100 })),
          byUuidCorrelation: positions(yield* store.query({ correlationId: last!.metadata.correlationId!, after: 0, limit: 100 })),
          byType: positions(yield* store.query({ type: "MessagePosted", after: 0, limit: 100 })),
          byOwner: positions(yield* store.query({ owner: "gateway", after: 0, limit: 100 })),
          byPrefix: positions(yield* store.query({ streamPrefix: "session-", after: 0, limit: 100 })),
          byIds: positions(yield* store.query({ eventIds: [last!.eventId, "evt-text-1"], after: 0, limit: 100 })),
          stream: (yield* store.readStream(`apikey-${key}`)).map((recorded) => recorded.version)
        }
      }))
      expect(result.appended).toEqual({ streamId: `apikey-${key}`, version: 6, firstPosition: 10, lastPosition: 10 })
      expect(result.resentUuid).toMatchObject({ version: 5, firstPosition: 9, resent: true })
      expect(result.resentText).toMatchObject({ version: 2, firstPosition: 6, resent: true })
      expect(result.byCorrelation).toEqual([1])
      expect(result.byUpperCaseCorrelation).toEqual([5])
      expect(result.byUuidCorrelation).toEqual([9])
      expect(result.byType).toEqual([6, 7, 8])
      expect(result.byOwner).toEqual([1, 2, 3, 4, 9])
      expect(result.byPrefix).toEqual([5, 6, 7, 8])
      expect(result.byIds).toEqual([6, 9])
      expect(result.stream).toEqual([1, 2, 3, 4, 5, 6])
    }, timeout)
  })
}
