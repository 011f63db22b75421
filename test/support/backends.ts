import { createClient } from "@libsql/client"
import { Database } from "bun:sqlite"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Layer, Redacted } from "effect"
import pg from "pg"
import { InlineProjections, type Projection } from "../../application/eventsourcing/Projection.ts"
import type { Store } from "../../application/ports/Store.ts"
import * as LibsqlStore from "../../adapters/libsql/LibsqlStore.ts"
import * as MemoryStore from "../../adapters/memory/MemoryStore.ts"
import * as PostgresStore from "../../adapters/postgres/PostgresStore.ts"
import * as SqliteStore from "../../adapters/sqlite/SqliteStore.ts"
import { freshDatabase } from "./postgres.ts"

export type { Store }

/** A fresh location (file, database) each time the layer is built. */
export interface Backend {
  readonly name: string
  readonly layer: (projections?: ReadonlyArray<Projection>) => Layer.Layer<Store, unknown>
  /** A layer on the same location as the last one built, as a second process would see it. */
  readonly reopen: (projections?: ReadonlyArray<Projection>) => Layer.Layer<Store, unknown>
  /** Runs a statement with the raw driver on the last location built (SQL backends). */
  readonly exec: (statement: string) => Promise<void>
  /** Everything stored at the last location, as text: the files' bytes, or every table's rows. */
  readonly contents: () => Promise<string>
  /** The last location as a `STRATA_DATABASE_URL`. */
  readonly url: () => string
}

const tempFile = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), "strata-test-"))
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }))
  return join(dir, name)
}

/** A SQLite database is its file plus the WAL and shared-memory files beside it. */
const fileBytes = (filename: string) =>
  ["", "-wal", "-shm"]
    .map((suffix) => `${filename}${suffix}`)
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path).toString("latin1"))
    .join("\n")

const withProjections = <E>(layer: Layer.Layer<Store, E, InlineProjections>, projections: ReadonlyArray<Projection>) =>
  layer.pipe(Layer.provide(Layer.succeed(InlineProjections, projections)))

const fileBackend = (
  name: string,
  fresh: () => Effect.Effect<string>,
  open: (location: string) => Layer.Layer<Store, unknown, InlineProjections>,
  exec: (location: string, statement: string) => Promise<void>,
  contents: (location: string) => Promise<string>,
  url: (location: string) => string
): Backend => {
  let last: string | undefined
  return {
    name,
    layer: (projections = []) =>
      Layer.unwrap(
        fresh().pipe(Effect.map((location) => withProjections(open(last = location), projections)))
      ),
    reopen: (projections = []) => withProjections(open(last!), projections),
    exec: (statement) => exec(last!, statement),
    contents: () => contents(last!),
    url: () => url(last!)
  }
}

export const memory: Backend = {
  name: "memory",
  layer: (projections = []) => withProjections(MemoryStore.layer, projections),
  reopen: () => {
    throw new Error("a memory store cannot be reopened")
  },
  exec: () => Promise.reject(new Error("a memory store has no SQL")),
  contents: () => Promise.reject(new Error("a memory store has no files")),
  url: () => "memory:"
}

export const sqlite = fileBackend(
  "sqlite",
  () => Effect.sync(() => tempFile("strata.db")),
  (filename) => SqliteStore.layer({ filename }),
  async (filename, statement) => {
    const db = new Database(filename)
    db.run(statement)
    db.close()
  },
  async (filename) => fileBytes(filename),
  (filename) => `sqlite:${filename}`
)

export const libsql = fileBackend(
  "libsql",
  () => Effect.sync(() => `file:${tempFile("strata.db")}`),
  (url) => LibsqlStore.layer({ url }),
  async (url, statement) => {
    const client = createClient({ url })
    await client.execute(statement)
    client.close()
  },
  async (url) => fileBytes(url.slice("file:".length)),
  (url) => url
)

export const postgres = fileBackend(
  "postgres",
  () => Effect.map(Effect.promise(freshDatabase), (url) => (postgresUrls.push(url), url)),
  (url) => PostgresStore.layer({ url: Redacted.make(url), maxConnections: 12 }),
  async (url, statement) => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(statement).finally(() => client.end())
  },
  async (url) => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const { rows: tables } = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
      const dumps = await Promise.all(
        tables.map(({ tablename }) => client.query(`SELECT string_agg(t::text, E'\\n') AS text FROM ${tablename} t`))
      )
      return dumps.map(({ rows }) => rows[0]?.text ?? "").join("\n")
    } finally {
      await client.end()
    }
  },
  (url) => url
)

/** The URL of the Postgres database built last (for tests that act on the server itself). */
export const postgresLastUrl = () => postgresUrls[postgresUrls.length - 1]!
const postgresUrls: Array<string> = []

export const all: ReadonlyArray<Backend> = [memory, sqlite, libsql, postgres]
export const durable: ReadonlyArray<Backend> = [sqlite, libsql, postgres]
