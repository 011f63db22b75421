import { SqlClient } from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { Clock, Data, type Duration, Effect, Exit, Option, Schedule, Scope, Stream } from "effect"
import { type AppendResult, dataJson, type EventStoreService, type NewEvent } from "../../application/ports/EventStore.ts"
import type { FenceState, LogOperationsService } from "../../application/ports/LogOperations.ts"
import * as Actor from "../../application/eventsourcing/Actor.ts"
import { followLog, makeAppendSignal } from "../../application/eventsourcing/followLog.ts"
import { InlineProjections, Projection } from "../../application/eventsourcing/Projection.ts"
import { ImportRefused, type ProjectionFailed, type StoreUnavailable } from "../../application/ports/StoreError.ts"
import { appendWith, importedOutOfPlace, type PreparedAppend } from "../../application/eventsourcing/appendRules.ts"
import * as Batching from "../../application/eventsourcing/Batching.ts"
import { type DeferrableIndex, type Dialect, type EventRow, type Inserted, toNumber } from "./Dialect.ts"
import { bufferedDocuments, sqlDocuments, unavailable } from "./SqlDocuments.ts"
import * as LogNames from "./LogNames.ts"
import { selectEvents, type StoredRow, toEvents, toRecordedEvent } from "./LogRows.ts"
import type { NameIds } from "./LogNames.ts"
import { compile, execute, LongStatements } from "./Statements.ts"

const toRow = (prepared: PreparedAppend, version: number, recordedAt: string, ids: NameIds, streamRef: number | undefined) => (event: NewEvent, index: number): EventRow => ({
  stream_ref: streamRef,
  type_ref: ids.type(event.type),
  actor_ref: ids.actor(event.metadata?.actor),
  event_id: event.eventId,
  stream_id: prepared.streamId,
  version: version + index + 1,
  type: event.type,
  schema_version: event.schemaVersion ?? 1,
  data: prepared.data[index]!,
  actor: event.metadata?.actor ?? null,
  correlation_id: event.metadata?.correlationId ?? null,
  causation_id: event.metadata?.causationId ?? null,
  recorded_at: recordedAt
})

/** The log refused the append before writing: fenced, or the stream moved. */
class PreconditionFailed extends Data.TaggedError("PreconditionFailed") {}

/** One append, as the group commit takes it. */
interface Write {
  readonly expectedVersion: number
  readonly rows: ReadonlyArray<EventRow>
}

/**
 * The control record a bulk load keeps while the log's indexes are set aside: written in
 * the transaction that drops them, removed in the one that builds them again. A store
 * opening meanwhile — every serving process opens a cutover's target as soon as the
 * cutover is recorded — leaves them to the load, whose last step builds them.
 */
const setAsideRecord = "log-indexes-set-aside"

/** Which deferrable indexes are missing, and whether a bulk load set them aside. */
const indexState = (dialect: Dialect) =>
  Effect.flatMap(Effect.service(SqlClient), (sql) =>
    Effect.all({
      missing: Effect.filter(dialect.deferrableIndexes, (index) => Effect.map(sql.unsafe(index.present), (rows) => rows.length === 0)),
      setAside: Effect.map(sql`SELECT value FROM strata_control WHERE name = ${setAsideRecord}`, (rows) => rows.length > 0)
    }))

/**
 * Runs `work` in a transaction holding the indexes' lock across processes (see
 * `Dialect.lockIndexes`), so that whoever comes second finds the first one's work done.
 * Building an index over a large log is long by nature: no statement bound applies, to it
 * or to the wait for the lock.
 */
const underIndexLock = <A, E, R>(dialect: Dialect, work: Effect.Effect<A, E, R>) =>
  Effect.flatMap(Effect.service(SqlClient), (sql) =>
    sql.withTransaction(dialect.lockIndexes === undefined ? work : Effect.andThen(sql.unsafe(dialect.lockIndexes), work))).pipe(
      Effect.provideService(LongStatements, true)
    )

const create = (index: DeferrableIndex) =>
  Effect.flatMap(Effect.service(SqlClient), (sql) => Effect.forEach(index.create, (statement) => sql.unsafe(statement), { discard: true }))

