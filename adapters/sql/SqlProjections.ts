import { SqlClient } from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { Context, Effect, Fiber, Option } from "effect"
import { InlineProjections, Projection } from "../../application/eventsourcing/Projection.ts"
import type { ProjectionStatus, ProjectionStoreService, RebuildProgress } from "../../application/ports/ProjectionStore.ts"
import type { ReadModelsService } from "../../application/ports/ReadModels.ts"
import { ProjectionNotReady, StoreUnavailable } from "../../application/ports/StoreError.ts"
import { type Dialect, toNumber } from "./Dialect.ts"
import { bufferedDocuments, sqlDocuments, unavailable } from "./SqlDocuments.ts"
import { selectEvents, type StoredRow, type ToEvents } from "./LogRows.ts"
import { compile, read, type Reader } from "./Statements.ts"

interface StatusRow {
  readonly name: string
  readonly generation: number | string
  readonly version: number | string
  readonly status: "live" | "building" | "retired"
  readonly checkpoint: number | string
}

const toStatus = (row: StatusRow) => ({
  name: row.name,
  generation: toNumber(row.generation),
  version: toNumber(row.version),
  status: row.status,
  checkpoint: toNumber(row.checkpoint)
})

/**
 * The read side of projections, and their rebuild in generations (see `ProjectionStore`).
 * Lookups outside transactions go to `reader` when the backend keeps one.
 */
