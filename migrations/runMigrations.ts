import * as Migrator from "effect/sql/Migrator"
import { SqlClient } from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { Effect, Schema } from "effect"
import { DatabaseUnreachable } from "../application/ports/StoreError.ts"

const table = "strata_migrations"

/** The database records a migration under another name than the code: the two disagree on history. */
export class MigrationMismatch extends Schema.TaggedError<MigrationMismatch>()("MigrationMismatch", {
  id: Schema.Number,
  recorded: Schema.String,
  /** The name in the code, or empty when the code has no migration with this id. */
  expected: Schema.String
}) {
  override get message() {
    return this.expected === ""
      ? `the database has migration ${this.id} (${this.recorded}), which this version of strata does not know: is it older than the database?`
      : `migration ${this.id} is recorded as "${this.recorded}" but the code names it "${this.expected}"; refusing to start`
  }
}

export class MigrationFailed extends Schema.TaggedError<MigrationFailed>()("MigrationFailed", {
  reason: Schema.String
}) {
  override get message() {
    return `schema migration failed: ${this.reason}`
  }
}

export interface MigrationState {
  readonly applied: ReadonlyArray<{ readonly id: number; readonly name: string }>
  readonly pending: ReadonlyArray<{ readonly id: number; readonly name: string }>
}

/**
 * The migrations the database records. No table yet: nothing applied — and only then: a
 * database that cannot be reached, read as "nothing applied", listed every migration as
 * pending.
 */
const recorded = Effect.gen(function*() {
  const sql = yield* SqlClient
  const exists = yield* sql.onDialectOrElse({
    pg: () => Effect.map(sql<{ found: string | null }>`SELECT to_regclass(${table}) AS found`, ([row]) => row?.found != null),
    orElse: () => Effect.map(sql`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ${table}`, (rows) => rows.length > 0)
  })
  if (!exists) return []
  const rows = yield* sql<{ migration_id: number | string; name: string }>`SELECT migration_id, name FROM ${sql(table)}
    ORDER BY migration_id`
  return rows.map((row) => ({ id: Number(row.migration_id), name: row.name }))
})

/** A statement refused: the database not there (yet), or the migration's own failure. */
const sqlFailure = (error: SqlError) => {
  const reason = error.cause instanceof Error ? error.cause.message : error.message
  return Effect.fail(error.reason._tag === "ConnectionError" ? new DatabaseUnreachable({ reason }) : new MigrationFailed({ reason }))
}

/** What is applied and what is pending, after checking that the two histories agree. */
export const migrationStatus = (loader: Migrator.Loader) =>
  Effect.gen(function*() {
    const known = yield* loader
    const applied = yield* recorded
    for (const { id, name } of applied) {
      const inCode = known.find(([knownId]) => knownId === id)
      if (inCode === undefined || inCode[1] !== name) {
        return yield* new MigrationMismatch({ id, recorded: name, expected: inCode?.[1] ?? "" })
      }
    }
    const pending = known
      .filter(([id]) => !applied.some((migration) => migration.id === id))
      .map(([id, name]) => ({ id, name }))
    return { applied, pending } satisfies MigrationState
  }).pipe(Effect.catchTags({
    MigrationError: (error) => Effect.fail(new MigrationFailed({ reason: error.message })),
    SqlError: sqlFailure
  }))

/** An arbitrary key of Postgres's advisory locks, the migrations' own. */
const migrationLockKey = 7_305_871_403

/**
 * Makes processes that start together on one database migrate one after the other: the
 * check and the migrations run in one transaction that first takes a lock across
 * processes, so the second finds the first's work done instead of racing it (two
 * `CREATE TABLE`s, or reading a schema half made). Postgres: a transaction-scoped advisory
 * lock. SQLite and LibSQL: their clients begin write transactions `IMMEDIATE`, so the
 * transaction holds the file's write lock from its start (waited for with `busy_timeout`).
 *
 * The migrations table is made here, under the lock, with the migrator's own definition:
 * the migrator probes for it with a statement that fails when it is missing, and on
 * Postgres a failed statement aborts the transaction it is in.
 */
const serialised = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.flatMap(SqlClient, (sql) =>
    sql.withTransaction(
      sql.onDialectOrElse({
        pg: () =>
          sql`SELECT pg_advisory_xact_lock(${migrationLockKey})`.pipe(
            Effect.andThen(sql`CREATE TABLE IF NOT EXISTS ${sql(table)} (
              migration_id integer primary key,
              created_at timestamp with time zone not null default now(),
              name text not null
            )`)
          ),
        orElse: () =>
          sql`CREATE TABLE IF NOT EXISTS ${sql(table)} (
            migration_id integer PRIMARY KEY NOT NULL,
            created_at datetime NOT NULL DEFAULT current_timestamp,
            name VARCHAR(255) NOT NULL
          )`
      }).pipe(Effect.andThen(effect))
    ))

/**
 * Applies pending migrations in one transaction, one process at a time; a history that
 * disagrees with the code is a loud error.
 */
export const runMigrations = (loader: Migrator.Loader) =>
  serialised(Effect.gen(function*() {
    yield* migrationStatus(loader)
    return yield* Migrator.make({})({ loader, table })
  })).pipe(
    Effect.catchTags({
      MigrationError: (error) => Effect.fail(new MigrationFailed({ reason: error.message })),
      // The first statement of a process is the migrations': a database not there yet fails here.
      SqlError: sqlFailure
    })
  )
