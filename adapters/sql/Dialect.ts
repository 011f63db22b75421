import type { Effect } from "effect"
import type * as Migrator from "effect/sql/Migrator"
import type { SqlClient } from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import type { Fragment } from "effect/sql/Statement"

/** One row of `strata_events`, as the store writes it. */
export interface EventRow {
  readonly event_id: string
  readonly stream_id: string
  readonly version: number
  readonly type: string
  readonly schema_version: number
  readonly data: string
  readonly actor: string | null
  readonly correlation_id: string | null
  readonly causation_id: string | null
  readonly recorded_at: string
  /**
   * Where the dialect keeps names (`names`): the ids of the stream's, the type's and the
   * actor's (0: none); else 0. A stream's id not known for sure (`LogNames`) is left out:
   * the append's statement finds it by the stream's name.
   */
  readonly stream_ref: number | undefined
  readonly type_ref: number
  readonly actor_ref: number
}

/** A row copied from another log: written with its own position, its stream's id known. */
export interface ImportedRow extends EventRow {
  readonly position: number
  readonly stream_ref: number
}

/** An append written: its first position, and the id its stream has in the log (0 where the log keeps no names). */
export interface Inserted {
  readonly first: number
  readonly streamRef: number
}

/** One row of `strata_documents`. */
export interface DocumentRow {
  readonly projection: string
  readonly generation: number
  readonly key: string
  readonly partition: string | null
  readonly sort: string
  readonly doc: string
}

/**
 * Where the log's columns are found. Every read selects `columns` (named as `StoredRow`
 * names them) `FROM` `from`, the events table being `e`, the stream by its name or its id
 * (`streamNames`); filters compare the column
 * expressions of `column`, and an id compared with a stored one is in its stored form
 * (`storedId`). On Postgres the table holds the columns as they are; on SQLite and LibSQL
 * it holds references to the names of streams, types and actors (see ARCHITECTURE.md, "The log").
 */
export interface LogLayout {
  readonly from: string
  readonly columns: string
  readonly column: {
    readonly position: string
    readonly version: string
    readonly streamId: string
    readonly type: string
    readonly actor: string
    readonly eventId: string
    readonly correlationId: string
    readonly recordedAt: string
  }
  /**
   * Where `columns` select the stream's id (`stream_ref`) rather than its name: the names
   * of these ids, in one statement (see `LogRows.toEvents`).
   */
  readonly streamNames?: (
    sql: SqlClient,
    ids: ReadonlyArray<number>
  ) => Effect.Effect<ReadonlyArray<{ readonly id: number; readonly name: string }>, SqlError>
  /** The events of one stream, by the (stream, version) index. */
  readonly streamIs: (sql: SqlClient, streamId: string) => Fragment
  /** The events of these types, by the type index. */
  readonly typeIn: (sql: SqlClient, types: ReadonlyArray<string>) => Fragment
  /** An event, correlation or causation id as the log stores it. */
  readonly storedId: (id: string) => unknown
  /**
   * Where a stream is named in its own first row: run before the rows at `positions` are
   * removed, in the same transaction, it keeps the names of the streams whose first row goes.
   */
  readonly keepNames?: (sql: SqlClient, positions: ReadonlyArray<number>) => Effect.Effect<void, SqlError>
  /**
   * The assignments (`UPDATE strata_events AS e SET …`) that give a row another event's
   * content in place — id, type, schema version, data, metadata — its names written before
   * (`NameTables`), as for an append.
   */
  readonly rewrite: (sql: SqlClient, event: RewrittenEvent) => Fragment
}

export interface RewrittenEvent {
  readonly eventId: string
  readonly type: string
  readonly schemaVersion: number
  /** JSON text. */
  readonly data: string
  readonly metadata: { readonly actor?: string | undefined; readonly correlationId?: string | undefined; readonly causationId?: string | undefined }
}

/**
 * The names an append refers to (its stream, its events' types and actors), where the log
 * stores references to them (see `LogNames`). Types and actors are few, kept in tables of
 * their own: written before the append, outside its transaction, their ids handed to its
 * rows. A stream is named in its own first row (`streams`). A name written stays: nothing
 * deletes or renumbers them.
 */
export interface NameTables {
  /** Writes those of `names` that are missing; the id of each. */
  readonly resolve: (
    sql: SqlClient,
    kind: NameKind,
    names: ReadonlyArray<string>
  ) => Effect.Effect<ReadonlyArray<{ readonly name: string; readonly id: number }>, SqlError>
  readonly streams: StreamNames
}

export type NameKind = "type" | "actor"

/**
 * A stream's id is taken when its first event is written — the next after every id the log
 * holds — and its name goes into that first row (version 1), found by an index of first
 * rows' names. Streams written before this layout, and streams whose first row a
 * compaction took, are listed instead (`strata_listed_streams`: name and id).
 */
export interface StreamNames {
  /** The ids of those of `names` the log holds (by listing or first row). */
  readonly find: (sql: SqlClient, names: ReadonlyArray<string>) => Effect.Effect<ReadonlyMap<string, number>, SqlError>
  /** Inside a transaction holding the log's lock: the next id no stream holds. */
  readonly nextId: (sql: SqlClient) => Effect.Effect<number, SqlError>
  /** Lists `name` with `id`: a stream copied without its first row. */
  readonly list: (sql: SqlClient, name: string, id: number) => Effect.Effect<void, SqlError>
}

