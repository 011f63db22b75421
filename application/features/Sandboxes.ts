import { Effect, Option, Schema } from "effect"
import { ReferenceData } from "../../domain/ReferenceData.ts"
import * as Sandbox from "../../domain/Sandbox.ts"
import * as Aggregate from "../eventsourcing/Aggregate.ts"
import { EventIds } from "../ports/EventIds.ts"
import { EventStore, type EventMetadata, ExpectedVersion } from "../ports/EventStore.ts"
import * as Idempotency from "../eventsourcing/Idempotency.ts"
import * as Paging from "../eventsourcing/Paging.ts"
import type { CommandMetadata } from "../eventsourcing/Idempotency.ts"
import { Projection } from "../eventsourcing/Projection.ts"
import { ReadModels, type ReadModelsService } from "../ports/ReadModels.ts"

/** Sandboxes and the reference data they are chosen from. */

export const SandboxAggregate: Aggregate.Aggregate<Sandbox.SandboxCommand, Sandbox.SandboxEvent, Sandbox.SandboxState, Sandbox.SandboxRefusal> = {
  category: "sandbox",
  decider: Sandbox.decider,
  events: Sandbox.SandboxEvent,
  state: Sandbox.SandboxState,
  snapshotRevision: 1,
  snapshotEvery: 100
}

// Reference data: published into the log as versioned data.

const referenceStream = "reference-data"
const ReferenceDataPublished = "ReferenceDataPublished"

export class ReferenceDataMissing extends Schema.TaggedError<ReferenceDataMissing>()("ReferenceDataMissing", {}) {
  override get message() {
    return "no reference data has been published"
  }
}

export const referenceDataProjection = Projection.make({
  name: "reference-data",
  version: 1,
  eventTypes: [ReferenceDataPublished],
  apply: (event, documents) => documents.put("current", event.data)
})

/**
 * Publishes this version of the reference data unless the log has it (or a newer one)
 * already. Processes starting together on one database all try: the one that loses the
 * race to append looks again, and finds the version published.
 */
export const publishReferenceData = (data: ReferenceData, metadata?: EventMetadata) =>
  Effect.retry(publishOnce(data, metadata), {
    while: (error) => error._tag === "ConcurrencyConflict",
    // Each lost race means another publication landed; a handful covers any start-up.
    times: 5
  })

const publishOnce = (data: ReferenceData, metadata?: EventMetadata) =>
  Effect.gen(function*() {
    const current = yield* currentReferenceData.pipe(Effect.option)
    if (Option.isSome(current) && current.value.version >= data.version) return current.value
    const store = yield* EventStore
    const version = yield* store.streamVersion(referenceStream)
    const encoded = yield* Schema.encodeEffect(ReferenceData)(data)
    yield* store.append(referenceStream, [{
      eventId: yield* (yield* EventIds).next,
      type: ReferenceDataPublished,
      data: encoded,
      ...(metadata ? { metadata } : {})
    }], ExpectedVersion.exact(version))
    return data
  })

export const currentReferenceData = Effect.gen(function*() {
  const found = yield* (yield* ReadModels).get(referenceDataProjection.name, "current")
  if (Option.isNone(found)) return yield* new ReferenceDataMissing()
  return yield* Schema.decodeUnknownEffect(ReferenceData)(found.value).pipe(Effect.orDie)
})

// Sandboxes

const SandboxDocument = Schema.Struct({
  ...Sandbox.SandboxFields,
  status: Sandbox.Status,
  failureReason: Schema.NullOr(Schema.String),
  createdAt: Schema.String,
  updatedAt: Schema.String,
  version: Schema.Number
})
export type SandboxView = typeof SandboxDocument.Type

export const projection = Projection.make({
  name: "sandboxes",
  version: 1,
  eventTypes: ["SandboxCreated", "SandboxStarting", "SandboxRunning", "SandboxStopping", "SandboxStopped", "SandboxFailed", "SandboxDeleted"],
  reads: (event) => (event.type === "SandboxCreated" ? [] : [event.streamId.slice(`${SandboxAggregate.category}-`.length)]),
  apply: (event, documents) =>
    Effect.gen(function*() {
      const decoded = yield* Aggregate.decodeEvent(SandboxAggregate, event)
      const sandboxId = event.streamId.slice(`${SandboxAggregate.category}-`.length)
      if (decoded._tag === "SandboxCreated") {
        const { addonIds, flavorId, name, owner, tierId } = decoded
        const createdAt = decoded.createdAt === undefined ? event.recordedAt : new Date(decoded.createdAt).toISOString()
        const doc: SandboxView = {
          sandboxId,
          owner,
          name,
          tierId,
          flavorId,
          addonIds,
          status: "pending",
          failureReason: null,
          createdAt,
          updatedAt: createdAt,
          version: event.version
        }
        return yield* documents.put(sandboxId, doc, { partition: owner, sort: `${createdAt}|${sandboxId}` })
      }
      const current = yield* documents.get(sandboxId)
      if (Option.isNone(current)) return
      const previous = current.value as SandboxView
      if (decoded._tag === "SandboxDeleted") return yield* documents.delete(sandboxId)
      const state = Sandbox.evolve({ _tag: "Sandbox", ...previous }, decoded)
      if (state._tag !== "Sandbox") return
      const doc: SandboxView = {
        ...previous,
        status: state.status,
        failureReason: state.failureReason,
        updatedAt: event.recordedAt,
        version: event.version
      }
      return yield* documents.put(sandboxId, doc, { partition: previous.owner, sort: `${previous.createdAt}|${sandboxId}` })
    })
})

