import { Effect } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { keepStoredJson, type RecordedEvent } from "../../application/ports/EventStore.ts"
import { type Dialect, type EventRow, toNumber } from "./Dialect.ts"
import { fromStored, fromStoredOrNull } from "./StoredIds.ts"

/** Ids as a dialect may store them (see `StoredIds`). */
type StoredId = string | Uint8Array | ArrayBuffer

/** An event's row as the log's reads select it (`LogLayout.columns`). */
export interface StoredRow extends Omit<EventRow, "event_id" | "stream_id" | "correlation_id" | "causation_id" | "stream_ref" | "type_ref" | "actor_ref"> {
  readonly position: number | string
  /** The stream's name, or (`LogLayout.streamNames`) its id: rows are made events by `toEvents`. */
  readonly stream_id?: string
  readonly stream_ref?: number | bigint
  readonly event_id: StoredId
  readonly correlation_id: StoredId | null
  readonly causation_id: StoredId | null
}

/** The log's rows, selected as `StoredRow`s. */
export const selectEvents = (dialect: Dialect) => `SELECT ${dialect.log.columns} FROM ${dialect.log.from}`

/** A row as an event; the stream's name given where the row carries its id (see `toEvents`). */
export const toRecordedEvent = (row: StoredRow, streamId: string = row.stream_id!): RecordedEvent => {
  const json = row.data
  let data: unknown
  let parsed = false
  // The ids are formatted, and the metadata made, when first read: a replay into
  // projections reads neither, and formatting a stored id costs as much as reading its row.
  let eventId: string | undefined
  let metadata: RecordedEvent["metadata"] | undefined
  return keepStoredJson({
    get eventId() {
      return (eventId ??= fromStored(row.event_id))
    },
    streamId,
    version: toNumber(row.version),
    position: toNumber(row.position),
    type: row.type,
    schemaVersion: toNumber(row.schema_version),
    // Parsed when first read: a copy or a digest only needs the text.
    get data() {
      if (!parsed) {
        data = JSON.parse(json)
        parsed = true
      }
      return data
    },
    get metadata() {
      if (metadata === undefined) {
        const correlationId = fromStoredOrNull(row.correlation_id)
        const causationId = fromStoredOrNull(row.causation_id)
        metadata = {
          ...(row.actor === null ? {} : { actor: row.actor }),
          ...(correlationId === null ? {} : { correlationId }),
          ...(causationId === null ? {} : { causationId })
        }
      }
      return metadata
    },
    recordedAt: row.recorded_at
  }, json)
}

/**
 * The log's rows as events. Where rows carry their stream's id rather than its name
 * (`LogLayout.streamNames`: SQLite and LibSQL, whose streams are named in their first rows),
 * the names of the ids a page holds are read once and kept: joining every row to its
 * stream's first row cost a read of the whole log half its rate. An id names one stream
 * for good (ids are never reused nor renamed), so what is kept stays true; past `capacity`
 * ids, the others are read with each page.
 */
export type ToEvents = (rows: ReadonlyArray<StoredRow>) => Effect.Effect<ReadonlyArray<RecordedEvent>, SqlError>

const capacity = 100_000

export const toEvents = (sql: SqlClient, dialect: Dialect): ToEvents => {
  const streamNames = dialect.log.streamNames
  if (streamNames === undefined) return (rows) => Effect.succeed(rows.map((row) => toRecordedEvent(row)))
  const known = new Map<number, string>()
  const named = (rows: ReadonlyArray<StoredRow>, also?: Map<number, string>) =>
    rows.map((row) => {
      const id = toNumber(row.stream_ref)
      const name = known.get(id) ?? also?.get(id)
      if (name === undefined) throw new Error(`strata: the log holds no name for stream ${id}`)
      return toRecordedEvent(row, name)
    })
  return (rows) => {
    let missing: Set<number> | undefined
    for (const row of rows) {
      const id = toNumber(row.stream_ref)
      if (!known.has(id)) (missing ??= new Set()).add(id)
    }
    if (missing === undefined) return Effect.succeed(named(rows))
    return Effect.map(streamNames(sql, [...missing]), (found) => {
      const also = new Map<number, string>()
      for (const { id, name } of found) {
        if (known.size < capacity) known.set(id, name)
        else also.set(id, name)
      }
      return named(rows, also)
    })
  }
}
