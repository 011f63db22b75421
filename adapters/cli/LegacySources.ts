import { Database } from "bun:sqlite"
import pg from "pg"
import * as ChatImport from "../../application/import/ChatImport.ts"
import { readFileSync } from "node:fs"
import { Effect, Schema, Stream } from "effect"

/** Reads what the seeds' services kept, as raw records for `application/import/Import.ts` to validate. */

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

/**
 * A legacy database, SQLite or Postgres, as the importer reads it: a table's columns, and
 * its rows in an order. Both seeds' databases are read by the same code below.
 */
interface LegacyDatabase {
  /** The table's column names as the database has them; none when there is no such table. */
  readonly columns: (table: string) => Promise<ReadonlyArray<string>>
  /** Every row; in the order they were written where the database knows it (SQLite's rowid), else by `orderBy`. */
  readonly rows: (table: string, orderBy: ReadonlyArray<string>, insertionOrder: boolean) => Promise<Array<Record<string, unknown>>>
  /** The same rows one at a time, for tables too large to hold at once. */
  readonly iterate: (table: string, orderBy: ReadonlyArray<string>, insertionOrder: boolean) => AsyncIterable<Record<string, unknown>>
  readonly close: () => Promise<void>
}

const quoted = (name: string) => `"${name.replaceAll("\"", "\"\"")}"`

const sqliteDatabase = (file: string): LegacyDatabase => {
  const db = new Database(file, { readonly: true })
  const select = (table: string, orderBy: ReadonlyArray<string>, insertionOrder: boolean) =>
    db.query(`SELECT * FROM ${quoted(table)} ORDER BY ${insertionOrder ? "rowid" : orderBy.map(quoted).join(", ")}`)
  return {
    columns: async (table) => (db.query(`PRAGMA table_info(${quoted(table)})`).all() as Array<{ name: string }>).map((c) => c.name),
    rows: async (table, orderBy, insertionOrder) => select(table, orderBy, insertionOrder).all() as Array<Record<string, unknown>>,
    iterate: async function*(table, orderBy, insertionOrder) {
      for (const row of select(table, orderBy, insertionOrder).iterate()) yield row as Record<string, unknown>
    },
    close: async () => db.close()
  }
}

/** Rows per page of a Postgres table read one at a time. */
const postgresPage = 10_000

/**
 * Postgres through `pg`, with its values as the old service wrote them: `bigint` as a number
 * where it fits, and times as their text — `pg` would read a `timestamp` without time zone
 * in the importing machine's zone; `LegacyTime` reads it as UTC, as it was written.
 */
const postgresDatabase = async (url: string): Promise<LegacyDatabase> => {
  const client = new pg.Client({
    connectionString: url,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === 20
          ? (text: string) => (Number.isSafeInteger(Number(text)) ? Number(text) : text)
          : oid === 1082 || oid === 1114 || oid === 1184
          ? (text: string) => text
          : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser
    }
  })
  await client.connect()
  // One snapshot for every table and page: rows written meanwhile are not half seen.
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
  const select = (table: string, orderBy: ReadonlyArray<string>) => `SELECT * FROM ${quoted(table)} ORDER BY ${orderBy.map(quoted).join(", ")}`
  return {
    columns: async (table) =>
      (await client.query(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
        [table]
      )).rows.map((row: { column_name: string }) => row.column_name),
    rows: async (table, orderBy) => (await client.query(select(table, orderBy))).rows,
    iterate: async function*(table, orderBy) {
      for (let offset = 0;; offset += postgresPage) {
        const page = (await client.query(`${select(table, orderBy)} LIMIT ${postgresPage} OFFSET ${offset}`)).rows
        yield* page
        if (page.length < postgresPage) return
      }
    },
    close: () => client.end()
  }
}

/**
 * The columns each known table must have to be read (the seeds' schemas; a column not named
 * there is not required), and the order its rows are read in. A table without one is
 * refused, naming both: read anyway, every record would come out invalid, or worse, half-read.
 */
const tables: Record<string, { readonly required: ReadonlyArray<string>; readonly orderBy: ReadonlyArray<string>; readonly insertionOrder?: boolean }> = {
  tokens: { required: ["name", "access_token", "refresh_token", "expires_in", "obtainment_timestamp", "scopes"], orderBy: ["name"] },
  api_keys: { required: ["key", "name", "token_limit_per_5h", "created_at"], orderBy: ["created_at", "key"], insertionOrder: true },
  usage_windows: { required: ["id", "api_key", "window_start", "tokens_used"], orderBy: ["window_start", "id"] },
  users: { required: ["id"], orderBy: ["id"] },
  rooms: { required: ["id", "created_at"], orderBy: ["id"] },
  room_members: { required: ["room_id", "user_id"], orderBy: ["room_id", "user_id"] },
  messages: { required: ["id", "room_id", "user_id", "content", "created_at"], orderBy: ["id"], insertionOrder: true },
  sandboxes: { required: ["id", "user_id", "name", "tier_id", "flavor_id", "status", "created_at"], orderBy: ["created_at", "id"], insertionOrder: true },
  provider_credentials: { required: ["id", "user_id", "provider_id", "encrypted_value"], orderBy: ["id"], insertionOrder: true },
  chat_sessions: { required: ["id", "user_id", "created_at"], orderBy: ["created_at", "id"], insertionOrder: true },
  chat_messages: { required: ["id", "session_id", "role", "content", "created_at"], orderBy: ["created_at", "id"], insertionOrder: true }
}

/**
 * Drizzle names columns as the schema does, `userId` as often as `user_id` (seed 001's
 * `provider_credentials` has `userId`, `providerId`): both read as `user_id`.
 */
