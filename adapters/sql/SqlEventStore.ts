import { SqlClient } from "@effect/sql/SqlClient"
import { Clock, Data, Effect, SubscriptionRef } from "effect"
import type {
  AppendResult,
  EventStoreService,
  FenceState,
  NewEvent,
  RecordedEvent
} from "../../application/EventStore.ts"
import { followLog } from "../../application/followLog.ts"
import { InlineProjections, type Projection } from "../../application/Projection.ts"
import { ProjectionFailed, type StoreUnavailable } from "../../application/StoreError.ts"
import { type PreparedAppend, prepareAppend, settleAttempt } from "../../application/appendRules.ts"
import { type Dialect, type EventRow, toNumber } from "./Dialect.ts"
import { sqlDocuments, unavailable } from "./SqlDocuments.ts"

interface StoredRow extends EventRow {
  readonly position: number | string
}

const columns = `position, event_id, stream_id, version, type, schema_version, data,
  actor, correlation_id, causation_id, recorded_at`

export const toRecordedEvent = (row: StoredRow): RecordedEvent => ({
  eventId: row.event_id,
  streamId: row.stream_id,
  version: toNumber(row.version),
  position: toNumber(row.position),
  type: row.type,
  schemaVersion: toNumber(row.schema_version),
  data: JSON.parse(row.data),
  metadata: {
    ...(row.actor === null ? {} : { actor: row.actor }),
    ...(row.correlation_id === null ? {} : { correlationId: row.correlation_id }),
    ...(row.causation_id === null ? {} : { causationId: row.causation_id })
  },
  recordedAt: row.recorded_at
})

const toRow = (streamId: string, version: number, recordedAt: string) => (event: NewEvent, index: number): EventRow => ({
  event_id: event.eventId,
  stream_id: streamId,
  version: version + index + 1,
  type: event.type,
  schema_version: event.schemaVersion ?? 1,
  data: JSON.stringify(event.data),
  actor: event.metadata?.actor ?? null,
  correlation_id: event.metadata?.correlationId ?? null,
  causation_id: event.metadata?.causationId ?? null,
  recorded_at: recordedAt
})

/** The log refused the append before writing: fenced, or the stream moved. */
class PreconditionFailed extends Data.TaggedError("PreconditionFailed") {}

