import { Effect, Option } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import type { NameKind, NameTables } from "./Dialect.ts"

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
  /** Writes the names of events (their streams, types and actors) that this store has not written yet. */
  readonly ensure: (streamIds: ReadonlyArray<string>, events: ReadonlyArray<Named>) => Effect.Effect<void, SqlError>
}

/** What names an event refers to besides its stream: a new event's or a recorded one's. */
interface Named {
  readonly type: string
  readonly metadata?: { readonly actor?: string | undefined } | undefined
}

const capacity = 100_000

export const make = (sql: SqlClient, tables: NameTables | undefined): LogNames => {
  if (tables === undefined) return { ensure: () => Effect.void }
  const known: Record<NameKind, Set<string>> = { stream: new Set(), type: new Set(), actor: new Set() }
  const write = (kind: NameKind, names: ReadonlyArray<string>, remember: boolean) =>
    names.length === 0 ? Effect.void : tables.ensure(sql, kind, names).pipe(
      Effect.tap(() =>
        Effect.sync(() => {
          if (!remember) return
          const set = known[kind]
          if (set.size + names.length > capacity) set.clear()
          for (const name of names) set.add(name)
        })
      )
    )
  const unknown = (kind: NameKind, names: Iterable<string | undefined>) => {
    const result = new Set<string>()
    for (const name of names) if (name !== undefined && !known[kind].has(name)) result.add(name)
    return [...result]
  }
  return {
    ensure: (streamIds, events) => {
      // The way of nearly every append, without allocating.
      let allKnown = true
      for (let index = 0; allKnown && index < streamIds.length; index++) allKnown = known.stream.has(streamIds[index]!)
      for (let index = 0; allKnown && index < events.length; index++) {
        const { type, metadata } = events[index]!
        allKnown = known.type.has(type) && (metadata?.actor === undefined || known.actor.has(metadata.actor))
      }
      if (allKnown) return Effect.void
      const streams = unknown("stream", streamIds)
      const types = unknown("type", events.map((event) => event.type))
      const actors = unknown("actor", events.map((event) => event.metadata?.actor))
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
