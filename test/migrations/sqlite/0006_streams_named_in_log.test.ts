import { Database } from "bun:sqlite"
import { describe, expect, test } from "bun:test"
import { Effect } from "effect"
import * as LogDigest from "../../../application/eventsourcing/LogDigest.ts"
import { EventStore, ExpectedVersion } from "../../../application/ports/EventStore.ts"
import { event, runWith } from "../../support/run.ts"
import { backends, before, copyOfFixture, key } from "./logBefore0005.ts"

/**
 * A log from before migration 0006 — every stream listed in `strata_listed_streams` (the fixture
 * of 0005's test, which its migration brings to that layout) — opened by today's stores:
 * nothing is rewritten, its streams keep their ids and go on, and streams written after take
 * the ids after theirs and are named in their first rows.
 */

const timeout = 60_000

for (const backend of backends) {
  describe(`migration 0006 (streams named in the log): ${backend.name}`, () => {
    test("streams from before keep their ids and go on; a new stream takes the next id and is named in its first row; what was there reads as it did", async () => {
      const filename = copyOfFixture()
      const result = await runWith(backend.open(filename), Effect.gen(function*() {
        const store = yield* EventStore
        const before = yield* LogDigest.digest
        yield* store.append(`apikey-${key}`, [event("UsageRecorded", { tokens: 5 })], ExpectedVersion.exact(5))
        yield* store.append("session-ünïcode ✓", [event("MessagePosted")], ExpectedVersion.exact(4))
        yield* store.append("session-new", [event("SessionCreated"), event("MessagePosted")], ExpectedVersion.noStream)
        return {
          before,
          streams: (yield* store.readAll({ after: 0, limit: 100 })).map((recorded) => `${recorded.streamId}/${recorded.version}`),
          old: (yield* store.readStream(`apikey-${key}`)).map((recorded) => recorded.version)
        }
      }))
      expect(result.streams).toEqual([
        ...[1, 2, 3, 4].map((version) => `apikey-${key}/${version}`),
        ...[1, 2, 3, 4].map((version) => `session-ünïcode ✓/${version}`),
        `apikey-${key}/5`,
        `apikey-${key}/6`,
        "session-ünïcode ✓/5",
        "session-new/1",
        "session-new/2"
      ])
      expect(result.old).toEqual([1, 2, 3, 4, 5, 6])
      const db = new Database(filename, { readonly: true })
      try {
        expect(db.query("SELECT id, name FROM strata_listed_streams ORDER BY id").all()).toEqual([
          { id: 1, name: `apikey-${key}` },
          { id: 2, name: "session-ünïcode ✓" }
        ])
        expect(db.query("SELECT position, stream_ref, stream_name FROM strata_events WHERE position > 9 ORDER BY position").all()).toEqual([
          { position: 10, stream_ref: 1, stream_name: null },
          { position: 11, stream_ref: 2, stream_name: null },
          { position: 12, stream_ref: 3, stream_name: "session-new" },
          { position: 13, stream_ref: 3, stream_name: null }
        ])
      } finally {
        db.close()
      }
      // What was there reads as it did: the log's digest is the one its writer took.
      expect(result.before).toEqual(before.digest)
    }, timeout)

    test("a server of the version before, still running on the migrated file, cannot start a stream: it would number it alone", async () => {
      const filename = copyOfFixture()
      await runWith(backend.open(filename), Effect.flatMap(EventStore, (store) => store.append("session-new", [event("SessionCreated")], ExpectedVersion.noStream)))
      const db = new Database(filename)
      try {
        // What that version ran to start a stream: its id the table's next, unaware of "session-new"'s.
        expect(() => db.run("INSERT INTO strata_streams (name) VALUES ('session-old-server') ON CONFLICT (name) DO UPDATE SET name = excluded.name"))
          .toThrow("no such table: strata_streams")
      } finally {
        db.close()
      }
    }, timeout)
  })
}
