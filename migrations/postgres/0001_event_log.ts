import { SqlClient } from "effect/sql/SqlClient"
import { Effect } from "effect"

/**
 * The log, its head row, projections' documents and snapshots. The head row hands out
 * positions: its row lock, held from an append's UPDATE to its commit, makes positions
 * follow commit order, which a sequence would not.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient
  yield* sql`CREATE TABLE strata_log (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    head BIGINT NOT NULL,
    fenced_at TEXT,
    fence_reason TEXT
  )`
  yield* sql`INSERT INTO strata_log (id, head) VALUES (1, 0)`
  yield* sql`CREATE TABLE strata_events (
    position BIGINT PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL,
    version BIGINT NOT NULL,
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
    checkpoint BIGINT NOT NULL,
    PRIMARY KEY (name, generation)
  )`
  yield* sql`CREATE TABLE strata_documents (
    projection TEXT NOT NULL,
    generation INTEGER NOT NULL,
    key TEXT COLLATE "C" NOT NULL,
    partition TEXT COLLATE "C",
    sort TEXT COLLATE "C" NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (projection, generation, key)
  )`
  yield* sql`CREATE INDEX strata_documents_partition ON strata_documents (projection, generation, partition, sort)`
  yield* sql`CREATE TABLE strata_snapshots (
    stream_id TEXT PRIMARY KEY,
    version BIGINT NOT NULL,
    revision INTEGER NOT NULL,
    state TEXT NOT NULL,
    taken_at TEXT NOT NULL
  )`
})
