/**
 * strata beside the raw drivers, in one run: each figure next to the raw driver doing the
 * same work with the same statements and pragmas, so that the ratio — not the machine —
 * is what to read.
 *
 *   npm run bench                         # all backends, 1,000,000 events replayed
 *   npm run bench -- --backends sqlite --replay 200000
 *
 * Postgres: STRATA_BENCH_PG_URL, else a throwaway server as in the tests but at Postgres'
 * default durability (fsync on); the output says which, with the server's own settings.
 * Beside strata's own append statement, Postgres' append rows show a raw parallel insert:
 * strata's table without the head row, the physical limit for concurrent writers.
 */
import { createClient } from "@libsql/client"
import { Database } from "bun:sqlite"
import { Effect, Layer, ManagedRuntime, Option, Redacted } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { parseArgs } from "node:util"
import pg from "pg"
import * as Aggregate from "../application/eventsourcing/Aggregate.ts"
import * as ApiKeys from "../application/features/ApiKeys.ts"
import { uuidV7 } from "../application/ports/EventIds.ts"
import { EventStore, ExpectedVersion, type NewEvent } from "../application/ports/EventStore.ts"
import { LogOperations } from "../application/ports/LogOperations.ts"
import { InlineProjections, Projection } from "../application/eventsourcing/Projection.ts"
import { bulkChunkSize, rebuildProjection } from "../application/eventsourcing/rebuildProjection.ts"
import * as BackupFile from "../adapters/cli/BackupFile.ts"
import type { Store } from "../application/ports/Store.ts"
import * as LibsqlStore from "../adapters/libsql/LibsqlStore.ts"
import * as PostgresStore from "../adapters/postgres/PostgresStore.ts"
import * as SqliteStore from "../adapters/sqlite/SqliteStore.ts"
import { sqliteDialect, streamIdByName } from "../adapters/sql/sqliteDialect.ts"
import { toStored } from "../adapters/sql/StoredIds.ts"
import { freshDatabase, stopPostgres } from "../test/support/postgres.ts"
import { Tally } from "../test/support/Tally.ts"

const { values: args } = parseArgs({
  options: {
    backends: { type: "string", default: "sqlite,postgres,libsql" },
    replay: { type: "string", default: "1000000" },
    appends: { type: "string", default: "5000" },
    aggregate: { type: "string", default: "100000" },
    usage: { type: "string", default: "1000000" },
    /** Internal: this process is one of the writer processes of the multi-process row (`strata` or `parallel`). */
    child: { type: "string" },
    index: { type: "string", default: "0" }
  }
})
const replayEvents = Number(args.replay)
const singleAppends = Number(args.appends)
const streams = 1_000
const batches = 200
const batchSize = 100
const streamReads = 200
const aggregateEvents = Number(args.aggregate)
const priorUsage = Number(args.usage)
const writers = 8
const processes = 2

// Read when the throwaway server starts, not at import: set before the first database. A
// test server's URL (fsync off, most likely) must not stand in for a durable one.
const benchPgUrl = process.env.STRATA_BENCH_PG_URL
if (benchPgUrl) process.env.STRATA_TEST_PG_URL = benchPgUrl
else {
  process.env.STRATA_TEST_PG_DURABLE = "1"
  delete process.env.STRATA_TEST_PG_URL
}

interface Row {
  readonly backend: string
  readonly workload: string
  readonly unit: string
  readonly strata: number
  readonly raw: number | undefined
  /** Postgres' appends: the raw parallel insert, no head row. */
  readonly limit: number | undefined
}
const rows: Array<Row> = []
/** Lines printed above the table: which servers the figures come from. */
const servers: Array<string> = []

const range = (count: number) => Array.from({ length: count }, (_, index) => index)

const rate = async (ops: number, work: () => Promise<unknown>) => {
  const start = performance.now()
  await work()
  return ops / ((performance.now() - start) / 1000)
}

const payload = (index: number) => JSON.stringify({ index, note: "a typical small event payload", amount: index % 97 })

const newEvent = (index: number): NewEvent => ({
  eventId: uuidV7(),
  type: "Happened",
  data: { index, note: "a typical small event payload", amount: index % 97 },
  metadata: { actor: "bench" }
})

/** The raw side of one backend: the same statements strata issues, with nothing around them. */
interface Raw {
  /** The append statement strata issues on this backend. */
  readonly append: (streamId: string, expectedVersion: number, count: number) => Promise<void>
  readonly readStream: (streamId: string) => Promise<number>
  /** Pages of 1,000 by position, as `readAll` does. */
  readonly scan: () => Promise<number>
  readonly close: () => Promise<void>
}

/**
 * strata's SQLite append: one statement, positions are rowids, the version checked in its
 * WHERE; the stream as its id (taken by its first row, which carries its name), the type
 * and actor as the ids of their names, resolved before, the event id stored as its 16
 * bytes (see adapters/sql/sqliteDialect.ts).
 */
