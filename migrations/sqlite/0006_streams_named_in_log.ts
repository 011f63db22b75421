import { SqlClient } from "effect/sql/SqlClient"
import { Effect } from "effect"

/**
 * A stream's name in its own first row (see ARCHITECTURE.md, "The log"): a stream written
 * from now on takes the next id when its first event is written, and that event (version
 * 1) carries the name, found by an index of first rows' names — so that a new stream costs
 * its event row and an index entry, not a row of its own written and committed apart.
 *
 * Nothing is rewritten: the streams written before keep their ids, listed with their names
 * in the table that named every stream, renamed `strata_listed_streams` — it lists from
 * now on the streams not named by a first row. Renamed, so that a server of the version
 * before still running on this database fails to start a stream (no table of that name)
 * rather than number one itself in the table alone, where the next id may be a stream's
 * that only its first row names.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient
  yield* sql`ALTER TABLE strata_streams RENAME TO strata_listed_streams`
  yield* sql`ALTER TABLE strata_events ADD COLUMN stream_name TEXT`
  yield* sql`CREATE UNIQUE INDEX strata_events_stream_name ON strata_events (stream_name) WHERE stream_name IS NOT NULL`
})