export const make = (dialect: Dialect) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient
    const projections = yield* InlineProjections
    const localHead = yield* SubscriptionRef.make(0)

    const projectionsByType = new Map<string, Array<Projection>>()
    for (const projection of projections) {
      for (const type of projection.eventTypes) {
        projectionsByType.set(type, [...(projectionsByType.get(type) ?? []), projection])
      }
    }

    const streamVersion = (streamId: string) =>
      sql<{ version: number | string | null }>`SELECT MAX(version) AS version FROM strata_events
        WHERE stream_id = ${streamId}`.pipe(
        Effect.map((rows) => toNumber(rows[0]?.version)),
        Effect.mapError(unavailable("read stream version"))
      )

    const fenceState = sql<{ fenced_at: string | null; fence_reason: string | null }>`
      SELECT fenced_at, fence_reason FROM strata_log WHERE id = 1`.pipe(
      Effect.map(([row]): FenceState | undefined =>
        row?.fenced_at ? { fencedAt: row.fenced_at, reason: row.fence_reason ?? "" } : undefined
      ),
      Effect.mapError(unavailable("read fence"))
    )

    const applyInline = (rows: ReadonlyArray<EventRow>, firstPosition: number) =>
      Effect.gen(function*() {
        const relevant = new Set(rows.flatMap((row) => projectionsByType.get(row.type) ?? []))
        if (relevant.size === 0) return
        const live = yield* sql<{ name: string; generation: number; version: number }>`
          SELECT name, generation, version FROM strata_projections WHERE status = 'live'`
        for (const projection of relevant) {
          const generation = live.find((row) => row.name === projection.name && toNumber(row.version) === projection.version)
          // Not live yet: the rebuild under way will apply these events from the log.
          if (generation === undefined) continue
          const documents = sqlDocuments(sql, projection.name, toNumber(generation.generation))
          for (const [index, row] of rows.entries()) {
            if (!projection.eventTypes.includes(row.type)) continue
            const event = toRecordedEvent({ ...row, position: firstPosition + index })
            yield* projection.apply(event, documents).pipe(
              Effect.mapError((error) =>
                new ProjectionFailed({
                  projection: projection.name,
                  eventType: row.type,
                  reason: error instanceof Error ? error.message : String(error)
                })
              )
            )
          }
        }
      })

    /** Inserts at `expectedVersion` and applies the inline projections; positions of the rows. */
    const insert = (expectedVersion: number, rows: ReadonlyArray<EventRow>) =>
      dialect.insertEvents(sql, expectedVersion, rows).pipe(
        Effect.flatMap((first) => first === undefined ? Effect.fail(new PreconditionFailed()) : Effect.succeed(first)),
        Effect.tap((first) => applyInline(rows, first))
      )

    /**
     * One attempt. At a known version it is optimistic: a single statement where the
     * dialect allows it. At `"current"` (a version-agnostic append that lost a race) it
     * reads the version under the log's lock, so it cannot lose again.
     */
    const attempt = (prepared: PreparedAppend, version: number | "current", recordedAt: string) => {
      const count = prepared.events.length
      const rowsAt = (expectedVersion: number) => prepared.events.map(toRow(prepared.streamId, expectedVersion, recordedAt))
      const written = version === "current"
        ? sql.withTransaction(Effect.gen(function*() {
          yield* dialect.lockLog(sql)
          const current = yield* streamVersion(prepared.streamId)
          if (prepared.expected._tag === "StreamExists" && current === 0) return yield* new PreconditionFailed()
          return [current, yield* insert(current, rowsAt(current))] as const
        }))
        : Effect.gen(function*() {
          const rows = rowsAt(version)
          const atomic = dialect.insertIsAtomic && !rows.some((row) => projectionsByType.has(row.type))
          const first = yield* (atomic ? insert(version, rows) : sql.withTransaction(insert(version, rows)))
          return [version, first] as const
        })
      return written.pipe(
        Effect.map(([before, first]): AppendResult => ({
          streamId: prepared.streamId,
          version: before + count,
          firstPosition: first,
          lastPosition: first + count - 1
        })),
        Effect.tap((result) => SubscriptionRef.update(localHead, (head) => Math.max(head, result.lastPosition))),
        Effect.catchAll((error): Effect.Effect<undefined, ProjectionFailed | StoreUnavailable> => {
          if (error._tag === "PreconditionFailed") return Effect.succeed(undefined)
          if (error._tag !== "SqlError") return Effect.fail(error)
          return dialect.isUniqueViolation(error) ? Effect.succeed(undefined) : Effect.fail(unavailable("append")(error))
        })
      )
    }

    const findOriginal = (eventIds: ReadonlyArray<string>) =>
      sql<StoredRow>`SELECT ${sql.literal(columns)} FROM strata_events
        WHERE ${sql.in("event_id", eventIds)} ORDER BY position`.pipe(
        Effect.map((rows) => rows.map(toRecordedEvent)),
        Effect.mapError(unavailable("read events by id"))
      )

    const append: EventStoreService["append"] = (streamId, events, expected) =>
      Effect.gen(function*() {
        const prepared = yield* prepareAppend(streamId, events, expected)
        const recordedAt = new Date(yield* Clock.currentTimeMillis).toISOString()
        let attempts = 0
        while (true) {
          attempts++
          const current = prepared.needsCurrentVersion && attempts === 1 ? yield* streamVersion(streamId) : undefined
          const outcome = yield* settleAttempt({
            prepared,
            current,
            attempts,
            tryAt: (version) => attempt(prepared, version, recordedAt),
            findOriginal,
            fenceState,
            streamVersion: streamVersion(streamId)
          })
          if (outcome !== "retry") return outcome
        }
      })

    const readStream: EventStoreService["readStream"] = (streamId, options = {}) => {
      const limit = options.limit === undefined ? sql`` : sql`LIMIT ${options.limit}`
      const query = options.direction === "backwards"
        ? sql<StoredRow>`SELECT ${sql.literal(columns)} FROM strata_events WHERE stream_id = ${streamId}
            ${options.from === undefined ? sql`` : sql`AND version <= ${options.from}`} ORDER BY version DESC ${limit}`
        : sql<StoredRow>`SELECT ${sql.literal(columns)} FROM strata_events
            WHERE stream_id = ${streamId} AND version >= ${options.from ?? 1} ORDER BY version ASC ${limit}`
      return query.pipe(Effect.map((rows) => rows.map(toRecordedEvent)), Effect.mapError(unavailable("read stream")))
    }

    const readAll: EventStoreService["readAll"] = ({ after, limit }) =>
      sql<StoredRow>`SELECT ${sql.literal(columns)} FROM strata_events
        WHERE position > ${after} ORDER BY position LIMIT ${limit}`.pipe(
        Effect.map((rows) => rows.map(toRecordedEvent)),
        Effect.mapError(unavailable("read log"))
      )

    const head = sql<{ head: number | string }>`SELECT head FROM strata_log WHERE id = 1`.pipe(
      Effect.map((rows) => toNumber(rows[0]?.head)),
      Effect.mapError(unavailable("read head"))
    )

    const fence: EventStoreService["fence"] = (reason) =>
      Effect.gen(function*() {
        const now = new Date(yield* Clock.currentTimeMillis).toISOString()
        // Updating the head row waits for appends in flight and makes later ones see the fence.
        yield* sql`UPDATE strata_log SET fenced_at = COALESCE(fenced_at, ${now}),
          fence_reason = COALESCE(fence_reason, ${reason}) WHERE id = 1`.pipe(
          Effect.mapError(unavailable("fence"))
        )
        return (yield* fenceState)!
      })

    const unfence = sql`UPDATE strata_log SET fenced_at = NULL, fence_reason = NULL WHERE id = 1`.pipe(
      Effect.asVoid,
      Effect.mapError(unavailable("unfence"))
    )

    yield* head.pipe(Effect.flatMap((position) => SubscriptionRef.set(localHead, position)))

    const store: EventStoreService = {
      append,
      readStream,
      streamVersion,
      readAll,
      follow: followLog({ readAll, localHead, pollInterval: "100 millis", pageSize: 500 }),
      head,
      fence,
      unfence,
      fenceState
    }
    return store
  })
