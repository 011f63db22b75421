import { expect, test } from "bun:test"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql/SqlClient"
import { InlineProjections } from "../../../application/eventsourcing/Projection.ts"
import { EventStore, ExpectedVersion } from "../../../application/ports/EventStore.ts"
import { removal } from "../../../adapters/sql/SqlCompaction.ts"
import { sqliteDialect } from "../../../adapters/sql/sqliteDialect.ts"
import * as SqliteStore from "../../../adapters/sqlite/SqliteStore.ts"
import { events, runWith } from "../../support/run.ts"

/**
 * A compaction removes a busy stream's old rows 50 at a time. Found through the stream —
 * SQLite's planner picks the (stream, version) index over 10 or more positions — each
 * removal read the whole stream: on a key with a month of heavy usage, 4–7 ms for 49 rows,
 * growing with the stream, while every writer waited (the retention simulation). By
 * position, a removal reads only its rows: the event ids it returns prove them the rows read.
 */
test("a compaction's removal finds its rows by position, not by reading their stream", async () => {
  const dir = mkdtempSync(join(tmpdir(), "strata-compaction-"))
  try {
    const filename = join(dir, "strata.db")
    await runWith(
      SqliteStore.layer({ filename }).pipe(Layer.provide(Layer.succeed(InlineProjections, []))),
      Effect.flatMap(EventStore, (store) => store.append("apikey-busy", events(200), ExpectedVersion.noStream))
    )
    const plan = await runWith(SqliteStore.client({ filename }), Effect.gen(function*() {
      const sql = yield* SqlClient
      const [text, params] = removal(sql, sqliteDialect.log, Array.from({ length: 50 }, (_, index) => index + 1)).compile()
      return yield* sql.unsafe<{ detail: string }>(`EXPLAIN QUERY PLAN ${text}`, params)
    }))
    const steps = plan.map((step) => step.detail).join("\n")
    expect(steps).toContain("USING INTEGER PRIMARY KEY")
    expect(steps).not.toContain("stream_ref")
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}, 60_000)
