import { SqlClient } from "@effect/sql/SqlClient"
import { Effect } from "effect"

/** The audit's questions (by type, by actor, by time), answered without a scan of the log. */
export default Effect.gen(function*() {
  const sql = yield* SqlClient
  yield* sql`CREATE INDEX strata_events_type ON strata_events (type, position)`
  yield* sql`CREATE INDEX strata_events_actor ON strata_events (actor, position)`
  yield* sql`CREATE INDEX strata_events_recorded_at ON strata_events (recorded_at)`
})
