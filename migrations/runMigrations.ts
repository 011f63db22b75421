import * as Migrator from "@effect/sql/Migrator"
import { SqlClient } from "@effect/sql/SqlClient"
import { Effect, Schema } from "effect"

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

const recorded = Effect.gen(function*() {
  const sql = yield* SqlClient
  return yield* sql<{ migration_id: number | string; name: string }>`SELECT migration_id, name FROM ${sql(table)}
    ORDER BY migration_id`.pipe(
    Effect.map((rows) => rows.map((row) => ({ id: Number(row.migration_id), name: row.name }))),
    // No table yet: nothing applied.
    Effect.orElseSucceed(() => [])
  )
})

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
  }).pipe(Effect.catchTag("MigrationError", (error) => Effect.fail(new MigrationFailed({ reason: error.message }))))

/** Applies pending migrations in one transaction; a history that disagrees with the code is a loud error. */
export const runMigrations = (loader: Migrator.Loader) =>
  Effect.gen(function*() {
    yield* migrationStatus(loader)
    return yield* Migrator.make({})({ loader, table })
  }).pipe(
    Effect.catchTags({
      MigrationError: (error) => Effect.fail(new MigrationFailed({ reason: error.message })),
      SqlError: (error) =>
        Effect.fail(new MigrationFailed({ reason: error.cause instanceof Error ? error.cause.message : error.message }))
    })
  )
