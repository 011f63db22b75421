import type { ApiKeyCache } from "./ApiKeyCache.ts"
import type { ControlRecords } from "./ControlRecords.ts"
import type { EventStore } from "./EventStore.ts"
import type { LogCompaction } from "./LogCompaction.ts"
import type { ProjectionStore } from "./ProjectionStore.ts"
import type { ReadModels } from "./ReadModels.ts"
import type { KeyRing } from "./Secrets.ts"
import type { SnapshotStore } from "./SnapshotStore.ts"
import type { StateCache } from "./StateCache.ts"

/** Every port a backend layer provides: what the composition root swaps in one piece. */
export type Store = EventStore | ReadModels | ProjectionStore | SnapshotStore | KeyRing | StateCache | ApiKeyCache | ControlRecords | LogCompaction
