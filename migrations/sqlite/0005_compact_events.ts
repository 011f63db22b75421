import { SqlClient } from "effect/sql/SqlClient"
import { Effect } from "effect"

/**
 * An id as `adapters/sql/StoredIds.ts` stores it, in SQL: a canonical UUID (lowercase; `GLOB`
 * is case-sensitive) as its 16 bytes, anything else as it is. Written out here, as every
 * migration is: what it did must not change with the code.
 */
const canonicalUuid = [8, 4, 4, 4, 12].map((digits) => "[0-9a-f]".repeat(digits)).join("-")
const toStoredSql = (column: string) =>
  `CASE WHEN ${column} GLOB '${canonicalUuid}' THEN unhex(replace(${column}, '-', '')) ELSE ${column} END`

/**
 * The log's rows at a little over half their size (see ARCHITECTURE.md, "The log"): the
 * stream, type and actor become references to their names, kept once each in tables of
 * their own, and ids in the canonical UUID form their 16 bytes (`StoredIds`). A usage event
 * took 407 bytes with its indexes, most of them the stream's and actor's text repeated in
 * every row and in the (stream, version) index.
 *
 * The table is written anew in position order, positions kept (they are the rowid), and
 * takes the old one's name; the type index follows it, on the type's reference. The names
 * are numbered in the order the log first used them.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient
  yield* sql`CREATE TABLE strata_streams (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)`
  yield* sql`CREATE TABLE strata_event_types (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)`
  yield* sql`CREATE TABLE strata_actors (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)`
  yield* sql`INSERT INTO strata_streams (name) SELECT stream_id FROM strata_events GROUP BY stream_id ORDER BY MIN(position)`
  yield* sql`INSERT INTO strata_event_types (name) SELECT type FROM strata_events GROUP BY type ORDER BY MIN(position)`
  yield* sql`INSERT INTO strata_actors (name) SELECT actor FROM strata_events WHERE actor IS NOT NULL
    GROUP BY actor ORDER BY MIN(position)`
  // Ids in either form (see `StoredIds`): no type affinity. Actor 0: none.
  yield* sql`CREATE TABLE strata_events_compact (
    position INTEGER PRIMARY KEY,
    event_id NOT NULL UNIQUE,
    stream_ref INTEGER NOT NULL,
    version INTEGER NOT NULL,
    type_ref INTEGER NOT NULL,
    schema_version INTEGER NOT NULL,
    data TEXT NOT NULL,
    actor_ref INTEGER NOT NULL,
    correlation_id,
    causation_id,
    recorded_at TEXT NOT NULL,
    UNIQUE (stream_ref, version)
  )`
  yield* sql.unsafe(`INSERT INTO strata_events_compact (position, event_id, stream_ref, version, type_ref, schema_version, data,
      actor_ref, correlation_id, causation_id, recorded_at)
    SELECT e.position, ${toStoredSql("e.event_id")}, s.id, e.version, t.id, e.schema_version, e.data, COALESCE(a.id, 0),
      ${toStoredSql("e.correlation_id")}, ${toStoredSql("e.causation_id")}, e.recorded_at
    FROM strata_events e JOIN strata_streams s ON s.name = e.stream_id JOIN strata_event_types t ON t.name = e.type
      LEFT JOIN strata_actors a ON a.name = e.actor
    ORDER BY e.position`)
  yield* sql`DROP TABLE strata_events`
  yield* sql`ALTER TABLE strata_events_compact RENAME TO strata_events`
  yield* sql`CREATE INDEX strata_events_type ON strata_events (type_ref, position)`
})
