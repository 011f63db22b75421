import { Clock, Context, Effect, Layer, Option, Semaphore } from "effect"
import { ControlRecords, type ControlRecord, type ControlRecordsService } from "../../application/ports/ControlRecords.ts"
import type {
  AppendResult,
  EventStoreService,
  NewEvent,
  ReadAllOptions,
  RecordedEvent
} from "../../application/ports/EventStore.ts"
import { auditMatches } from "../../application/eventsourcing/auditMatches.ts"
import { type FenceState, LogOperations, type LogOperationsService } from "../../application/ports/LogOperations.ts"
import { EventStore } from "../../application/ports/EventStore.ts"
import { type EventRef, LogCompaction, type LogCompactionService } from "../../application/ports/LogCompaction.ts"
import { appendWith, importedOutOfPlace, type PreparedAppend } from "../../application/eventsourcing/appendRules.ts"
import { type DocumentMap, listDocuments, overlayDocuments, viaJson } from "../../application/eventsourcing/DocumentOverlay.ts"
import { followLog, makeAppendSignal } from "../../application/eventsourcing/followLog.ts"
import { type Document, InlineProjections, Projection } from "../../application/eventsourcing/Projection.ts"
import { ProjectionStore, type ProjectionStoreService, type RebuildProgress } from "../../application/ports/ProjectionStore.ts"
import { ReadModels, type ReadModelsService } from "../../application/ports/ReadModels.ts"
import { KeyRing, type KeyRingService, type WrappedKey } from "../../application/ports/Secrets.ts"
import { SnapshotStore, type SnapshotStoreService } from "../../application/ports/SnapshotStore.ts"
import * as StateCache from "../../application/ports/StateCache.ts"
import { ApiKeyCache } from "../../application/ports/ApiKeyCache.ts"
import * as ApiKeys from "../../application/features/ApiKeys.ts"
import { ensureProjections } from "../../application/eventsourcing/rebuildProjection.ts"
import { ImportRefused, type ProjectionFailed, ProjectionNotReady, StoreFenced, StoreUnavailable } from "../../application/ports/StoreError.ts"

interface GenerationRow {
  readonly name: string
  readonly generation: number
  readonly version: number
  status: "live" | "building" | "retired"
  checkpoint: number
}

const generationKey = (projection: string, generation: number) => `${projection}\u0000${generation}`

/**
 * The whole store in process memory: for tests, and for embedding where durability is not
 * wanted. It passes the same contract suite as the SQL backends. One lock plays the part
 * of the log's head row: appends, fences and the last step of a rebuild take it.
 */
