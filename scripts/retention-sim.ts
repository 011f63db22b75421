/**
 * Retention over time: simulates a gateway's days — keys, their usage spread over the days
 * at simulated times — on each backend, with compaction after every day or without it, and
 * prints per day what the log costs and what a compaction costs the writers beside it.
 *
 *   npm run sim:retention                                   # 1,000 keys, 10,000,000 usages, 60 days, both backends, on and off
 *   npm run sim:retention -- --usages 200000 --backends sqlite --compaction on
 *   npm run sim:retention -- --usages 600000 --days 4 --retain-days 2 --backends libsql --compaction on
 *   npm run sim:retention -- --backends sqlite --compaction on --explain-slow 30   # what the machine did during each write over 30 ms
 *
 * Each simulated day's usage is written with `importEvents` (as the log would hold it had it
 * been recorded then: positions after the head, UUIDv7 ids and recorded times at the
 * simulated time, windows decided as `ApiKey.decide` decides them), then, at the day's end
 * with compaction on, `compactLog(usageRetention, { before: day's end − retain days })` runs.
 * The store's clock is the simulated one (real time going on from the day's end), so that
 * what the application itself writes — the load below, the audit's record — is recorded
 * in simulated time too.
 *
 * The write pause: at each day's end a load of `--load-fibers` fibers records usage through
 * `ApiKeys.recordUsage` (the hot path, in the same process, as a serving process with a
 * scheduled compaction runs it) on `--load-keys` keys of their own, in a closed loop, and
 * each write's latency is kept: for `--baseline-ms` before the compaction, during it, and
 * for `--baseline-ms` after. The load's usages count in the total: the next day imports that
 * many fewer, so runs with and without compaction hold the same usages.
 *
 * Sizes. SQLite: the pages in use (page_count − freelist_count, times page_size: what the
 * data takes, free pages left out; the file does not shrink, its free pages are reused),
 * and the file's size with its WAL beside. Postgres: pg_total_relation_size of
 * strata_events (heap, TOAST and every index) after a plain VACUUM — what autovacuum would
 * do: it makes dead rows' space reusable, it does not give it back to the file system.
 *
 * Postgres: STRATA_BENCH_PG_URL, else a throwaway server at Postgres' default durability
 * (fsync on), as `npm run bench` runs it.
 */
import { Database } from "bun:sqlite"
import { createHash } from "node:crypto"
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { Cause, Clock, Effect, Exit, Layer, ManagedRuntime, Redacted, Schema } from "effect"
import * as Libsql from "@libsql/client"
import pg from "pg"
import * as ApiKey from "../domain/ApiKey.ts"
import * as Actor from "../application/eventsourcing/Actor.ts"
import * as ApiKeys from "../application/features/ApiKeys.ts"
import * as DemoWorld from "../application/import/DemoWorld.ts"
import { InlineProjections } from "../application/eventsourcing/Projection.ts"
import { uuidV7 } from "../application/ports/EventIds.ts"
import { EventStore, type EventStoreService, type RecordedEvent } from "../application/ports/EventStore.ts"
import { LogCompaction } from "../application/ports/LogCompaction.ts"
import { LogOperations } from "../application/ports/LogOperations.ts"
import type { Store } from "../application/ports/Store.ts"
import { compactLog } from "../application/retention/compactLog.ts"
import * as PostgresStore from "../adapters/postgres/PostgresStore.ts"
import * as LibsqlStore from "../adapters/libsql/LibsqlStore.ts"
import * as SqliteStore from "../adapters/sqlite/SqliteStore.ts"
import { projections } from "../main.ts"
import { freshDatabase, stopPostgres } from "../test/support/postgres.ts"

