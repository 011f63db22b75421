/**
 * strata over HTTP beside the server a team would write instead of adopting it: Hono on
 * bun:sqlite doing each endpoint's work (scripts/peers/hono-sqlite.ts — bearer → SHA-256 →
 * key by hash with its owner; the sandbox by id and owner, JSON + ETag; usage in one
 * transaction: the key's 5-hour window, the quota, the insert, the totals), with strata's
 * pragmas. Both are seeded with 1,000 keys and 1,000 sandboxes, then loaded by wrk on
 * 127.0.0.1 (Debian's `wrk`, bounded: 1 thread, 50 connections, 10 s by default):
 *
 *   GET /v1/sandboxes/:id
 *   POST /v1/usage, one key
 *   POST /v1/usage, 50 keys in turn
 *
 * and each server's resident memory after the reads, and after all three loads.
 *
 *   npm run bench:http                     # or: bun scripts/bench-http.ts --duration 20
 *
 * Every server runs alone in its own process while it is measured. strata runs on the
 * embedded SQLite default with access logs off (STRATA_LOG_LEVEL=warning).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { freePort } from "../test/support/freePort.ts"

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" }
  }
})
const root = join(import.meta.dir, "..")
const work = mkdtempSync(join(tmpdir(), "strata-bench-http-"))
const adminToken = "st_admin_bench-http"


/** Until `url` answers (with a success, when `ok` is asked: strata answers 503 while it starts). */
const waitUntilUp = async (url: string, ok = false) => {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await fetch(url).then((response) => !ok || response.ok, () => false)) return
    await Bun.sleep(50)
  }
  throw new Error(`${url} did not come up`)
}

interface Load {
  readonly rps: number
  readonly p99Ms: number
  readonly errors: number
}

/** wrk, bounded; a Lua script when the request needs a method, headers or a body. */
const wrk = (url: string, request?: { method: string; headers: Record<string, string>; body?: string } | { lua: string }): Load => {
  const script = join(work, `wrk-${Math.random().toString(36).slice(2)}.lua`)
  const done = `done = function(summary, latency, requests) io.write(string.format("NON2XX %d\\n", summary.errors.status)) end`
  writeFileSync(script, request === undefined ? "" : "lua" in request ? `${request.lua}\n${done}` : [
    `wrk.method = "${request.method}"`,
    ...Object.entries(request.headers).map(([name, value]) => `wrk.headers["${name}"] = "${value}"`),
    request.body === undefined ? "" : `wrk.body = '${request.body}'`,
    done
  ].join("\n"))
  const run = Bun.spawnSync(["wrk", "-t1", `-c${args.connections}`, `-d${args.duration}s`, "--latency", "-s", script, url])
  const output = run.stdout.toString()
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1])
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(output)
  const p99Ms = p99 === null ? NaN : Number(p99[1]) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[p99[2]!]!
  const errors = Number(/NON2XX (\d+)/.exec(output)?.[1] ?? /Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0)
  if (!Number.isFinite(rps)) throw new Error(`wrk failed: ${output}${run.stderr.toString()}`)
  return { rps, p99Ms, errors }
}

/** Requests that take turns through `secrets`, one per request. */
const rotating = (path: string, secrets: ReadonlyArray<string>, body: string) => ({
  lua: [
    `local secrets = { ${secrets.map((secret) => `"${secret}"`).join(", ")} }`,
    "local next = 0",
    "request = function()",
    "  next = next % #secrets + 1",
    `  return wrk.format("POST", "${path}", { ["authorization"] = "Bearer " .. secrets[next], ["content-type"] = "application/json" }, '${body}')`,
    "end"
  ].join("\n")
})