const sqliteInsert = (count: number) =>
  `INSERT INTO strata_events (event_id, stream_ref, version, type_ref, schema_version, data, actor_ref, correlation_id,
    causation_id, recorded_at, stream_name)
  SELECT column1, ?, column2, column3, column4, column5, column6, column7, column8, ?, CASE WHEN column2 = 1 THEN ? END
  FROM (VALUES ${Array.from({ length: count }, () => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")})
  WHERE NOT EXISTS (SELECT 1 FROM strata_log WHERE fenced_at IS NOT NULL)
    AND (? = 0 OR EXISTS (SELECT 1 FROM strata_events WHERE stream_ref = ? AND version = ?))
    AND NOT EXISTS (SELECT 1 FROM strata_events WHERE stream_ref = ? AND version > ?)
  RETURNING position`
const sqliteParams = (streamId: string, ids: { stream: number; type: number; actor: number }, expectedVersion: number, count: number) => [
  ids.stream,
  new Date().toISOString(),
  streamId,
  ...Array.from({ length: count }, (_, i) => [toStored(uuidV7()), expectedVersion + i + 1, ids.type, 1, payload(i), ids.actor, null, null])
    .flat(),
  expectedVersion,
  ids.stream,
  expectedVersion,
  ids.stream,
  expectedVersion
]
/** The ids of the names an append refers to, written and read the first time, then remembered, as the store does (`LogNames`). */
const sqliteNames = (run: (statement: string, name: string) => Promise<ReadonlyArray<{ readonly id: unknown }>>) => {
  const known = new Map<string, number>()
  const id = async (table: string, name: string) => {
    const kept = known.get(`${table}:${name}`)
    if (kept !== undefined) return kept
    await run(`INSERT INTO ${table} (name) VALUES (?) ON CONFLICT (name) DO NOTHING`, name)
    const [row] = await run(`SELECT id FROM ${table} WHERE name = ?`, name)
    known.set(`${table}:${name}`, Number(row!.id))
    return Number(row!.id)
  }
  // Streams this side starts take ids far from the seeded ones (listed from 1), in order.
  const streamIds = new Map<string, number>()
  return async (streamId: string) => ({
    stream: streamIds.get(streamId) ?? (streamIds.set(streamId, 1_000_000 + streamIds.size), streamIds.get(streamId)!),
    type: await id("strata_event_types", "Happened"),
    actor: await id("strata_actors", "bench")
  })
}
const scanSql = `SELECT position, event_id, stream_id, version, type, schema_version, data, actor, correlation_id,
  causation_id, recorded_at FROM strata_events WHERE position > ? ORDER BY position LIMIT 1000`
const sqliteScanSql = `SELECT ${sqliteDialect.log.columns} FROM ${sqliteDialect.log.from} WHERE e.position > ?
  ORDER BY e.position LIMIT 1000`
/** Takes the stream's name twice (see `sqliteDialect`'s `streamIs`). */
const sqliteReadStreamSql = `SELECT ${sqliteDialect.log.columns} FROM ${sqliteDialect.log.from}
  WHERE e.stream_ref = ${streamIdByName} AND e.version >= 1 ORDER BY e.version`
const sqliteReadStreamParams = (streamId: string) => [streamId, streamId]

const rawSqlite = (filename: string): Raw => {
  const db = new Database(filename)
  db.run("PRAGMA journal_mode = WAL")
  db.run("PRAGMA synchronous = NORMAL")
  db.run("PRAGMA busy_timeout = 5000")
  const inserts = new Map<number, ReturnType<typeof db.query>>()
  const insert = (count: number) => {
    let statement = inserts.get(count)
    if (!statement) inserts.set(count, statement = db.query(sqliteInsert(count)))
    return statement
  }
  const read = db.query(sqliteReadStreamSql)
  const page = db.query(sqliteScanSql)
  const names = sqliteNames(async (statement, name) => db.query(statement).all(name) as Array<{ id: unknown }>)
  return {
    append: async (streamId, expectedVersion, count) => {
      insert(count).all(...sqliteParams(streamId, await names(streamId), expectedVersion, count) as Array<never>)
    },
    readStream: async (streamId) => read.all(...sqliteReadStreamParams(streamId) as Array<never>).length,
    scan: async () => {
      let after = 0
      let total = 0
      while (true) {
        const rows = page.all(after) as Array<{ position: number }>
        if (rows.length === 0) return total
        total += rows.length
        after = rows[rows.length - 1]!.position
      }
    },
    close: async () => db.close()
  }
}