const { values: args } = parseArgs({
  options: {
    keys: { type: "string", default: "1000" },
    usages: { type: "string", default: "10000000" },
    days: { type: "string", default: "60" },
    "retain-days": { type: "string", default: "30" },
    backends: { type: "string", default: "sqlite,postgres" },
    compaction: { type: "string", default: "on,off" },
    /** A table row every this many days (the first and last day always). */
    "report-every": { type: "string", default: "1" },
    "load-keys": { type: "string", default: "4" },
    "load-fibers": { type: "string", default: "8" },
    /** Each load fiber waits this long between its writes. */
    "load-pause-ms": { type: "string", default: "2" },
    "baseline-ms": { type: "string", default: "1000" },
    /** compactLog's defaults when absent. */
    "page-size": { type: "string" },
    "per-transaction": { type: "string" },
    /** Events per `importEvents` (one transaction each). */
    "import-batch": { type: "string", default: "2000" },
    seed: { type: "string", default: "1" },
    /** Where the SQLite files go (a new temporary directory when absent); kept with --keep. */
    dir: { type: "string" },
    keep: { type: "boolean", default: false },
    /** After each day's row: where the compaction's time went (store calls, rows read, the event loop's longest stall). */
    profile: { type: "boolean", default: false },
    /**
     * `child`: each compaction is `strata compact` in a process of its own, as a server's
     * schedule and an operator run it, while the load writes in this one; `process`: in
     * this process, beside the load (what a `memory:` server does).
     */
    "compact-in": { type: "string", default: "child" },
    /**
     * Each write of the load slower than this many ms is printed with what the machine did
     * meanwhile (Linux): the time some task and every task waited on IO (`/proc/pressure/io`),
     * this process's event loop and heap, the dirty and writeback pages (`/proc/meminfo`),
     * sampled every 5 ms.
     */
    "explain-slow": { type: "string" }
  }
})

const keyCount = Number(args.keys)
const totalUsages = Number(args.usages)
const days = Number(args.days)
const retainDays = Number(args["retain-days"])
const reportEvery = Math.max(1, Number(args["report-every"]))
const loadKeyCount = Number(args["load-keys"])
const loadFibers = Number(args["load-fibers"])
const loadPauseMs = Number(args["load-pause-ms"])
const baselineMs = Number(args["baseline-ms"])
const importBatch = Number(args["import-batch"])
const compactOptions = {
  ...(args["page-size"] === undefined ? {} : { pageSize: Number(args["page-size"]) }),
  ...(args["per-transaction"] === undefined ? {} : { removedPerTransaction: Number(args["per-transaction"]) })
}

// Read when the throwaway server starts: benchmarks run at the durability users run.
const benchPgUrl = process.env.STRATA_BENCH_PG_URL
if (benchPgUrl) process.env.STRATA_TEST_PG_URL = benchPgUrl
else {
  process.env.STRATA_TEST_PG_DURABLE = "1"
  delete process.env.STRATA_TEST_PG_URL
}

const dayMs = 86_400_000
/** The simulation's first day starts here. */
const epoch = Date.parse("2025-01-01T00:00:00.000Z")
const iso = (ms: number) => new Date(ms).toISOString()

/** Seeded: runs with and without compaction write the same usage. */
const random = DemoWorld.random

/**
 * Simulated time: `set` moves it to a moment, from which it goes on with real time (it
 * never goes back). The store's clock, so that appends are recorded in simulated time;
 * sleeps and monotonic time stay real.
 */
const simulatedClock = () => {
  const real = Clock.Clock.defaultValue()
  let base = epoch
  let realAt = Date.now()
  const now = () => base + (Date.now() - realAt)
  const clock: Clock.Clock = {
    currentTimeMillisUnsafe: now,
    currentTimeMillis: Effect.sync(now),
    currentTimeNanosUnsafe: () => BigInt(now()) * 1_000_000n,
    currentTimeNanos: Effect.sync(() => BigInt(now()) * 1_000_000n),
    monotonicTimeNanosUnsafe: () => real.monotonicTimeNanosUnsafe(),
    monotonicTimeNanos: real.monotonicTimeNanos,
    sleep: (duration) => real.sleep(duration)
  }
  return {
    clock,
    now,
    set: (ms: number) => {
      if (ms <= now()) return
      base = ms
      realAt = Date.now()
    }
  }
}

interface Sizes {
  /** What is reported: SQLite pages in use; Postgres strata_events with its indexes after VACUUM. */
  readonly bytes: number
  /** SQLite: the file and its WAL; Postgres: the whole database. */
  readonly onDisk: number
  readonly events: number
}

interface Backend {
  readonly name: string
  /** As `strata --database` takes it. */
  readonly url: string
  readonly layer: Layer.Layer<Store, unknown, InlineProjections>
  readonly sizes: () => Promise<Sizes>
  readonly close: () => Promise<void>
}

