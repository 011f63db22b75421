/**
 * Which server to put under strata's HttpApi: `@effect/platform-bun`'s `BunHttpServer`, or
 * `Bun.serve` with the app as a web handler (what `adapters/http/FrontDoor.ts` does). The
 * same one-endpoint HttpApi app — a Schema'd `GET /v1/sandboxes/:sandboxId` answering a
 * small JSON struct shaped like strata's sandbox, no database, access logs off — served
 *
 *   BunHttpServer   `HttpRouter.serve(app)` on `BunHttpServer.layer`, launched by `BunRuntime.runMain`
 *   Bun.serve       `Bun.serve({ fetch })` with `HttpRouter.toWebHandler(app).handler`
 *
 * each in a process of its own, started afresh every round and loaded alone by wrk on
 * 127.0.0.1 (1 thread, 50 connections, 10 s by default, after a 2 s warm-up that is not
 * counted); the rounds alternate which server goes first. Printed: requests/s, p99, the
 * server's CPU time per request (user + system, from /proc: unlike requests/s it barely moves
 * when other processes share the cores) and resident memory after start and after the load,
 * each round and the medians, and Bun.serve / BunHttpServer.
 *
 *   npm run bench:platform              # or: bun scripts/bench-platform.ts --rounds 5 --duration 20
 *
 * Only the serving differs: what strata's front door adds (limits, the stop, native routes)
 * is not in either, so the gap is the platform's own per-request cost.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { BunHttpServer, BunRuntime } from "@effect/platform-bun"
import { Effect, Layer, Schema } from "effect"
import { HttpRouter, HttpServer } from "effect/http"
import { HttpApi, HttpApiBuilder, HttpApiEndpoint, HttpApiGroup } from "effect/http-api"
import { freePort } from "../test/support/freePort.ts"

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "50" },
    // Internal: run as one of the two servers.
    serve: { type: "string" },
    port: { type: "string" }
  }
})

// The app: one endpoint, as strata declares its sandbox read.

const SandboxView = Schema.Struct({
  sandboxId: Schema.String,
  name: Schema.String,
  tierId: Schema.String,
  flavorId: Schema.String,
  addonIds: Schema.Array(Schema.String),
  status: Schema.Literals(["requested", "starting", "running", "stopping", "stopped", "failed"]),
  failureReason: Schema.NullOr(Schema.String),
  createdAt: Schema.String,
  updatedAt: Schema.String,
  version: Schema.Number
})

class SandboxesApi extends HttpApiGroup.make("sandboxes")
  .add(HttpApiEndpoint.get("get", "/v1/sandboxes/:sandboxId", { params: Schema.Struct({ sandboxId: Schema.String }), success: SandboxView }))
{}
class BenchApi extends HttpApi.make("bench").add(SandboxesApi) {}

const SandboxesLive = HttpApiBuilder.group(BenchApi, "sandboxes", (handlers) =>
  handlers.handle("get", ({ params }) =>
    Effect.succeed({
      sandboxId: params.sandboxId,
      name: "dev",
      tierId: "medium",
      flavorId: "node",
      addonIds: ["redis"],
      status: "requested" as const,
      failureReason: null,
      createdAt: "2026-11-22T12:00:00.000Z",
      updatedAt: "2026-11-22T12:00:00.000Z",
      version: 1
    })))

const AppLive = HttpApiBuilder.layer(BenchApi).pipe(Layer.provide(SandboxesLive))

const servers = {
  BunHttpServer: (port: number) =>
    BunRuntime.runMain(Layer.launch(
      HttpRouter.serve(AppLive, { disableLogger: true, disableListenLog: true }).pipe(
        Layer.provide(BunHttpServer.layer({ hostname: "127.0.0.1", port }))
      )
    )),
  "Bun.serve": (port: number) => {
    const app = HttpRouter.toWebHandler(AppLive.pipe(Layer.provide(HttpServer.layerServices)), { disableLogger: true })
    Bun.serve({ hostname: "127.0.0.1", port, fetch: (request) => app.handler(request) })
  }
} as const
type Server = keyof typeof servers

if (args.serve !== undefined) {
  servers[args.serve as Server](Number(args.port))
} else {
  await bench()
}

// The bench: each server alone under wrk.

interface Load {
  readonly requests: number
  readonly rps: number
  readonly p99Ms: number
  readonly errors: number
}

interface Measured extends Load {
  readonly server: Server
  /** Resident memory, MiB: once it answers, and after the load. */
  readonly rssStart: number
  readonly rssLoaded: number
  /** The server's CPU time (user + system) per request under the load, µs. */
  readonly cpuUs: number
}

