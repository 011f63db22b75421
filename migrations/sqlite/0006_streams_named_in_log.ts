import { SqlClient } from "effect/sql/SqlClient"
import { Effect } from "effect"

/**
 * A stream's name in its own first row (see ARCHITECTURE.md, "The log"): a stream written
 * from now on takes its name's key as its id (`adapters/sql/StreamKey.ts`) and its first
 * event (version 1) carries the name, so that a new stream costs its event row alone — no
 * row of its own in `strata_streams` to write and index, by a statement committing apart.
 *
 * Nothing is rewritten: the streams written before keep their ids and their rows in
 * `strata_streams`, which lists from now on every stream whose id is not its key.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient
  yield* sql`ALTER TABLE strata_events ADD COLUMN stream_name TEXT`
})
