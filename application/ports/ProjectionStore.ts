import { Context, type Effect } from "effect"
import type { Document } from "../eventsourcing/Projection.ts"
import type { ProjectionFailed, ProjectionNotReady, StoreUnavailable } from "./StoreError.ts"

export interface ProjectionStatus {
  readonly name: string
  readonly version: number
  readonly generation: number
  readonly status: "live" | "building"
  /** The position up to which this generation has applied the log. */
  readonly checkpoint: number
}

export interface RebuildProgress {
  readonly name: string
  readonly generation: number
  readonly checkpoint: number
  readonly head: number
  /** True once the rebuilt generation has replaced the old one. */
  readonly live: boolean
}

/**
 * Rebuilding projections. A rebuild fills a new generation of the projection's documents
 * in short transactions while the old generation keeps serving; the last step takes the
 * log's write lock for one chunk and switches generations, so no append is missed.
 */
export interface ProjectionStoreService {
  readonly status: Effect.Effect<ReadonlyArray<ProjectionStatus>, StoreUnavailable>
  /** Every document of the projection's live generation, by key. */
  readonly liveDocuments: (name: string) => Effect.Effect<ReadonlyArray<Document>, ProjectionNotReady | StoreUnavailable>
  /** Starts a new generation of `name` (dropping any unfinished one) at checkpoint 0. */
  readonly startRebuild: (name: string) => Effect.Effect<RebuildProgress, StoreUnavailable>
  /**
   * Applies up to `chunkSize` events to the generation being built (resuming an
   * interrupted rebuild where its checkpoint stands), and switches it live once caught up.
   */
  readonly rebuildStep: (
    name: string,
    chunkSize: number
  ) => Effect.Effect<RebuildProgress, ProjectionFailed | StoreUnavailable>
}

export class ProjectionStore extends Context.Service<
  ProjectionStore,
  ProjectionStoreService
>()("strata/ProjectionStore") {}
