import { SqlClient } from "effect/sql/SqlClient"
import { Clock, Effect, Option } from "effect"
import type { SnapshotStoreService } from "../../application/ports/SnapshotStore.ts"
import { toNumber } from "./Dialect.ts"
import { unavailable } from "./SqlDocuments.ts"

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient
  const store: SnapshotStoreService = {
    load: (streamId, revision) =>
      sql<{ version: number | string; state: string }>`SELECT version, state FROM strata_snapshots
        WHERE stream_id = ${streamId} AND revision = ${revision}`.pipe(
        Effect.map(([row]) =>
          Option.map(Option.fromNullishOr(row), (row) => ({ version: toNumber(row.version), state: JSON.parse(row.state) }))
        ),
        Effect.mapError(unavailable("read snapshot"))
      ),
    save: (streamId, revision, { state, version }) =>
      Effect.gen(function*() {
        const takenAt = new Date(yield* Clock.currentTimeMillis).toISOString()
        // A slower writer must not replace a newer snapshot with an older one.
        yield* sql`INSERT INTO strata_snapshots (stream_id, version, revision, state, taken_at)
          VALUES (${streamId}, ${version}, ${revision}, ${JSON.stringify(state)}, ${takenAt})
          ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, revision = excluded.revision,
            state = excluded.state, taken_at = excluded.taken_at
          WHERE excluded.version > strata_snapshots.version OR excluded.revision <> strata_snapshots.revision`
      }).pipe(Effect.mapError(unavailable("write snapshot")))
  }
  return store
})
