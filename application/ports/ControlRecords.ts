import { Context, type Effect, type Option } from "effect"
import type { StoreUnavailable } from "./StoreError.ts"

/** A named record and the version its last write gave it. */
export interface ControlRecord {
  readonly value: string
  /** 1 after the first write, then one more per write. */
  readonly version: number
}

/**
 * Small named records kept beside the log, never in it: what a fenced log must still be
 * able to say (where the log went, who mirrors it). Writes are compare-and-set, so two
 * processes deciding at once cannot both win.
 */
export interface ControlRecordsService {
  readonly get: (name: string) => Effect.Effect<Option.Option<ControlRecord>, StoreUnavailable>
  /**
   * Writes `value` if the record is still at `expected` (0: it does not exist yet); false,
   * writing nothing, when another writer moved it first.
   */
  readonly put: (name: string, value: string, expected: number) => Effect.Effect<boolean, StoreUnavailable>
}

export class ControlRecords extends Context.Service<ControlRecords, ControlRecordsService>()("strata/ControlRecords") {}