const snakeCase = (name: string) => name.replace(/(?<=[a-z0-9])([A-Z])/g, "_$1").toLowerCase()
const normalized = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([key, value]) => [snakeCase(key), value]))

type Row = Record<string, unknown>

/** Every known table the database has, checked first and then read, each row with snake_case names. */
const readTables = async (db: LegacyDatabase) => {
  const present = new Map<string, Map<string, string>>()
  for (const [table, { required }] of Object.entries(tables)) {
    const columns = await db.columns(table)
    if (columns.length === 0) continue
    const actual = new Map(columns.map((column) => [snakeCase(column), column]))
    const missing = required.find((column) => !actual.has(column))
    if (missing !== undefined) throw new Error(`table ${table} has no column ${missing}`)
    present.set(table, actual)
  }
  const read = async (table: string): Promise<Array<Row>> => {
    const actual = present.get(table)
    if (actual === undefined) return []
    const { insertionOrder = false, orderBy } = tables[table]!
    return (await db.rows(table, orderBy.map((column) => actual.get(column) ?? column), insertionOrder)).map(normalized)
  }
  const iterate = async function*(table: string): AsyncGenerator<Row> {
    const actual = present.get(table)
    if (actual === undefined) return
    const { insertionOrder = false, orderBy } = tables[table]!
    for await (const raw of db.iterate(table, orderBy.map((column) => actual.get(column) ?? column), insertionOrder)) yield normalized(raw)
  }
  return { has: (table: string) => present.has(table), read, iterate }
}

/** seed 001's tables, as they are: validated and joined in `application/import/SandboxImport.ts`. */
export interface SandboxTables {
  readonly sandboxes: ReadonlyArray<Row>
  readonly credentials: ReadonlyArray<Row>
  readonly chatSessions: ReadonlyArray<Row>
  /** In their original order. */
  readonly chatMessages: ReadonlyArray<Row>
}

/** seed 002's chat, validated, and its messages to read again as they are written. */
export interface LegacyChat {
  readonly parsed: ChatImport.ParsedChat
  readonly messages: Stream.Stream<ChatImport.RoomMessage, SourceUnreadable>
}

const legacyRecords = async (db: LegacyDatabase, source: string, open: () => Promise<LegacyDatabase>) => {
  const { has, iterate, read } = await readTables(db)
  const tokens = (await read("tokens")).map((row): RawRecord => ({
    record: String(row.name),
    raw: {
      accessToken: row.access_token,
      refreshToken: row.refresh_token,
      expiresIn: row.expires_in,
      obtainmentTimestamp: row.obtainment_timestamp,
      scope: typeof row.scopes === "string" ? row.scopes.split(",").filter((scope) => scope !== "") : []
    }
  }))
  // Windows are handed over apart from their keys: joining them is validation (a window may name no key in the file).
  const windows = (await read("usage_windows")).map(({ api_key, id, tokens_used, window_start }): RawRecord => ({
    record: `usage window ${String(id)}`,
    raw: { api_key, window_start, tokens_used }
  }))
  const keys = (await read("api_keys")).map((row, index): RawRecord => ({ record: keyLabel(row, index), raw: row }))
  // seed 002's messages may be millions: they are read twice — validated and counted now, written later — and never held.
  let chat: LegacyChat | undefined
  if (has("rooms")) {
    const parser = ChatImport.chatParser({ users: await read("users"), rooms: await read("rooms"), members: await read("room_members") })
    for await (const row of iterate("messages")) parser.check(row)
    const again: AsyncIterable<ChatImport.RoomMessage> = {
      [Symbol.asyncIterator]: async function*() {
        const db = await open()
        try {
          for await (const row of (await readTables(db)).iterate("messages")) {
            const accepted = parser.accept(row)
            if (accepted !== undefined) yield accepted
          }
        } finally {
          await db.close()
        }
      }
    }
    chat = { parsed: parser.finish(), messages: Stream.fromAsyncIterable(again, (error) => unreadable(source, error)) }
  }
  const sandboxes: SandboxTables | undefined = ["sandboxes", "provider_credentials", "chat_sessions"].some(has)
    ? {
      sandboxes: await read("sandboxes"),
      credentials: await read("provider_credentials"),
      chatSessions: await read("chat_sessions"),
      chatMessages: await read("chat_messages")
    }
    : undefined
  return { tokens, keys, windows, chat, sandboxes }
}

const unreadable = (source: string, error: unknown) =>
  new SourceUnreadable({ file: source, reason: error instanceof Error ? error.message : String(error) })

const reading = (source: string, open: () => Promise<LegacyDatabase>) =>
  Effect.tryPromise({
    try: async () => {
      const db = await open()
      try {
        return await legacyRecords(db, source, open)
      } finally {
        await db.close()
      }
    },
    catch: (error) => unreadable(source, error)
  })

/**
 * A legacy SQLite database: seed 000's `tokens` table, seed 004's `api_keys` and
 * `usage_windows`, seed 002's `users`, `rooms`, `room_members` and `messages`, seed 001's
 * `sandboxes`, `provider_credentials`, `chat_sessions` and `chat_messages` — whichever it has.
 */
export const legacySqlite = (file: string) => reading(file, async () => sqliteDatabase(file))

/** The same tables in a Postgres database (seed 001 ended on Postgres); named in reports without its password. */
export const legacyPostgres = (url: string) => reading(withoutPassword(url), () => postgresDatabase(url))

const withoutPassword = (url: string) => {
  try {
    const parsed = new URL(url)
    if (parsed.password !== "") parsed.password = "***"
    return parsed.toString()
  } catch {
    return "the Postgres URL given"
  }
}