const rawLibsql = (url: string): Raw => {
  const client = createClient({ url })
  const names = sqliteNames(async (statement, name) => (await client.execute({ sql: statement, args: [name] })).rows as unknown as Array<{ id: unknown }>)
  return {
    append: async (streamId, expectedVersion, count) => {
      await client.execute({ sql: sqliteInsert(count), args: sqliteParams(streamId, await names(streamId), expectedVersion, count) as Array<never> })
    },
    readStream: async (streamId) => (await client.execute({ sql: sqliteReadStreamSql, args: sqliteReadStreamParams(streamId) })).rows.length,
    scan: async () => {
      let after = 0
      let total = 0
      while (true) {
        const { rows } = await client.execute({ sql: sqliteScanSql, args: [after] })
        if (rows.length === 0) return total
        total += rows.length
        after = Number(rows[rows.length - 1]!.position)
      }
    },
    close: async () => client.close()
  }
}

/**
 * strata's append call (adapters/sql/postgresDialect.ts): the server-side function of
 * migration 0005, with one append — what strata sends for an append that arrives alone.
 */
const pgAppend = `SELECT write_index, first_position FROM strata_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`

const rawPostgres = (url: string): Raw => {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  return {
    append: async (streamId, expectedVersion, count) => {
      const each = <A>(value: A) => Array.from({ length: count }, () => value)
      await pool.query(pgAppend, [
        [streamId],
        [expectedVersion],
        [count],
        Array.from({ length: count }, () => uuidV7()),
        each("Happened"),
        each(1),
        Array.from({ length: count }, (_, i) => payload(i)),
        each("bench"),
        each(null),
        each(null),
        each(new Date().toISOString())
      ])
    },
    readStream: async (streamId) =>
      (await pool.query("SELECT * FROM strata_events WHERE stream_id = $1 AND version >= 1 ORDER BY version", [streamId])).rows
        .length,
    scan: async () => {
      let after = 0
      let total = 0
      while (true) {
        const { rows } = await pool.query(scanSql.replace("?", "$1"), [after])
        if (rows.length === 0) return total
        total += rows.length
        after = Number(rows[rows.length - 1]!.position)
      }
    },
    close: () => pool.end()
  }
}

/**
 * The physical limit for concurrent writers: strata's table with its unique indexes (and its
 * type index, paid on every insert as strata pays it) but no head row — positions from an
 * identity column, so inserts run side by side and only the unique index orders them.
 */
const parallelSchema = [
  // strata's own table as its migration made it — columns, constraints, indexes — with
  // positions from an identity column instead of the head row.
  "CREATE TABLE bench_parallel_events (LIKE strata_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)",
  "ALTER TABLE bench_parallel_events ALTER COLUMN position ADD GENERATED ALWAYS AS IDENTITY"
]

/** One event at the expected version: a writer that lost the race gets the unique index's violation, as a conflict. */
const parallelInsert = `INSERT INTO bench_parallel_events (event_id, stream_id, version, type, schema_version, data, actor,
  correlation_id, causation_id, recorded_at)
VALUES ($1, $2, $3::bigint + 1, 'Happened', 1, $4, 'bench', NULL, NULL, $5)`

/** Writers that each issue single-event appends, as the 8-writer row spreads them. */
interface Writers {
  readonly run: (prefix: string, appends: number) => Promise<unknown>
  readonly close: () => Promise<void>
}

/**
 * Append `i` goes to stream `i % streams` at version `i / streams`, from writer `i % count`:
 * with `streams` a multiple of `count`, each stream stays with one writer, so no append
 * conflicts and every figure is of appends that succeeded.
 */
const spread = async (
  count: number,
  appends: number,
  append: (writer: number, stream: number, version: number, index: number) => Promise<unknown>
) => {
  await Promise.all(range(count).map(async (writer) => {
    for (let i = writer; i < appends; i += count) await append(writer, i % streams, Math.floor(i / streams), i)
  }))
}

/** The raw parallel insert from `count` writers, each holding its own connection of a pool of `count`. */
const parallelWriters = async (url: string, count: number): Promise<Writers> => {
  const pool = new pg.Pool({ connectionString: url, max: count })
  const clients = await Promise.all(range(count).map(() => pool.connect()))
  return {
    run: (prefix, appends) =>
      spread(count, appends, (writer, stream, version, i) =>
        clients[writer]!.query(parallelInsert, [uuidV7(), `${prefix}${stream}`, version, payload(i), new Date().toISOString()])),
    close: async () => {
      for (const client of clients) client.release()
      await pool.end()
    }
  }
}

