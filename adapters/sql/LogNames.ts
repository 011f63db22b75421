import { Effect, Option } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import type { NameKind, NameTables } from "./Dialect.ts"

/**
 * The ids of the names a log refers to (`Dialect.names`), as this store has written or
 * read them: an append to a known stream, of known types, by a known actor, hands its rows
 * their ids and writes nothing more than its rows. The names of a service come back all
 * the time; the ids go into the append's statement as they are — resolving them there by
 * name cost LibSQL, which prepares each statement it runs, a sixth of an append.
 *
 * Types and actors are written before the rows that refer to them, by a statement of its
 * own that commits on its own (outside the append's transaction): had one been written in
 * a transaction that rolled back, the store would remember a name that is not there. An
 * append refused after its names were written leaves them behind, unreferenced: harmless.
 *
 * A stream writes no name of its own (`StreamNames`): an append to a stream whose id is not
 * known here leaves it to its statement, which finds the stream by its name or gives a new
 * one the next id, and the id is remembered once the append is written.
 *
 * Names are never deleted nor renumbered, so an id remembered stays true for the store's
 * database, and nothing is forgotten: past `capacity` names, the others are found each time.
 */
export interface LogNames {
  /** The ids of the names of events: their types and actors written first where missing, their streams' ids where known. */
  readonly resolve: (events: ReadonlyArray<Named>) => Effect.Effect<NameIds, SqlError>
  /** An append's statement found or gave its stream's id: remembered, once the append is written. */
  readonly learn: (stream: string, id: number) => Effect.Effect<void>
  /**
   * Inside the transaction holding the log's lock: the ids of copied events' names, every
   * stream's known — rows copied with their own versions cannot find it themselves. A new
   * stream takes the next id, named by its first row, or listed when it comes without it.
   */
  readonly resolveCopied: (events: ReadonlyArray<Copied>) => Effect.Effect<CopiedIds, SqlError>
}

/** What names an event refers to besides its stream: a new event's or a recorded one's. */
export interface Named {
  readonly type: string
  readonly metadata?: { readonly actor?: string | undefined } | undefined
}

export interface Copied extends Named {
  readonly streamId: string
  readonly version: number
}

/** The id of a name resolved; an actor's is 0 for none, a stream's `undefined` while not known. */
export interface NameIds {
  readonly stream: (name: string) => number | undefined
  readonly type: (name: string) => number
  readonly actor: (name: string | undefined) => number
}

export interface CopiedIds extends NameIds {
  readonly stream: (name: string) => number
}

const capacity = 100_000

/** Where the log keeps no names: nothing to resolve. */
const none: CopiedIds = { stream: () => 0, type: () => 0, actor: () => 0 }

export const make = (sql: SqlClient, tables: NameTables | undefined): LogNames => {
  if (tables === undefined) return { resolve: () => Effect.succeed(none), learn: () => Effect.void, resolveCopied: () => Effect.succeed(none) }
  const streams = tables.streams
  const known: Record<NameKind | "stream", Map<string, number>> = { stream: new Map(), type: new Map(), actor: new Map() }
  const lookup = (kind: NameKind, name: string, also?: Map<string, number>) => {
    const id = known[kind].get(name) ?? also?.get(name)
    if (id === undefined) throw new Error(`strata: the ${kind} "${name}" was not resolved before its row was written`)
    return id
  }
  const fromKnown: NameIds = {
    stream: (name) => known.stream.get(name),
    type: (name) => lookup("type", name),
    actor: (name) => (name === undefined ? 0 : lookup("actor", name))
  }
  const unknown = (kind: NameKind, names: Iterable<string | undefined>) => {
    const result = new Set<string>()
    for (const name of names) if (name !== undefined && !known[kind].has(name)) result.add(name)
    return [...result]
  }
  /** Only what committed on its own is remembered: a transaction may yet roll back. */
  const outsideTransactions = Effect.map(Effect.serviceOption(sql.transactionService), Option.isNone)
  const remember = (kind: NameKind | "stream", name: string, id: number) => {
    if (known[kind].size < capacity) known[kind].set(name, id)
  }

  const resolve: LogNames["resolve"] = (events) => {
    // The way of nearly every append, without allocating.
    let allKnown = true
    for (let index = 0; allKnown && index < events.length; index++) {
      const { type, metadata } = events[index]!
      allKnown = known.type.has(type) && (metadata?.actor === undefined || known.actor.has(metadata.actor))
    }
    if (allKnown) return Effect.succeed(fromKnown)
    const missing = {
      type: unknown("type", events.map((event) => event.type)),
      actor: unknown("actor", events.map((event) => event.metadata?.actor))
    }
    return Effect.gen(function*() {
      // Inside a transaction the names are written as well, but only remembered when they
      // commit on their own.
      const committed = yield* outsideTransactions
      const resolved: Record<NameKind, Map<string, number>> = { type: new Map(), actor: new Map() }
      for (const kind of ["type", "actor"] as const) {
        if (missing[kind].length === 0) continue
        for (const { name, id } of yield* tables.resolve(sql, kind, missing[kind])) {
          resolved[kind].set(name, id)
          if (committed) remember(kind, name, id)
        }
      }
      return {
        stream: (name) => known.stream.get(name),
        type: (name) => lookup("type", name, resolved.type),
        actor: (name) => (name === undefined ? 0 : lookup("actor", name, resolved.actor))
      } satisfies NameIds
    })
  }

  const learn: LogNames["learn"] = (stream, id) =>
    Effect.map(outsideTransactions, (committed) => {
      if (committed) remember("stream", stream, id)
    })

  const resolveCopied: LogNames["resolveCopied"] = (events) =>
    Effect.gen(function*() {
      const named = yield* resolve(events)
      const firstCopied = new Set(events.filter((event) => event.version === 1).map((event) => event.streamId))
      const unknownStreams = [...new Set(events.map((event) => event.streamId))].filter((stream) => !known.stream.has(stream))
      const found = new Map(unknownStreams.length === 0 ? [] : yield* streams.find(sql, unknownStreams))
      let next: number | undefined
      for (const stream of unknownStreams) {
        if (found.has(stream)) continue
        next ??= yield* streams.nextId(sql)
        const id = next++
        // A stream copied without its first row (a compacted origin's) is named by a listing.
        if (!firstCopied.has(stream)) yield* streams.list(sql, stream, id)
        found.set(stream, id)
      }
      return {
        ...named,
        stream: (name: string) => {
          const id = known.stream.get(name) ?? found.get(name)
          if (id === undefined) throw new Error(`strata: the stream "${name}" was not resolved before its rows were copied`)
          return id
        }
      }
    })

  return { resolve, learn, resolveCopied }
}
