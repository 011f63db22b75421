import { SqlClient } from "effect/sql/SqlClient"
import { Effect } from "effect"

/**
 * Every statement of `strata_append` (0005) is a lookup by an index. Planned once per
 * connection from statistics taken while the log was small — a fresh database, or before
 * autovacuum analysed a bulk load — lookups became sequential scans (the event-id check then
 * compares every row with every new id), and the connection kept those plans: an append of
 * 1,000 events cost 340 ms instead of 32, growing with the log.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient
  yield* sql.unsafe(`ALTER FUNCTION strata_append(TEXT[], BIGINT[], INT[], TEXT[], TEXT[], INT[], TEXT[], TEXT[], TEXT[], TEXT[], TEXT[])
    SET enable_seqscan = off`)
})
