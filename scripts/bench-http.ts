/**
 * strata over HTTP beside bare Bun.serve handlers, in one run, each loaded by wrk on
 * 127.0.0.1 (Debian's `wrk`, bounded: 1 thread, 50 connections, 10 s by default):
 *
 *   GET /v1/sandboxes/:id   beside  a bare Bun.serve JSON handler
 *   POST /v1/usage          beside  a bare Bun.serve handler doing one bun:sqlite insert
 *                           (with strata's pragmas: WAL, synchronous = NORMAL), for one
 *                           busy key and for 50 keys in turn
 *
 * and, for reference, the bare insert with SQLite's default pragmas (rollback journal,
 * synchronous = FULL: an fsync per insert).
 *
 *   npm run bench:http                     # or: bun scripts/bench-http.ts --duration 20
 *
 * Every server runs alone in its own process while it is measured. strata runs on the
 * embedded SQLite default with access logs off (STRATA_LOG_LEVEL=warning).
 */
import { mkdtempSync, writeFileSync } from "node:fs"
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


const waitUntilUp = async (url: string) => {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await fetch(url).then(() => true, () => false)) return
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

type Bare = "json" | "insert" | "insert-defaults"

/** The bare handlers: one JSON response, or one bun:sqlite insert, and nothing else. */
const bareServer = (kind: Bare, port: number) => {
  const source = join(work, `bare-${kind}.ts`)
  const pragmas = kind === "insert-defaults" ? "" : `db.run("PRAGMA journal_mode = WAL"); db.run("PRAGMA synchronous = NORMAL")`
  writeFileSync(source, `
    import { Database } from "bun:sqlite"
    const db = new Database(${JSON.stringify(join(work, `bare-${kind}.db`))})
    ${pragmas}
    db.run("CREATE TABLE IF NOT EXISTS usage (id INTEGER PRIMARY KEY, key TEXT, tokens INTEGER, at TEXT)")
    const insert = db.query("INSERT INTO usage (key, tokens, at) VALUES (?, ?, ?)")
    const sandbox = { sandboxId: "01a2", name: "dev", tierId: "medium", flavorId: "node", addonIds: ["redis"], status: "running",
      failureReason: null, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), version: 3 }
    Bun.serve({ hostname: "127.0.0.1", port: ${port}, fetch: async (request) => {
      if (${JSON.stringify(kind)} === "json" || request.method !== "POST") return Response.json(sandbox)
      const { tokens } = await request.json()
      insert.run("k1", tokens, new Date().toISOString())
      return Response.json({ recorded: tokens })
    } })
  `)
  return spawn(["bun", source])
}

const measureBare = async (kind: Bare) => {
  const port = await freePort()
  const server = bareServer(kind, port)
  try {
    await waitUntilUp(`http://127.0.0.1:${port}/`)
    return kind === "json"
      ? wrk(`http://127.0.0.1:${port}/`)
      : wrk(`http://127.0.0.1:${port}/`, { method: "POST", headers: { "content-type": "application/json" }, body: `{"tokens":1}` })
  } finally {
    server.kill()
    await server.exited
  }
}

const measureStrata = async () => {
  const port = await freePort()
  const server = spawn(["bun", join(root, "main.ts"), "serve", "--database", `sqlite:${join(work, "strata.db")}`, "--port", String(port)], {
    STRATA_ADMIN_TOKEN: adminToken,
    STRATA_MASTER_KEY: Buffer.alloc(32, 7).toString("base64"),
    STRATA_LOG_LEVEL: "warning"
  })
  const base = `http://127.0.0.1:${port}`
  try {
    await waitUntilUp(`${base}/health`)
    const call = async (method: string, path: string, token: string, body: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body)
      })
      return response.json() as Promise<any>
    }
    const newKey = () => call("POST", "/v1/admin/keys", adminToken, { owner: "bench", name: "bench", tokenLimitPer5h: 1_000_000_000_000 })
    const key = await newKey()
    const keys: Array<string> = []
    for (let index = 0; index < 50; index++) keys.push((await newKey()).secret)
    const sandbox = await call("POST", "/v1/sandboxes", key.secret, { name: "dev", tierId: "medium", flavorId: "node", addonIds: ["redis"] })
    const auth = { authorization: `Bearer ${key.secret}` }
    return {
      get: wrk(`${base}/v1/sandboxes/${sandbox.sandboxId}`, { method: "GET", headers: auth }),
      usage: wrk(`${base}/v1/usage`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: `{"tokens":1}` }),
      usageManyKeys: wrk(`${base}/v1/usage`, rotating("/v1/usage", keys, `{"tokens":1}`))
    }
  } finally {
    server.kill("SIGTERM")
    await server.exited
  }
}

const bareJson = await measureBare("json")
const bareInsert = await measureBare("insert")
const bareInsertDefaults = await measureBare("insert-defaults")
const strata = await measureStrata()

const row = (name: string, load: Load, bare: Load, bareName: string) =>
  `| ${name} | ${Math.round(load.rps).toLocaleString("en")} | ${load.p99Ms.toFixed(1)} ms | ${bareName} | ${
    Math.round(bare.rps).toLocaleString("en")
  } | ${bare.p99Ms.toFixed(1)} ms | ${Math.round((load.rps / bare.rps) * 100)}% |${load.errors + bare.errors > 0 ? ` (${load.errors + bare.errors} non-2xx)` : ""}`

console.log([
  `wrk -t1 -c${args.connections} -d${args.duration}s on 127.0.0.1`,
  "",
  "| strata | req/s | p99 | beside | req/s | p99 | strata / bare |",
  "|---|---:|---:|---|---:|---:|---:|",
  row("GET /v1/sandboxes/:id", strata.get, bareJson, "bare Bun.serve JSON"),
  row("POST /v1/usage, one key", strata.usage, bareInsert, "bare Bun.serve + 1 bun:sqlite insert"),
  row("POST /v1/usage, 50 keys in turn", strata.usageManyKeys, bareInsert, "bare Bun.serve + 1 bun:sqlite insert"),
  "",
  `For reference, the bare insert with SQLite's default pragmas (rollback journal, synchronous = FULL): ${
    Math.round(bareInsertDefaults.rps).toLocaleString("en")
  } req/s, p99 ${bareInsertDefaults.p99Ms.toFixed(1)} ms.`
].join("\n"))