/** Fills the log with `count` events straight in SQL: seeding is not what is measured. */
const seedSql = (dialect: "sqlite" | "postgres", count: number) =>
  dialect === "postgres"
    ? [
      `INSERT INTO strata_events (position, event_id, stream_id, version, type, schema_version, data, actor,
        recorded_at)
       SELECT h.head + g, md5(random()::text || g), 'seed-' || (g % 1000), 1000000 + g, 'Happened', 1,
         '{"index":' || g || ',"note":"a typical small event payload","amount":' || (g % 97) || '}', 'bench',
         '2026-01-01T00:00:00.000Z'
       FROM strata_log h, generate_series(1, ${count}) AS g`,
      `UPDATE strata_log SET head = head + ${count}`
    ]
    : [
      `WITH RECURSIVE g(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM g WHERE n < 999)
       INSERT OR IGNORE INTO strata_listed_streams (name) SELECT 'seed-' || n FROM g`,
      "INSERT OR IGNORE INTO strata_event_types (name) VALUES ('Happened')",
      "INSERT OR IGNORE INTO strata_actors (name) VALUES ('bench')",
      `WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ${count})
       INSERT INTO strata_events (event_id, stream_ref, version, type_ref, schema_version, data, actor_ref, recorded_at)
       SELECT randomblob(16), (SELECT id FROM strata_listed_streams WHERE name = 'seed-' || (n % 1000)), 1000000 + n,
         (SELECT id FROM strata_event_types WHERE name = 'Happened'), 1,
         '{"index":' || n || ',"note":"a typical small event payload","amount":' || (n % 97) || '}',
         (SELECT id FROM strata_actors WHERE name = 'bench'), '2026-01-01T00:00:00.000Z'
       FROM g`
    ]

interface BackendUnderTest {
  readonly name: string
  readonly dialect: "sqlite" | "postgres"
  /** A fresh, empty location. */
  readonly fresh: () => Promise<string>
  readonly layer: (location: string) => Layer.Layer<Store, unknown, InlineProjections>
  readonly raw: (location: string) => Raw
  readonly exec: (location: string, statements: ReadonlyArray<string>) => Promise<void>
  /** Which server, and how durable, for the line above the table. */
  readonly describe?: (location: string) => Promise<string>
  /** Where the raw parallel insert makes sense: a server that runs writers side by side. */
  readonly parallel?: boolean
}

const tempFile = () => join(mkdtempSync(join(tmpdir(), "strata-bench-")), "bench.db")

const backends: Record<string, BackendUnderTest> = {
  sqlite: {
    name: "sqlite",
    dialect: "sqlite",
    fresh: async () => tempFile(),
    layer: (filename) => SqliteStore.layer({ filename }),
    raw: rawSqlite,
    exec: async (filename, statements) => {
      const db = new Database(filename)
      for (const statement of statements) db.run(statement)
      db.close()
    }
  },
  libsql: {
    name: "libsql",
    dialect: "sqlite",
    fresh: async () => `file:${tempFile()}`,
    layer: (url) => LibsqlStore.layer({ url }),
    raw: rawLibsql,
    exec: async (url, statements) => {
      const client = createClient({ url })
      for (const statement of statements) await client.execute(statement)
      client.close()
    }
  },
  postgres: {
    name: "postgres",
    dialect: "postgres",
    fresh: async () => {
      if (!process.env.STRATA_BENCH_PG_URL) return freshDatabase()
      process.env.STRATA_TEST_PG_URL = process.env.STRATA_BENCH_PG_URL
      return freshDatabase()
    },
    layer: (url) => PostgresStore.layer({ url: Redacted.make(url) }),
    raw: rawPostgres,
    exec: async (url, statements) => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      for (const statement of statements) await client.query(statement)
      await client.end()
    },
    describe: async (url) => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      const setting = async (name: string) => (await client.query(`SHOW ${name}`)).rows[0]![name] as string
      // Asked of the server itself: what it runs with, not what it was meant to.
      const fsync = await setting("fsync")
      const settings = `synchronous_commit=${await setting("synchronous_commit")}, ` +
        `full_page_writes=${await setting("full_page_writes")}, Postgres ${await setting("server_version")}`
      await client.end()
      const server = benchPgUrl ? `STRATA_BENCH_PG_URL ${withoutCredentials(benchPgUrl)}` : "throwaway server"
      return `${server}, fsync ${fsync} (${settings})`
    },
    parallel: true
  }
}

const withoutCredentials = (url: string) => {
  const parsed = new URL(url)
  parsed.username = ""
  parsed.password = ""
  parsed.search = ""
  return parsed.toString()
}

/** A projection over the benchmark's events: a count per stream. */
const perStream = Projection.make({
  name: "bench-per-stream",
  version: 1,
  eventTypes: ["Happened"],
  reads: (event) => [event.streamId],
  apply: (event, documents) =>
    Effect.flatMap(documents.get(event.streamId), (current) =>
      documents.put(event.streamId, { count: Option.match(current, { onNone: () => 1, onSome: (doc) => (doc as { count: number }).count + 1 }) }))
})

const open = (backend: BackendUnderTest, location: string) =>
  ManagedRuntime.make(backend.layer(location).pipe(Layer.provide(Layer.succeed(InlineProjections, []))))

