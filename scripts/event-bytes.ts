/**
 * Where a usage event's bytes go, per backend: records `--usages N` usages (the gateway's
 * hot path, as `POST /v1/usage` records them) on a key, and prints the bytes each table and
 * index grew by, per usage. SQLite and LibSQL files are read with `dbstat` (pages in use,
 * free pages left out); Postgres with `pg_relation_size` after a VACUUM (the heap, each
 * index, the TOAST table).
 *
 *   bun scripts/event-bytes.ts [--usages 5000] [--backends sqlite,libsql,postgres]
 */
import { Database } from "bun:sqlite"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import pg from "pg"
import * as ApiKeys from "../application/features/ApiKeys.ts"
import { InlineProjections } from "../application/eventsourcing/Projection.ts"
import type { Store } from "../application/ports/Store.ts"
import * as LibsqlStore from "../adapters/libsql/LibsqlStore.ts"
import * as PostgresStore from "../adapters/postgres/PostgresStore.ts"
import * as SqliteStore from "../adapters/sqlite/SqliteStore.ts"
import { projections } from "../main.ts"
import { freshDatabase, stopPostgres } from "../test/support/postgres.ts"

const { values: args } = parseArgs({
  options: {
    usages: { type: "string", default: "5000" },
    backends: { type: "string", default: "sqlite,libsql,postgres" }
  }
})
const usages = Number(args.usages)

type Sizes = Map<string, number>

interface Backend {
  readonly name: string
  readonly layer: Layer.Layer<Store, unknown, InlineProjections>
  readonly sizes: () => Promise<Sizes>
}

/** Bytes in use per table and index of a SQLite file (free pages left out). */
const fileSizes = (filename: string) => async (): Promise<Sizes> => {
  const db = new Database(filename, { readonly: true })
  const rows = db.query("SELECT name, SUM(pgsize - unused) AS used FROM dbstat GROUP BY name").all() as Array<{ name: string; used: number }>
  db.close()
  return new Map(rows.map((row) => [row.name, row.used]))
}

const sqlite = (): Backend => {
  const filename = join(mkdtempSync(join(tmpdir(), "strata-bytes-")), "strata.db")
  return { name: "sqlite", layer: SqliteStore.layer({ filename }), sizes: fileSizes(filename) }
}

const libsql = (): Backend => {
  const filename = join(mkdtempSync(join(tmpdir(), "strata-bytes-")), "strata.db")
  return { name: "libsql", layer: LibsqlStore.layer({ url: `file:${filename}` }), sizes: fileSizes(filename) }
}

const postgres = async (): Promise<Backend> => {
  const url = await freshDatabase()
  return {
    name: "postgres",
    layer: PostgresStore.layer({ url: Redacted.make(url) }),
    sizes: async () => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      await client.query("VACUUM")
      const { rows } = await client.query<{ name: string; bytes: string }>(
        `SELECT c.relname AS name, pg_relation_size(c.oid) AS bytes FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname IN ('public', 'pg_toast') AND c.relkind IN ('r', 'i', 't')`
      )
      await client.end()
      return new Map(rows.map((row) => [row.name, Number(row.bytes)]))
    }
  }
}

const measure = async (backend: Backend) => {
  const runtime = ManagedRuntime.make(backend.layer.pipe(Layer.provide(Layer.succeed(InlineProjections, projections))))
  const keyId = await runtime.runPromise(Effect.map(
    ApiKeys.create("gateway", { name: "bench", model: null, tokenLimitPer5h: 1_000_000_000_000, expiresAt: null }),
    (key) => key.keyId
  ))
  // A first usage opens the window and the tables' pages: the growth measured is the steady one.
  await runtime.runPromise(ApiKeys.recordUsage(keyId, 1, { enforceQuota: true, metadata: { actor: `gateway (key ${keyId})`, correlationId: crypto.randomUUID() } }))
  const before = await backend.sizes()
  await runtime.runPromise(Effect.gen(function*() {
    for (let i = 0; i < usages; i++) {
      // As a request records it: the key's owner as actor, the request id as correlation id.
      yield* ApiKeys.recordUsage(keyId, 1 + (i % 500), {
        enforceQuota: true,
        metadata: { actor: `gateway (key ${keyId})`, correlationId: crypto.randomUUID() }
      })
    }
  }))
  await runtime.dispose()
  const after = await backend.sizes()
  const growth = [...after].map(([name, bytes]) => ({ name, perUsage: (bytes - (before.get(name) ?? 0)) / usages }))
    .filter((row) => Math.abs(row.perUsage) >= 0.5)
    .sort((a, b) => b.perUsage - a.perUsage)
  const total = growth.reduce((sum, row) => sum + row.perUsage, 0)
  console.log(`\n${backend.name}: ${usages.toLocaleString("en")} usages, ${total.toFixed(0)} bytes per usage`)
  for (const row of growth) console.log(`  ${row.perUsage.toFixed(1).padStart(7)}  ${row.name}`)
}

for (const name of args.backends.split(",")) {
  const backend = name === "sqlite" ? sqlite() : name === "libsql" ? libsql() : await postgres()
  await measure(backend)
}
await stopPostgres()
