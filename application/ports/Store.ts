import type { ApiKeyCache } from "./ApiKeyCache.ts"
import type { ControlRecords } from "./ControlRecords.ts"
import type { EventStore } from "./EventStore.ts"
import type { LogCompaction } from "./LogCompaction.ts"
import type { LogOperations } from "./LogOperations.ts"
import type { ProjectionStore } from "./ProjectionStore.ts"
import type { ReadModels } from "./ReadModels.ts"
import type { KeyRing } from "./Secrets.ts"
import type { SnapshotStore } from "./SnapshotStore.ts"
import type { StateCache } from "./StateCache.ts"

/**
 * The ports a serving process uses: what its store (`ServingStore`) provides. Compaction is
 * among them — a server compacts on a schedule — and is the configured database's.
 */
export type ServingPorts = EventStore | ReadModels | ProjectionStore | SnapshotStore | KeyRing | StateCache | ApiKeyCache | ControlRecords | LogCompaction

/** Every port a backend layer provides: what the composition root swaps in one piece. */
export type Store = ServingPorts | LogOperations
