import { Context, Effect, type Option } from "effect"
import type { RecordedEvent } from "../ports/EventStore.ts"
import { ProjectionFailed, type StoreUnavailable } from "../ports/StoreError.ts"

/** A read-model document: JSON under a key, optionally filed under a partition and sort key. */
export interface Document {
  readonly key: string
  readonly partition: string | null
  /** Empty when the document was put without one. Compared as bytes, the same on every backend. */
  readonly sort: string
  readonly doc: unknown
}

export interface DocumentQuery {
  readonly partition: string
  readonly order?: "asc" | "desc"
  /** Keyset paging: only documents whose sort key comes after this one in `order`. */
  readonly after?: string
  readonly limit?: number
}

/**
 * The documents of one projection, as its `apply` sees them: inside the append
 * transaction, so what it writes commits or rolls back with the events.
 */
export interface Documents {
  readonly get: (key: string) => Effect.Effect<Option.Option<unknown>, StoreUnavailable>
  readonly put: (
    key: string,
    doc: unknown,
    index?: { readonly partition?: string; readonly sort?: string }
  ) => Effect.Effect<void, StoreUnavailable>
  readonly delete: (key: string) => Effect.Effect<void, StoreUnavailable>
  readonly list: (query: DocumentQuery) => Effect.Effect<ReadonlyArray<Document>, StoreUnavailable>
}

/**
 * An inline projection: applied in the same transaction as the append of the events it
 * handles. Its documents can always be rebuilt from the log; bump `version` when `apply`
 * changes and the next start rebuilds it.
 */
export interface Projection {
  readonly name: string
  readonly version: number
  readonly eventTypes: ReadonlyArray<string>
  /** A failure (any error) aborts the append with `ProjectionFailed`. */
  readonly apply: (event: RecordedEvent, documents: Documents) => Effect.Effect<void, unknown>
  /**
   * The keys of the documents `apply` may read for this event, as far as the event alone
   * tells. A replay (a rebuild, an import, a cutover's mirror) fetches a whole chunk's
   * documents with them in one round trip instead of one per document; a key left out is
   * still read when `apply` asks for it, so this only ever changes speed.
   */
  readonly reads?: (event: RecordedEvent) => ReadonlyArray<string>
}

export const Projection = {
  make: (projection: Projection): Projection => projection,
  handles: (projection: Projection, eventType: string) => projection.eventTypes.includes(eventType),
  /** The keys of the documents applying `events` will read, each once. */
  readsOf: (projection: Projection, events: Iterable<RecordedEvent>): ReadonlyArray<string> => {
    if (projection.reads === undefined) return []
    const keys = new Set<string>()
    for (const event of events) {
      for (const key of projection.reads(event)) keys.add(key)
    }
    return [...keys]
  },
  /** Applies one event; any failure becomes `ProjectionFailed`, which aborts the append. */
  applyEvent: (projection: Projection, event: RecordedEvent, documents: Documents) =>
    projection.apply(event, documents).pipe(
      Effect.mapError((error) =>
        new ProjectionFailed({
          projection: projection.name,
          eventType: event.type,
          reason: error instanceof Error ? error.message : String(error)
        })
      )
    )
}

/** The inline projections of this deployment, given to the store layer at the composition root. */
export class InlineProjections extends Context.Service<
  InlineProjections,
  ReadonlyArray<Projection>
>()("strata/InlineProjections") {}
