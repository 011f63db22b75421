import { SqlClient } from "effect/sql/SqlClient"
import { Effect } from "effect"

/**
 * Events by type, for the audit and for projection rebuilds. Actor and time filters scan
 * by position instead: each index is paid on every append, the hot path, while audits
 * are rare.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient
  yield* sql`CREATE INDEX strata_events_type ON strata_events (type, position)`
})
