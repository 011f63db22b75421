/**
 * The memory of a server with 100 live subscribers: `strata serve` on a SQLite file, its
 * resident memory (RSS, /proc) after a warm-up, then with 100 readers of
 * `GET /v1/admin/events/live` connected, and after 1,000 events written and delivered to
 * every one of them. Then 100 readers that never read (their sockets paused), and 2,000
 * more events of 8 KiB (written within Bun's 10 s idle timeout, which closes a stalled
 * connection by itself): each reader is told it fell behind once 1,000 events wait for it.
 *
 *   bun scripts/live-subscribers.ts [--subscribers 100] [--events 1000]
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { connect } from "node:net"
import { parseArgs } from "node:util"

const { values } = parseArgs({ options: { subscribers: { type: "string", default: "100" }, events: { type: "string", default: "1000" } } })
const subscribers = Number(values.subscribers)
const events = Number(values.events)

const root = join(import.meta.dir, "..")
const work = mkdtempSync(join(tmpdir(), "strata-live-"))
const adminToken = "st_admin_live-subscribers"
const port = 20_000 + Math.floor(Math.random() * 20_000)
const base = `http://127.0.0.1:${port}`

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024

const server = Bun.spawn(["bun", join(root, "main.ts"), "serve", "--database", `sqlite:${join(work, "strata.db")}`, "--port", String(port)], {
  cwd: work,
  env: {
    ...process.env,
    PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}`,
    STRATA_ADMIN_TOKEN: adminToken,
    STRATA_MASTER_KEY: Buffer.alloc(32, 7).toString("base64"),
    STRATA_LOG_LEVEL: "warning"
  },
  stdout: "ignore",
  stderr: "inherit"
})

const call = (method: string, path: string, body?: unknown) =>
  fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, "x-strata-owner": "bench", "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })

const save = (name: string) =>
  call("PUT", `/v1/tokens/${name}`, { accessToken: "a", refreshToken: "r", expiresIn: 3600, obtainmentTimestamp: 1, scopes: [] })

try {
  for (let ready = false; !ready;) {
    ready = await fetch(`${base}/ready`).then((response) => response.ok, () => false)
    if (!ready) await Bun.sleep(100)
  }
  // Warm-up: the paths the measurement takes, once each, so that their code is loaded before.
  for (let index = 0; index < 200; index++) await save(`warm-${index}`)
  const warm = await fetch(`${base}/v1/admin/events/live?after=0`, { headers: { authorization: `Bearer ${adminToken}` } })
  const warmReader = warm.body!.getReader()
  await warmReader.read()
  await warmReader.cancel()
  Bun.gc(true)
  await Bun.sleep(1_000)
  const before = rssMiB(server.pid)

  const head = (await (await fetch(`${base}/ready`)).json() as { head: number }).head
  const received = new Array<number>(subscribers).fill(0)
  const readers = await Promise.all(Array.from({ length: subscribers }, async (_, index) => {
    const response = await fetch(`${base}/v1/admin/events/live?after=${head}`, { headers: { authorization: `Bearer ${adminToken}` } })
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    void (async () => {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        received[index]! += (decoder.decode(chunk.value).match(/^id: /gm) ?? []).length
      }
    })().catch(() => undefined)
    return reader
  }))
  await Bun.sleep(1_000)
  const connected = rssMiB(server.pid)

  const started = performance.now()
  for (let index = 0; index < events; index++) await save(`live-${index % 50}`)
  while (received.some((count) => count < events)) await Bun.sleep(20)
  const deliveredIn = (performance.now() - started) / 1000
  await Bun.sleep(1_000)
  const after = rssMiB(server.pid)
  for (const reader of readers) await reader.cancel()

  // Readers that never read: connected, their headers received, then their sockets paused.
  const slowHead = (await (await fetch(`${base}/ready`)).json() as { head: number }).head
  const sockets = await Promise.all(Array.from({ length: subscribers }, async () => {
    const socket = connect(port, "127.0.0.1")
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()))
    socket.write(`GET /v1/admin/events/live?after=${slowHead} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${adminToken}\r\n\r\n`)
    await new Promise<void>((resolve) => socket.once("data", () => resolve()))
    socket.pause()
    return socket
  }))
  const slowConnected = rssMiB(server.pid)
  const big = "x".repeat(8192)
  const slowEvents = 2 * events
  for (let index = 0; index < slowEvents; index++) {
    await call("PUT", `/v1/tokens/slow-${index % 50}`, { accessToken: big, refreshToken: "r", expiresIn: 3600, obtainmentTimestamp: 1, scopes: [] })
  }
  await Bun.sleep(1_000)
  const slowAfter = rssMiB(server.pid)
  // Read now: each got what waited for it, then `event: behind`, then the end of its stream.
  const told = await Promise.all(sockets.map((socket) =>
    new Promise<boolean>((resolve) => {
      let text = ""
      socket.on("data", (chunk: Buffer) => (text += chunk.toString("latin1")))
      socket.once("close", () => resolve(text.includes("event: behind")))
      socket.resume()
      setTimeout(() => (socket.destroy(), resolve(false)), 30_000)
    })
  ))

  await Bun.sleep(2_000)
  const slowGone = rssMiB(server.pid)

  console.log(`strata serve (SQLite), ${subscribers} live subscribers of /v1/admin/events/live`)
  console.log(`  RSS before:                                 ${before.toFixed(1)} MiB`)
  console.log(`  RSS with ${subscribers} connected:                    ${connected.toFixed(1)} MiB (+${(connected - before).toFixed(1)})`)
  console.log(`  RSS after ${events} events delivered to each:   ${after.toFixed(1)} MiB (+${(after - before).toFixed(1)}; ${((after - before) * 1024 / subscribers).toFixed(0)} KiB a subscriber)`)
  console.log(`  ${events} writes, each delivered to all ${subscribers}, in ${deliveredIn.toFixed(1)} s`)
  console.log(`  ${subscribers} readers that never read: RSS ${slowConnected.toFixed(1)} MiB connected, ${slowAfter.toFixed(1)} MiB after ${slowEvents} more events of 8 KiB`)
  console.log(`  told they fell behind and disconnected: ${told.filter(Boolean).length} of ${subscribers}; RSS once they are gone: ${slowGone.toFixed(1)} MiB`)
} finally {
  server.kill()
  await server.exited
  rmSync(work, { recursive: true, force: true })
}
