import { Context, type Effect, type Option } from "effect"
import type { Document, DocumentQuery } from "./Projection.ts"
import type { ProjectionNotReady, StoreUnavailable } from "./StoreError.ts"

/** Queries over the live generation of each projection's documents. */
export interface ReadModelsService {
  readonly get: (
    projection: string,
    key: string
  ) => Effect.Effect<Option.Option<unknown>, ProjectionNotReady | StoreUnavailable>
  readonly list: (
    projection: string,
    query: DocumentQuery
  ) => Effect.Effect<ReadonlyArray<Document>, ProjectionNotReady | StoreUnavailable>
}

export class ReadModels extends Context.Service<ReadModels, ReadModelsService>()("strata/ReadModels") {}
