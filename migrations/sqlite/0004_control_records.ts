import { SqlClient } from "effect/sql/SqlClient"
import { Effect } from "effect"

/** Records beside the log (a cutover's state, the mirror's lease): a fenced log still keeps them. */
export default Effect.gen(function*() {
  const sql = yield* SqlClient
  yield* sql`CREATE TABLE strata_control (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    version BIGINT NOT NULL
  )`
})
