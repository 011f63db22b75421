import { SqlClient } from "effect/sql/SqlClient"
import { Effect, Option } from "effect"
import type { ControlRecordsService } from "../../application/ports/ControlRecords.ts"
import { toNumber } from "./Dialect.ts"
import { unavailable } from "./SqlDocuments.ts"

/** `strata_control`: a row per record, written compare-and-set on its version. */
export const make = Effect.gen(function*() {
  const sql = yield* SqlClient
  const records: ControlRecordsService = {
    get: (name) =>
      sql<{ value: string; version: number | string }>`SELECT value, version FROM strata_control WHERE name = ${name}`.pipe(
        Effect.map(([row]) => row === undefined ? Option.none() : Option.some({ value: row.value, version: toNumber(row.version) })),
        Effect.mapError(unavailable("read control record"))
      ),
    put: (name, value, expected) =>
      (expected === 0
        ? sql`INSERT INTO strata_control (name, value, version) VALUES (${name}, ${value}, 1)
            ON CONFLICT (name) DO NOTHING RETURNING version`
        : sql`UPDATE strata_control SET value = ${value}, version = version + 1
            WHERE name = ${name} AND version = ${expected} RETURNING version`).pipe(
        Effect.map((rows) => rows.length === 1),
        Effect.mapError(unavailable("write control record"))
      )
  }
  return records
})
