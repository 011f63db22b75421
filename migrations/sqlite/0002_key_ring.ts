import { SqlClient } from "effect/sql/SqlClient"
import { Effect } from "effect"

/** Wrapped per-owner data keys: beside the log, never in it, so destroying one shreds every copy. */
export default Effect.gen(function*() {
  const sql = yield* SqlClient
  yield* sql`CREATE TABLE strata_keys (
    key_id TEXT PRIMARY KEY,
    owner TEXT NOT NULL UNIQUE,
    master_key_id TEXT NOT NULL,
    wrapped TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`
})
