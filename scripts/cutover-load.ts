/**
 * The cutover's acceptance, at length: two (or `--servers N`) `strata serve` processes on one SQLite file
 * take writes from clients that resend with the same Idempotency-Key until they learn the
 * outcome, while the log moves to Postgres, is switched, rolled back to SQLite, moved
 * again, switched and finished. With --kills, a serving process and the cutover command
 * are killed with SIGKILL mid-copy, mid-mirror and mid-switch, and every step is resumed.
 *
 *   bun scripts/cutover-load.ts                      # 2 servers, 16 clients, 10 s between steps
 *   bun scripts/cutover-load.ts --servers 4
 *   bun scripts/cutover-load.ts --kills --prefill 300000
 *
 * Postgres: STRATA_BENCH_PG_URL, else a throwaway server as in the tests (fsync on). Prints
 * each target of a switch no client notices — the longest write pause per switch and
 * rollback (< 250 ms), the 503s answered (none), the mirror's lag at steady load (p50 <
 * 100 ms) — whether each is met, and every check; exits non-zero when a check fails.
 *
 * The mirror's lag is measured from outside, by a process of its own: the origin's head is
 * read from its file, then the target is polled (every 2 ms) until it holds that position —
 * the time from a commit on the side that serves to its visibility on the other. `strata cutover status`'s
 * own estimate (the age of the first event not yet mirrored) is printed beside it.
 */
import { join } from "node:path"
import { parseArgs } from "node:util"
import { Database } from "bun:sqlite"
import { Effect, Layer } from "effect"
import { EventStore, ExpectedVersion } from "../application/ports/EventStore.ts"
import { InlineProjections } from "../application/eventsourcing/Projection.ts"
import * as SqliteStore from "../adapters/sqlite/SqliteStore.ts"
import * as Load from "../test/support/cutoverLoad.ts"
import { freePort } from "../test/support/freePort.ts"
import { freshDatabase, stopPostgres } from "../test/support/postgres.ts"
import { directory, serve, type Server, sharedEnv, spawnStrata, strata } from "../test/support/processes.ts"
import { events } from "../test/support/run.ts"
import { projections } from "../main.ts"

const { values: args } = parseArgs({
  options: {
    servers: { type: "string", default: "2" },
    workers: { type: "string", default: "16" },
    owners: { type: "string", default: "8" },
    quota: { type: "string", default: "20000" },
    pause: { type: "string", default: "10" },
    prefill: { type: "string", default: "0" },
    kills: { type: "boolean", default: false }
  }
})
const pauseMs = Number(args.pause) * 1_000

