import { Database } from "bun:sqlite"
import { readFileSync } from "node:fs"
import { Effect, Schema } from "effect"

/** Reads what the seeds' services kept, as raw records for `application/Import.ts` to validate. */

export class SourceUnreadable extends Schema.TaggedError<SourceUnreadable>()("SourceUnreadable", {
  file: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `cannot read ${this.file}: ${this.reason}`
  }
}

export interface RawRecord {
  /** How the record is named in reports: never a secret. */
  readonly record: string
  readonly raw: unknown
}

const json = (file: string) =>
  Effect.try({
    try: () => JSON.parse(readFileSync(file, "utf8")) as unknown,
    catch: (error) => new SourceUnreadable({ file, reason: error instanceof Error ? error.message : String(error) })
  })

/** seed 000's `tokens.json`: token name → AccessToken. */
export const tokensJson = (file: string) =>
  Effect.flatMap(json(file), (content) =>
    typeof content === "object" && content !== null && !Array.isArray(content)
      ? Effect.succeed(Object.entries(content).map(([record, raw]): RawRecord => ({ record, raw })))
      : Effect.fail(new SourceUnreadable({ file, reason: "expected an object of token name → token" })))

/** seed 004's file store: `{ "keys": [ApiKey] }` or `[ApiKey]`. */
export const apiKeysJson = (file: string) =>
  Effect.flatMap(json(file), (content) => {
    const keys = Array.isArray(content) ? content : (content as { keys?: unknown } | null)?.keys
    return Array.isArray(keys)
      ? Effect.succeed(keys.map((raw, index): RawRecord => ({ record: keyLabel(raw, index), raw })))
      : Effect.fail(new SourceUnreadable({ file, reason: "expected a list of API keys, or { \"keys\": [...] }" }))
  })

const keyLabel = (raw: unknown, index: number) => {
  const name = (raw as { name?: unknown } | null)?.name
  return typeof name === "string" && name !== "" ? `key #${index + 1} (${name})` : `key #${index + 1}`
}

const tableExists = (db: Database, table: string) =>
  db.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== null

/**
 * The columns each known table must have to be read (the seeds' schemas; a column not named
 * there is not required). A table without one is refused, naming both: read anyway, every
 * record would come out invalid, or worse, half-read.
 */
const requiredColumns: Record<string, ReadonlyArray<string>> = {
  tokens: ["name", "access_token", "refresh_token", "expires_in", "obtainment_timestamp", "scopes"],
  api_keys: ["key", "name", "token_limit_per_5h", "created_at"],
  usage_windows: ["api_key", "window_start", "tokens_used"],
  users: ["id"],
  rooms: ["id", "created_at"],
  room_members: ["room_id", "user_id"],
  messages: ["id", "room_id", "user_id", "content", "created_at"],
  sandboxes: ["id", "user_id", "name", "tier_id", "flavor_id", "status", "created_at"],
  provider_credentials: ["id", "user_id", "provider_id", "encrypted_value"],
  chat_sessions: ["id", "user_id", "created_at"],
  chat_messages: ["id", "session_id", "role", "content", "created_at"]
}

/**
 * Drizzle names columns as the schema does, `userId` as often as `user_id` (seed 001's
 * `provider_credentials` has `userId`, `providerId`): both read as `user_id`.
 */
const snakeCase = (name: string) => name.replace(/(?<=[a-z0-9])([A-Z])/g, "_$1").toLowerCase()
const normalized = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([key, value]) => [snakeCase(key), value]))

const checkColumns = (db: Database, table: string) => {
  const present = new Set((db.query(`PRAGMA table_info(${JSON.stringify(table)})`).all() as Array<{ name: string }>).map((c) => snakeCase(c.name)))
  const missing = requiredColumns[table]!.find((column) => !present.has(column))
  if (missing !== undefined) throw new Error(`table ${table} has no column ${missing}`)
}

const rows = (db: Database, table: string, sql: string) => {
  if (!tableExists(db, table)) return []
  checkColumns(db, table)
  return (db.query(sql).all() as Array<Record<string, unknown>>).map(normalized)
}

