import { Effect, Option } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import type { NameKind, NameTables } from "./Dialect.ts"

/**
 * The ids of the names a log refers to (`Dialect.names`: streams, types, actors), as this
 * store has written or read them: an append to a known stream, of known types, by a known
 * actor, hands its rows their ids and writes nothing more than its rows. The names of a
 * service are few and come back all the time; the ids go into the append's statement as
 * they are — resolving them there by name cost LibSQL, which prepares each statement it
 * runs, a sixth of an append.
 *
 * A name is written before the rows that refer to it, by a statement of its own that
 * commits on its own (outside the append's transaction): had it been written in a
 * transaction that rolled back, the store would remember a name that is not there. An
 * append refused after its names were written leaves them behind, unreferenced: harmless.
 * Names are never deleted nor renumbered, so an id remembered stays true for the store's
 * database, and nothing is forgotten: past `capacity` names, the others are looked up
 * each time.
 */
export interface LogNames {
  /** The ids of the names of events (their streams, types and actors), written first where missing. */
  readonly resolve: (streamIds: ReadonlyArray<string>, events: ReadonlyArray<Named>) => Effect.Effect<NameIds, SqlError>
}

/** What names an event refers to besides its stream: a new event's or a recorded one's. */
export interface Named {
  readonly type: string
  readonly metadata?: { readonly actor?: string | undefined } | undefined
}

/** The id of a name resolved; an actor's is 0 for none. */
export interface NameIds {
  readonly stream: (name: string) => number
  readonly type: (name: string) => number
  readonly actor: (name: string | undefined) => number
}

const capacity = 100_000

/** Where the log keeps no names: nothing to resolve. */
const none: NameIds = { stream: () => 0, type: () => 0, actor: () => 0 }

export const make = (sql: SqlClient, tables: NameTables | undefined): LogNames => {
  if (tables === undefined) return { resolve: () => Effect.succeed(none) }
  const known: Record<NameKind, Map<string, number>> = { stream: new Map(), type: new Map(), actor: new Map() }
  const lookup = (kind: NameKind, name: string, also?: Map<string, number>) => {
    const id = known[kind].get(name) ?? also?.get(name)
    if (id === undefined) throw new Error(`strata: the ${kind} "${name}" was not resolved before its row was written`)
    return id
  }
  const fromKnown: NameIds = {
    stream: (name) => lookup("stream", name),
    type: (name) => lookup("type", name),
    actor: (name) => (name === undefined ? 0 : lookup("actor", name))
  }
  const unknown = (kind: NameKind, names: Iterable<string | undefined>) => {
    const result = new Set<string>()
    for (const name of names) if (name !== undefined && !known[kind].has(name)) result.add(name)
    return [...result]
  }
  return {
    resolve: (streamIds, events) => {
      // The way of nearly every append, without allocating.
      let allKnown = true
      for (let index = 0; allKnown && index < streamIds.length; index++) allKnown = known.stream.has(streamIds[index]!)
      for (let index = 0; allKnown && index < events.length; index++) {
        const { type, metadata } = events[index]!
        allKnown = known.type.has(type) && (metadata?.actor === undefined || known.actor.has(metadata.actor))
      }
      if (allKnown) return Effect.succeed(fromKnown)
      const missing = {
        stream: unknown("stream", streamIds),
        type: unknown("type", events.map((event) => event.type)),
        actor: unknown("actor", events.map((event) => event.metadata?.actor))
      }
      return Effect.gen(function*() {
        // Inside a transaction the names are written as well, but only remembered when they
        // commit on their own.
        const remember = Option.isNone(yield* Effect.serviceOption(sql.transactionService))
        const resolved: Record<NameKind, Map<string, number>> = { stream: new Map(), type: new Map(), actor: new Map() }
        for (const kind of ["stream", "type", "actor"] as const) {
          if (missing[kind].length === 0) continue
          for (const { name, id } of yield* tables.resolve(sql, kind, missing[kind])) {
            resolved[kind].set(name, id)
            if (remember && known[kind].size < capacity) known[kind].set(name, id)
          }
        }
        return {
          stream: (name) => lookup("stream", name, resolved.stream),
          type: (name) => lookup("type", name, resolved.type),
          actor: (name) => (name === undefined ? 0 : lookup("actor", name, resolved.actor))
        } satisfies NameIds
      })
    }
  }
}
