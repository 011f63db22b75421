import { Clock, Effect } from "effect"
import * as CutoverPhases from "../../domain/CutoverPhases.ts"
import { EventStore } from "../ports/EventStore.ts"
import * as CutoverRecord from "./CutoverRecord.ts"
import * as MirrorLease from "./MirrorLease.ts"
import { heads, on, type Sides } from "./Sides.ts"

/** Where a cutover stands, for `strata cutover status` and the admin API. */
export interface CutoverStatus {
  readonly record: CutoverPhases.CutoverRecord
  readonly originHead: number
  readonly targetHead: number
  /** While copying: events copied, of how many, at what rate. */
  readonly copy?: { readonly done: number; readonly total: number; readonly perSecond: number; readonly etaSeconds: number }
  /** While mirroring: how far the mirror's target is behind the side that serves. */
  readonly lag?: { readonly events: number; readonly seconds: number }
  readonly mirrorHolder?: string
}

export const cutoverStatus = (sides: Sides) =>
  Effect.gen(function*() {
    const current = yield* CutoverRecord.required(yield* on(sides.origin, CutoverRecord.read))
    const record = current.record
    const [originHead, targetHead] = yield* heads(sides)
    const now = yield* Clock.currentTimeMillis
    const direction = CutoverPhases.mirror(record.phase)
    const lease = yield* on(sides.origin, MirrorLease.read)
    const base = { record, originHead, targetHead, ...(lease !== undefined && lease.until > now ? { mirrorHolder: lease.holder } : {}) }
    if (record.phase === "copying") {
      const done = targetHead - record.copyFrom
      const total = originHead - record.copyFrom
      const seconds = Math.max(0.001, (now - Date.parse(record.copyStartedAt)) / 1000)
      const perSecond = done / seconds
      return { ...base, copy: { done, total, perSecond, etaSeconds: perSecond > 0 ? Math.ceil((total - done) / perSecond) : 0 } } as CutoverStatus
    }
    if (direction === undefined) return base as CutoverStatus
    const [from, to] = direction.from === "origin" ? [sides.origin, targetHead] : [sides.target, originHead]
    const next = yield* on(from, Effect.flatMap(EventStore, (store) => store.readAll({ after: to, limit: 1 })))
    const behind = (direction.from === "origin" ? originHead : targetHead) - to
    const seconds = next.length === 0 ? 0 : Math.max(0, (now - Date.parse(next[0]!.recordedAt)) / 1000)
    return { ...base, lag: { events: Math.max(0, behind), seconds } } as CutoverStatus
  })