export const make = (dialect: Dialect, namedRows: ToEvents, reader: Option.Option<Reader> = Option.none()) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient
    const scope = yield* Effect.scope
    const registered = yield* InlineProjections
    // The live generation as a scalar subquery, so that the lookup is one probe of the
    // primary key: written as a join, SQLite scanned the projection's documents.
    const getLive = compile(sql`SELECT doc FROM strata_documents
      WHERE projection = ${""} AND key = ${""}
        AND generation = (SELECT generation FROM strata_projections WHERE name = ${""} AND status = 'live')`)

    const rows = (name?: string) =>
      (name === undefined
        ? sql<StatusRow>`SELECT name, generation, version, status, checkpoint FROM strata_projections`
        : sql<StatusRow>`SELECT name, generation, version, status, checkpoint FROM strata_projections
            WHERE name = ${name}`).pipe(Effect.map((rows) => rows.map(toStatus)))

    const liveGeneration = (projection: string) =>
      sql<{ generation: number | string }>`SELECT generation FROM strata_projections
        WHERE name = ${projection} AND status = 'live'`.pipe(
        Effect.mapError(unavailable("read projection")),
        Effect.flatMap(([row]) =>
          row === undefined ? Effect.fail(new ProjectionNotReady({ projection })) : Effect.succeed(toNumber(row.generation))
        )
      )

    const now = Option.isSome(reader) ? reader.value.now : undefined

    const readModels: ReadModelsService = {
      // One statement on the hot path; only a miss asks whether the projection is live at all.
      get: (projection, key) =>
        read<{ doc: string }>(sql, reader, getLive, [projection, key, projection]).pipe(
          Effect.mapError(unavailable("read document")),
          Effect.flatMap(([row]) =>
            row === undefined
              ? Effect.as(liveGeneration(projection), Option.none())
              : Effect.succeed(Option.some(JSON.parse(row.doc) as unknown))
          )
        ),
      peek: now === undefined ? () => undefined : (projection, key) => {
        try {
          const [row] = now(getLive, [projection, key, projection]) as ReadonlyArray<{ doc: string }>
          return row === undefined ? undefined : JSON.parse(row.doc) as unknown
        } catch {
          // `get` says what the failure is.
          return undefined
        }
      },
      list: (projection, query) =>
        liveGeneration(projection).pipe(
          Effect.flatMap((generation) => sqlDocuments(sql, projection, generation).list(query))
        )
    }

    const find = (name: string) => {
      const projection = registered.find((candidate) => candidate.name === name)
      return projection === undefined
        ? Effect.fail(new StoreUnavailable({ operation: "rebuild", reason: `no projection named ${name} is registered` }))
        : Effect.succeed(projection)
    }

    /**
     * Starts a new generation. `restart` drops an unfinished one; without it (a rebuild
     * that found none) a generation another process started or finished meanwhile is
     * taken up instead. The log's lock makes processes doing this at once take turns.
     */
    const start = (name: string, restart: boolean) =>
      Effect.gen(function*() {
        const projection = yield* find(name)
        return yield* sql.withTransaction(Effect.gen(function*() {
          const head = yield* dialect.lockLog(sql)
          const existing = yield* rows(name)
          const current = existing.find((row) =>
            row.version === projection.version && (row.status === "building" || row.status === "live")
          )
          if (!restart && current !== undefined) {
            return { name, generation: current.generation, checkpoint: current.checkpoint, head, live: false }
          }
          // An unfinished generation is dropped; its documents go with the retired ones.
          yield* sql`UPDATE strata_projections SET status = 'retired'
            WHERE name = ${name} AND status = 'building'`
          const generation = Math.max(0, ...existing.map((row) => row.generation)) + 1
          yield* sql`INSERT INTO strata_projections (name, generation, version, status, checkpoint)
            VALUES (${name}, ${generation}, ${projection.version}, 'building', 0)`
          return { name, generation, checkpoint: 0, head, live: false }
        }))
      }).pipe(Effect.catchTag("SqlError", (error) => Effect.fail(unavailable("start rebuild")(error))))

    const startRebuild: ProjectionStoreService["startRebuild"] = (name) => start(name, true)

    /**
     * The checkpoint of a generation still building, read under a lock on its row (the
     * write lock on SQLite), so that of processes rebuilding it at once each chunk goes to
     * one: the others find it advanced and go on from there. None: it is not building any
     * more (finished, or dropped by a restart).
     */
    const claimCheckpoint = (name: string, generation: number) =>
      sql<{ checkpoint: number | string }>`UPDATE strata_projections SET checkpoint = checkpoint
        WHERE name = ${name} AND generation = ${generation} AND status = 'building'
        RETURNING checkpoint`.pipe(Effect.map(([row]) => (row === undefined ? undefined : toNumber(row.checkpoint))))

    const eventsIn = (projection: Projection, after: number, upTo: number) =>
      sql<StoredRow>`${sql.literal(selectEvents(dialect))}
        WHERE ${sql.literal(dialect.log.column.position)} > ${after} AND ${sql.literal(dialect.log.column.position)} <= ${upTo}
          AND ${dialect.log.typeIn(sql, projection.eventTypes)} ORDER BY ${sql.literal(dialect.log.column.position)}`

    /**
     * The next chunk's events, read while this chunk is applied: they are committed, so the
     * read needs no transaction, and on Postgres it runs on a connection of its own. Taken
     * by the next step only if it claims exactly that stretch.
     */
    let ahead:
      | {
        readonly key: string
        readonly events: Fiber.Fiber<ReadonlyArray<StoredRow>, SqlError>
      }
      | undefined
    const stretch = (name: string, generation: number, after: number, upTo: number) => `${name}/${generation}/${after}/${upTo}`
    const readAhead = (projection: Projection, generation: number, after: number, upTo: number) =>
      Effect.gen(function*() {
        // Outside this step's transaction: its connection is the step's own.
        const events = yield* eventsIn(projection, after, upTo).pipe(
          Effect.updateContext((context: Context.Context<never>) => Context.omit(sql.transactionService)(context)),
          Effect.forkIn(scope)
        )
        ahead = { key: stretch(projection.name, generation, after, upTo), events }
      })
    const takeAhead = (projection: Projection, generation: number, after: number, upTo: number) =>
      Effect.gen(function*() {
        const taken = ahead
        ahead = undefined
        if (taken === undefined) return undefined
        if (taken.key === stretch(projection.name, generation, after, upTo)) return yield* Fiber.join(taken.events)
        yield* Fiber.interrupt(taken.events)
        return undefined
      })

    const applyRange = (projection: Projection, generation: number, after: number, upTo: number, next?: number) =>
      Effect.gen(function*() {
        const events = (yield* takeAhead(projection, generation, after, upTo)) ?? (yield* eventsIn(projection, after, upTo))
        if (dialect.readsBesideTransactions && next !== undefined && next > upTo) yield* readAhead(projection, generation, upTo, next)
        const { documents, flush, prefetch } = bufferedDocuments(sql, dialect, projection.name, generation)
        const recorded = yield* namedRows(events)
        yield* prefetch(Projection.readsOf(projection, recorded))
        for (const event of recorded) {
          yield* Projection.applyEvent(projection, event, documents)
        }
        yield* flush
        yield* sql`UPDATE strata_projections SET checkpoint = ${upTo}
          WHERE name = ${projection.name} AND generation = ${generation}`
      })

    /** Deletes one chunk of a retired generation's documents; true when none are left. */
    const dropRetired = (name: string, chunkSize: number) =>
      Effect.gen(function*() {
        const retired = (yield* rows(name)).filter((row) => row.status === "retired")
        for (const { generation } of retired) {
          yield* dialect.dropDocuments(sql, name, generation, chunkSize)
          const left = yield* sql`SELECT 1 AS one FROM strata_documents
            WHERE projection = ${name} AND generation = ${generation} LIMIT 1`
          if (left.length > 0) return false
          yield* sql`DELETE FROM strata_projections WHERE name = ${name} AND generation = ${generation}`
        }
        return true
      })

    const rebuildStep: ProjectionStoreService["rebuildStep"] = (name, chunkSize) =>
      Effect.gen(function*() {
        const projection = yield* find(name)
        const building = (yield* rows(name)).find((row) => row.status === "building")
        if (building === undefined) {
          const live = (yield* rows(name)).find((row) => row.status === "live" && row.version === projection.version)
          if (live === undefined) return yield* start(name, false)
          const cleaned = yield* dropRetired(name, chunkSize)
          const head = yield* dialect.head(sql)
          return { name, generation: live.generation, checkpoint: head, head, live: cleaned } satisfies RebuildProgress
        }
        const { generation } = building
        const head = yield* dialect.head(sql)
        if (head - building.checkpoint > chunkSize) {
          return yield* sql.withTransaction(Effect.gen(function*() {
            const checkpoint = yield* claimCheckpoint(name, generation)
            // Another process took this stretch (or finished): go on from where it is now.
            if (checkpoint === undefined || checkpoint >= head) return { name, generation, checkpoint: checkpoint ?? head, head, live: false }
            const upTo = Math.min(checkpoint + chunkSize, head)
            // The stretch after it, if it is a whole chunk (the last one runs under the log's lock, with the head as it is then).
            yield* applyRange(projection, generation, checkpoint, upTo, head - upTo > chunkSize ? upTo + chunkSize : undefined)
            return { name, generation, checkpoint: upTo, head, live: false }
          }))
        }
        // The last stretch runs under the log's write lock, so that no append lands between
        // the end of the replay and the switch of generations.
        const final = yield* sql.withTransaction(Effect.gen(function*() {
          const lockedHead = yield* dialect.lockLog(sql)
          const checkpoint = yield* claimCheckpoint(name, generation)
          if (checkpoint === undefined) return lockedHead
          yield* applyRange(projection, generation, checkpoint, lockedHead)
          yield* sql`UPDATE strata_projections SET status = 'retired' WHERE name = ${name} AND status = 'live'`
          yield* sql`UPDATE strata_projections SET status = 'live'
            WHERE name = ${name} AND generation = ${generation}`
          return lockedHead
        }))
        return { name, generation, checkpoint: final, head: final, live: false }
      }).pipe(Effect.catchTag("SqlError", (error) => Effect.fail(unavailable("rebuild")(error))))

    const liveDocuments: ProjectionStoreService["liveDocuments"] = (name) =>
      liveGeneration(name).pipe(
        Effect.flatMap((generation) =>
          sql<{ key: string; partition: string | null; sort: string; doc: string }>`SELECT key, partition, sort, doc
            FROM strata_documents WHERE projection = ${name} AND generation = ${generation} ORDER BY key`.pipe(
            Effect.map((rows) => rows.map((row) => ({ ...row, doc: JSON.parse(row.doc) }))),
            Effect.mapError(unavailable("read documents"))
          )
        )
      )

    const projectionStore: ProjectionStoreService = {
      liveDocuments,
      status: rows().pipe(
        Effect.map((all) => all.filter((row): row is ProjectionStatus => row.status !== "retired")),
        Effect.mapError(unavailable("read projections"))
      ),
      startRebuild,
      rebuildStep
    }
    return { readModels, projectionStore }
  })