const fileSize = (path: string) => {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

const sqlite = (dir: string, label: string): Backend => {
  const filename = join(dir, `${label}.db`)
  let db: Database | undefined
  return {
    name: "sqlite",
    url: `sqlite:${filename}`,
    layer: SqliteStore.layer({ filename }),
    sizes: async () => {
      db ??= new Database(filename, { readonly: true })
      const pragma = (name: string) => Number((db!.query(`PRAGMA ${name}`).get() as Record<string, number>)[name])
      const pageSize = pragma("page_size")
      const inUse = (pragma("page_count") - pragma("freelist_count")) * pageSize
      const events = Number((db.query("SELECT count(*) AS n FROM strata_events").get() as { n: number }).n)
      return { bytes: inUse, onDisk: fileSize(filename) + fileSize(`${filename}-wal`), events }
    },
    close: async () => {
      db?.close()
      if (!args.keep) for (const suffix of ["", "-wal", "-shm"]) rmSync(`${filename}${suffix}`, { force: true })
    }
  }
}

/** A local LibSQL file, sized as SQLite's (through LibSQL itself: two SQLite libraries in one process do not see each other's locks). */
const libsql = (dir: string, label: string): Backend => {
  const filename = join(dir, `${label}.db`)
  let client: Libsql.Client | undefined
  return {
    name: "libsql",
    url: `file:${filename}`,
    layer: LibsqlStore.layer({ url: `file:${filename}` }),
    sizes: async () => {
      client ??= Libsql.createClient({ url: `file:${filename}` })
      const pragma = async (name: string) => Number((await client!.execute(`PRAGMA ${name}`)).rows[0]![0])
      const inUse = ((await pragma("page_count")) - (await pragma("freelist_count"))) * (await pragma("page_size"))
      const events = Number((await client.execute("SELECT count(*) AS n FROM strata_events")).rows[0]![0])
      return { bytes: inUse, onDisk: fileSize(filename) + fileSize(`${filename}-wal`), events }
    },
    close: async () => {
      client?.close()
      if (!args.keep) for (const suffix of ["", "-wal", "-shm"]) rmSync(`${filename}${suffix}`, { force: true })
    }
  }
}

const postgres = async (): Promise<Backend> => {
  const url = await freshDatabase()
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const setting = async (name: string) => (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]![name]
  console.log(`postgres server: fsync=${await setting("fsync")}, synchronous_commit=${await setting("synchronous_commit")}, full_page_writes=${await setting("full_page_writes")}`)
  return {
    name: "postgres",
    url,
    layer: PostgresStore.layer({ url: Redacted.make(url) }),
    sizes: async () => {
      await client.query("VACUUM strata_events")
      const { rows } = await client.query<{ bytes: string; database: string; events: string }>(
        `SELECT pg_total_relation_size('strata_events') AS bytes, pg_database_size(current_database()) AS database,
           (SELECT count(*) FROM strata_events) AS events`
      )
      return { bytes: Number(rows[0]!.bytes), onDisk: Number(rows[0]!.database), events: Number(rows[0]!.events) }
    },
    close: async () => {
      await client.end()
    }
  }
}

interface Latencies {
  readonly count: number
  readonly p50: number
  readonly p99: number
  readonly max: number
}

const summarise = (samples: ReadonlyArray<number>): Latencies => {
  if (samples.length === 0) return { count: 0, p50: 0, p99: 0, max: 0 }
  const sorted = Float64Array.from(samples).sort()
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1]! }
}

interface Day {
  readonly day: number
  readonly imported: number
  readonly loadUsages: number
  readonly sizes: Sizes
  readonly removed: number
  readonly compactionMs: number
  readonly baseline: Latencies
  readonly during: Latencies
  readonly importMs: number
  /** The event loop's longest stall during the compaction. */
  readonly stallMs: number
  readonly profile: Profile
}

interface Run {
  readonly backend: string
  readonly compaction: boolean
  readonly rows: ReadonlyArray<Day>
  readonly wallMs: number
}

/** Time spent in each store call a compaction makes, and the rows they returned. */
type Profile = Map<string, { calls: number; ms: number; rows: number }>

/**
 * `compactLog` with the store's calls timed (wall time, waiting for the connection
 * included): what is left of the compaction's time is its own work in the process —
 * decoding, folding, planning.
 */