export const make = Effect.gen(function*() {
  const projections = yield* InlineProjections
  const writeLock = yield* Semaphore.make(1)
  const signal = makeAppendSignal()

  // Indexed by position - 1; a compaction leaves holes (`undefined`) where events left.
  const log: Array<RecordedEvent | undefined> = []
  /** Each stream's events in version order; compaction can leave gaps in the versions. */
  const streams = new Map<string, Array<RecordedEvent>>()
  const lastVersion = (stream: ReadonlyArray<RecordedEvent> | undefined) => stream?.at(-1)?.version ?? 0
  const present = (events: ReadonlyArray<RecordedEvent | undefined>) => events.filter((event) => event !== undefined)
  const byId = new Map<string, RecordedEvent>()
  const generations: Array<GenerationRow> = []
  const documents = new Map<string, DocumentMap>()
  const snapshots = new Map<string, { revision: number; version: number; state: unknown }>()
  let fenced: FenceState | undefined

  const documentsOf = (projection: string, generation: number) => {
    const key = generationKey(projection, generation)
    let map = documents.get(key)
    if (map === undefined) documents.set(key, map = new Map())
    return map
  }

  /** Applies events to a generation through an overlay; the returned commit makes it stick. */
  const stage = (
    projection: Projection,
    generation: number,
    events: ReadonlyArray<RecordedEvent>
  ): Effect.Effect<() => void, ProjectionFailed> =>
    Effect.gen(function*() {
      const base = documentsOf(projection.name, generation)
      const overlay = new Map<string, Document | null>()
      const view = overlayDocuments(base, overlay)
      for (const event of events) {
        if (!projection.eventTypes.includes(event.type)) continue
        yield* Projection.applyEvent(projection, event, view)
      }
      return () => {
        for (const [key, document] of overlay) {
          if (document === null) base.delete(key)
          else base.set(key, document)
        }
      }
    })

  /** Applies events to every live projection: all stage their writes first, so a failing one leaves nothing behind. */
  const stageProjections = (events: ReadonlyArray<RecordedEvent>) =>
    Effect.gen(function*() {
      const commits = yield* Effect.forEach(projections, (projection) => {
        const row = generations.find((row) =>
          row.name === projection.name && row.status === "live" && row.version === projection.version
        )
        return row === undefined ? Effect.succeed(() => {}) : stage(projection, row.generation, events)
      })
      commits.forEach((commit) => commit())
    })

  const streamVersion = (streamId: string) => Effect.sync(() => lastVersion(streams.get(streamId)))

  const tryAt = (prepared: PreparedAppend, version: number | "current", recordedAt: string) =>
    writeLock.withPermits(1)(Effect.gen(function*() {
      const stream = streams.get(prepared.streamId) ?? []
      const expectedVersion = version === "current" ? lastVersion(stream) : version
      if (version === "current" && prepared.expected._tag === "StreamExists" && stream.length === 0) return undefined
      if (fenced !== undefined || lastVersion(stream) !== expectedVersion) return undefined
      if (prepared.events.some((event) => byId.has(event.eventId))) return undefined
      const first = log.length + 1
      const recorded = prepared.events.map((event: NewEvent, index): RecordedEvent => ({
        eventId: event.eventId,
        streamId: prepared.streamId,
        version: expectedVersion + index + 1,
        position: first + index,
        type: event.type,
        schemaVersion: event.schemaVersion ?? 1,
        data: JSON.parse(prepared.data[index]!),
        metadata: viaJson(event.metadata ?? {}),
        recordedAt
      }))
      yield* stageProjections(recorded)
      log.push(...recorded)
      streams.set(prepared.streamId, [...stream, ...recorded])
      for (const event of recorded) byId.set(event.eventId, event)
      const result: AppendResult = {
        streamId: prepared.streamId,
        version: expectedVersion + recorded.length,
        firstPosition: first,
        lastPosition: first + recorded.length - 1
      }
      signal.notify()
      return result
    }))

  const fenceState = Effect.sync(() => fenced)

  const append = appendWith({
    tryAt,
    findOriginal: (ids) =>
      Effect.sync(() =>
        ids.flatMap((id) => {
          const event = byId.get(id)
          return event === undefined ? [] : [event]
        }).sort((a, b) => a.position - b.position)
      ),
    fenceState,
    streamVersion
  })

  const readAll = ({ after, limit }: ReadAllOptions) =>
    Effect.sync(() => {
      const page: Array<RecordedEvent> = []
      for (let index = Math.max(0, after); index < log.length && page.length < limit; index++) {
        const event = log[index]
        if (event !== undefined) page.push(event)
      }
      return page
    })

  const eventStore: EventStoreService = {
    append,
    readStream: (streamId, options = {}) =>
      Effect.sync(() => {
        const stream = streams.get(streamId) ?? []
        const slice = options.direction === "backwards"
          ? stream.filter((event) => event.version <= (options.from ?? Infinity)).reverse()
          : stream.filter((event) => event.version >= (options.from ?? 1))
        return options.limit === undefined ? slice : slice.slice(0, options.limit)
      }),
    streamVersion,
    readAll,
    query: (audit) =>
      Effect.sync(() =>
        present(log).filter((event) => event.position > audit.after && auditMatches(audit, event)).slice(0, audit.limit)
      ),
    follow: followLog({ readAll, signal, pollInterval: "1 second", pageSize: 500 }),
    head: Effect.sync(() => log.length)
  }

  const logOperations: LogOperationsService = {
    // No index to set aside.
    bulkLoad: (load) => load,
    buildIndexes: Effect.void,
    blockDigests: () => Effect.succeed(Option.none()),
    importEvents: (events, options = {}) =>
      writeLock.withPermits(1)(Effect.gen(function*() {
        const misplaced = importedOutOfPlace(events, log.length)
        if (misplaced !== undefined) return yield* new ImportRefused({ reason: misplaced })
        const versions = new Map<string, number>()
        for (const event of events) {
          const version = versions.get(event.streamId) ?? lastVersion(streams.get(event.streamId))
          if (byId.has(event.eventId) || event.version <= version) {
            return yield* new ImportRefused({ reason: "an event id or stream version is in the log already" })
          }
          versions.set(event.streamId, event.version)
        }
        const copies = events.map(viaJson)
        if (options.applyProjections) yield* stageProjections(copies)
        for (const copy of copies) {
          // A compacted log's copy keeps its holes.
          log.length = copy.position - 1
          log.push(copy)
          streams.set(copy.streamId, [...(streams.get(copy.streamId) ?? []), copy])
          byId.set(copy.eventId, copy)
        }
        signal.notify()
      })),
    fence: (reason) =>
      writeLock.withPermits(1)(Effect.gen(function*() {
        const fencedAt = new Date(yield* Clock.currentTimeMillis).toISOString()
        fenced = { reason, fencedAt: fenced?.fencedAt ?? fencedAt }
        return fenced
      })),
    unfence: writeLock.withPermits(1)(Effect.sync(() => void (fenced = undefined))),
    fenceState
  }

  const liveOf = (projection: string) => generations.find((row) => row.name === projection && row.status === "live")?.generation

  const liveGeneration = (projection: string) => {
    const generation = liveOf(projection)
    return generation === undefined ? Effect.fail(new ProjectionNotReady({ projection })) : Effect.succeed(generation)
  }

  const readModels: ReadModelsService = {
    get: (projection, key) =>
      Effect.map(liveGeneration(projection), (generation) =>
        Option.map(Option.fromNullishOr(documentsOf(projection, generation).get(key)), (document) => viaJson(document.doc))),
    peek: (projection, key) => {
      const generation = liveOf(projection)
      const document = generation === undefined ? undefined : documentsOf(projection, generation).get(key)
      return document === undefined ? undefined : viaJson(document.doc)
    },
    list: (projection, query) =>
      Effect.map(liveGeneration(projection), (generation) =>
        listDocuments([...documentsOf(projection, generation).values()], query))
  }

  const find = (name: string) => {
    const projection = projections.find((candidate) => candidate.name === name)
    return projection === undefined
      ? Effect.fail(new StoreUnavailable({ operation: "rebuild", reason: `no projection named ${name} is registered` }))
      : Effect.succeed(projection)
  }

  const startRebuild: ProjectionStoreService["startRebuild"] = (name) =>
    Effect.gen(function*() {
      const projection = yield* find(name)
      for (const row of generations) if (row.name === name && row.status === "building") row.status = "retired"
      const generation = Math.max(0, ...generations.filter((row) => row.name === name).map((row) => row.generation)) + 1
      generations.push({ name, generation, version: projection.version, status: "building", checkpoint: 0 })
      return { name, generation, checkpoint: 0, head: log.length, live: false } satisfies RebuildProgress
    })

  const rebuildStep: ProjectionStoreService["rebuildStep"] = (name, chunkSize) =>
    Effect.gen(function*() {
      const projection = yield* find(name)
      const building = generations.find((row) => row.name === name && row.status === "building")
      if (building === undefined) {
        const live = generations.find((row) => row.name === name && row.status === "live" && row.version === projection.version)
        if (live === undefined) return yield* startRebuild(name)
        for (const row of generations.filter((row) => row.name === name && row.status === "retired")) {
          documents.delete(generationKey(name, row.generation))
          generations.splice(generations.indexOf(row), 1)
        }
        return { name, generation: live.generation, checkpoint: log.length, head: log.length, live: true }
      }
      const head = log.length
      if (head - building.checkpoint > chunkSize) {
        const upTo = building.checkpoint + chunkSize
        const commit = yield* stage(projection, building.generation, present(log.slice(building.checkpoint, upTo)))
        commit()
        building.checkpoint = upTo
        return { name, generation: building.generation, checkpoint: upTo, head, live: false }
      }
      return yield* writeLock.withPermits(1)(Effect.gen(function*() {
        const commit = yield* stage(projection, building.generation, present(log.slice(building.checkpoint)))
        commit()
        building.checkpoint = log.length
        for (const row of generations) if (row.name === name && row.status === "live") row.status = "retired"
        building.status = "live"
        return { name, generation: building.generation, checkpoint: log.length, head: log.length, live: false }
      }))
    })

  const projectionStore: ProjectionStoreService = {
    liveDocuments: (name) =>
      Effect.map(liveGeneration(name), (generation) =>
        viaJson([...documentsOf(name, generation).values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)))),
    status: Effect.sync(() =>
      generations.filter((row) => row.status !== "retired").map((row) => ({ ...row, status: row.status as "live" | "building" }))
    ),
    startRebuild,
    rebuildStep
  }

  const snapshotStore: SnapshotStoreService = {
    load: (streamId, revision) =>
      Effect.sync(() => {
        const snapshot = snapshots.get(streamId)
        return snapshot === undefined || snapshot.revision !== revision
          ? Option.none()
          : Option.some({ version: snapshot.version, state: viaJson(snapshot.state) })
      }),
    save: (streamId, revision, { state, version }) =>
      Effect.sync(() => {
        const existing = snapshots.get(streamId)
        if (existing === undefined || version > existing.version || revision !== existing.revision) {
          snapshots.set(streamId, { revision, version, state: viaJson(state) })
        }
      })
  }

  const keys = new Map<string, WrappedKey>()
  const keyRing: KeyRingService = {
    byOwner: (owner) => Effect.sync(() => [...keys.values()].find((key) => key.owner === owner)),
    byId: (keyId) => Effect.sync(() => keys.get(keyId)),
    insert: (key) =>
      Effect.sync(() => {
        const existing = [...keys.values()].find((candidate) => candidate.owner === key.owner)
        if (existing !== undefined) return existing
        keys.set(key.keyId, key)
        return key
      }),
    destroy: (owner) =>
      Effect.sync(() => {
        for (const [keyId, key] of keys) if (key.owner === owner) keys.delete(keyId)
      }),
    all: Effect.sync(() => [...keys.values()]),
    rewrap: (keyId, masterKeyId, wrapped) =>
      Effect.sync(() => {
        const key = keys.get(keyId)
        if (key !== undefined) keys.set(keyId, { ...key, masterKeyId, wrapped })
      })
  }

  const records = new Map<string, ControlRecord>()
  const controlRecords: ControlRecordsService = {
    get: (name) => Effect.sync(() => Option.fromNullishOr(records.get(name))),
    put: (name, value, expected) =>
      Effect.sync(() => {
        if ((records.get(name)?.version ?? 0) !== expected) return false
        records.set(name, { value, version: expected + 1 })
        return true
      })
  }

  // Under the write lock, as the SQL backends' transaction: all or nothing.
  const compaction: LogCompactionService = {
    oneWriter: true,
    replace: (replacements) =>
      writeLock.withPermits(1)(Effect.suspend(() => {
        if (fenced !== undefined) return Effect.fail(new StoreFenced(fenced))
        const matches = (ref: EventRef, streamId: string) => {
          const event = log[ref.position - 1]
          return event !== undefined && event.eventId === ref.eventId && event.streamId === streamId
        }
        const intact = replacements.every((replacement) =>
          matches(replacement.replaced, replacement.streamId) &&
          replacement.removed.every((ref) => matches(ref, replacement.streamId)))
        if (!intact) return Effect.succeed(false)
        for (const { streamId, removed, replaced, summary } of replacements) {
          const original = log[replaced.position - 1]!
          const standIn: RecordedEvent = {
            ...original,
            eventId: summary.eventId,
            type: summary.type,
            schemaVersion: summary.schemaVersion,
            data: JSON.parse(summary.data),
            metadata: viaJson(summary.metadata)
          }
          const leaving = new Set(removed.map((ref) => ref.position))
          for (const ref of [...removed, replaced]) {
            byId.delete(ref.eventId)
            log[ref.position - 1] = undefined
          }
          log[replaced.position - 1] = standIn
          byId.set(standIn.eventId, standIn)
          streams.set(streamId, streams.get(streamId)!.flatMap((event) =>
            leaving.has(event.position) ? [] : event.position === replaced.position ? [standIn] : [event]))
        }
        return Effect.succeed(true)
      }))
  }

  return Context.make(EventStore, eventStore).pipe(
    Context.add(LogOperations, logOperations),
    Context.add(LogCompaction, compaction),
    Context.add(KeyRing, keyRing),
    Context.add(ControlRecords, controlRecords),
    Context.add(StateCache.StateCache, StateCache.make(10_000)),
    Context.add(ApiKeyCache, yield* ApiKeys.keyCache(eventStore)),
    Context.add(ReadModels, readModels),
    Context.add(ProjectionStore, projectionStore),
    Context.add(SnapshotStore, snapshotStore)
  )
})

/** A fresh, empty store; each `Layer.build` gets its own. */
export const layer = Layer.effectContext(
  Effect.gen(function*() {
    const context = yield* make
    yield* ensureProjections.pipe(Effect.provide(context))
    return context
  })
)