/**
 * What differs between the SQL backends, and nothing else: everything the dialects share
 * is written once in `SqlEventStore`.
 */
export interface Dialect {
  readonly name: "sqlite" | "postgres"
  readonly migrations: Migrator.Loader
  readonly log: LogLayout
  /** Where the log refers to names kept apart: they are written before the rows that refer to them. */
  readonly names?: NameTables
  /**
   * Inserts `rows` in one statement, provided the log is not fenced and the stream is at
   * `expectedVersion` (0: no stream), with positions in commit order so that a reader
   * going by position never skips a late commit. Resolves to the first position and the
   * stream's id (taken by the statement where the rows leave it out), or `undefined` when
   * the precondition failed (nothing written). A version race may surface as a unique
   * violation.
   */
  readonly insertEvents: (
    sql: SqlClient,
    expectedVersion: number,
    rows: ReadonlyArray<EventRow>
  ) => Effect.Effect<Inserted | undefined, SqlError>
  /**
   * Where the backend has it: a whole group commit's appends in one statement, each at its
   * own expected version, positions following in the order given. Resolves to each
   * append's first position, or `undefined` for one refused because its stream moved (the
   * others are written); a fenced log refuses all. Any other failure fails the group.
   */
  readonly insertGroup?: (
    sql: SqlClient,
    writes: ReadonlyArray<{ readonly expectedVersion: number; readonly rows: ReadonlyArray<EventRow> }>
  ) => Effect.Effect<ReadonlyArray<number | undefined>, SqlError>
  /** The most rows one `insertEvents` takes; more need a transaction around several. */
  readonly maxRowsPerInsert: number
  /**
   * Writes copied rows with their own positions, in the transaction that holds the log's
   * lock (`lockLog`), in as few round trips as the driver allows. An event id or stream
   * version already in the log surfaces as a unique violation, and nothing is written.
   */
  readonly importRows: (sql: SqlClient, rows: ReadonlyArray<ImportedRow>) => Effect.Effect<void, SqlError>
  /** Inserts or replaces documents, in as few round trips as the driver allows. */
  readonly writeDocuments: (sql: SqlClient, rows: ReadonlyArray<DocumentRow>) => Effect.Effect<void, SqlError>
  /**
   * Deletes up to `limit` documents of one generation, in one statement whose cost stays
   * linear in `limit` whatever the planner believes about the table.
   */
  readonly dropDocuments: (sql: SqlClient, projection: string, generation: number, limit: number) => Effect.Effect<void, SqlError>
  /** After copied events were written with their own positions: makes the log's head follow. */
  readonly advanceHead: (sql: SqlClient, head: number) => Effect.Effect<void, SqlError>
  /** The position of the last committed event. */
  readonly head: (sql: SqlClient) => Effect.Effect<number, SqlError>
  /** Takes the log's write lock for the rest of the transaction; the head under it. */
  readonly lockLog: (sql: SqlClient) => Effect.Effect<number, SqlError>
  readonly isUniqueViolation: (error: SqlError) => boolean
  /**
   * Where the database can hash its rows: a query taking (after, upTo) and answering, per
   * block of `LogChain.blockSize` positions, `last` (the position that ends it, whether an event is there or a compaction took it), `count`, and
   * `hash` — the hex SHA-256 of the block's canonical lines (`LogDigest.canonicalLine`,
   * each followed by a newline), built from the stored columns, byte for byte as the
   * process builds them.
   */
  readonly blockDigests?: string
  /**
   * The client has connections besides a transaction's (Postgres' pool), so a read may run
   * while a transaction is open: a rebuild reads its next chunk beside the current one.
   * SQLite's one connection would only queue it (and bun:sqlite reads on the thread anyway).
   */
  readonly readsBesideTransactions: boolean
  /**
   * The log's secondary indexes that a bulk load drops and builds after, as bulk loaders
   * do (pgloader among them): building an index once over the loaded rows costs less than
   * keeping it row by row. `create` builds each as the migrations made it (a unique
   * constraint stays a constraint), each step idempotent; `present` answers a row when the
   * index is there whole (a constraint's index and the constraint). They run under
   * `lockIndexes`: `IF NOT EXISTS` alone does not make DDL safe against another process's
   * (Postgres fails one of two `CREATE INDEX IF NOT EXISTS` at once).
   */
  readonly deferrableIndexes: ReadonlyArray<DeferrableIndex>
  /**
   * Inside a transaction: the lock across processes under which the log's indexes are set
   * aside and built, held to the commit. Postgres: an advisory lock. SQLite and LibSQL have
   * it already — the file's write lock, taken at `BEGIN IMMEDIATE`.
   */
  readonly lockIndexes?: string
}

export interface DeferrableIndex {
  readonly name: string
  readonly present: string
  readonly drop: ReadonlyArray<string>
  readonly create: ReadonlyArray<string>
}

/** Every driver classifies its errors: a unique index refusing a row is one `reason`. */
export const isUniqueViolation = (error: SqlError) => error.reason._tag === "UniqueViolation"

/** `rows` in runs of at most `size`, in order: what one statement of a multi-row write takes. */
export const chunksOf = <A>(rows: ReadonlyArray<A>, size: number): Array<ReadonlyArray<A>> =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, index) => rows.slice(index * size, (index + 1) * size))

/** Drivers hand back integers as numbers, bigints or (Postgres int8) strings. */
export const toNumber = (value: unknown): number =>
  typeof value === "number" ? value : value === null || value === undefined ? 0 : Number(value)