/**
 * Builds the deferrable indexes that are missing and ends a bulk load's setting aside: the
 * load's last step, or whoever takes a killed load over. One process at a time; the next
 * finds nothing to do.
 */
export const buildIndexes = (dialect: Dialect) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient
    const outside = yield* indexState(dialect)
    if (outside.missing.length === 0 && !outside.setAside) return
    yield* underIndexLock(dialect, Effect.gen(function*() {
      const { missing } = yield* indexState(dialect)
      yield* Effect.forEach(missing, create, { discard: true })
      yield* sql`DELETE FROM strata_control WHERE name = ${setAsideRecord}`
    }))
  }).pipe(Effect.mapError(unavailable("build the log's indexes")))

/**
 * As a store opens: indexes a bulk load set aside are left to it (it builds them at its
 * end; one that was killed, whoever runs it again). Missing ones no load claims — left by a
 * load killed under an earlier version — are built, by one process at a time.
 */
export const indexesAtOpen = (dialect: Dialect) =>
  Effect.gen(function*() {
    const outside = yield* indexState(dialect)
    if (outside.missing.length === 0) return
    if (outside.setAside) {
      return yield* Effect.logDebug("the log's indexes are set aside by a bulk load, which builds them at its end; left to it")
    }
    yield* underIndexLock(dialect, Effect.gen(function*() {
      const { missing, setAside } = yield* indexState(dialect)
      if (!setAside) yield* Effect.forEach(missing, create, { discard: true })
    }))
  }).pipe(Effect.mapError(unavailable("build the log's indexes")))

/** Appends per group commit. */
const maxGroup = 64

export interface FollowOptions<R> {
  /** How often followers look for what other processes appended (default 100 ms). */
  readonly pollInterval?: Duration.Input
  /** Where the database announces appends of other processes (Postgres LISTEN): followers wake at once. */
  readonly announcements?: Stream.Stream<unknown, SqlError, R>
}