const profiled = <A, E, R>(compaction: Effect.Effect<A, E, R>, profile: Profile) =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const log = yield* LogCompaction
    const timed = <B, F, S>(name: string, effect: Effect.Effect<B, F, S>) =>
      Effect.suspend(() => {
        const began = performance.now()
        return Effect.tap(effect, (result) =>
          Effect.sync(() => {
            const entry = profile.get(name) ?? { calls: 0, ms: 0, rows: 0 }
            entry.calls++
            entry.ms += performance.now() - began
            entry.rows += Array.isArray(result) ? result.length : 0
            profile.set(name, entry)
          }))
      })
    const wrapped: EventStoreService = {
      ...store,
      readAll: (options) => timed("readAll", store.readAll(options)),
      readStream: (streamId, options) => timed("readStream", store.readStream(streamId, options))
    }
    return yield* compaction.pipe(
      Effect.provideService(EventStore, wrapped),
      Effect.provideService(LogCompaction, { ...log, replace: (replacements) => timed("replace", log.replace(replacements)) })
    )
  })

/** One look at the machine: when, IO stall so far (µs: some task waiting, every task waiting), dirty and writeback kB, this process's heap. */
interface MachineSample {
  readonly at: number
  readonly ioSomeUs: number
  readonly ioFullUs: number
  readonly dirtyKb: number
  readonly writebackKb: number
  readonly heapMb: number
}

const lookAtMachine = (): MachineSample | undefined => {
  try {
    const io = readFileSync("/proc/pressure/io", "utf8")
    const memory = readFileSync("/proc/meminfo", "utf8")
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(memory)?.[1] ?? 0)
    return {
      at: performance.now(),
      ioSomeUs: Number(/^some .*total=(\d+)/m.exec(io)?.[1] ?? 0),
      ioFullUs: Number(/^full .*total=(\d+)/m.exec(io)?.[1] ?? 0),
      dirtyKb: kb("Dirty"),
      writebackKb: kb("Writeback"),
      heapMb: process.memoryUsage().heapUsed / 1e6
    }
  } catch {
    return undefined
  }
}

/**
 * `--explain-slow`: the machine sampled every 5 ms while the load runs; writes slower than
 * `slowMs` are kept, and told with what the samples around them say — the samples' own
 * timer also shows how long this process's event loop could not run (the longest gap
 * between two samples), and a heap that shrank meanwhile a garbage collection. Writes of
 * the load's fibers that ended together are told once.
 */
const slowWrites = (slowMs: number) => {
  const samples: Array<MachineSample> = []
  const timer = setInterval(() => {
    const sample = lookAtMachine()
    if (sample !== undefined) samples.push(sample)
  }, 5)
  const slow: Array<{ began: number; ended: number }> = []
  return {
    write: (began: number, ended: number) => {
      if (ended - began >= slowMs) slow.push({ began, ended })
    },
    explain: (label: string) => {
      clearInterval(timer)
      const groups: Array<{ began: number; ended: number; writes: number }> = []
      for (const write of slow.sort((a, b) => a.ended - b.ended)) {
        const last = groups.at(-1)
        if (last !== undefined && write.ended - last.ended < 5) {
          last.writes++
          last.began = Math.min(last.began, write.began)
        } else groups.push({ ...write, writes: 1 })
      }
      return groups.map(({ began, ended, writes }) => {
        const around = samples.filter((sample) => sample.at >= began - 5 && sample.at <= ended + 5)
        const first = around[0]
        const last = around.at(-1)
        if (first === undefined || last === undefined) return `       slow ${label}: ${writes} write(s) up to ${(ended - began).toFixed(1)} ms; no sample meanwhile`
        let gap = 0
        for (let index = 1; index < around.length; index++) gap = Math.max(gap, around[index]!.at - around[index - 1]!.at)
        const heapDrop = Math.max(0, Math.max(...around.map((sample) => sample.heapMb)) - last.heapMb)
        return `       slow ${label}: ${writes} write(s) up to ${(ended - began).toFixed(1)} ms; meanwhile IO stall ${
          ((last.ioSomeUs - first.ioSomeUs) / 1000).toFixed(1)
        } ms (some task) / ${((last.ioFullUs - first.ioFullUs) / 1000).toFixed(1)} ms (every task), event loop's longest gap ${gap.toFixed(1)} ms, heap ${heapDrop > 1 ? `down ${heapDrop.toFixed(0)} MB (a collection)` : "steady"}, dirty up to ${
          Math.max(...around.map((sample) => sample.dirtyKb)).toLocaleString("en")
        } kB, writeback up to ${Math.max(...around.map((sample) => sample.writebackKb)).toLocaleString("en")} kB`
      })
    }
  }
}

