import { Context } from "effect"

export interface CachedState {
  readonly revision: number
  readonly version: number
  /** The version of the last snapshot written, so snapshots keep their pace. */
  readonly snapshotVersion: number
  /** The decoded state, as `evolve` produced it. */
  readonly state: unknown
}

/**
 * The last state this process decided on, per stream: a command can start from it
 * without reading anything, because its append is checked at the cached version — a
 * stale entry costs one conflict and a reload, never a wrong decision. Reads (queries)
 * do not use it: another process may have moved the stream on.
 */
export interface StateCacheService {
  readonly get: (streamId: string) => CachedState | undefined
  readonly set: (streamId: string, entry: CachedState) => void
  readonly delete: (streamId: string) => void
}

export class StateCache extends Context.Service<StateCache, StateCacheService>()("strata/StateCache") {}

/** A bounded cache: the least recently used stream goes first. One per store, never shared between stores. */
export const make = (capacity: number): StateCacheService => {
  const entries = new Map<string, CachedState>()
  return {
    get: (streamId) => {
      const entry = entries.get(streamId)
      if (entry !== undefined) {
        entries.delete(streamId)
        entries.set(streamId, entry)
      }
      return entry
    },
    set: (streamId, entry) => {
      entries.delete(streamId)
      entries.set(streamId, entry)
      if (entries.size > capacity) entries.delete(entries.keys().next().value!)
    },
    delete: (streamId) => void entries.delete(streamId)
  }
}