if (process.env.STRATA_BENCH_PG_URL) process.env.STRATA_TEST_PG_URL = process.env.STRATA_BENCH_PG_URL
const cwd = directory("strata-cutover-load-")
const sqlite = `sqlite:${join(cwd, "strata.db")}`
const postgres = await freshDatabase()
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 23)} ${line}`)

if (Number(args.prefill) > 0) {
  // History to copy: streams of 100 events, appended in batches, before any server starts.
  const total = Number(args.prefill)
  await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
    const context = yield* Layer.build(SqliteStore.layer({ filename: join(cwd, "strata.db") }).pipe(
      Layer.provide(Layer.succeed(InlineProjections, projections))
    ))
    const store = (yield* Effect.provide(EventStore, context))
    for (let stream = 0; stream * 100 < total; stream++) {
      yield* store.append(`history-${stream}`, events(Math.min(100, total - stream * 100), "HistoryRecorded"), ExpectedVersion.noStream)
    }
  })))
  log(`prefilled ${total} events`)
}

const servers: Array<Server> = []
const start = async (index: number) => {
  const server = serve(sqlite, await freePort(), cwd)
  await server.up
  servers[index] = server
  return server
}
await Promise.all(Array.from({ length: Number(args.servers) }, (_, index) => start(index)))
log(`${servers.length} servers, ${args.workers} clients`)
const target = (): Load.Servers => ({ urls: servers.map((server) => server.url), adminToken: sharedEnv.STRATA_ADMIN_TOKEN })
const owners = await Load.prepare(target(), Number(args.owners), Number(args.quota))
// The load follows the servers as they are restarted: urls are read per request.
const live: Load.Servers = { get urls() { return target().urls }, adminToken: sharedEnv.STRATA_ADMIN_TOKEN } as Load.Servers
let stop!: () => void
const stopped = new Promise<void>((resolve) => (stop = resolve))
const load = Load.run(live, owners, Number(args.workers), stopped)

const step = async (...command: Array<string>) => {
  const ran = await strata(["cutover", ...command, "--database", sqlite], cwd)
  if (ran.code !== 0) throw new Error(`strata cutover ${command.join(" ")}: ${ran.stderr}${ran.stdout}`)
  log(`cutover ${command[0]}: ${ran.stdout.trim().split("\n").pop()}`)
  return ran
}
/** Starts a step and kills it with SIGKILL after `afterMs`; the step is then run again to its end. */
const killedMidway = async (afterMs: number, ...command: Array<string>) => {
  const child = spawnStrata(["cutover", ...command, "--database", sqlite], cwd)
  await Bun.sleep(afterMs)
  child.kill("SIGKILL")
  await child.exited
  log(`cutover ${command[0]} killed after ${afterMs} ms`)
}
/** Starts a step and kills it with SIGKILL as soon as the origin is fenced (the switch's pause has begun). */
const killedOnceFenced = async (...command: Array<string>) => {
  const origin = new Database(join(cwd, "strata.db"), { readonly: true })
  const fenced = origin.query("SELECT fenced_at FROM strata_log WHERE id = 1")
  try {
    const child = spawnStrata(["cutover", ...command, "--database", sqlite], cwd)
    const from = performance.now()
    while ((fenced.get() as { fenced_at: string | null } | null)?.fenced_at == null && performance.now() - from < 60_000) await Bun.sleep(2)
    child.kill("SIGKILL")
    await child.exited
    log(`cutover ${command[0]} killed ${Math.round(performance.now() - from)} ms after it began, its fence up`)
  } finally {
    origin.close()
  }
}
const killServer = async (index: number) => {
  servers[index]!.process.kill("SIGKILL")
  await servers[index]!.process.exited
  log(`server ${index} killed`)
  await start(index)
  log(`server ${index} restarted`)
}
const lagSamples: Array<{ events: number; seconds: number }> = []
const sampleLag = async (forMs: number) => {
  const until = performance.now() + forMs
  while (performance.now() < until) {
    const ran = await strata(["cutover", "status", "--format", "json", "--database", sqlite], cwd)
    if (ran.code === 0) {
      const status = JSON.parse(ran.stdout) as { lag?: { events: number; seconds: number } }
      if (status.lag) lagSamples.push(status.lag)
    }
    await Bun.sleep(500)
  }
}
/** Commit on one side → visible on the other, in ms, measured by a process of its own (see `mirrorLagProcess`). */
const mirrorLags: Array<number> = []
/** Stretches of steady load (mirroring, no step running): their longest pause is the noise a switch's pause compares with. */
const steady: Array<{ readonly from: number; readonly to: number }> = []
const sampleMirror = async (forMs: number) => {
  const from = performance.now()
  const sampler = Bun.spawn([process.execPath, join(import.meta.dir, "../test/support/mirrorLagProcess.ts"), join(cwd, "strata.db"), postgres], {
    stdin: "ignore",
    stdout: "pipe",
    stderr: "inherit"
  })
  await Bun.sleep(forMs)
  sampler.kill("SIGTERM")
  const [out] = await Promise.all([new Response(sampler.stdout).text(), sampler.exited])
  mirrorLags.push(...(JSON.parse(out || "[]") as Array<number>))
  steady.push({ from, to: performance.now() })
}
const switches: Array<{ readonly name: string; readonly from: number; readonly to: number }> = []
const timed = async (name: string, ...command: Array<string>) => {
  const from = performance.now()
  await step(...command)
  switches.push({ name, from, to: performance.now() })
}

try {
  await Bun.sleep(pauseMs / 2)
  if (args.kills) {
    await killedMidway(1_500, "start", "--to", postgres)
    await killServer(0)
  }
  await step("start", "--to", postgres)
  await Promise.all([sampleLag(pauseMs), sampleMirror(pauseMs)])
  if (args.kills) {
    const status = await strata(["cutover", "status", "--database", sqlite], cwd)
    const holder = Number(/held by .*:(\d+)/.exec(status.stdout)?.[1])
    const index = servers.findIndex((server) => server.process.pid === holder)
    if (index >= 0) await killServer(index)
    await sampleMirror(pauseMs / 2)
    // Killed once it has fenced the origin, then run again at once: the window is the whole
    // of it, the new command's start-up included (its pause is not held to the target; its 503s are).
    const from = performance.now()
    await killedOnceFenced("switch")
    await step("switch")
    switches.push({ name: "switch killed after its fence, run again", from, to: performance.now() })
  } else await timed("switch", "switch")
  await Bun.sleep(pauseMs)
  await timed("rollback", "rollback")
  await sampleMirror(pauseMs)
  await step("start", "--to", postgres)
  await sampleMirror(pauseMs)
  await timed("switch again", "switch")
  await Bun.sleep(pauseMs)
  await step("finish")
  await Bun.sleep(pauseMs / 2)
  stop()
  const tally = await load
  const checked = await Load.check(live, owners, tally)
  const verified = await strata(["cutover", "verify", "--database", sqlite], cwd)
  const replayedTarget = await strata(["verify", "--database", postgres], cwd)
  const replayedOrigin = await strata(["verify", "--database", sqlite], cwd)

  const lagEvents = lagSamples.map((sample) => sample.events)
  const lagSeconds = lagSamples.map((sample) => sample.seconds)
  const met = (ok: boolean) => (ok ? "met" : "NOT MET")
  console.log("")
  console.log(`${servers.length} servers, ${args.workers} clients, SQLite → Postgres`)
  console.log(`writes acknowledged ${tally.acknowledged}, refused ${tally.refused} (stale If-Match, quota), resent ${tally.resent}, unknown ${tally.unknown}`)
  console.log(`p50 ${Math.round(Load.percentile(tally.latencies, 50))} ms, p99 ${Math.round(Load.percentile(tally.latencies, 99))} ms over the whole run`)
  for (const window of switches) {
    const pause = Load.longestPause(tally.completions, window.from, window.to)
    const unavailable = tally.unavailable.filter((at) => at >= window.from && at <= window.to).length
    const target = window.name.includes("killed") ? "" : ` (target < 250 ms: ${met(pause < 250)})`
    console.log(`${window.name}: longest write pause ${Math.round(pause)} ms${target}, 503s ${unavailable} (target none: ${met(unavailable === 0)}), command took ${Math.round(window.to - window.from)} ms`)
  }
  const noise = Math.max(0, ...steady.map((window) => Load.longestPause(tally.completions, window.from, window.to)))
  console.log(`steady load, no step running: longest write pause ${Math.round(noise)} ms over ${Math.round(steady.reduce((sum, window) => sum + window.to - window.from, 0) / 1000)} s (what a switch's pause compares with on this machine)`)
  console.log(`503s answered over the whole run: ${tally.unavailable.length} (target none: ${met(tally.unavailable.length === 0)})`)
  const lagP50 = Load.percentile(mirrorLags, 50)
  console.log(`mirror lag, commit → visible on the other side: p50 ${Math.round(lagP50)} ms, p99 ${Math.round(Load.percentile(mirrorLags, 99))} ms, max ${Math.round(Math.max(0, ...mirrorLags))} ms (${mirrorLags.length} samples; target p50 < 100 ms: ${met(lagP50 < 100)})`)
  console.log(`mirror lag as \`cutover status\` estimates it: p50 ${Load.percentile(lagEvents, 50)} events / ${Load.percentile(lagSeconds, 50).toFixed(3)} s, max ${Math.max(0, ...lagEvents)} events / ${Math.max(0, ...lagSeconds).toFixed(3)} s (${lagSamples.length} samples)`)
  console.log(`logs: ${verified.stdout.trim().split("\n").pop()}`)
  console.log(`read models against a replay: postgres ${replayedTarget.code === 0 ? "equal" : "DIFFER"}, sqlite ${replayedOrigin.code === 0 ? "equal" : "DIFFER"}`)
  const failures = [...checked.problems, ...(verified.code === 0 ? [] : [verified.stderr]), ...(replayedTarget.code === 0 && replayedOrigin.code === 0 ? [] : ["a read model differs from a replay"])]
  console.log(failures.length === 0 ? "every check passed" : `FAILED:\n${failures.join("\n")}`)
  process.exitCode = failures.length === 0 ? 0 : 1
} finally {
  for (const server of servers) server.process.kill("SIGTERM")
  await Promise.all(servers.map((server) => server.process.exited))
  await stopPostgres()
}