/** The event loop's longest stall while it runs: how long a request in this process could not even start. */
const loopStalls = () => {
  let last = performance.now()
  let longest = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last - 5)
    last = now
  }, 5)
  return () => {
    clearInterval(timer)
    return Math.max(0, longest)
  }
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1)
const ms = (value: number) => value.toFixed(1)
const pad = (text: string | number, width: number) => String(text).padStart(width)

const header = [
  pad("day", 4), pad("events", 10), pad("size MB", 9), pad("disk MB", 9), pad("B/event", 8), pad("removed", 9),
  pad("compact s", 9), pad("removed/s", 10), pad("base p99", 9), pad("base max", 9), pad("comp p99", 9), pad("comp max", 9), pad("stall", 7), pad("writes", 7)
].join(" ")
const line = (row: Day) =>
  [
    pad(row.day, 4), pad(row.sizes.events.toLocaleString("en"), 10), pad(mb(row.sizes.bytes), 9), pad(mb(row.sizes.onDisk), 9),
    pad((row.sizes.bytes / row.sizes.events).toFixed(0), 8), pad(row.removed.toLocaleString("en"), 9),
    pad((row.compactionMs / 1000).toFixed(2), 9), pad(row.removed === 0 ? "-" : (row.removed / (row.compactionMs / 1000)).toFixed(0), 10),
    pad(ms(row.baseline.p99), 9), pad(ms(row.baseline.max), 9), pad(row.during.count === 0 ? "-" : ms(row.during.p99), 9),
    pad(row.during.count === 0 ? "-" : ms(row.during.max), 9), pad(ms(row.stallMs), 7), pad(row.baseline.count + row.during.count, 7)
  ].join(" ")

/** The usages each day writes: the total spread evenly, the remainder on the first days. */
const usagesOn = (day: number) => Math.floor(totalUsages / days) + (day < totalUsages % days ? 1 : 0)

