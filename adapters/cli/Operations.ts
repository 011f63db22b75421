import { existsSync, readFileSync, statSync } from "node:fs"
import { Console, Context, Effect, Layer, Option, Schema, Stream } from "effect"
import { Command, Flag } from "effect/cli"
import type { Migrator, SqlClient } from "effect/sql"
import * as CopyRecord from "../../application/cutover/CopyRecord.ts"
import { type AuditQuery, EventStore, type RecordedEvent } from "../../application/ports/EventStore.ts"
import { LogOperations } from "../../application/ports/LogOperations.ts"
import { auditMatches } from "../../application/eventsourcing/auditMatches.ts"
import * as ChatImport from "../../application/import/ChatImport.ts"
import * as DemoWorld from "../../application/import/DemoWorld.ts"
import * as Import from "../../application/import/Import.ts"
import * as SandboxImport from "../../application/import/SandboxImport.ts"
import { ReferenceData } from "../../domain/ReferenceData.ts"
import bundledReferenceData from "../../reference/reference-data.json"
import * as LogDigest from "../../application/eventsourcing/LogDigest.ts"
import { InlineProjections } from "../../application/eventsourcing/Projection.ts"
import { ProjectionStore } from "../../application/ports/ProjectionStore.ts"
import { bulkChunkSize, rebuildProjection } from "../../application/eventsourcing/rebuildProjection.ts"
import { verifyProjections } from "../../application/eventsourcing/verifyProjections.ts"
import * as Owners from "../../application/features/Owners.ts"
import { restoreDataKeys, Secrets } from "../../application/ports/Secrets.ts"
import type { Store } from "../../application/ports/Store.ts"
import { migrationStatus, runMigrations } from "../../migrations/runMigrations.ts"
import * as DatabaseUrl from "../DatabaseUrl.ts"
import { mergeArchived } from "../../application/retention/mergeArchived.ts"
import * as ArchiveFiles from "./ArchiveFiles.ts"
import * as BackupFile from "./BackupFile.ts"
import * as LegacySecret from "./LegacySecret.ts"
import * as LegacySources from "./LegacySources.ts"
import * as Progress from "./Progress.ts"

/** What the operations commands get from the composition root. */
export interface Wiring {
  readonly store: (url: DatabaseUrl.DatabaseUrl) => Layer.Layer<Store | InlineProjections, unknown>
  /** The store with secrets around it, for imports (tokens are sealed on the way in). */
  readonly storeWithSecrets: (url: DatabaseUrl.DatabaseUrl) => Layer.Layer<Store | InlineProjections | Secrets, unknown>
  /** The SQL client and migrations of a URL; undefined for the in-memory store. */
  readonly migrations: (url: DatabaseUrl.DatabaseUrl) =>
    | { readonly client: Layer.Layer<SqlClient.SqlClient, unknown>; readonly loader: Migrator.Loader }
    | undefined
}

export class OperationFailed extends Schema.TaggedError<OperationFailed>()("OperationFailed", { reason: Schema.String }) {
  override get message() {
    return this.reason
  }
}

const databaseOption = (name: string, description: string) =>
  Flag.String(name).pipe(Flag.withDescription(description))

/**
 * A file to read: checked before the command runs, and handed over as typed (effect's
 * `Flag.File` would make it absolute, and every message would name another path).
 */
const existingFile = (name: string) =>
  Flag.String(name).pipe(
    Flag.withMetavar("file"),
    Flag.filter((path) => existsSync(path) && statSync(path).isFile(), () => "an existing file")
  )

/** Off unless given, as a switch should be. */
const boolean = (name: string) => Flag.Boolean(name).pipe(Flag.withDefault(false))

const parseUrl = DatabaseUrl.fromString

/**
 * The owners a file names: lines of `strata audit --format ndjson` (an `OwnerForgotten`
 * event's `data.owner`), or one owner per line.
 */
const ownersIn = (file: string) =>
  Effect.try({
    try: () => {
      const owners = new Set<string>()
      for (const line of readFileSync(file, "utf8").split("\n").map((text) => text.trim()).filter((text) => text !== "")) {
        if (!line.startsWith("{")) {
          owners.add(line)
          continue
        }
        const owner = (JSON.parse(line) as { data?: { owner?: unknown } }).data?.owner
        if (typeof owner !== "string") throw new Error(`a line names no owner: ${line.slice(0, 80)}`)
        owners.add(owner)
      }
      return [...owners]
    },
    catch: (error) => new OperationFailed({ reason: `${file} is not a list of owners: ${error instanceof Error ? error.message : String(error)}` })
  })

