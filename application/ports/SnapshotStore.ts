import { Context, type Effect, type Option } from "effect"
import type { StoreUnavailable } from "./StoreError.ts"

export interface Snapshot {
  readonly version: number
  readonly state: unknown
}

/**
 * A cache of aggregate state, so that loading an aggregate reads a snapshot and the few
 * events after it however long its stream grows. `revision` names the shape of the state:
 * a snapshot of another revision is ignored, so changing `evolve` needs no migration.
 */
export interface SnapshotStoreService {
  readonly load: (streamId: string, revision: number) => Effect.Effect<Option.Option<Snapshot>, StoreUnavailable>
  readonly save: (
    streamId: string,
    revision: number,
    snapshot: Snapshot
  ) => Effect.Effect<void, StoreUnavailable>
}

export class SnapshotStore extends Context.Service<SnapshotStore, SnapshotStoreService>()("strata/SnapshotStore") {}