/** strata's side of the writers' rows: one fiber per writer, appends spread as the raw writers spread theirs. */
const strataWriters = (count: number, prefix: string, appends: number) =>
  Effect.flatMap(EventStore, (store) =>
    Effect.forEach(
      range(count),
      (writer) =>
        Effect.gen(function*() {
          for (let i = writer; i < appends; i += count) {
            yield* store.append(`${prefix}${i % streams}`, [newEvent(i)], ExpectedVersion.exact(Math.floor(i / streams)))
          }
        }),
      { concurrency: "unbounded", discard: true }
    ))

/** Lines from a child's stdout, one at a time. */
const lineReader = (stream: ReadableStream<Uint8Array>) => {
  const reader = stream.getReader()
  const decoder = new TextDecoder()
  let buffer = ""
  return async () => {
    while (!buffer.includes("\n")) {
      const { done, value } = await reader.read()
      if (done) throw new Error("a writer process ended before it answered (its error is above)")
      buffer += decoder.decode(value, { stream: true })
    }
    const end = buffer.indexOf("\n")
    const line = buffer.slice(0, end)
    buffer = buffer.slice(end + 1)
    return line
  }
}

type ChildKind = "strata" | "parallel"
/** The database's URL goes to the children in the environment: it may hold a password, which `ps` would show on a command line. */
const childUrlVariable = "STRATA_BENCH_CHILD_URL"

/**
 * `processes` writer processes (see `child`), started and connected before any round: a round
 * is timed from the line that starts them all to the last one's answer, so that neither their
 * start-up nor their teardown counts, and both write over the same span.
 */
const writerProcesses = async (kind: ChildKind, url: string) => {
  const children = range(processes).map((index) =>
    Bun.spawn(
      [process.execPath, import.meta.path, "--child", kind, "--index", String(index), "--appends", String(singleAppends)],
      { env: { ...process.env, [childUrlVariable]: url }, stdin: "pipe", stdout: "pipe", stderr: "inherit" }
    ))
  const answers = children.map((child) => lineReader(child.stdout))
  const expect = (word: string) =>
    Promise.all(answers.map(async (next, index) => {
      const line = await next()
      if (line !== word) throw new Error(`${kind} writer process ${index} said "${line}", not "${word}"`)
    }))
  try {
    await expect("ready")
  } catch (error) {
    for (const child of children) child.kill()
    throw error
  }
  return {
    round: async (round: string) => {
      for (const child of children) child.stdin.write(`${round}\n`)
      await Promise.all(children.map((child) => child.stdin.flush()))
      await expect("done")
    },
    close: async () => {
      for (const child of children) child.stdin.end()
      await Promise.all(children.map((child) => child.exited))
    }
  }
}

/**
 * A writer process of the multi-process row: `writers` writers on strata (the parent's layer)
 * or on the raw parallel insert, its own streams; a round per line read, answered when done.
 */
const child = async (kind: ChildKind, index: string) => {
  const url = process.env[childUrlVariable]
  if (!url) throw new Error(`${childUrlVariable} is not set: --child is for the bench's own writer processes`)
  const processWriters = kind === "strata" ? await strataProcess(url) : await parallelWriters(url, writers)
  process.stdout.write("ready\n")
  for await (const round of createInterface({ input: process.stdin })) {
    await processWriters.run(`${round}-p${index}-`, singleAppends)
    process.stdout.write("done\n")
  }
  await processWriters.close()
}

const strataProcess = async (url: string): Promise<Writers> => {
  const runtime = open(backends.postgres!, url)
  // Connected and past its migrations before the first round.
  await runtime.runPromise(Effect.flatMap(EventStore, (store) => store.head))
  return {
    run: (prefix, appends) => runtime.runPromise(strataWriters(writers, prefix, appends)),
    close: () => runtime.dispose()
  }
}

