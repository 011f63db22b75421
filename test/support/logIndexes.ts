import { Database } from "bun:sqlite"
import { createClient } from "@libsql/client"
import pg from "pg"
import type { Backend } from "./backends.ts"

/** The log's index names (and, on Postgres, its unique constraints), read from the database's own catalog. */
export const logIndexes = async (backend: Backend): Promise<Array<string>> => {
  const url = backend.url()
  if (backend.name === "postgres") {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const { rows } = await client.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename = 'strata_events'")
      // The unique constraints as the migrations made them, beside the indexes.
      const constraints = await client.query<{ conname: string }>(
        "SELECT conname FROM pg_constraint WHERE conrelid = 'strata_events'::regclass AND contype = 'u'"
      )
      return [...rows.map((row) => row.indexname), ...constraints.rows.map((row) => `constraint ${row.conname}`)].sort()
    } finally {
      await client.end()
    }
  }
  const query = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'strata_events' AND name NOT LIKE 'sqlite_autoindex%'"
  if (backend.name === "libsql") {
    const client = createClient({ url })
    try {
      return (await client.execute(query)).rows.map((row) => String(row.name)).sort()
    } finally {
      client.close()
    }
  }
  const db = new Database(url.slice("sqlite:".length))
  try {
    return (db.query(query).all() as Array<{ name: string }>).map((row) => row.name).sort()
  } finally {
    db.close()
  }
}