export const CreateInput = Schema.Struct({
  name: Schema.String,
  tierId: Schema.String,
  flavorId: Schema.String,
  addonIds: Schema.Array(Schema.String).pipe(Schema.withDecodingDefault(Effect.succeed([])))
})
export type CreateInput = typeof CreateInput.Type


/** The sandbox as a write answers it (see `Idempotency.documentAnswer`). */
const answer = (owner: string, sandboxId: string, handled: Aggregate.Handled<unknown, unknown>) =>
  Idempotency.documentAnswer(
    projection,
    Aggregate.streamOf(SandboxAggregate, sandboxId),
    handled,
    sandboxId,
    get(owner, sandboxId),
    () => new Sandbox.SandboxNotFound({ sandboxId })
  )

export const create = (owner: string, input: CreateInput, metadata?: CommandMetadata) =>
  Effect.gen(function*() {
    const sandboxId = yield* Idempotency.newId(metadata, "sandbox")
    const handled = yield* Aggregate.handle(SandboxAggregate, sandboxId, Sandbox.CreateSandbox.make({ sandboxId, owner, referenceData: yield* currentReferenceData, ...input }), { metadata })
    return yield* answer(owner, sandboxId, handled)
  })

/** The document as `owner` sees it: another owner's sandbox answers exactly like a missing one. */
const visibleTo = (owner: string, document: unknown) =>
  document !== undefined && (document as SandboxView).owner === owner ? document as SandboxView : undefined

// A request reads a sandbox on every call of its client: plain combinators, no generator.
export const get = (owner: string, sandboxId: string) =>
  Effect.flatMap(ReadModels, (readModels) =>
    Effect.flatMap(readModels.get(projection.name, sandboxId), (found) => {
      const sandbox = visibleTo(owner, Option.getOrUndefined(found))
      return sandbox === undefined ? Effect.fail(new Sandbox.SandboxNotFound({ sandboxId })) : Effect.succeed(sandbox)
    }))

/** `get` in the calling turn, when the sandbox can be read without waiting (see `ReadModels.peek`); `undefined`: `get` answers. */
export const peek = (readModels: ReadModelsService, owner: string, sandboxId: string) =>
  visibleTo(owner, readModels.peek(projection.name, sandboxId))

/** The owner's sandboxes, oldest first, a page at a time (see `Paging`). */
export const list = (owner: string, request: Paging.PageRequest = {}) =>
  Effect.map(Paging.documents(projection.name, owner, request), (page) => Paging.map(page, ({ doc }) => doc as SandboxView))

export const Action = Schema.Literals(["start", "mark-running", "stop", "mark-stopped", "fail", "delete"])
export type Action = typeof Action.Type

const commandFor = (sandboxId: string, action: Action, reason: string | undefined): Sandbox.SandboxCommand => {
  switch (action) {
    case "start":
      return Sandbox.StartSandbox.make({ sandboxId })
    case "mark-running":
      return Sandbox.MarkRunning.make({ sandboxId })
    case "stop":
      return Sandbox.StopSandbox.make({ sandboxId })
    case "mark-stopped":
      return Sandbox.MarkStopped.make({ sandboxId })
    case "fail":
      return Sandbox.FailSandbox.make({ sandboxId, reason: reason ?? "" })
    case "delete":
      return Sandbox.DeleteSandbox.make({ sandboxId })
  }
}

/**
 * Moves a sandbox through its lifecycle; an illegal move names the state it is in. Answers
 * the sandbox after the move (none once deleted).
 */
export const transition = (
  owner: string,
  sandboxId: string,
  action: Action,
  options: { readonly reason?: string; readonly expectedVersion?: number; readonly metadata?: CommandMetadata } = {}
) =>
  Effect.gen(function*() {
    const handled = yield* Aggregate.handle(SandboxAggregate, sandboxId, commandFor(sandboxId, action, options.reason), {
      ...(options.expectedVersion === undefined ? { retries: 3 } : { expectedVersion: options.expectedVersion }),
      metadata: options.metadata,
      guard: get(owner, sandboxId)
    })
    return action === "delete" ? undefined : yield* answer(owner, sandboxId, handled)
  })