const simulate = async (makeBackend: () => Promise<Backend>, compaction: boolean): Promise<Run> => {
  const started = Date.now()
  const backend = await makeBackend()
  const time = simulatedClock()
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(
      backend.layer.pipe(Layer.provide(Layer.succeed(InlineProjections, projections))),
      Layer.succeed(Clock.Clock, time.clock)
    )
  )
  const run = <A, E>(effect: Effect.Effect<A, E, Store>) => runtime.runPromise(effect)
  const head = () => run(Effect.flatMap(EventStore, (store) => store.head))
  const importAll = async (events: ReadonlyArray<RecordedEvent>) => {
    for (let index = 0; index < events.length; index += importBatch) {
      const batch = events.slice(index, index + importBatch)
      await run(Effect.flatMap(LogOperations, (log) => log.importEvents(batch, { applyProjections: true })))
    }
  }
  const label = `${backend.name}-${compaction ? "on" : "off"}`
  const next = random(Number(args.seed))

  try {
    // The load's keys: created as the HTTP API creates them, at the simulation's start.
    const loadKeys: Array<{ keyId: string; owner: string }> = []
    for (let index = 0; index < loadKeyCount; index++) {
      const key = await run(ApiKeys.create("load", { name: `load ${index}`, model: null, tokenLimitPer5h: 1_000_000_000, expiresAt: null }, {
        actor: Actor.adminFor("load"),
        correlationId: uuidV7(time.now())
      }))
      loadKeys.push({ keyId: key.keyId, owner: "load" })
    }

    // The simulated keys: `ApiKeyCreated` as `ApiKeys.create` writes it, at the epoch.
    const keys = Array.from({ length: keyCount }, (_, index) => ({
      keyId: uuidV7(epoch),
      owner: `owner-${index % 100}`,
      version: 1,
      windowStart: Number.NEGATIVE_INFINITY
    }))
    let position = await head()
    const created = keys.map((key, index): RecordedEvent => {
      const { _tag, ...data } = Schema.encodeSync(ApiKey.ApiKeyEvent)(ApiKey.ApiKeyCreated.make({
        keyId: key.keyId,
        owner: key.owner,
        name: `key ${index}`,
        model: null,
        tokenLimitPer5h: 1_000_000_000,
        expiresAt: null,
        secretHash: createHash("sha256").update(crypto.getRandomValues(new Uint8Array(32))).digest("hex"),
        createdAt: epoch
      })) as { _tag: string }
      return {
        eventId: uuidV7(epoch),
        streamId: `${ApiKeys.ApiKeyAggregate.category}-${key.keyId}`,
        version: 1,
        position: ++position,
        type: "ApiKeyCreated",
        schemaVersion: 1,
        data,
        metadata: { actor: Actor.adminFor(key.owner), correlationId: uuidV7(epoch) },
        recordedAt: iso(epoch)
      }
    })
    await importAll(created)

    /** Usages the load recorded that the days to come import fewer of. */
    let owed = 0

    /** The load: each fiber writes usage on its key until told to stop; each write's latency is kept. */
    const load = (samples: Array<number>, phase: string) => {
      const explained = args["explain-slow"] === undefined ? undefined : slowWrites(Number(args["explain-slow"]))
      let stop = false
      let recorded = 0
      let failed: string | undefined
      const fibers = Array.from({ length: loadFibers }, async (_, index) => {
        const key = loadKeys[index % loadKeys.length]!
        while (!stop) {
          const began = performance.now()
          const exit = await runtime.runPromiseExit(ApiKeys.recordUsage(key.keyId, 1 + Math.floor(next() * 4000), {
            enforceQuota: false,
            metadata: { actor: Actor.ofKey(key.owner, key.keyId), correlationId: uuidV7(time.now()) }
          }))
          if (Exit.isSuccess(exit)) {
            samples.push(performance.now() - began)
            explained?.write(began, performance.now())
            recorded++
          } else failed ??= Cause.pretty(exit.cause)
          if (loadPauseMs > 0) await Bun.sleep(loadPauseMs)
        }
      })
      return async () => {
        stop = true
        await Promise.all(fibers)
        for (const line of explained?.explain(phase) ?? []) console.log(line)
        if (failed !== undefined) throw new Error(`a usage of the load failed: ${failed}`)
        return recorded
      }
    }

    const rows: Array<Day> = []
    console.log(`\n${label}: ${keyCount.toLocaleString("en")} keys, ${totalUsages.toLocaleString("en")} usages over ${days} days, ${
      compaction ? `compaction after each day, ${retainDays} days kept` : "no compaction"
    }`)
    console.log(header)
    for (let day = 0; day < days; day++) {
      const dayStart = epoch + day * dayMs
      const dayEnd = dayStart + dayMs
      const count = Math.max(0, usagesOn(day) - owed)
      owed -= usagesOn(day) - count
      // After what the load recorded at the last day's end: times follow positions.
      const from = Math.max(dayStart, time.now() + 1)
      const times = new Float64Array(count)
      for (let index = 0; index < count; index++) times[index] = from + Math.floor(next() * (dayEnd - from))
      times.sort()
      position = await head()
      const events: Array<RecordedEvent> = new Array(count)
      for (let index = 0; index < count; index++) {
        const at = times[index]!
        const key = keys[Math.floor(next() * keyCount)]!
        // As `ApiKey.decide`: a usage opens a window when the last one has run out.
        if (!(at < key.windowStart + ApiKey.windowMs)) key.windowStart = at
        events[index] = {
          eventId: uuidV7(at),
          streamId: `${ApiKeys.ApiKeyAggregate.category}-${key.keyId}`,
          version: ++key.version,
          position: ++position,
          type: "UsageRecorded",
          schemaVersion: 1,
          data: { tokens: 1 + Math.floor(next() * 4000), at, windowStart: key.windowStart },
          metadata: { actor: Actor.ofKey(key.owner, key.keyId), correlationId: uuidV7(at) },
          recordedAt: iso(at)
        }
      }
      const importStarted = performance.now()
      await importAll(events)
      const importMs = performance.now() - importStarted

      // The day's end: the load, before, during and after the compaction.
      time.set(dayEnd)
      const baseline: Array<number> = []
      const during: Array<number> = []
      let loadUsages = 0
      let stopLoad = load(baseline, `day ${day + 1}, before the compaction`)
      await Bun.sleep(baselineMs)
      loadUsages += await stopLoad()
      let removed = 0
      let compactionMs = 0
      let stallMs = 0
      const profile: Profile = new Map()
      if (compaction) {
        stopLoad = load(during, `day ${day + 1}, beside the compaction`)
        const stalls = loopStalls()
        const began = performance.now()
        const before = dayEnd - retainDays * dayMs
        if (args["compact-in"] === "child") {
          // The child's cutoff is its real now minus the retention: the retention that lands on this day's.
          const retain = `usage=${Date.now() - before} millis`
          const child = Bun.spawn([process.execPath, join(import.meta.dir, "../main.ts"), "compact", "--database", backend.url, "--retain", retain], {
            env: { ...process.env, STRATA_ARCHIVE_DIR: "" },
            stdout: "pipe",
            stderr: "pipe"
          })
          const [code, out, err] = await Promise.all([child.exited, new Response(child.stdout).text(), new Response(child.stderr).text()])
          if (code !== 0) throw new Error(`strata compact failed: ${err.trim().split("\n").at(-1)}`)
          removed = Number(/usage: ([\d,]+) events/.exec(out)?.[1]?.replace(/,/g, "") ?? 0)
        } else {
          removed = (await run(profiled(compactLog(ApiKeys.usageRetention, { before: iso(before), ...compactOptions }), profile))).removed
        }
        compactionMs = performance.now() - began
        stallMs = stalls()
        loadUsages += await stopLoad()
      }
      stopLoad = load(baseline, `day ${day + 1}, after the compaction`)
      await Bun.sleep(baselineMs)
      loadUsages += await stopLoad()
      owed += loadUsages

      const row: Day = {
        day: day + 1,
        imported: count,
        loadUsages,
        sizes: await backend.sizes(),
        removed,
        compactionMs,
        baseline: summarise(baseline),
        during: summarise(during),
        importMs,
        stallMs,
        profile
      }
      rows.push(row)
      if (day === 0 || day === days - 1 || (day + 1) % reportEvery === 0) {
        console.log(line(row))
        if (args.profile && removed > 0) console.log(profileLine(row))
      }
    }
    return { backend: backend.name, compaction, rows, wallMs: Date.now() - started }
  } finally {
    await runtime.dispose()
    await backend.close()
  }
}

