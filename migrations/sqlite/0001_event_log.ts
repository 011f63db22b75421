import { SqlClient } from "effect/sql/SqlClient"
import { Effect } from "effect"

/**
 * The log, its fence row, projections' documents and snapshots. SQLite has one writer at a
 * time, so positions are simply the rowid (`position INTEGER PRIMARY KEY`): assigned at
 * insert, in commit order, never reused because events are never deleted.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient
  yield* sql`CREATE TABLE strata_log (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    fenced_at TEXT,
    fence_reason TEXT
  )`
  yield* sql`INSERT INTO strata_log (id) VALUES (1)`
  yield* sql`CREATE TABLE strata_events (
    position INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    type TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    data TEXT NOT NULL,
    actor TEXT,
    correlation_id TEXT,
    causation_id TEXT,
    recorded_at TEXT NOT NULL,
    UNIQUE (stream_id, version)
  )`
  yield* sql`CREATE TABLE strata_projections (
    name TEXT NOT NULL,
    generation INTEGER NOT NULL,
    version INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('building', 'live', 'retired')),
    checkpoint INTEGER NOT NULL,
    PRIMARY KEY (name, generation)
  )`
  yield* sql`CREATE TABLE strata_documents (
    projection TEXT NOT NULL,
    generation INTEGER NOT NULL,
    key TEXT NOT NULL,
    partition TEXT,
    sort TEXT NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (projection, generation, key)
  )`
  yield* sql`CREATE INDEX strata_documents_partition ON strata_documents (projection, generation, partition, sort)`
  yield* sql`CREATE TABLE strata_snapshots (
    stream_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    state TEXT NOT NULL,
    taken_at TEXT NOT NULL
  )`
})