async function bench() {
  const rounds = Number(args.rounds)
  const results: Array<Measured> = []
  console.log(`wrk -t1 -c${args.connections} -d${args.duration}s on 127.0.0.1 (after a ${args.warmup} s warm-up), ${rounds} rounds\n`)
  console.log("| round | server | req/s | p99 | server CPU per request | RSS after start | RSS after load |")
  console.log("|---:|---|---:|---:|---:|---:|---:|")
  for (let round = 1; round <= rounds; round++) {
    const order: Array<Server> = round % 2 === 1 ? ["BunHttpServer", "Bun.serve"] : ["Bun.serve", "BunHttpServer"]
    for (const server of order) {
      const measured = await measure(server)
      results.push(measured)
      console.log(`| ${round} | ${server} | ${rps(measured.rps)} | ${measured.p99Ms.toFixed(2)} ms | ${us(measured.cpuUs)} | ${mib(measured.rssStart)} | ${mib(measured.rssLoaded)} |` +
        (measured.errors > 0 ? ` (${measured.errors} non-2xx)` : ""))
    }
  }
  const of = (server: Server) => results.filter((result) => result.server === server)
  const summary = (server: Server) => {
    const mine = of(server)
    return {
      rps: median(mine.map((result) => result.rps)),
      p99Ms: median(mine.map((result) => result.p99Ms)),
      cpuUs: median(mine.map((result) => result.cpuUs)),
      rssStart: median(mine.map((result) => result.rssStart)),
      rssLoaded: median(mine.map((result) => result.rssLoaded))
    }
  }
  const platform = summary("BunHttpServer")
  const web = summary("Bun.serve")
  console.log("\nMedians over the rounds:\n")
  console.log("| server | req/s | p99 | server CPU per request | RSS after start | RSS after load |")
  console.log("|---|---:|---:|---:|---:|---:|")
  for (const [name, figures] of [["BunHttpServer", platform], ["Bun.serve + web handler", web]] as const) {
    console.log(`| ${name} | ${rps(figures.rps)} | ${figures.p99Ms.toFixed(2)} ms | ${us(figures.cpuUs)} | ${mib(figures.rssStart)} | ${mib(figures.rssLoaded)} |`)
  }
  console.log(
    `\nBun.serve / BunHttpServer: req/s ${ratio(web.rps, platform.rps)}, p99 ${ratio(web.p99Ms, platform.p99Ms)}, ` +
      `CPU per request ${ratio(web.cpuUs, platform.cpuUs)}, ` +
      `RSS after load ${ratio(web.rssLoaded, platform.rssLoaded)}`
  )
}

async function measure(server: Server): Promise<Measured> {
  const port = await freePort()
  const child = Bun.spawn([process.execPath, import.meta.path, "--serve", server, "--port", String(port)], { stdout: "ignore", stderr: "inherit" })
  const url = `http://127.0.0.1:${port}/v1/sandboxes/sbx-1`
  try {
    await waitUntilUp(url)
    const rssStart = rssMiB(child.pid)
    wrk(url, args.warmup)
    const cpuBefore = cpuSeconds(child.pid)
    const load = wrk(url, args.duration)
    const cpuUs = ((cpuSeconds(child.pid) - cpuBefore) / load.requests) * 1e6
    return { server, ...load, rssStart, rssLoaded: rssMiB(child.pid), cpuUs }
  } finally {
    child.kill("SIGTERM")
    await child.exited
  }
}

async function waitUntilUp(url: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await fetch(url).then((response) => response.ok, () => false)) return
    await Bun.sleep(50)
  }
  throw new Error(`${url} did not come up`)
}

/** wrk, bounded; a non-2xx answer counts as an error (the endpoint always succeeds). */
function wrk(url: string, seconds: string): Load {
  const script = join(mkdtempSync(join(tmpdir(), "strata-bench-platform-")), "done.lua")
  writeFileSync(script, `done = function(summary, latency, requests) io.write(string.format("NON2XX %d\\n", summary.errors.status)) end`)
  const run = Bun.spawnSync(["wrk", "-t1", `-c${args.connections}`, `-d${seconds}s`, "--latency", "-s", script, url])
  const output = run.stdout.toString()
  const requests = Number(/(\d+) requests in/.exec(output)?.[1])
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1])
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(output)
  const p99Ms = p99 === null ? NaN : Number(p99[1]) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[p99[2]!]!
  const errors = Number(/NON2XX (\d+)/.exec(output)?.[1] ?? 0)
  if (!Number.isFinite(rps)) throw new Error(`wrk failed: ${output}${run.stderr.toString()}`)
  return { requests, rps, p99Ms, errors }
}

/** CPU time a process has used, user and system, in seconds (Linux: /proc/<pid>/stat, in clock ticks of 1/100 s). */
function cpuSeconds(pid: number) {
  // The fields after the command name (which is in parentheses and may hold spaces): utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** Resident memory of a process, in MiB (Linux). */
function rssMiB(pid: number) {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024
}

function median(values: ReadonlyArray<number>) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function rps(value: number) {
  return Math.round(value).toLocaleString("en")
}
function us(value: number) {
  return `${value.toFixed(1)} µs`
}
function mib(value: number) {
  return `${value.toFixed(0)} MiB`
}
function ratio(a: number, b: number) {
  return `${(a / b).toFixed(2)}×`
}