/** seed 002's chat tables, as they are: validated and joined in `application/ChatImport.ts`. */
export interface ChatTables {
  readonly users: ReadonlyArray<Record<string, unknown>>
  readonly rooms: ReadonlyArray<Record<string, unknown>>
  readonly members: ReadonlyArray<Record<string, unknown>>
  /** In their original order (by id: the order they were written). */
  readonly messages: ReadonlyArray<Record<string, unknown>>
}

const chatTables = (db: Database): ChatTables | undefined =>
  tableExists(db, "rooms")
    ? {
      users: rows(db, "users", "SELECT * FROM users"),
      rooms: rows(db, "rooms", "SELECT * FROM rooms ORDER BY id"),
      members: rows(db, "room_members", "SELECT * FROM room_members"),
      messages: rows(db, "messages", "SELECT * FROM messages ORDER BY id")
    }
    : undefined

/** seed 001's tables, as they are: validated and joined in `application/SandboxImport.ts`. */
export interface SandboxTables {
  readonly sandboxes: ReadonlyArray<Record<string, unknown>>
  readonly credentials: ReadonlyArray<Record<string, unknown>>
  readonly chatSessions: ReadonlyArray<Record<string, unknown>>
  /** In their original order. */
  readonly chatMessages: ReadonlyArray<Record<string, unknown>>
}

const sandboxTables = (db: Database): SandboxTables | undefined =>
  ["sandboxes", "provider_credentials", "chat_sessions"].some((table) => tableExists(db, table))
    ? {
      sandboxes: rows(db, "sandboxes", "SELECT * FROM sandboxes ORDER BY rowid"),
      credentials: rows(db, "provider_credentials", "SELECT * FROM provider_credentials ORDER BY rowid"),
      chatSessions: rows(db, "chat_sessions", "SELECT * FROM chat_sessions ORDER BY rowid"),
      chatMessages: rows(db, "chat_messages", "SELECT * FROM chat_messages ORDER BY rowid")
    }
    : undefined

/**
 * A legacy SQLite database: seed 000's `tokens` table, seed 004's `api_keys` and
 * `usage_windows`, seed 002's `users`, `rooms`, `room_members` and `messages`, seed 001's
 * `sandboxes`, `provider_credentials`, `chat_sessions` and `chat_messages` — whichever it has.
 */
export const legacySqlite = (file: string) =>
  Effect.try({
    try: () => {
      const db = new Database(file, { readonly: true })
      try {
        for (const table of Object.keys(requiredColumns)) if (tableExists(db, table)) checkColumns(db, table)
        const tokens = tableExists(db, "tokens")
          ? (db.query("SELECT * FROM tokens ORDER BY name").all() as Array<Record<string, unknown>>).map((row): RawRecord => ({
            record: String(row.name),
            raw: {
              accessToken: row.access_token,
              refreshToken: row.refresh_token,
              expiresIn: row.expires_in,
              obtainmentTimestamp: row.obtainment_timestamp,
              scope: typeof row.scopes === "string" ? row.scopes.split(",").filter((scope) => scope !== "") : []
            }
          }))
          : []
        // Windows are handed over apart from their keys: joining them is validation (a window may name no key in the file).
        const windows = tableExists(db, "usage_windows")
          ? (db.query("SELECT rowid AS row, api_key, window_start, tokens_used FROM usage_windows ORDER BY window_start").all() as Array<Record<string, unknown>>)
            .map(({ row, ...raw }): RawRecord => ({ record: `usage window ${row}`, raw }))
          : []
        const keys = tableExists(db, "api_keys")
          ? (db.query("SELECT * FROM api_keys ORDER BY created_at").all() as Array<Record<string, unknown>>)
            .map((row, index): RawRecord => ({ record: keyLabel(row, index), raw: row }))
          : []
        return { tokens, keys, windows, chat: chatTables(db), sandboxes: sandboxTables(db) }
      } finally {
        db.close()
      }
    },
    catch: (error) => new SourceUnreadable({ file, reason: error instanceof Error ? error.message : String(error) })
  })