const benchBackend = async (backend: BackendUnderTest) => {
  const record = (workload: string, unit: string, strata: number, raw?: number, limit?: number) =>
    rows.push({ backend: backend.name, workload, unit, strata, raw, limit })

  // Two fresh databases with strata's schema: one written by strata, one by the raw driver.
  const strataAt = await backend.fresh()
  const rawAt = await backend.fresh()
  if (backend.describe) servers.push(`${backend.name}: ${await backend.describe(strataAt)}`)
  const runtime = open(backend, strataAt)
  const migrateRaw = open(backend, rawAt)
  await migrateRaw.runPromise(Effect.flatMap(EventStore, (store) => store.head))
  await migrateRaw.dispose()
  await runtime.runPromise(Effect.flatMap(EventStore, (store) => store.head))
  if (backend.parallel) await backend.exec(rawAt, parallelSchema)
  const raw = backend.raw(rawAt)
  const run = <A, E>(effect: Effect.Effect<A, E, Store>) => runtime.runPromise(effect)

  /** The sides of one row, each doing `ops` of the same work in a round (named, so that each round writes fresh streams). */
  interface Sides {
    readonly strata: (round: string) => Promise<unknown>
    /** The raw driver with strata's own statements. */
    readonly raw?: (round: string) => Promise<unknown>
    /** The raw parallel insert, where the backend has it. */
    readonly limit?: (round: string) => Promise<unknown>
  }

  /**
   * The sides take turns (warm-up round first, then two measured rounds each) and the
   * better round of each counts: JIT warm-up and a noisy neighbour hit all sides alike.
   */
  const compare = async (workload: string, unit: string, ops: number, sides: Sides) => {
    const best: Partial<Record<keyof Sides, number>> = {}
    for (const round of ["warm", "r1", "r2"]) {
      for (const side of ["raw", "limit", "strata"] as const) {
        const work = sides[side]
        if (work === undefined) continue
        const measured = await rate(ops, () => work(round))
        if (round !== "warm") best[side] = Math.max(best[side] ?? 0, measured)
      }
    }
    record(workload, unit, best.strata!, best.raw, best.limit)
  }

  /** The raw parallel insert's writers for one row, their connections open only for that row. */
  const withParallel = async (count: number, measure: (parallel: Writers | undefined) => Promise<void>) => {
    if (!backend.parallel) return measure(undefined)
    const parallel = await parallelWriters(rawAt, count)
    try {
      await measure(parallel)
    } finally {
      await parallel.close()
    }
  }

  // The first append of a stream: a new stream each time (on SQLite and LibSQL its first row
  // carries its name, and the store's statement finds the stream's id by it).
  const firsts = Math.min(singleAppends, 2_000)
  await compare("single-event append, a new stream each", "events/s", firsts, {
    raw: async (round) => {
      for (let i = 0; i < firsts; i++) await raw.append(`first-${round}-${i}`, 0, 1)
    },
    strata: (round) =>
      run(Effect.gen(function*() {
        const store = yield* EventStore
        for (let i = 0; i < firsts; i++) yield* store.append(`first-${round}-${i}`, [newEvent(i)], ExpectedVersion.noStream)
      }))
  })

  // Single-event appends at an exact expected version, round-robin over 1,000 streams.
  await withParallel(1, (parallel) =>
    compare("single-event append, version check", "events/s", singleAppends, {
      raw: async (round) => {
        for (let i = 0; i < singleAppends; i++) await raw.append(`${round}-${i % streams}`, Math.floor(i / streams), 1)
      },
      limit: parallel && ((round) => parallel.run(`${round}-`, singleAppends)),
      strata: (round) =>
        run(Effect.gen(function*() {
          const store = yield* EventStore
          for (let i = 0; i < singleAppends; i++) {
            yield* store.append(`${round}-${i % streams}`, [newEvent(i)], ExpectedVersion.exact(Math.floor(i / streams)))
          }
        }))
    }))

  // The same, from 8 writers at once: on Postgres the head row serialises appends (see
  // ARCHITECTURE.md), and this row shows what that costs beside the raw statement and
  // beside inserts that do run side by side.
  await withParallel(writers, (parallel) =>
    compare(`single-event append, ${writers} writers`, "events/s", singleAppends, {
      raw: (round) =>
        spread(writers, singleAppends, (_, stream, version) => raw.append(`${round}-w-${stream}`, version, 1)),
      limit: parallel && ((round) => parallel.run(`${round}-w-`, singleAppends)),
      strata: (round) => run(strataWriters(writers, `${round}-w-`, singleAppends))
    }))

  // The same again from separate processes sharing the database, as instances of a service do.
  if (backend.parallel) {
    const strataProcesses = await writerProcesses("strata", strataAt)
    const limitProcesses = await writerProcesses("parallel", rawAt)
    try {
      await compare(
        `single-event append, ${processes} processes × ${writers} writers`,
        "events/s",
        processes * singleAppends,
        { limit: limitProcesses.round, strata: strataProcesses.round }
      )
    } finally {
      await strataProcesses.close()
      await limitProcesses.close()
    }
  }

  await compare("batched append of 100", "events/s", batches * batchSize, {
    raw: async (round) => {
      for (let i = 0; i < batches; i++) await raw.append(`batch-${round}-${i}`, 0, batchSize)
    },
    strata: (round) =>
      run(Effect.gen(function*() {
        const store = yield* EventStore
        for (let i = 0; i < batches; i++) {
          const batch = Array.from({ length: batchSize }, (_, j) => newEvent(j))
          yield* store.append(`batch-${round}-${i}`, batch, ExpectedVersion.noStream)
        }
      }))
  })

  // Reading a 1,000-event stream.
  for (let i = 0; i < 10; i++) await raw.append("long", i * 100, 100)
  await run(Effect.gen(function*() {
    const store = yield* EventStore
    for (let i = 0; i < 10; i++) yield* store.append("long", Array.from({ length: 100 }, (_, j) => newEvent(j)))
  }))
  await compare("read a 1,000-event stream", "reads/s", streamReads, {
    raw: async () => {
      for (let i = 0; i < streamReads; i++) await raw.readStream("long")
    },
    strata: () =>
      run(Effect.gen(function*() {
        const store = yield* EventStore
        for (let i = 0; i < streamReads; i++) yield* store.readStream("long")
      }))
  })

  // One aggregate at 1 and at N events: snapshots keep loading flat.
  await run(Effect.gen(function*() {
    yield* Aggregate.handle(Tally, "small", { _tag: "Add", amount: 1 })
    const store = yield* EventStore
    for (let i = 0; i < aggregateEvents; i += 1_000) {
      const events = Array.from({ length: Math.min(1_000, aggregateEvents - i) }, () => ({
        eventId: uuidV7(),
        type: "Added",
        data: { amount: 1 }
      }))
      yield* store.append("tally-big", events)
    }
    // A command on the long stream leaves the snapshot that later loads start from.
    yield* Aggregate.handle(Tally, "big", { _tag: "Add", amount: 1 })
  }))
  const loads = 2_000
  const loadRate = (id: string) =>
    rate(loads, () =>
      run(Effect.gen(function*() {
        for (let i = 0; i < loads; i++) yield* Aggregate.load(Tally, id)
      })))
  const small = await loadRate("small")
  const big = await loadRate("big")
  record("load an aggregate of 1 event", "loads/s", small)
  record(`load an aggregate of ${aggregateEvents.toLocaleString("en")} events`, "loads/s", big, small)

  // The usage hot path: a key with 1 prior usage beside one with a million.
  const usageRate = await run(Effect.gen(function*() {
    const limits = { name: "bench", model: null, tokenLimitPer5h: 1_000_000_000_000, expiresAt: null }
    const fresh = yield* ApiKeys.create("bench", limits)
    const busy = yield* ApiKeys.create("bench", limits)
    yield* ApiKeys.recordUsage(fresh.keyId, 1, { enforceQuota: true })
    const store = yield* EventStore
    const at = Date.now()
    for (let i = 0; i < priorUsage; i += 1_000) {
      const usage = Array.from({ length: Math.min(1_000, priorUsage - i) }, () => ({
        eventId: uuidV7(),
        type: "UsageRecorded",
        data: { tokens: 1, at, windowStart: at }
      }))
      yield* store.append(`apikey-${busy.keyId}`, usage)
    }
    // The first usage after the backfill loads it all once and leaves a snapshot.
    yield* ApiKeys.recordUsage(busy.keyId, 1, { enforceQuota: true })
    // The backfill's writes settle before anything is timed: on Postgres the checkpoint it
    // brings on would otherwise land in the busy key's rounds (with fsync on, its flushes and
    // the full-page images after it) and be charged to the key's history.
    yield* Effect.promise(() => backend.exec(strataAt, [backend.dialect === "postgres" ? "CHECKPOINT" : "PRAGMA wal_checkpoint(TRUNCATE)"]))
    const usages = 1_000
    const measure = (keyId: string) =>
      Effect.gen(function*() {
        const start = performance.now()
        for (let i = 0; i < usages; i++) yield* ApiKeys.recordUsage(keyId, 1, { enforceQuota: true })
        return usages / ((performance.now() - start) / 1000)
      })
    // Rounds interleaved, the order swapped each time, medians kept: what drifts on the
    // machine meanwhile falls on both keys alike.
    yield* measure(fresh.keyId)
    yield* measure(busy.keyId)
    const rounds = { fresh: [] as Array<number>, busy: [] as Array<number> }
    for (let round = 0; round < 6; round++) {
      const [first, second] = round % 2 === 0 ? (["fresh", "busy"] as const) : (["busy", "fresh"] as const)
      rounds[first].push(yield* measure(first === "fresh" ? fresh.keyId : busy.keyId))
      rounds[second].push(yield* measure(second === "fresh" ? fresh.keyId : busy.keyId))
    }
    const median = (values: Array<number>) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
    return { fresh: median(rounds.fresh), busy: median(rounds.busy) }
  }))
  record("record usage, key with 1 prior usage", "usages/s", usageRate.fresh)
  record(`record usage, key with ${priorUsage.toLocaleString("en")} prior usages`, "usages/s", usageRate.busy, usageRate.fresh)

  // Replaying the whole log: strata's readAll beside a raw paged scan of the same table.
  const head = await run(Effect.flatMap(EventStore, (store) => store.head))
  await runtime.dispose()
  await backend.exec(strataAt, seedSql(backend.dialect, replayEvents))
  const replayRuntime = open(backend, strataAt)
  const total = head + replayEvents
  const rawScanner = backend.raw(strataAt)
  let rawScan = 0
  let strataReplay = 0
  for (let round = 0; round < 2; round++) {
    rawScan = Math.max(rawScan, await rate(total, () => rawScanner.scan()))
    strataReplay = Math.max(
      strataReplay,
      await rate(total, () =>
        replayRuntime.runPromise(Effect.gen(function*() {
          const store = yield* EventStore
          let after = 0
          while (true) {
            const page = yield* store.readAll({ after, limit: 1_000 })
            if (page.length === 0) return
            after = page[page.length - 1]!.position
          }
        })))
    )
  }
  record(`read the whole log (${total.toLocaleString("en")} events)`, "events/s", strataReplay, rawScan)
  await replayRuntime.dispose()

  // Operations: rebuilding a projection, backup, restore — each beside the raw scan.
  const rebuildRuntime = ManagedRuntime.make(
    backend.layer(strataAt).pipe(Layer.provide(Layer.succeed(InlineProjections, [perStream])))
  )
  // The layer brings the new projection live when it starts: that first build is not the one measured.
  await rebuildRuntime.runPromise(Effect.void)
  const rebuilt = await rate(total, () => rebuildRuntime.runPromise(rebuildProjection(perStream.name, { fresh: true, chunkSize: bulkChunkSize })))
  record(`replay: rebuild a projection over ${total.toLocaleString("en")} events`, "events/s", rebuilt, rawScan)
  const backupFile = join(mkdtempSync(join(tmpdir(), "strata-bench-backup-")), "log.gz")
  const backedUp = await rate(total, () => rebuildRuntime.runPromise(BackupFile.backup(backupFile)))
  record(`backup of ${total.toLocaleString("en")} events`, "events/s", backedUp, rawScan)
  await rebuildRuntime.dispose()
  const restoreAt = await backend.fresh()
  const restoreRuntime = open(backend, restoreAt)
  const restored = await rate(total, () =>
    restoreRuntime.runPromise(Effect.scoped(Effect.gen(function*() {
      const log = yield* LogOperations
      // As `strata restore` loads an empty database: pages of 10,000, indexes built after.
      const file = yield* BackupFile.read(backupFile, 10_000)
      yield* log.bulkLoad(file.batches((events) => log.importEvents(events)))
    }))))
  record(`restore of ${total.toLocaleString("en")} events (import, before projections)`, "events/s", restored, rawScan)
  await restoreRuntime.dispose()
  rmSync(join(backupFile, ".."), { recursive: true, force: true })
  await rawScanner.close()
  await raw.close()
  if (backend.dialect === "sqlite") {
    for (const location of [strataAt, rawAt]) rmSync(join(location.replace(/^file:/, ""), ".."), { recursive: true, force: true })
  }
}

