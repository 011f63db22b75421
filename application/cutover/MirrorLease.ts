import { Clock, Duration, Effect, Option, Result, Schema } from "effect"
import { type ControlRecord, ControlRecords } from "../ports/ControlRecords.ts"

/**
 * One mirror at a time: each serving process (or `strata cutover mirror`) competes for this
 * lease in the origin's control records, compare-and-set. A holder that dies stops
 * renewing, and another process takes over once the lease runs out.
 */

const recordName = "cutover-mirror"

export interface Lease {
  readonly holder: string
  /** Epoch milliseconds. */
  readonly until: number
}
const LeaseJson = Schema.fromJsonString(Schema.Struct({ holder: Schema.String, until: Schema.Number }))

/** The lease as stored; none when there is none, or it is unreadable (then it is taken as free). */
const decode = (stored: Option.Option<ControlRecord>): Lease | undefined =>
  Option.getOrUndefined(Option.flatMap(stored, (record) => Result.getSuccess(Schema.decodeUnknownResult(LeaseJson)(record.value))))

const versionOf = (stored: Option.Option<ControlRecord>) => Option.match(stored, { onNone: () => 0, onSome: (record) => record.version })

/** The lease as last written, expired or not. */
export const read = Effect.map(Effect.flatMap(ControlRecords, (records) => records.get(recordName)), decode)

/**
 * Takes or renews the lease: true while `holder` holds it. A holder that dies stops
 * renewing, and the next taker finds it expired.
 */
export const hold = (holder: string, ttl: Duration.Duration) =>
  Effect.gen(function*() {
    const records = yield* ControlRecords
    const now = yield* Clock.currentTimeMillis
    const stored = yield* records.get(recordName)
    const lease = decode(stored)
    if (lease !== undefined && lease.holder !== holder && lease.until > now) return false
    // Renewed at half its life: the holder writes a few times per lease, not on every look.
    if (lease !== undefined && lease.holder === holder && lease.until - now > Duration.toMillis(ttl) / 2) return true
    const value = Schema.encodeSync(LeaseJson)({ holder, until: now + Duration.toMillis(ttl) })
    return yield* records.put(recordName, value, versionOf(stored))
  })

/** Gives the lease up (a clean stop), so that another process takes over at once. */
export const release = (holder: string) =>
  Effect.gen(function*() {
    const records = yield* ControlRecords
    const stored = yield* records.get(recordName)
    if (decode(stored)?.holder === holder) {
      yield* records.put(recordName, Schema.encodeSync(LeaseJson)({ holder, until: 0 }), versionOf(stored))
    }
  })
