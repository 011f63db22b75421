import { SqlClient } from "effect/sql/SqlClient"
import { Effect } from "effect"
import type { KeyRingService, WrappedKey } from "../../application/ports/Secrets.ts"
import { unavailable } from "./SqlDocuments.ts"

interface KeyRow {
  readonly key_id: string
  readonly owner: string
  readonly master_key_id: string
  readonly wrapped: string
  readonly created_at: string
}

const toKey = (row: KeyRow): WrappedKey => ({
  keyId: row.key_id,
  owner: row.owner,
  masterKeyId: row.master_key_id,
  wrapped: row.wrapped,
  createdAt: row.created_at
})

/** `strata_keys`: wrapped data keys, one live key per owner. Destroying one deletes its row. */
export const make = Effect.gen(function*() {
  const sql = yield* SqlClient
  const select = sql.literal("SELECT key_id, owner, master_key_id, wrapped, created_at FROM strata_keys")
  const byOwner: KeyRingService["byOwner"] = (owner) =>
    sql<KeyRow>`${select} WHERE owner = ${owner}`.pipe(
      Effect.map(([row]) => (row === undefined ? undefined : toKey(row))),
      Effect.mapError(unavailable("read data key"))
    )
  const keyRing: KeyRingService = {
    byOwner,
    byId: (keyId) =>
      sql<KeyRow>`${select} WHERE key_id = ${keyId}`.pipe(
        Effect.map(([row]) => (row === undefined ? undefined : toKey(row))),
        Effect.mapError(unavailable("read data key"))
      ),
    insert: (key) =>
      sql`INSERT INTO strata_keys (key_id, owner, master_key_id, wrapped, created_at)
        VALUES (${key.keyId}, ${key.owner}, ${key.masterKeyId}, ${key.wrapped}, ${key.createdAt})
        ON CONFLICT (owner) DO NOTHING`.pipe(
        Effect.mapError(unavailable("store data key")),
        Effect.andThen(byOwner(key.owner)),
        Effect.map((stored) => stored ?? key)
      ),
    destroy: (owner) =>
      sql`DELETE FROM strata_keys WHERE owner = ${owner}`.pipe(Effect.asVoid, Effect.mapError(unavailable("destroy data key"))),
    all: sql<KeyRow>`${select} ORDER BY key_id`.pipe(
      Effect.map((rows) => rows.map(toKey)),
      Effect.mapError(unavailable("read data keys"))
    ),
    rewrap: (keyId, masterKeyId, wrapped) =>
      sql`UPDATE strata_keys SET master_key_id = ${masterKeyId}, wrapped = ${wrapped} WHERE key_id = ${keyId}`.pipe(
        Effect.asVoid,
        Effect.mapError(unavailable("rewrap data key"))
      )
  }
  return keyRing
})
