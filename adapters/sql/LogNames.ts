import { Effect, Option } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import type { EventRow, NameKind, NameTables } from "./Dialect.ts"

/**
 * The names a store has written to a log's name tables (`Dialect.names`), remembered so
 * that an append to a known stream, of known types, by a known actor, writes nothing more
 * than its rows: the names of a service are few and come back all the time.
 *
 * A name is written before the rows that refer to them, by a statement of its own that
 * commits on its own (outside the append's transaction): had it been written in a
 * transaction that rolled back, the store would remember a name that is not there. An
 * append refused after its names were written leaves them behind, unreferenced: harmless.
 * Names are never deleted, so a name remembered stays true for the store's database.
 * At most `capacity` are remembered; past that the memory starts over.
 */
export interface LogNames {
  /** Writes the names `rows` refer to that this store has not written yet. */
  readonly ensure: (rows: ReadonlyArray<Pick<EventRow, "stream_id" | "type" | "actor">>) => Effect.Effect<void, SqlError>
}

const capacity = 100_000

export const make = (sql: SqlClient, tables: NameTables | undefined): LogNames => {
  if (tables === undefined) return { ensure: () => Effect.void }
  const known = new Set<string>()
  const missing = (kind: NameKind, names: Iterable<string>) => {
    const result = new Set<string>()
    for (const name of names) if (!known.has(`${kind}:${name}`)) result.add(name)
    return [...result]
  }
  const write = (kind: NameKind, names: ReadonlyArray<string>, remember: boolean) =>
    names.length === 0 ? Effect.void : tables.ensure(sql, kind, names).pipe(
      Effect.tap(() =>
        Effect.sync(() => {
          if (!remember) return
          if (known.size + names.length > capacity) known.clear()
          for (const name of names) known.add(`${kind}:${name}`)
        })
      )
    )
  return {
    ensure: (rows) => {
      const streams = missing("stream", rows.map((row) => row.stream_id))
      const types = missing("type", rows.map((row) => row.type))
      const actors = missing("actor", rows.flatMap((row) => (row.actor === null ? [] : [row.actor])))
      if (streams.length === 0 && types.length === 0 && actors.length === 0) return Effect.void
      // Inside a transaction the names are written as well, but only remembered when they
      // commit on their own.
      return Effect.flatMap(Effect.serviceOption(sql.transactionService), (transaction) => {
        const remember = Option.isNone(transaction)
        return Effect.all([write("stream", streams, remember), write("type", types, remember), write("actor", actors, remember)], {
          discard: true
        })
      })
    }
  }
}
