import type { ApiKeyCache } from "./ApiKeyCache.ts"
import type { ControlRecords } from "./ControlRecords.ts"
import type { EventStore } from "./EventStore.ts"
import type { LogOperations } from "./LogOperations.ts"
import type { ProjectionStore } from "./ProjectionStore.ts"
import type { ReadModels } from "./ReadModels.ts"
import type { KeyRing } from "./Secrets.ts"
import type { SnapshotStore } from "./SnapshotStore.ts"
import type { StateCache } from "./StateCache.ts"

/** The ports serving uses: what a serving process's store (`ServingStore`) provides. */
export type ServingPorts = EventStore | ReadModels | ProjectionStore | SnapshotStore | KeyRing | StateCache | ApiKeyCache | ControlRecords

/** Every port a backend layer provides: what the composition root swaps in one piece. */
export type Store = ServingPorts | LogOperations
