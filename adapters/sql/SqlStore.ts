import type { SqlError } from "effect/sql/SqlError"
import { Context, Effect, Layer, Option, type Scope } from "effect"
import { ControlRecords } from "../../application/ports/ControlRecords.ts"
import { EventStore } from "../../application/ports/EventStore.ts"
import { LogCompaction } from "../../application/ports/LogCompaction.ts"
import { LogOperations } from "../../application/ports/LogOperations.ts"
import { ProjectionStore } from "../../application/ports/ProjectionStore.ts"
import { ReadModels } from "../../application/ports/ReadModels.ts"
import { KeyRing } from "../../application/ports/Secrets.ts"
import { SnapshotStore } from "../../application/ports/SnapshotStore.ts"
import * as StateCache from "../../application/ports/StateCache.ts"
import { ApiKeyCache } from "../../application/ports/ApiKeyCache.ts"
import * as ApiKeys from "../../application/features/ApiKeys.ts"
import { ensureProjections } from "../../application/eventsourcing/rebuildProjection.ts"
import { runMigrations } from "../../migrations/runMigrations.ts"
import type { Dialect } from "./Dialect.ts"
import type { Reader } from "./Statements.ts"
import { unavailable } from "./SqlDocuments.ts"
import * as SqlCompaction from "./SqlCompaction.ts"
import * as SqlControlRecords from "./SqlControlRecords.ts"
import * as SqlEventStore from "./SqlEventStore.ts"
import * as SqlProjections from "./SqlProjections.ts"
import * as SqlKeyRing from "./SqlKeyRing.ts"
import * as SqlSnapshotStore from "./SqlSnapshotStore.ts"

/** Streams whose last state this process keeps (see `StateCache`). */
const stateCacheCapacity = 10_000

/**
 * Every port of the store over one SQL client: migrates the schema, then brings the
 * registered projections live. The backend layers only add their client and dialect.
 */
export interface Options<R> {
  readonly follow?: SqlEventStore.FollowOptions<R>
  /**
   * A connection kept for single-statement reads outside transactions, opened once the
   * schema is migrated (SQLite: a second connection, which sees only committed data and
   * never queues behind the writer's transactions).
   */
  readonly reader?: Effect.Effect<Reader, SqlError, Scope.Scope>
}

export const layer = <R = never>(dialect: Dialect, options: Options<R> = {}) =>
  Layer.effectContext(
    Effect.gen(function*() {
      yield* runMigrations(dialect.migrations)
      // Indexes a bulk load set aside are its own to build; others missing are built here.
      yield* SqlEventStore.indexesAtOpen(dialect)
      const { eventStore, logOperations, toEvents } = yield* SqlEventStore.make(dialect, options.follow)
      const reader = options.reader === undefined
        ? Option.none<Reader>()
        : Option.some(yield* options.reader.pipe(Effect.mapError(unavailable("open reader"))))
      const { projectionStore, readModels } = yield* SqlProjections.make(dialect, toEvents, reader)
      const snapshotStore = yield* SqlSnapshotStore.make
      const context = Context.make(EventStore, eventStore).pipe(
        Context.add(LogOperations, logOperations),
        Context.add(ProjectionStore, projectionStore),
        Context.add(ReadModels, readModels),
        Context.add(SnapshotStore, snapshotStore),
        Context.add(KeyRing, yield* SqlKeyRing.make),
        Context.add(StateCache.StateCache, StateCache.make(stateCacheCapacity)),
        Context.add(ApiKeyCache, yield* ApiKeys.keyCache(eventStore)),
        Context.add(ControlRecords, yield* SqlControlRecords.make),
        Context.add(LogCompaction, yield* SqlCompaction.make(dialect))
      )
      yield* ensureProjections.pipe(Effect.provide(context))
      return context
    })
  )
