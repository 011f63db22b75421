import { afterAll, describe, expect, test } from "bun:test"
import { Database } from "bun:sqlite"
import { existsSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { freePort } from "../../support/freePort.ts"
import { directory, serve, type Server, sharedEnv, strata } from "../../support/processes.ts"

/**
 * Seed 002's chat database comes in: rooms become sessions, with their members' roles and
 * join times, and the history as it was — authors, types, edits and soft deletions, in
 * order. A member reads it page by page; anyone else is refused.
 */

const timeout = 120_000

const servers: Array<Server> = []
afterAll(async () => {
  for (const server of servers) {
    server.process.kill("SIGKILL")
    await server.process.exited
  }
})

/** seed 002's schema, as its migration creates it; times are SQLite's CURRENT_TIMESTAMP text (UTC). */
const legacyChat = (file: string, extra: (db: Database) => void = () => undefined) => {
  const db = new Database(file)
  db.run(`CREATE TABLE users (id TEXT PRIMARY KEY, auth_id TEXT UNIQUE, username TEXT UNIQUE, email TEXT UNIQUE, avatar_url TEXT,
    name TEXT, emailVerified TIMESTAMP, image TEXT, password_hash TEXT, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)`)
  db.run(`CREATE TABLE rooms (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, type TEXT CHECK(type IN ('direct', 'group')),
    created_by TEXT REFERENCES users(id), created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)`)
  db.run(`CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT, room_id INTEGER REFERENCES rooms(id) ON DELETE CASCADE,
    user_id TEXT REFERENCES users(id), content TEXT, type TEXT DEFAULT 'text' CHECK(type IN ('text', 'image', 'file')),
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, edited_at TIMESTAMP, deleted_at TIMESTAMP)`)
  db.run(`CREATE TABLE room_members (room_id INTEGER REFERENCES rooms(id) ON DELETE CASCADE, user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
    joined_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, role TEXT DEFAULT 'member' CHECK(role IN ('admin', 'member')), PRIMARY KEY (room_id, user_id))`)
  db.run(`INSERT INTO users (id, username, email, password_hash) VALUES
    ('u-alice', 'alice', 'alice@example.com', '$argon2id$secret-hash'), ('u-bob', 'bob', 'bob@example.com', NULL),
    ('u-carol', NULL, 'carol@example.com', NULL), ('u-mallory', 'mallory', NULL, NULL)`)
  db.run(`INSERT INTO rooms (id, name, type, created_by, created_at) VALUES
    (1, 'General', 'group', 'u-alice', '2025-03-01 09:00:00'), (2, NULL, 'direct', NULL, '2025-03-02 10:00:00')`)
  db.run(`INSERT INTO room_members VALUES (1, 'u-alice', '2025-03-01 09:00:00', 'admin'), (1, 'u-bob', '2025-03-01 09:05:00', 'member'),
    (1, 'u-carol', '2025-03-03 12:00:00', 'admin'), (2, 'u-alice', '2025-03-02 10:00:00', 'member'), (2, 'u-bob', '2025-03-02 10:00:00', 'member')`)
  const post = db.query("INSERT INTO messages (room_id, user_id, content, type, created_at, edited_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
  post.run(1, "u-alice", "welcome", "text", "2025-03-01 09:01:00", null, null)
  post.run(1, "u-bob", "hi all (edited)", "text", "2025-03-01 09:06:00", "2025-03-01 09:07:30", null)
  post.run(2, "u-bob", "psst", "text", "2025-03-02 10:01:00", null, null)
  post.run(1, "u-carol", "https://img.example/cat.png", "image", "2025-03-03 12:01:00", null, null)
  post.run(1, "u-bob", "oops", "text", "2025-03-03 12:02:00", null, "2025-03-03 12:03:00")
  post.run(1, "u-alice", "https://files.example/plan.pdf", "file", "2025-03-03 12:04:00", null, null)
  extra(db)
  db.close()
}

const call = async (server: Server, method: string, path: string, token: string, body?: unknown) => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  return { status: response.status, body: await response.json() as any }
}

describe("seed 002's chat, imported", () => {
  test("a member reads the history page by page as it was, with edits and deletions; a non-member is refused", async () => {
    const dir = directory("strata-chat-")
    const legacy = join(dir, "chat.db")
    legacyChat(legacy)
    const url = `sqlite:${join(dir, "strata.db")}`
    const imported = await strata(["import", "sqlite", "--database", url, "--file", legacy], dir)
    expect(imported.stderr).toBe("")
    expect(imported.stdout.trim()).toBe(
      "imported 2 chat sessions (5 members, 6 messages); 0 already present; " +
        "4 users known by their username (else their id); left behind: email, name, avatar_url, image, emailVerified, password_hash, auth_id"
    )
    const again = await strata(["import", "sqlite", "--database", url, "--file", legacy], dir)
    expect(again.stdout).toStartWith("imported 0 chat sessions (0 members, 0 messages); 2 already present")

    const server = serve(url, await freePort(), dir, sharedEnv)
    servers.push(server)
    await server.up
    const keyOf = async (owner: string) =>
      (await call(server, "POST", "/v1/admin/keys", sharedEnv.STRATA_ADMIN_TOKEN, { owner, name: "chat", tokenLimitPer5h: 10 })).body.secret as string
    const [alice, carol, mallory] = [await keyOf("alice"), await keyOf("u-carol"), await keyOf("mallory")]

    const sessions = (await call(server, "GET", "/v1/sessions", alice)).body.sessions
    expect(sessions.map((s: { title: string }) => s.title).sort()).toEqual(["General", "direct: alice, bob"])
    const general = sessions.find((s: { title: string }) => s.title === "General")
    expect(general).toMatchObject({
      owner: "alice",
      members: { alice: "admin", bob: "member", "u-carol": "admin" },
      joinedAt: { alice: "2025-03-01T09:00:00.000Z", bob: "2025-03-01T09:05:00.000Z", "u-carol": "2025-03-03T12:00:00.000Z" },
      createdAt: "2025-03-01T09:00:00.000Z",
      messageCount: 5
    })

    const pages: Array<Array<any>> = []
    let after: string | undefined
    do {
      const page = await call(server, "GET", `/v1/sessions/${general.sessionId}/messages?order=asc&limit=2${after ? `&after=${after}` : ""}`, carol)
      expect(page.status).toBe(200)
      pages.push(page.body.messages)
      after = page.body.next
    } while (after !== undefined)
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1])
    expect(pages.flat().map((m) => [m.seq, m.author, m.type, m.content, m.postedAt, m.editedAt, m.deletedAt])).toEqual([
      [1, "alice", "text", "welcome", "2025-03-01T09:01:00.000Z", null, null],
      [2, "bob", "text", "hi all (edited)", "2025-03-01T09:06:00.000Z", "2025-03-01T09:07:30.000Z", null],
      [3, "u-carol", "image", "https://img.example/cat.png", "2025-03-03T12:01:00.000Z", null, null],
      [4, "bob", "text", null, "2025-03-03T12:02:00.000Z", null, "2025-03-03T12:03:00.000Z"],
      [5, "alice", "file", "https://files.example/plan.pdf", "2025-03-03T12:04:00.000Z", null, null]
    ])

    expect((await call(server, "GET", `/v1/sessions/${general.sessionId}/messages`, mallory)).status).toBe(404)
    expect((await call(server, "GET", "/v1/sessions", mallory)).body.sessions).toEqual([])
    // The imported session goes on under strata's rules: a member posts after the history.
    const posted = await call(server, "POST", `/v1/sessions/${general.sessionId}/messages`, carol, { content: "back again" })
    expect(posted.body).toMatchObject({ seq: 6, author: "u-carol" })
  }, timeout)

  test("rows naming what is not there are listed and nothing is imported, unless --skip-invalid: then their rooms come without them; a table without a needed column is refused", async () => {
    const dir = directory("strata-chat-")
    const legacy = join(dir, "chat.db")
    legacyChat(legacy, (db) => {
      db.run(`INSERT INTO messages (room_id, user_id, content, created_at) VALUES (2, 'u-gone', 'from a deleted user', '2025-03-04 00:00:00')`)
      db.run(`INSERT INTO messages (room_id, user_id, content, created_at) VALUES (9, 'u-bob', 'to a deleted room', '2025-03-04 00:00:00')`)
      db.run(`INSERT INTO messages (room_id, user_id, content, created_at) VALUES (1, 'u-bob', 'when?', '04/03/2025')`)
    })
    const url = `sqlite:${join(dir, "strata.db")}`
    const refused = await strata(["import", "sqlite", "--database", url, "--file", legacy], dir)
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim().split("\n")).toEqual([
      "invalid  message 7: user_id: no user u-gone",
      "invalid  message 8: room_id: no room 9",
      "invalid  message 9: created_at: \"04/03/2025\" is not a time: expected Unix seconds or milliseconds, ISO 8601 or SQL TIMESTAMP text",
      "strata: 3 invalid records; nothing imported (pass --skip-invalid to import the others)"
    ])
    const skipped = await strata(["import", "sqlite", "--database", url, "--file", legacy, "--skip-invalid"], dir)
    expect(skipped.stdout).toStartWith("imported 2 chat sessions (5 members, 6 messages); 0 already present")
    expect(skipped.stdout.trim()).toEndWith("; 3 invalid skipped")

    const broken = join(dir, "broken.db")
    const db = new Database(broken)
    db.run("CREATE TABLE rooms (id INTEGER PRIMARY KEY, name TEXT, created_at TIMESTAMP)")
    db.run("CREATE TABLE messages (id INTEGER PRIMARY KEY, room INTEGER, user_id TEXT, content TEXT, created_at TIMESTAMP)")
    db.close()
    const unreadable = await strata(["import", "sqlite", "--database", url, "--file", broken], dir)
    expect(unreadable.code).toBe(1)
    expect(unreadable.stderr.trim()).toBe(`strata: cannot read ${broken}: table messages has no column room_id`)
  }, timeout)

  test("--dry-run reads and validates the source, reports what it holds, and writes nothing (the target is not even created)", async () => {
    const dir = directory("strata-chat-")
    const legacy = join(dir, "chat.db")
    legacyChat(legacy, (db) => db.run(`INSERT INTO messages (room_id, user_id, content, created_at) VALUES (2, 'u-gone', 'x', '2025-03-04 00:00:00')`))
    const target = join(dir, "strata.db")
    const dry = await strata(["import", "sqlite", "--database", `sqlite:${target}`, "--file", legacy, "--dry-run"], dir)
    expect(dry.code).toBe(0)
    expect(dry.stderr.trim()).toBe("invalid  message 7: user_id: no user u-gone")
    expect(dry.stdout.trim()).toBe(
      "dry run: 2 chat sessions (5 members, 6 messages) valid; 1 invalid (nothing would be imported without --skip-invalid); nothing written"
    )
    const tokens = join(dir, "tokens.json")
    writeFileSync(tokens, JSON.stringify({ bot: { accessToken: "a", refreshToken: "r", expiresIn: 60, obtainmentTimestamp: 1_700_000_000_000, scope: [] } }))
    const dryTokens = await strata(["import", "tokens", "--database", `sqlite:${target}`, "--file", tokens, "--owner", "ada", "--dry-run"], dir)
    expect(dryTokens.stdout.trim()).toBe("dry run: 1 tokens valid; 0 invalid; nothing written")
    expect(existsSync(target)).toBe(false)
  }, timeout)
})
