import { SqlClient } from "effect/sql/SqlClient"
import { Effect } from "effect"

/**
 * A stream's name in its own first row (see ARCHITECTURE.md, "The log"): a stream written
 * from now on takes the next id when its first event is written, and that event (version
 * 1) carries the name, found by an index of first rows' names — so that a new stream costs
 * its event row and an index entry, not a row of its own in `strata_streams` written and
 * committed apart.
 *
 * Nothing is rewritten: the streams written before keep their ids and their rows in
 * `strata_streams`, which from now on lists the streams not named by a first row.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient
  yield* sql`ALTER TABLE strata_events ADD COLUMN stream_name TEXT`
  yield* sql`CREATE UNIQUE INDEX strata_events_stream_name ON strata_events (stream_name) WHERE stream_name IS NOT NULL`
})
