/**
 * A large legacy import: seed 002's chat database with `--messages` messages over `--rooms`
 * rooms, imported by `strata import sqlite` into a fresh database, as an operator runs it.
 * Prints the counts, the rate (messages per second, the whole command) and the command's
 * peak resident memory.
 *
 *   npm run bench:import                            # 1,000,000 messages, 100 rooms, into SQLite
 *   npm run bench:import -- --messages 100000 --database postgres://…
 */
import { Database } from "bun:sqlite"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"

const { values: args } = parseArgs({
  options: {
    messages: { type: "string", default: "1000000" },
    rooms: { type: "string", default: "100" },
    database: { type: "string" }
  }
})
const messages = Number(args.messages)
const rooms = Number(args.rooms)
const dir = mkdtempSync(join(tmpdir(), "strata-bench-import-"))
process.once("exit", () => rmSync(dir, { recursive: true, force: true }))

const legacy = join(dir, "chat.db")
const db = new Database(legacy)
db.run("PRAGMA journal_mode = WAL")
db.run(`CREATE TABLE users (id TEXT PRIMARY KEY, username TEXT UNIQUE, email TEXT)`)
db.run(`CREATE TABLE rooms (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, type TEXT, created_by TEXT, created_at TIMESTAMP)`)
db.run(`CREATE TABLE room_members (room_id INTEGER, user_id TEXT, joined_at TIMESTAMP, role TEXT DEFAULT 'member', PRIMARY KEY (room_id, user_id))`)
db.run(`CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT, room_id INTEGER, user_id TEXT, content TEXT, type TEXT DEFAULT 'text',
  created_at TIMESTAMP, edited_at TIMESTAMP, deleted_at TIMESTAMP)`)
const users = 50
db.transaction(() => {
  for (let u = 0; u < users; u++) db.query("INSERT INTO users VALUES (?, ?, ?)").run(`u-${u}`, `user${u}`, `user${u}@example.com`)
  for (let r = 1; r <= rooms; r++) {
    db.query("INSERT INTO rooms (name, type, created_by, created_at) VALUES (?, 'group', ?, '2024-01-01 00:00:00')").run(`room ${r}`, `u-${r % users}`)
    for (let m = 0; m < 5; m++) {
      db.query("INSERT INTO room_members VALUES (?, ?, '2024-01-01 00:00:00', ?)").run(r, `u-${(r + m) % users}`, m === 0 ? "admin" : "member")
    }
  }
  const post = db.query("INSERT INTO messages (room_id, user_id, content, created_at, edited_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?)")
  const start = Date.UTC(2024, 0, 1)
  for (let i = 0; i < messages; i++) {
    const room = (i % rooms) + 1
    const at = new Date(start + i * 1000).toISOString().replace("T", " ").slice(0, 19)
    post.run(room, `u-${(room + (i % 5)) % users}`, `message ${i} in room ${room}`, at, i % 50 === 0 ? at : null, i % 97 === 0 ? at : null)
  }
})()
db.close()
console.log(`source: ${messages.toLocaleString("en")} messages in ${rooms} rooms, ${users} users`)

const target = args.database ?? `sqlite:${join(dir, "strata.db")}`
const started = performance.now()
const child = Bun.spawn([process.execPath, join(import.meta.dir, "..", "main.ts"), "import", "sqlite", "--database", target, "--file", legacy], {
  env: { ...process.env, STRATA_MASTER_KEY: process.env.STRATA_MASTER_KEY ?? Buffer.alloc(32, 7).toString("base64") },
  stdout: "pipe",
  stderr: "inherit"
})
const output = await new Response(child.stdout).text()
const code = await child.exited
const seconds = (performance.now() - started) / 1000
if (code !== 0) {
  console.error(`strata import failed (exit ${code}): ${output}`)
  process.exit(1)
}
const usage = child.resourceUsage()
console.log(output.trim())
console.log(
  `imported ${messages.toLocaleString("en")} messages in ${seconds.toFixed(1)} s: ${Math.round(messages / seconds).toLocaleString("en")} messages/s; ` +
    `peak RSS ${Math.round(Number(usage?.maxRSS ?? 0) / 1024 / 1024)} MB`
)