export const make = <R = never>(dialect: Dialect, follow: FollowOptions<R> = {}) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient
    const projections = yield* InlineProjections
    const signal = makeAppendSignal()
    const log = dialect.log
    const column = log.column
    const select = sql.literal(selectEvents(dialect))
    const names = LogNames.make(sql, dialect.names)
    const namedRows = toEvents(sql, dialect)
    // Listening takes a connection of its own: only once somebody follows the log (short
    // commands never do), for as long as the store lives. A lost listening connection falls
    // back to polling until it is back.
    const scope = yield* Scope.Scope
    const context = yield* Effect.context<R>()
    let listening = false
    const listen = Effect.suspend(() => {
      if (follow.announcements === undefined || listening) return Effect.void
      listening = true
      return follow.announcements.pipe(
        Stream.runForEach(() => Effect.sync(signal.notify)),
        Effect.catchCause((cause) => Effect.logDebug("listening for appends failed", cause)),
        Effect.repeat(Schedule.spaced("1 second")),
        Effect.provide(context),
        Effect.forkIn(scope),
        Effect.asVoid
      )
    })

    const projectionsByType = new Map<string, Array<Projection>>()
    for (const projection of projections) {
      for (const type of projection.eventTypes) {
        projectionsByType.set(type, [...(projectionsByType.get(type) ?? []), projection])
      }
    }

    const streamVersion = (streamId: string) =>
      sql<{ version: number | string | null }>`SELECT MAX(e.version) AS version FROM strata_events e
        WHERE ${log.streamIs(sql, streamId)}`.pipe(
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

    const liveProjections = compile(sql`SELECT name, generation, version FROM strata_projections WHERE status = ${"live"}`)

    const applyInline = (rows: ReadonlyArray<EventRow>, firstPosition: number) =>
      Effect.gen(function*() {
        const relevant = new Set(rows.flatMap((row) => projectionsByType.get(row.type) ?? []))
        if (relevant.size === 0) return
        const live = yield* execute<{ name: string; generation: number; version: number }>(sql, liveProjections, ["live"])
        for (const projection of relevant) {
          const generation = live.find((row) => row.name === projection.name && toNumber(row.version) === projection.version)
          // Not live yet: the rebuild under way will apply these events from the log.
          if (generation === undefined) continue
          // Many events at once (an import, a large append): their documents are written
          // together at the end, as a rebuild writes them; one event writes straight through.
          const events = rows.flatMap((row, index) =>
            // Copied rows carry their own positions (with a compacted log's gaps); appended ones follow the first.
            projection.eventTypes.includes(row.type)
              ? [toRecordedEvent({ ...row, position: "position" in row ? (row as StoredRow).position : firstPosition + index })]
              : []
          )
          const buffered = rows.length > 1 ? bufferedDocuments(sql, dialect, projection.name, toNumber(generation.generation)) : undefined
          if (buffered) yield* buffered.prefetch(Projection.readsOf(projection, events))
          const documents = buffered?.documents ?? sqlDocuments(sql, projection.name, toNumber(generation.generation))
          for (const event of events) {
            yield* Projection.applyEvent(projection, event, documents)
          }
          if (buffered) yield* buffered.flush
        }
      })

    /** More rows than one statement takes, or inline projections to apply alongside. */
    const needsTransaction = (rows: ReadonlyArray<EventRow>) =>
      rows.length > dialect.maxRowsPerInsert || rows.some((row) => projectionsByType.has(row.type))

    /** Inserts at `expectedVersion` and applies the inline projections; the first position and the stream's id. */
    const insert = (expectedVersion: number, rows: ReadonlyArray<EventRow>) =>
      Effect.gen(function*() {
        let written: Inserted | undefined
        for (let offset = 0; offset < rows.length; offset += dialect.maxRowsPerInsert) {
          // Later chunks go to the stream the first one found.
          const chunk = written === undefined
            ? rows.slice(offset, offset + dialect.maxRowsPerInsert)
            : rows.slice(offset, offset + dialect.maxRowsPerInsert).map((row) => ({ ...row, stream_ref: written!.streamRef }))
          const inserted = yield* dialect.insertEvents(sql, expectedVersion + offset, chunk)
          if (inserted === undefined) return yield* new PreconditionFailed()
          written ??= inserted
        }
        yield* applyInline(rows, written!.first)
        return written!
      })

    /** The hot path: one statement, no transaction, no generator. */
    const insertAtomically = (expectedVersion: number, rows: ReadonlyArray<EventRow>) =>
      dialect.insertEvents(sql, expectedVersion, rows).pipe(
        Effect.flatMap((inserted) => inserted === undefined ? Effect.fail(new PreconditionFailed()) : Effect.succeed(inserted))
      )

    const insertAlone = ({ expectedVersion, rows }: Write) =>
      needsTransaction(rows) ? sql.withTransaction(insert(expectedVersion, rows)) : insertAtomically(expectedVersion, rows)

    /** The append wrote nothing: its precondition failed, or it lost a race to a unique index. */
    const refused = (error: { readonly _tag: string }) =>
      error._tag === "PreconditionFailed" || (error._tag === "SqlError" && dialect.isUniqueViolation(error as SqlError))

    /**
     * Group commit: appends arriving together share one transaction (see `Batching`); on
     * SQLite an append alone costs 47 µs, ten in one transaction 19 µs each. A refused append
     * wrote nothing (its one statement failed as a whole) and leaves the others be; any
     * other failure fails the transaction, and each append is tried again alone.
     */
    const oneAfterAnother = (writes: ReadonlyArray<Write>) =>
      sql.withTransaction(Effect.forEach(writes, ({ expectedVersion, rows }) =>
        insert(expectedVersion, rows).pipe(
          Effect.map(Exit.succeed),
          Effect.catch((error) => refused(error) ? Effect.succeed(Exit.fail(error)) : Effect.fail(error))
        )))

    /** Where the backend writes a group in one statement: then its projections, in the same transaction. */
    const inOneStatement = (insertGroup: NonNullable<Dialect["insertGroup"]>) => (writes: ReadonlyArray<Write>) => {
      const group = Effect.gen(function*() {
        const firsts = yield* insertGroup(sql, writes)
        // The appends written follow each other in the log, in the order given.
        const written = writes.filter((_, index) => firsts[index] !== undefined)
        const first = firsts.find((position) => position !== undefined)
        if (first !== undefined) yield* applyInline(written.flatMap(({ rows }) => rows), first)
        return firsts.map((position) =>
          position === undefined ? Exit.fail(new PreconditionFailed()) : Exit.succeed<Inserted>({ first: position, streamRef: 0 })
        )
      })
      return writes.some(({ rows }) => needsTransaction(rows)) ? sql.withTransaction(group) : group
    }

    const groupCommit = Batching.make({
      alone: insertAlone,
      together: dialect.insertGroup === undefined ? oneAfterAnother : inOneStatement(dialect.insertGroup)
    }, { maxBatch: maxGroup, scope, gather: true })

    /** Appends larger than one statement are written alone: a group could only refuse them whole by failing. */
    const write = (expectedVersion: number, rows: ReadonlyArray<EventRow>) =>
      rows.length <= dialect.maxRowsPerInsert
        ? groupCommit({ expectedVersion, rows })
        : insertAlone({ expectedVersion, rows })

    /**
     * One attempt. At a known version it is optimistic: a single statement where it can
     * be. At `"current"` (a version-agnostic append that lost a race) it reads the
     * version under the log's lock, so it cannot lose again.
     */
    const attempt = (prepared: PreparedAppend, version: number | "current", recordedAt: string) => {
      const count = prepared.events.length
      const inserted = (ids: NameIds, streamRef: number | undefined) => {
        const rowsAt = (expectedVersion: number) => prepared.events.map(toRow(prepared, expectedVersion, recordedAt, ids, streamRef))
        return version === "current"
          ? sql.withTransaction(Effect.gen(function*() {
            yield* dialect.lockLog(sql)
            const current = yield* streamVersion(prepared.streamId)
            if (prepared.expected._tag === "StreamExists" && current === 0) return yield* new PreconditionFailed()
            return [current, yield* insert(current, rowsAt(current))] as const
          }))
          : Effect.map(write(version, rowsAt(version)), (written) => [version, written] as const)
      }
      const tried = Effect.flatMap(names.resolve(prepared.events), (ids) => {
        const streamRef = ids.stream(prepared.streamId)
        return streamRef === undefined
          // The statement found the stream's id, or gave a new stream the next: remembered once written.
          ? Effect.tap(inserted(ids, streamRef), ([, written]) => names.learn(prepared.streamId, written.streamRef))
          : inserted(ids, streamRef)
      })
      return tried.pipe(
        Effect.map(([before, written]): AppendResult => ({
          streamId: prepared.streamId,
          version: before + count,
          firstPosition: written.first,
          lastPosition: written.first + count - 1
        })),
        Effect.tap(() => Effect.sync(signal.notify)),
        Effect.catch((error): Effect.Effect<undefined, ProjectionFailed | StoreUnavailable> => {
          if (error._tag === "PreconditionFailed") return Effect.succeed(undefined)
          if (error._tag !== "SqlError") return Effect.fail(error)
          return dialect.isUniqueViolation(error) ? Effect.succeed(undefined) : Effect.fail(unavailable("append")(error))
        })
      )
    }

    const findOriginal = (eventIds: ReadonlyArray<string>) =>
      sql<StoredRow>`${select} WHERE ${sql.literal(column.eventId)} IN ${sql.in(eventIds.map(log.storedId))}
        ORDER BY ${sql.literal(column.position)}`.pipe(
        Effect.flatMap(namedRows),
        Effect.mapError(unavailable("read events by id"))
      )

    const append = appendWith({
      tryAt: attempt,
      findOriginal,
      fenceState,
      streamVersion
    })

    const readStream: EventStoreService["readStream"] = (streamId, options = {}) => {
      const limit = options.limit === undefined ? sql`` : sql`LIMIT ${options.limit}`
      const version = sql.literal(column.version)
      const query = options.direction === "backwards"
        ? sql<StoredRow>`${select} WHERE ${log.streamIs(sql, streamId)}
            ${options.from === undefined ? sql`` : sql`AND ${version} <= ${options.from}`} ORDER BY ${version} DESC ${limit}`
        : sql<StoredRow>`${select}
            WHERE ${log.streamIs(sql, streamId)} AND ${version} >= ${options.from ?? 1} ORDER BY ${version} ASC ${limit}`
      // Its name is the one asked for.
      return query.pipe(Effect.map((rows) => rows.map((row) => toRecordedEvent(row, streamId))), Effect.mapError(unavailable("read stream")))
    }

    const readAll: EventStoreService["readAll"] = ({ after, limit }) =>
      sql<StoredRow>`${select}
        WHERE ${sql.literal(column.position)} > ${after} ORDER BY ${sql.literal(column.position)} LIMIT ${limit}`.pipe(
        Effect.flatMap(namedRows),
        Effect.mapError(unavailable("read log"))
      )

    /**
     * `Actor.isOwners` and `Actor.isKeys` in SQL. Compared with `substr`, not `LIKE`: SQLite's
     * `LIKE` ignores case, Postgres' does not, and an owner's name would need its wildcards
     * escaped. Lengths are in characters on both (`Actor.characters`).
     */
    const actor = sql.literal(column.actor)
    const ownerCondition = (owner: string) => {
      const prefix = Actor.keyPrefix(owner)
      const length = Actor.characters(prefix)
      return sql`(${actor} = ${Actor.adminFor(owner)} OR (substr(${actor}, 1, ${length}) = ${prefix} AND substr(${actor}, ${length + 1}) NOT LIKE '% %'))`
    }
    const keyCondition = (keyId: string) => {
      const suffix = Actor.keySuffix(keyId)
      const length = Actor.characters(suffix)
      return sql`(length(${actor}) >= ${length} AND substr(${actor}, length(${actor}) - ${length - 1}) = ${suffix})`
    }
    /** A stream id's start, compared as the owner's above (no `LIKE`: case, and `_` in ids). */
    const streamPrefixCondition = (prefix: string) =>
      sql`substr(${sql.literal(column.streamId)}, 1, ${Actor.characters(prefix)}) = ${prefix}`

    const query: EventStoreService["query"] = (audit) => {
      const position = sql.literal(column.position)
      const recordedAt = sql.literal(column.recordedAt)
      const conditions = [
        sql`${position} > ${audit.after}`,
        ...(audit.eventIds === undefined ? [] : [sql`${sql.literal(column.eventId)} IN ${sql.in(audit.eventIds.map(log.storedId))}`]),
        ...(audit.streamId === undefined ? [] : [log.streamIs(sql, audit.streamId)]),
        ...(audit.streamPrefix === undefined ? [] : [streamPrefixCondition(audit.streamPrefix)]),
        ...(audit.correlationId === undefined ? [] : [sql`${sql.literal(column.correlationId)} = ${log.storedId(audit.correlationId)}`]),
        ...(audit.type === undefined ? [] : [log.typeIn(sql, [audit.type])]),
        ...(audit.actor === undefined ? [] : [sql`${actor} = ${audit.actor}`]),
        ...(audit.owner === undefined ? [] : [ownerCondition(audit.owner)]),
        ...(audit.keyId === undefined ? [] : [keyCondition(audit.keyId)]),
        ...(audit.from === undefined ? [] : [sql`${recordedAt} >= ${audit.from}`]),
        ...(audit.to === undefined ? [] : [sql`${recordedAt} < ${audit.to}`])
      ]
      return sql<StoredRow>`${select} WHERE ${sql.and(conditions)}
        ORDER BY ${position} LIMIT ${audit.limit}`.pipe(
        Effect.flatMap(namedRows),
        Effect.mapError(unavailable("query log"))
      )
    }

    const importEvents: LogOperationsService["importEvents"] = (events, options = {}) =>
      events.length === 0 ? Effect.void : sql.withTransaction(Effect.gen(function*() {
        const head = yield* dialect.lockLog(sql)
        const misplaced = importedOutOfPlace(events, head)
        if (misplaced !== undefined) return yield* new ImportRefused({ reason: misplaced })
        // Under the log's lock: a new stream's id is taken here, where no append can take it too.
        const ids = yield* names.resolveCopied(events)
        const rows = events.map((event) => ({
            position: event.position,
            event_id: event.eventId,
            stream_id: event.streamId,
            version: event.version,
            type: event.type,
            schema_version: event.schemaVersion,
            data: dataJson(event),
            actor: event.metadata.actor ?? null,
            correlation_id: event.metadata.correlationId ?? null,
            causation_id: event.metadata.causationId ?? null,
            recorded_at: event.recordedAt,
            stream_ref: ids.stream(event.streamId),
            type_ref: ids.type(event.type),
            actor_ref: ids.actor(event.metadata.actor)
          }))
        yield* dialect.importRows(sql, rows)
        yield* dialect.advanceHead(sql, events[events.length - 1]!.position)
        if (options.applyProjections) yield* applyInline(rows, events[0]!.position)
      })).pipe(
        Effect.tap(() => Effect.sync(signal.notify)),
        Effect.catchTag("SqlError", (error): Effect.Effect<never, ImportRefused | StoreUnavailable> =>
          dialect.isUniqueViolation(error)
            ? Effect.fail(new ImportRefused({ reason: "an event id or stream version is in the log already" }))
            : Effect.fail(unavailable("import events")(error)))
      )

    const head = dialect.head(sql).pipe(Effect.mapError(unavailable("read head")))

    const blockDigestsSql = dialect.blockDigests
    const blockDigests: LogOperationsService["blockDigests"] = (after, upTo) =>
      blockDigestsSql === undefined
        ? Effect.succeed(Option.none())
        : execute<{ last: number | string; count: number | string; hash: string }>(sql, blockDigestsSql, [after, upTo]).pipe(
          Effect.map((rows) => Option.some(rows.map((row) => ({ last: toNumber(row.last), count: toNumber(row.count), hash: row.hash })))),
          Effect.mapError(unavailable("hash the log"))
        )

    const buildIndexesHere = Effect.provideService(buildIndexes(dialect), SqlClient, sql)

    // The record saying so and the drops commit together: a store opening never sees
    // indexes missing without knowing that a load has them.
    const setIndexesAside = Effect.provideService(
      underIndexLock(dialect, Effect.gen(function*() {
        const now = new Date(yield* Clock.currentTimeMillis).toISOString()
        yield* sql`INSERT INTO strata_control (name, value, version) VALUES (${setAsideRecord}, ${JSON.stringify({ since: now })}, 1)
          ON CONFLICT (name) DO UPDATE SET value = excluded.value, version = strata_control.version + 1`
        yield* Effect.forEach(dialect.deferrableIndexes.flatMap((index) => index.drop), (statement) => sql.unsafe(statement), { discard: true })
      })),
      SqlClient,
      sql
    ).pipe(Effect.mapError(unavailable("set the log's indexes aside")))

    const bulkLoad: LogOperationsService["bulkLoad"] = (load) =>
      setIndexesAside.pipe(
        // Built again however the load ends.
        Effect.andThen(Effect.exit(load)),
        Effect.flatMap((exit) => Effect.andThen(buildIndexesHere, exit))
      )

    const fence: LogOperationsService["fence"] = (reason) =>
      Effect.gen(function*() {
        const now = new Date(yield* Clock.currentTimeMillis).toISOString()
        // Updating the head row waits for appends in flight and makes later ones see the fence.
        yield* sql`UPDATE strata_log SET fenced_at = COALESCE(fenced_at, ${now}),
          fence_reason = ${reason} WHERE id = 1`.pipe(
          Effect.mapError(unavailable("fence"))
        )
        return (yield* fenceState)!
      })

    const unfence = sql`UPDATE strata_log SET fenced_at = NULL, fence_reason = NULL WHERE id = 1`.pipe(
      Effect.asVoid,
      Effect.mapError(unavailable("unfence"))
    )

    const eventStore: EventStoreService = {
      append,
      readStream,
      streamVersion,
      readAll,
      query,
      follow: (after) =>
        Stream.unwrap(Effect.as(listen, followLog({ readAll, signal, pollInterval: follow.pollInterval ?? "100 millis", pageSize: 500 })(after))),
      head
    }
    const logOperations: LogOperationsService = {
      importEvents,
      bulkLoad,
      buildIndexes: buildIndexesHere,
      blockDigests,
      fence,
      unfence,
      fenceState
    }
    // The names of streams the log's reads learned serve a rebuild's reads too.
    return { eventStore, logOperations, toEvents: namedRows }
  })