/** An audit's page of an archive: read whole (its chain is checked end to end), filtered as the log would be. */
const fromArchive = (directory: string, query: AuditQuery) =>
  Effect.gen(function*() {
    const found: Array<RecordedEvent> = []
    yield* ArchiveFiles.read(directory, (events) =>
      Effect.sync(() => {
        for (const event of events) {
          if (found.length < query.limit && event.position > query.after && auditMatches(query, event)) found.push(event)
        }
      }))
    return found
  })

export const make = (wiring: Wiring, database: Flag.Flag<string>) => {
  const withStore = <A, E>(raw: string, effect: Effect.Effect<A, E, Store | InlineProjections>) =>
    Effect.flatMap(parseUrl(raw), (url) => Effect.scoped(Effect.provide(effect, wiring.store(url))))

  // migrate, migrate status

  const migrateStatus = Command.make("status", { database }, ({ database }) =>
    Effect.gen(function*() {
      const url = yield* parseUrl(database)
      const target = wiring.migrations(url)
      if (target === undefined) return yield* Console.log("memory: has no schema to migrate")
      const state = yield* migrationStatus(target.loader).pipe(Effect.provide(target.client))
      for (const migration of state.applied) yield* Console.log(`applied  ${String(migration.id).padStart(4, "0")}_${migration.name}`)
      for (const migration of state.pending) yield* Console.log(`pending  ${String(migration.id).padStart(4, "0")}_${migration.name}`)
      yield* Console.log(`${state.applied.length} applied, ${state.pending.length} pending (${DatabaseUrl.label(url)})`)
    })).pipe(Command.withDescription("Show applied and pending schema migrations, without applying any"))

  const migrate = Command.make("migrate", { database }, ({ database }) =>
    Effect.gen(function*() {
      const url = yield* parseUrl(database)
      const target = wiring.migrations(url)
      if (target === undefined) return yield* Console.log("memory: has no schema to migrate")
      const applied = yield* runMigrations(target.loader).pipe(Effect.provide(target.client))
      for (const [id, name] of applied) yield* Console.log(`applied  ${String(id).padStart(4, "0")}_${name}`)
      yield* Console.log(applied.length === 0 ? "the schema is up to date" : `${applied.length} migrations applied`)
    })).pipe(
      Command.withDescription("Apply pending schema migrations"),
      Command.withSubcommands([migrateStatus])
    )

  // replay

  const projectionName = Flag.String("projection").pipe(
    Flag.withDescription("Only this projection (default: all registered)"),
    Flag.optional
  )
  const chunk = Flag.Int("chunk").pipe(Flag.withDescription("Events per transaction"), Flag.withDefault(1_000))
  const fresh = boolean("fresh").pipe(Flag.withDescription("Start over instead of resuming an interrupted replay"))

  const replay = Command.make("replay", { database, projection: projectionName, chunk, fresh }, (options) =>
    withStore(
      options.database,
      Effect.gen(function*() {
        const registered = yield* InlineProjections
        const names = Option.match(options.projection, { onNone: () => registered.map((p) => p.name), onSome: (name) => [name] })
        for (const name of names) {
          if (!registered.some((projection) => projection.name === name)) {
            return yield* new OperationFailed({ reason: `no projection named ${name}; registered: ${registered.map((p) => p.name).join(", ")}` })
          }
        }
        const head = yield* (yield* EventStore).head
        for (const name of names) {
          const progress = Progress.make(`replay ${name}`, head)
          let previous = 0
          const final = yield* rebuildProjection(name, {
            chunkSize: options.chunk,
            fresh: options.fresh,
            onProgress: (step) => {
              const advanced = Math.max(0, step.checkpoint - previous)
              previous = Math.max(previous, step.checkpoint)
              return progress.advance(advanced)
            }
          })
          yield* progress.finish
          yield* Console.log(`${name}: live at generation ${final.generation}, position ${final.checkpoint}`)
        }
      })
    )).pipe(Command.withDescription("Rebuild projections from the log, in chunks; resumes an interrupted replay"))

  // backup, restore

  const out = Flag.String("out").pipe(Flag.withMetavar("file"), Flag.withDescription("The backup file to write (gzip)"))
  const backup = Command.make("backup", { database, out }, (options) =>
    withStore(
      options.database,
      Effect.gen(function*() {
        const head = yield* (yield* EventStore).head
        const progress = Progress.make("backup", head)
        const digest = yield* BackupFile.backup(options.out, progress.advance)
        yield* progress.finish
        yield* Console.log(
          `backed up ${digest.count} events up to position ${digest.head} and ${digest.dataKeys} data keys (wrapped by the master key) to ${options.out} (sha256 ${digest.hash})`
        )
      })
    )).pipe(Command.withDescription("Write a backend-neutral, compressed export of the log at a consistent position"))

  const input = existingFile("in").pipe(Flag.withDescription("The backup file to read"))
  const to = databaseOption("to", `The database to restore into: ${DatabaseUrl.acceptedForms}`)
  const force = boolean("force").pipe(Flag.withDescription("Restore into a database that is not empty"))
  /** Events per import transaction of a restore. */
  const restoreBatch = 10_000
  const forgotten = existingFile("forgotten").pipe(
    Flag.withDescription(
      "Owners forgotten since the backup, to forget again once restored: `strata audit --type OwnerForgotten --format ndjson` of the live database, or one owner per line"
    ),
    Flag.optional
  )
  const archived = Flag.String("archive").pipe(
    Flag.withMetavar("dir"),
    Flag.withDescription("Put back what compactions archived in this directory: each archived event in its place, instead of the summary that stood in for it"),
    Flag.optional
  )
  const restore = Command.make("restore", { input, to, force, forgotten, archived }, (options) =>
    Effect.gen(function*() {
      const url = yield* parseUrl(options.to)
      const backup = yield* BackupFile.read(options.input, restoreBatch)
      const archive = Option.isSome(options.archived)
        ? Option.some(yield* mergeArchived((yield* ArchiveFiles.cursor(options.archived.value)).next))
        : Option.none()
      const forgets = Option.isSome(options.forgotten) ? yield* ownersIn(options.forgotten.value) : []
      const digest = yield* Effect.scoped(Effect.provide(
        Effect.gen(function*() {
          const head = yield* (yield* EventStore).head
          const log = yield* LogOperations
          if (head > 0 && !options.force) {
            return yield* new OperationFailed({ reason: `the target holds ${head} events; restore into an empty database, or pass --force` })
          }
          const hasher = LogDigest.makeHasher()
          const progress = Progress.make("restore", backup.header.count)
          const load: Effect.Effect<void, unknown, Store> = backup.batches((events: ReadonlyArray<RecordedEvent>) =>
            Effect.gen(function*() {
              hasher.add(events)
              yield* log.importEvents(Option.isSome(archive) ? yield* archive.value.merge(events) : events)
              yield* progress.advance(events.length)
            }))
          // Into an empty log, its indexes are built once at the end; one that holds events
          // (--force) may be serving, and keeps them.
          yield* head === 0 ? log.bulkLoad(load) : load
          yield* progress.finish
          const digest = hasher.digest()
          if (digest.hash !== backup.header.hash || digest.count !== backup.header.count) {
            return yield* new OperationFailed({
              reason: `the backup does not match its header: ${digest.count} events with sha256 ${digest.hash}, header says ${backup.header.count} and ${backup.header.hash}`
            })
          }
          for (const projection of yield* InlineProjections) {
            yield* rebuildProjection(projection.name, { fresh: true, chunkSize: bulkChunkSize })
          }
          // As they were wrapped: putting them back needs no master key.
          return { ...digest, keys: yield* restoreDataKeys(backup.dataKeys) }
        }),
        wiring.store(url)
      ))
      yield* Console.log(`restored ${digest.count} events up to position ${digest.head}; content hash verified; projections rebuilt`)
      if (Option.isSome(archive)) {
        const leftOver = yield* archive.value.leftOver
        yield* Console.log(
          `${archive.value.restored()} archived events put back in their places` +
            (leftOver > 0 ? `; ${leftOver} archived events come after this backup's last position and were left out` : "")
        )
      }
      if (backup.header.formatVersion === 1) {
        yield* Console.log("this backup (format 1) holds no data keys: its secrets open only where the key ring was copied beside it")
      } else {
        yield* Console.log(
          `${digest.keys.restored} data keys restored` +
            (digest.keys.kept > 0 ? `; ${digest.keys.kept} owners already had a data key in the target, which was kept` : "")
        )
      }
      if (backup.dataKeys.length === 0 && forgets.length === 0) return
      // Forgetting, and checking the keys open, need the master key; the rest did not.
      const secrets = yield* Effect.scoped(Effect.provide(
        Effect.gen(function*() {
          for (const owner of forgets) yield* Owners.forget(owner, { actor: "restore" })
          return yield* (yield* Secrets).keyStatus
        }),
        wiring.storeWithSecrets(url)
      )).pipe(
        Effect.catchIf(
          (error) => (error as { _tag?: unknown })._tag === "MasterKeyMissing" && forgets.length === 0,
          () => Effect.as(Console.log("no master key is configured here: the data keys were restored without a check that they open"), [])
        )
      )
      if (forgets.length > 0) {
        yield* Console.log(`${forgets.length} owner${forgets.length === 1 ? "" : "s"} forgotten again: ${forgets.join(", ")}`)
      }
      for (const master of secrets) {
        const closed = master.configured ? master.unreadable : master.dataKeys
        if (closed === 0) continue
        yield* Console.error(
          `warning: ${closed} data keys are wrapped by master key ${master.masterKeyId}, ${master.configured ? "which is configured here with other bytes" : "which is not configured here"}: ` +
            "set STRATA_MASTER_KEY (or STRATA_PREVIOUS_MASTER_KEYS) to it — for an embedded database, or put the original's master.key beside it — or their secrets cannot be read"
        )
      }
    })).pipe(Command.withDescription("Replay a backup into any backend, with its data keys, checking its content hash"))

  // verify

  const a = databaseOption("a", "One log to compare").pipe(Flag.optional)
  const b = databaseOption("b", "The other log").pipe(Flag.optional)
  const verify = Command.make("verify", { database, a, b }, (options) =>
    Effect.gen(function*() {
      if (Option.isNone(options.a) !== Option.isNone(options.b)) {
        return yield* new OperationFailed({ reason: "verify compares two logs: pass both --a URL and --b URL (or neither)" })
      }
      if (Option.isNone(options.a) || Option.isNone(options.b)) {
        const checks = yield* withStore(options.database, Effect.gen(function*() {
          const filling = yield* CopyRecord.underWay
          if (Option.isSome(filling)) {
            return yield* new OperationFailed({ reason: `${CopyRecord.describeFilling(filling.value)}: verify it once the cutover mirrors` })
          }
          return yield* verifyProjections
        }))
        for (const check of checks) {
          yield* Console.log(`${check.name}: ${check.documents} documents, ${check.differing.length === 0 ? "as a fresh replay makes them" : `${check.differing.length} differ`}`)
        }
        const wrong = checks.filter((check) => check.differing.length > 0)
        if (wrong.length > 0) {
          return yield* new OperationFailed({
            reason: `projection ${wrong[0]!.name} differs from a fresh replay of the log (first at key ${wrong[0]!.differing[0]}); run strata replay --projection ${wrong[0]!.name} --fresh`
          })
        }
        return
      }
      // Both stores open once, for the whole comparison.
      const storeOf = (raw: string) =>
        Effect.flatMap(parseUrl(raw), (url) => Effect.map(Layer.build(wiring.store(url)), Context.get(EventStore)))
      const [urlA, urlB] = [options.a.value, options.b.value]
      return yield* Effect.scoped(Effect.gen(function*() {
        const left = yield* storeOf(urlA)
        const right = yield* storeOf(urlB)
        const [headA, headB] = [yield* left.head, yield* right.head]
        const upTo = Math.max(headA, headB)
        const progress = Progress.make("verify", upTo)
        const hasher = LogDigest.makeHasher()
        // Page by page side by side, so that the first difference is named.
        let after = 0
        while (after < upTo) {
          const pageA = yield* left.readAll({ after, limit: LogDigest.pageSize })
          const pageB = yield* right.readAll({ after, limit: LogDigest.pageSize })
          const length = Math.max(pageA.length, pageB.length)
          for (let index = 0; index < length; index++) {
            const a = pageA[index]
            const b = pageB[index]
            if (a === undefined || b === undefined || LogDigest.canonicalLine(a) !== LogDigest.canonicalLine(b)) {
              yield* progress.finish
              return yield* new OperationFailed({
                reason: `the logs differ at position ${(a ?? b)!.position} (a: ${headA} events, b: ${headB} events)`
              })
            }
          }
          hasher.add(pageA)
          yield* progress.advance(length)
          after = pageA[pageA.length - 1]!.position
        }
        yield* progress.finish
        const digest = hasher.digest()
        yield* Console.log(`the logs are identical: ${digest.count} events, sha256 ${digest.hash}`)
      }))
    })).pipe(Command.withDescription(
      "With --a and --b: compare two logs by count and content hash, naming the first position where they differ. Alone: check every projection against a fresh replay of the log"
    ))

  // stats, audit

  const stats = Command.make("stats", { database }, (options) =>
    withStore(
      options.database,
      Effect.gen(function*() {
        const store = yield* EventStore
        const head = yield* store.head
        const byType = new Map<string, number>()
        const streams = new Set<string>()
        yield* LogDigest.eachPage(head, (page) =>
          Effect.sync(() => {
            for (const event of page) {
              byType.set(event.type, (byType.get(event.type) ?? 0) + 1)
              streams.add(event.streamId)
            }
          }))
        const url = yield* parseUrl(options.database)
        const size = url._tag === "Sqlite" ? statSync(url.filename).size : url._tag === "Libsql" && url.url.startsWith("file:") ? statSync(url.url.slice(5)).size : undefined
        yield* Console.log(`head position  ${head}`)
        yield* Console.log(`streams        ${streams.size}`)
        if (size !== undefined) yield* Console.log(`database size  ${(size / 1024 / 1024).toFixed(1)} MiB`)
        yield* Console.log("events by type")
        for (const [type, count] of [...byType].sort((x, y) => y[1] - x[1])) yield* Console.log(`  ${String(count).padStart(10)}  ${type}`)
        for (const status of yield* (yield* ProjectionStore).status) {
          yield* Console.log(`projection ${status.name}: ${status.status}, generation ${status.generation}, at ${status.checkpoint}`)
        }
      })
    )).pipe(Command.withDescription("Streams, events by type, head position, database size"))

  const format = Flag.Literals("format", ["table", "json", "ndjson"]).pipe(Flag.withDefault("table" as const))
  const filter = (name: string, description: string) => Flag.String(name).pipe(Flag.withDescription(description), Flag.optional)
  const audit = Command.make("audit", {
    database,
    stream: filter("stream", "Only this stream"),
    streamPrefix: filter("stream-prefix", "Only streams whose id starts with this (apikey-, session-, …)"),
    correlation: filter("correlation", "Only what one request caused: its request id (X-Request-Id), across streams"),
    type: filter("type", "Only this event type"),
    actor: filter("actor", "Only this actor, exactly as recorded (bob (key <keyId>), admin (for bob), admin, cutover, import)"),
    owner: filter("owner", "Only what this owner did, through any of their API keys, and what the admin did for them"),
    key: filter("key", "Only what was done through this API key (its id)"),
    from: filter("from", "Recorded at or after (ISO 8601)"),
    until: filter("to", "Recorded before (ISO 8601)"),
    after: Flag.Int("after").pipe(Flag.withDescription("Events after this position"), Flag.withDefault(0)),
    limit: Flag.Int("limit").pipe(Flag.withDefault(100)),
    archive: Flag.String("archive").pipe(
      Flag.withMetavar("dir"),
      Flag.withDescription("Read the events a compaction archived in this directory instead of the log (every segment checked against its header and the chain)"),
      Flag.optional
    ),
    format
  }, (options) =>
    Effect.gen(function*() {
      const query: AuditQuery = {
        after: options.after,
        limit: options.limit,
        ...Option.match(options.stream, { onNone: () => ({}), onSome: (streamId) => ({ streamId }) }),
        ...Option.match(options.streamPrefix, { onNone: () => ({}), onSome: (streamPrefix) => ({ streamPrefix }) }),
        ...Option.match(options.correlation, { onNone: () => ({}), onSome: (correlationId) => ({ correlationId }) }),
        ...Option.match(options.type, { onNone: () => ({}), onSome: (type) => ({ type }) }),
        ...Option.match(options.actor, { onNone: () => ({}), onSome: (actor) => ({ actor }) }),
        ...Option.match(options.owner, { onNone: () => ({}), onSome: (owner) => ({ owner }) }),
        ...Option.match(options.key, { onNone: () => ({}), onSome: (keyId) => ({ keyId }) }),
        ...Option.match(options.from, { onNone: () => ({}), onSome: (from) => ({ from: new Date(from).toISOString() }) }),
        ...Option.match(options.until, { onNone: () => ({}), onSome: (until) => ({ to: new Date(until).toISOString() }) })
      }
      const events = Option.isSome(options.archive)
        ? yield* fromArchive(options.archive.value, query)
        : yield* withStore(options.database, EventStore.use((store) => store.query(query)))
      if (options.format === "json") return yield* Console.log(JSON.stringify(events, null, 2))
      if (options.format === "ndjson") {
        for (const event of events) yield* Console.log(JSON.stringify(event))
        return
      }
      yield* Console.log(["position", "recorded at", "stream", "type", "actor", "correlation"].join("\t"))
      for (const event of events) {
        yield* Console.log([event.position, event.recordedAt, event.streamId, event.type, event.metadata.actor ?? "", event.metadata.correlationId ?? ""].join("\t"))
      }
    })).pipe(Command.withDescription("The log — or an archive of what compactions took out of it — by stream (or its prefix), type, actor, owner, API key, request and time range, as a table, JSON or NDJSON"))

  // import

  const file = existingFile("file").pipe(Flag.withDescription("The file to import"))
  const owner = Flag.String("owner").pipe(Flag.withDescription("The owner the imported records belong to"))
  const skipInvalid = boolean("skip-invalid").pipe(
    Flag.withDescription("Import the valid records even when some are invalid (they are listed either way)")
  )

  const dryRun = boolean("dry-run").pipe(Flag.withDescription("Read and validate the source, report what it holds, and write nothing"))

  const importing = (
    raw: string,
    what: string,
    run: Effect.Effect<{
      readonly invalid: ReadonlyArray<Import.Invalid>
      /** What the valid records are, for a dry run. */
      readonly valid: string
      readonly apply: Effect.Effect<string, unknown, Store | Secrets>
    }, unknown, never>,
    options: { readonly skipInvalid: boolean; readonly dryRun: boolean }
  ) =>
    Effect.gen(function*() {
      const { apply, invalid, valid } = yield* run
      for (const { reason, record } of invalid) yield* Console.error(`invalid  ${record}: ${reason}`)
      // The target is not even opened: opening it would migrate its schema.
      if (options.dryRun) {
        return yield* Console.log(
          `dry run: ${valid} valid; ${invalid.length} invalid${invalid.length > 0 && !options.skipInvalid ? " (nothing would be imported without --skip-invalid)" : ""}; nothing written`
        )
      }
      if (invalid.length > 0 && !options.skipInvalid) {
        return yield* new OperationFailed({
          reason: `${invalid.length} invalid ${what}; nothing imported (pass --skip-invalid to import the others)`
        })
      }
      const url = yield* parseUrl(raw)
      const summary = yield* Effect.scoped(Effect.provide(apply, wiring.storeWithSecrets(url)))
      yield* Console.log(`${summary}${invalid.length > 0 ? `; ${invalid.length} invalid skipped` : ""}`)
    })

  const describe = (kind: string, outcome: Import.Outcome) =>
    `imported ${outcome.imported} ${kind}; ${outcome.alreadyPresent} already present`

  /** An import of one kind of record from one file: read, validate, import. */
  const importFrom = <A, I>(
    name: string,
    description: string,
    kind: string,
    read: (file: string) => Effect.Effect<ReadonlyArray<LegacySources.RawRecord>, LegacySources.SourceUnreadable>,
    schema: Schema.Codec<A, I>,
    apply: (owner: string, valid: Import.Parsed<A>["valid"]) => Effect.Effect<Import.Outcome, unknown, Store | Secrets>
  ) =>
    Command.make(name, { database, file, owner, skipInvalid, dryRun }, (options) =>
      importing(
        options.database,
        kind,
        Effect.map(read(options.file), (records) => {
          const parsed = Import.validate(schema, records)
          return {
            invalid: parsed.invalid,
            valid: `${parsed.valid.length} ${kind}`,
            apply: Effect.map(apply(options.owner, parsed.valid), (outcome) => describe(kind, outcome))
          }
        }),
        options
      )).pipe(Command.withDescription(description))

  const importTokens = importFrom(
    "tokens",
    "Import a tokens.json (token name → OAuth token), as seed 000 kept them",
    "tokens",
    LegacySources.tokensJson,
    Import.LegacyToken,
    (owner, valid) => Import.importTokens(owner, valid, { actor: "import" })
  )

  const importKeys = importFrom(
    "api-keys",
    "Import seed 004's file store of API keys with their usage windows",
    "API keys",
    LegacySources.apiKeysJson,
    Import.LegacyApiKey,
    (owner, valid) => Import.importApiKeys(owner, valid, { actor: "import" })
  )

  const optionalOwner = Flag.String("owner").pipe(
    Flag.withDescription("The owner the imported tokens and API keys belong to (chat rooms belong to their members)"),
    Flag.optional
  )

  /** Below this, a chat import is over before a progress bar would say anything. */
  const chatProgressFrom = 20_000

  /** One import of a whole legacy database, whatever it holds, with one report. */
  const importDatabase = (
    options: { readonly database: string; readonly owner: Option.Option<string>; readonly skipInvalid: boolean; readonly dryRun: boolean },
    source: string,
    read: Effect.Effect<Effect.Success<ReturnType<typeof LegacySources.legacySqlite>>, LegacySources.SourceUnreadable>
  ) =>
    importing(
      options.database,
      "records",
      Effect.gen(function*() {
        const { chat, keys, sandboxes, tokens, windows } = yield* read
        const owned = tokens.length + keys.length + windows.length > 0
        if (owned && Option.isNone(options.owner)) {
          return yield* new OperationFailed({ reason: `${source} has tokens or API keys: name the owner they belong to with --owner` })
        }
        const parsedSandboxes = sandboxes === undefined
          ? undefined
          : SandboxImport.parseSandboxes(
            sandboxes,
            yield* Schema.decodeUnknownEffect(ReferenceData)(bundledReferenceData),
            yield* LegacySecret.fromEnvironment
          )
        const owner = Option.getOrElse(options.owner, () => "")
        const parsedTokens = Import.validate(Import.LegacyToken, tokens.map((t) => ({ ...t, record: `token ${t.record}` })))
        const joined = Import.joinUsageWindows(keys, windows)
        const parsedKeys = Import.validate(Import.LegacyApiKey, joined.keys)
        const parsedChat = chat?.parsed
        const rooms = [...(parsedChat?.rooms ?? []), ...(parsedSandboxes?.chats ?? [])]
        // seed 001's chats are at hand; seed 002's messages are read again from the source as they are written.
        const messages = Stream.concat(Stream.fromIterable(parsedSandboxes?.chatMessages ?? []), chat?.messages ?? Stream.empty)
        const sum = (count: (room: ChatImport.ChatRoom) => number) => rooms.reduce((total, room) => total + count(room), 0)
        return {
          valid: [
            ...(owned || Option.isSome(options.owner) ? [`${parsedTokens.valid.length} tokens`, `${parsedKeys.valid.length} API keys`] : []),
            ...(parsedSandboxes === undefined
              ? []
              : [`${parsedSandboxes.sandboxes.length} sandboxes`, `${parsedSandboxes.credentials.reduce((n, owner) => n + owner.credentials.length, 0)} provider credentials`]),
            ...(rooms.length > 0 || parsedChat !== undefined
              ? [`${rooms.length} chat sessions (${sum((room) => room.members)} members, ${sum((room) => room.messages)} messages)`]
              : [])
          ].join(", ") || "nothing",
          invalid: [
            ...parsedTokens.invalid,
            ...parsedKeys.invalid,
            ...joined.dangling,
            ...(parsedChat?.invalid ?? []),
            ...(parsedSandboxes?.invalid ?? [])
          ],
          apply: Effect.gen(function*() {
            const parts: Array<string> = []
            if (Option.isSome(options.owner) || owned) {
              const tokenOutcome = yield* Import.importTokens(owner, parsedTokens.valid.map((t) => ({ ...t, record: t.record.slice("token ".length) })), { actor: "import" })
              const keyOutcome = yield* Import.importApiKeys(owner, parsedKeys.valid, { actor: "import" })
              parts.push(describe("tokens", tokenOutcome), describe("API keys", keyOutcome))
            }
            if (parsedSandboxes !== undefined) {
              const outcome = yield* SandboxImport.importSandboxes(parsedSandboxes, { actor: "import" })
              parts.push(describe("sandboxes", outcome.sandboxes), describe("provider credentials", outcome.credentials))
            }
            if (rooms.length > 0 || parsedChat !== undefined) {
              const total = sum((room) => room.events)
              const progress = total >= chatProgressFrom ? Progress.make("importing chat", total) : undefined
              const outcome = yield* ChatImport.importChat(rooms, messages, {
                metadata: { actor: "import" },
                ...(progress ? { progress: progress.advance } : {})
              })
              if (progress) yield* progress.finish
              parts.push(
                `imported ${outcome.sessions} chat sessions (${outcome.members} members, ${outcome.messages} messages); ${outcome.alreadyPresent} already present`
              )
            }
            if (parsedChat !== undefined) {
              parts.push(`${parsedChat.users} users known by their username (else their id); left behind: ${ChatImport.leftBehind.join(", ")}`)
            }
            return parts.length === 0 ? "nothing to import" : parts.join("; ")
          })
        }
      }),
      options
    )

  const legacyTables = "seed 000's tokens, seed 004's api_keys and usage_windows, seed 002's users, rooms, room_members and " +
    "messages, seed 001's sandboxes, provider_credentials, chat_sessions and chat_messages"

  const importSqlite = Command.make("sqlite", { database, file, owner: optionalOwner, skipInvalid, dryRun }, (options) =>
    importDatabase(options, options.file, LegacySources.legacySqlite(options.file))).pipe(
      Command.withDescription(`Import a legacy SQLite database: ${legacyTables}`)
    )

  const sourceUrl = Flag.String("url").pipe(Flag.withDescription("The legacy Postgres database, postgres://user:pass@host:5432/db"))

  const importPostgres = Command.make("postgres", { database, url: sourceUrl, owner: optionalOwner, skipInvalid, dryRun }, (options) =>
    importDatabase(options, "the Postgres database", LegacySources.legacyPostgres(options.url))).pipe(
      Command.withDescription(`Import a legacy Postgres database: ${legacyTables}`)
    )

  const importCommand = Command.make("import").pipe(
    Command.withDescription("Bring existing data in, as events; running the same import twice imports nothing new"),
    Command.withSubcommands([importTokens, importKeys, importSqlite, importPostgres])
  )

  // seed

  const addToAny = boolean("force").pipe(Flag.withDescription("Add the demo world to a database that is not empty"))

  const seed = Command.make("seed", { database, force: addToAny }, (options) =>
    Effect.gen(function*() {
      const url = yield* parseUrl(options.database)
      const referenceData = yield* Schema.decodeUnknownEffect(ReferenceData)(bundledReferenceData)
      const planted = yield* Effect.scoped(Effect.provide(
        Effect.gen(function*() {
          if (!options.force && !(yield* DemoWorld.isEmpty)) {
            return yield* new OperationFailed({ reason: "the database is not empty: seed an empty one, or pass --force to add the demo world to it" })
          }
          return yield* DemoWorld.plant({ now: Date.now(), referenceData })
        }),
        wiring.storeWithSecrets(url)
      ))
      yield* Console.log(
        `seeded ${planted.owners} owners (${DemoWorld.owners.join(", ")}) with ${planted.keys} API keys and ${planted.usages} usages over the last 12 hours, ` +
          `${planted.tokens} tokens, ${planted.credentials} provider credentials, ${planted.sandboxes} sandboxes (one in each state), ` +
          `${planted.sessions} chat sessions with ${planted.messages} messages; create a key for an owner to look around ` +
          `(POST /v1/admin/keys {"owner": "ada", …})`
      )
    })).pipe(Command.withDescription("Fill an empty database with a small demo world: owners, keys and usage, tokens, sandboxes, credentials, chat"))

  return [migrate, replay, backup, restore, verify, stats, audit, importCommand, seed] as const
}