const profileLine = (row: Day) => {
  const parts = [...row.profile].map(([name, entry]) =>
    `${name} ${entry.calls} calls ${(entry.ms / 1000).toFixed(1)} s ${entry.rows.toLocaleString("en")} rows`
  )
  const stores = [...row.profile.values()].reduce((sum, entry) => sum + entry.ms, 0)
  return `       profile: ${parts.join("; ")}; in the process ${((row.compactionMs - stores) / 1000).toFixed(1)} s`
}

const dayAt = (rows: ReadonlyArray<Day>, day: number) => rows.find((row) => row.day === day) ?? rows[rows.length - 1]!

const summary = (result: Run) => {
  const { rows } = result
  const last = rows[rows.length - 1]!
  const atRetain = dayAt(rows, retainDays)
  const compacting = rows.filter((row) => row.removed > 0)
  const removed = compacting.reduce((sum, row) => sum + row.removed, 0)
  const seconds = compacting.reduce((sum, row) => sum + row.compactionMs, 0) / 1000
  const baseline = { p99: Math.max(...rows.map((row) => row.baseline.p99)), max: Math.max(...rows.map((row) => row.baseline.max)) }
  const during = { p99: Math.max(0, ...compacting.map((row) => row.during.p99)), max: Math.max(0, ...compacting.map((row) => row.during.max)) }
  const usages = rows.reduce((sum, row) => sum + row.imported + row.loadUsages, 0)
  const imports = rows.reduce((sum, row) => sum + row.importMs, 0) / 1000
  const lines = [
    `${result.backend}, compaction ${result.compaction ? "on" : "off"} (${(result.wallMs / 60_000).toFixed(1)} min; ${usages.toLocaleString("en")} usages, imported at ${
      (rows.reduce((sum, row) => sum + row.imported, 0) / imports).toFixed(0)
    }/s):`,
    `  size day ${atRetain.day}: ${mb(atRetain.sizes.bytes)} MB (${atRetain.sizes.events.toLocaleString("en")} events); day ${last.day}: ${mb(last.sizes.bytes)} MB (${
      last.sizes.events.toLocaleString("en")
    } events), ${((last.sizes.bytes / atRetain.sizes.bytes - 1) * 100).toFixed(1)}% after day ${atRetain.day}; on disk ${mb(last.sizes.onDisk)} MB`,
    `  bytes per event in the log at day ${last.day}: ${(last.sizes.bytes / last.sizes.events).toFixed(0)}`
  ]
  if (result.compaction) {
    lines.push(
      `  compaction: ${removed.toLocaleString("en")} events removed in ${seconds.toFixed(1)} s over ${compacting.length} days: ${
        seconds === 0 ? "-" : (removed / seconds).toFixed(0)
      } events/s (slowest day ${Math.max(0, ...compacting.map((row) => row.compactionMs / 1000)).toFixed(1)} s)`,
      `  writes beside it, worst day: p99 ${ms(during.p99)} ms, max ${ms(during.max)} ms; without a compaction running: p99 ${ms(baseline.p99)} ms, max ${
        ms(baseline.max)
      } ms — ratio p99 ${(during.p99 / baseline.p99).toFixed(1)}×, max ${(during.max / baseline.max).toFixed(1)}×`,
      `  the event loop's longest stall during a compaction: ${ms(Math.max(0, ...compacting.map((row) => row.stallMs)))} ms`
    )
    const total: Profile = new Map()
    for (const row of compacting) {
      for (const [name, entry] of row.profile) {
        const sum = total.get(name) ?? { calls: 0, ms: 0, rows: 0 }
        total.set(name, { calls: sum.calls + entry.calls, ms: sum.ms + entry.ms, rows: sum.rows + entry.rows })
      }
    }
    const stores = [...total.values()].reduce((sum, entry) => sum + entry.ms, 0)
    lines.push(`  where the compaction's time went: ${
      [...total].map(([name, entry]) => `${name} ${(entry.ms / 1000).toFixed(1)} s (${entry.calls.toLocaleString("en")} calls, ${entry.rows.toLocaleString("en")} rows)`).join(", ")
    }, in the process ${(seconds - stores / 1000).toFixed(1)} s`)
  } else lines.push(`  writes (no compaction): p99 ${ms(baseline.p99)} ms, max ${ms(baseline.max)} ms (worst day)`)
  return lines.join("\n")
}