const spawn = (command: Array<string>, env: Record<string, string> = {}) =>
  Bun.spawn(command, {
    cwd: work,
    env: { ...process.env, PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}`, ...env },
    stdout: "ignore",
    stderr: "inherit"
  })

const seeded = 1_000

/** Resident memory of a process, in MiB (Linux). */
const rssMiB = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8")
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024
}

interface Measured {
  readonly get: Load
  readonly usage: Load
  readonly usageManyKeys: Load
  /** Resident memory after the reads alone, and after the writes too. */
  readonly rssAfterGet: number
  readonly rss: number
}

/** The three loads, in the same order on both servers, and the server's memory after the reads and at the end. */
const measure = (
  base: string,
  pid: number,
  sandbox: { id: string; secret: string },
  usageSecret: string,
  turnSecrets: ReadonlyArray<string>
): Measured => {
  const get = wrk(`${base}/v1/sandboxes/${sandbox.id}`, { method: "GET", headers: { authorization: `Bearer ${sandbox.secret}` } })
  const rssAfterGet = rssMiB(pid)
  const usage = wrk(`${base}/v1/usage`, {
    method: "POST",
    headers: { authorization: `Bearer ${usageSecret}`, "content-type": "application/json" },
    body: `{"tokens":1}`
  })
  const usageManyKeys = wrk(`${base}/v1/usage`, rotating("/v1/usage", turnSecrets, `{"tokens":1}`))
  return { get, usage, usageManyKeys, rssAfterGet, rss: rssMiB(pid) }
}

const measureHono = async (): Promise<Measured> => {
  const port = await freePort()
  const server = spawn(["bun", join(root, "scripts/peers/hono-sqlite.ts"), "--port", String(port), "--db", join(work, "hono.db"), "--keys", String(seeded)])
  const base = `http://127.0.0.1:${port}`
  try {
    await waitUntilUp(`${base}/`)
    const secret = (index: number) => `peer_key_${index}`
    return measure(base, server.pid, { id: "sbx-0", secret: secret(0) }, secret(1), Array.from({ length: 50 }, (_, index) => secret(100 + index)))
  } finally {
    server.kill()
    await server.exited
  }
}

const measureStrata = async (): Promise<Measured> => {
  const port = await freePort()
  const server = spawn(["bun", join(root, "main.ts"), "serve", "--database", `sqlite:${join(work, "strata.db")}`, "--port", String(port)], {
    STRATA_ADMIN_TOKEN: adminToken,
    STRATA_MASTER_KEY: Buffer.alloc(32, 7).toString("base64"),
    STRATA_LOG_LEVEL: "warning"
  })
  const base = `http://127.0.0.1:${port}`
  try {
    await waitUntilUp(`${base}/ready`, true)
    const call = async (method: string, path: string, token: string, body: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body)
      })
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
      return response.json() as Promise<any>
    }
    // As the peer is seeded: a key per owner, and a sandbox of each owner.
    const secrets: Array<string> = []
    const sandboxes: Array<string> = []
    for (let index = 0; index < seeded; index++) {
      const key = await call("POST", "/v1/admin/keys", adminToken, { owner: `owner-${index}`, name: `key ${index}`, tokenLimitPer5h: 1_000_000_000_000 })
      secrets.push(key.secret)
      sandboxes.push((await call("POST", "/v1/sandboxes", key.secret, { name: "dev", tierId: "medium", flavorId: "node", addonIds: ["redis"] })).sandboxId)
    }
    return measure(base, server.pid, { id: sandboxes[0]!, secret: secrets[0]! }, secrets[1]!, secrets.slice(100, 150))
  } finally {
    server.kill("SIGTERM")
    await server.exited
  }
}

const hono = await measureHono()
const strata = await measureStrata()

const rps = (load: Load) => Math.round(load.rps).toLocaleString("en")
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`
const row = (name: string, load: Load, peer: Load) =>
  `| ${name} | ${rps(load)} | ${load.p99Ms.toFixed(1)} ms | ${rps(peer)} | ${peer.p99Ms.toFixed(1)} ms | ${ratio(load.rps, peer.rps)} | ${
    ratio(load.p99Ms, peer.p99Ms)
  } |${load.errors + peer.errors > 0 ? ` (${load.errors + peer.errors} non-2xx)` : ""}`

console.log([
  `wrk -t1 -c${args.connections} -d${args.duration}s on 127.0.0.1; both servers seeded with ${seeded.toLocaleString("en")} keys and sandboxes`,
  "",
  "| endpoint | strata req/s | strata p99 | Hono + bun:sqlite req/s | Hono p99 | strata / Hono | p99 strata / Hono |",
  "|---|---:|---:|---:|---:|---:|---:|",
  row("GET /v1/sandboxes/:id", strata.get, hono.get),
  row("POST /v1/usage, one key", strata.usage, hono.usage),
  row("POST /v1/usage, 50 keys in turn", strata.usageManyKeys, hono.usageManyKeys),
  "",
  `Resident memory after the loads: strata ${strata.rss.toFixed(0)} MiB, Hono ${hono.rss.toFixed(0)} MiB ` +
    `(after the reads alone: strata ${strata.rssAfterGet.toFixed(0)} MiB, Hono ${hono.rssAfterGet.toFixed(0)} MiB).`
].join("\n"))