const format = (value: number) => Math.round(value).toLocaleString("en")

const main = async () => {
  for (const name of args.backends.split(",")) {
    const backend = backends[name.trim()]
    if (!backend) throw new Error(`unknown backend ${name}; choose from ${Object.keys(backends).join(", ")}`)
    process.stderr.write(`benchmarking ${backend.name}…\n`)
    await benchBackend(backend)
  }
  await stopPostgres()
  const figure = (value: number | undefined, unit: string) => value === undefined ? "" : `${format(value)} ${unit}`
  const ratio = (strata: number, other: number | undefined) =>
    other === undefined ? "" : `${Math.round((strata / other) * 100)}%`
  const lines = [
    ...servers,
    "",
    "| backend | workload | strata | raw driver | strata / raw | raw parallel insert | strata / parallel |",
    "|---|---|---:|---:|---:|---:|---:|",
    ...rows.map((row) =>
      `| ${row.backend} | ${row.workload} | ${format(row.strata)} ${row.unit} | ${figure(row.raw, row.unit)} | ${
        ratio(row.strata, row.raw)
      } | ${figure(row.limit, row.unit)} | ${ratio(row.strata, row.limit)} |`
    )
  ]
  console.log(lines.join("\n").trimStart())
  console.log("\n(for the aggregate and usage rows, the comparison is the small one: flat cost is ~100%)")
  if (rows.some((row) => row.limit !== undefined)) {
    console.log(
      "(append rows: the raw driver issues strata's own statement, head row included; the raw parallel insert is one " +
        "plain INSERT per append into strata's table without the head row — positions from an identity column, " +
        `conflicts caught by the unique index — the physical limit for concurrent writers, ${writers} writers ` +
        "with a connection each)"
    )
  }
}

const fail = async (error: unknown) => {
  await stopPostgres()
  console.error(error)
  process.exit(1)
}

if (args.child === "strata" || args.child === "parallel") child(args.child, args.index).catch(fail)
else if (args.child !== undefined) fail(new Error(`--child ${args.child}: strata or parallel`))
else main().catch(fail)