const sideBySide = (on: Run, off: Run) => {
  console.log(`\n${on.backend}: compaction on beside off`)
  console.log([pad("day", 4), pad("events on", 11), pad("events off", 11), pad("MB on", 9), pad("MB off", 9), pad("B/ev on", 8), pad("B/ev off", 8)].join(" "))
  for (const row of on.rows) {
    if (!(row.day === 1 || row.day === days || row.day % reportEvery === 0)) continue
    const other = off.rows.find((candidate) => candidate.day === row.day)
    if (other === undefined) continue
    console.log([
      pad(row.day, 4), pad(row.sizes.events.toLocaleString("en"), 11), pad(other.sizes.events.toLocaleString("en"), 11),
      pad(mb(row.sizes.bytes), 9), pad(mb(other.sizes.bytes), 9),
      pad((row.sizes.bytes / row.sizes.events).toFixed(0), 8), pad((other.sizes.bytes / other.sizes.events).toFixed(0), 8)
    ].join(" "))
  }
}

const dir = args.dir ?? mkdtempSync(join(tmpdir(), "strata-retention-"))
const results: Array<Run> = []
console.log(`retention simulation: ${process.argv.slice(2).join(" ") || "(defaults)"}`)
console.log(`sizes — sqlite, libsql: pages in use (page_count − freelist_count) × page_size, disk: file + WAL; postgres: pg_total_relation_size(strata_events) after VACUUM, disk: the database`)
console.log(`load: ${loadFibers} fibers on ${loadKeyCount} keys, ${loadPauseMs} ms between a fiber's writes, ${baselineMs} ms before and after each compaction (base), and during it (comp); latencies in ms`)
try {
  for (const name of args.backends.split(",")) {
    if (name === "postgres") {
      const server = benchPgUrl ? "STRATA_BENCH_PG_URL" : "a throwaway server at default durability (fsync on, synchronous_commit on)"
      console.log(`\npostgres: ${server}`)
    }
    for (const mode of args.compaction.split(",")) {
      const make = name === "sqlite"
        ? async () => sqlite(dir, `${name}-${mode}`)
        : name === "libsql"
        ? async () => libsql(dir, `${name}-${mode}`)
        : name === "postgres"
        ? postgres
        : undefined
      if (make === undefined) throw new Error(`unknown backend ${name} (sqlite, libsql, postgres)`)
      results.push(await simulate(make, mode === "on"))
    }
  }
} finally {
  await stopPostgres()
  if (!args.keep && args.dir === undefined) rmSync(dir, { recursive: true, force: true })
}

for (const backend of new Set(results.map((result) => result.backend))) {
  const on = results.find((result) => result.backend === backend && result.compaction)
  const off = results.find((result) => result.backend === backend && !result.compaction)
  if (on && off) sideBySide(on, off)
}
console.log("\nsummary")
for (const result of results) console.log(summary(result))
