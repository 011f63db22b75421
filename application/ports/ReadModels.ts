import { Context, type Effect, type Option } from "effect"
import type { Document, DocumentQuery } from "../eventsourcing/Projection.ts"
import type { ProjectionNotReady, StoreUnavailable } from "./StoreError.ts"

/** Queries over the live generation of each projection's documents. */
export interface ReadModelsService {
  readonly get: (
    projection: string,
    key: string
  ) => Effect.Effect<Option.Option<unknown>, ProjectionNotReady | StoreUnavailable>
  /**
   * The live document of `key`, read in the calling turn where the backend's driver answers
   * without waiting (an embedded database, memory): a request that finds it needs no fiber. `undefined` for
   * anything else — not found, not ready, a failure, a backend whose reads wait — and then
   * `get` gives the answer (one place says what a miss or a failure is).
   */
  readonly peek: (projection: string, key: string) => unknown
  readonly list: (
    projection: string,
    query: DocumentQuery
  ) => Effect.Effect<ReadonlyArray<Document>, ProjectionNotReady | StoreUnavailable>
}

export class ReadModels extends Context.Service<ReadModels, ReadModelsService>()("strata/ReadModels") {}
