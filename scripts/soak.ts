/**
 * Soak: a bounded mixed load of writes over HTTP (token saves and refreshes, usage,
 * session messages, sandboxes) against one `strata serve`, reporting throughput, p50/p99
 * latency, the server's resident memory over time (VmRSS from /proc every few seconds),
 * and whether it trends upward: the slope of a least-squares line over the second half —
 * for RSS and for the live JS heap after a full GC (sampled inside the server by a preload
 * the script writes beside the database), which tells a leak from allocator retention.
 *
 *   bun scripts/soak.ts --backend sqlite --seconds 60
 *   bun scripts/soak.ts --backend postgres --seconds 60   # STRATA_TEST_PG_URL, else a throwaway server
 *
 * Kept out of the suite: on a shared 2-core machine a 10 s window is mostly warm-up (JIT,
 * caches, the first GCs), so a bound on its slope would fail for the wrong reasons.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { check, Load, makeOwner, percentile, readLog, rssKiB, serve, slope } from "../test/proofs/Harness.ts"
import { freshDatabase, stopPostgres } from "../test/support/postgres.ts"

const { values } = parseArgs({
  options: {
    backend: { type: "string", default: "sqlite" },
    seconds: { type: "string", default: "60" },
    workers: { type: "string", default: "16" },
    sample: { type: "string", default: "3" }
  }
})
const backend = values.backend!
if (backend !== "sqlite" && backend !== "postgres") throw new Error("--backend sqlite|postgres")
const seconds = Number(values.seconds)
const directory = mkdtempSync(join(tmpdir(), `strata-soak-${backend}-`))
try {
  const database = backend === "sqlite" ? `sqlite:${join(directory, "strata.db")}` : await freshDatabase()
  // The server's live heap, after a full GC, every sample: what a leak would grow. RSS also
  // counts what the allocators keep after a GC freed it, so it is reported beside.
  const heapFile = join(directory, "heap.ndjson")
  writeFileSync(join(directory, "heap-watch.ts"), `
    import { heapStats } from "bun:jsc"
    import { appendFileSync } from "node:fs"
    if (process.argv.includes("serve")) {
      setInterval(() => {
        Bun.gc(true)
        appendFileSync(${JSON.stringify(heapFile)}, JSON.stringify({ at: performance.now() / 1000, heap: heapStats().heapSize }) + "\\n")
      }, ${Number(values.sample) * 1000}).unref()
    }
  `)
  // The server starts in `directory`, where Bun reads this file.
  writeFileSync(join(directory, "bunfig.toml"), `preload = [${JSON.stringify(join(directory, "heap-watch.ts"))}]\n`)
  const served = await serve({ database, directory })
  const owners = await Promise.all(Array.from({ length: 4 }, (_, index) => makeOwner(served.url, `owner-${index}`)))
  const load = new Load(served.url, owners)
  const started = Date.now()
  const samples: Array<[number, number]> = []
  const sampler = setInterval(() => {
    const rss = rssKiB(served.pid)
    if (rss !== undefined) samples.push([(Date.now() - started) / 1000, rss])
  }, Number(values.sample) * 1000)
  samples.push([0, rssKiB(served.pid)!])
  await load.run({ workers: Number(values.workers), durationMs: seconds * 1000 })
  clearInterval(sampler)
  samples.push([(Date.now() - started) / 1000, rssKiB(served.pid)!])
  const elapsed = (Date.now() - started) / 1000
  const answered = load.sent.filter((sent) => sent.status > 0)
  const latencies = answered.map((sent) => sent.latencyMs)
  const byStatus = new Map<number, number>()
  for (const sent of load.sent) byStatus.set(sent.status, (byStatus.get(sent.status) ?? 0) + 1)
  const secondHalf = samples.filter(([at]) => at >= elapsed / 2)
  const trend = slope(secondHalf) * 60
  console.log(`${backend}, ${seconds} s, ${values.workers} concurrent clients`)
  console.log(`requests   ${answered.length} answered (${(answered.length / elapsed).toFixed(0)}/s), ${load.acknowledged.length} acknowledged writes (${(load.acknowledged.length / elapsed).toFixed(0)}/s)`)
  console.log(`statuses   ${[...byStatus].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(" ")}`)
  console.log(`latency    p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`)
  console.log(`rss (MiB)  ${samples.map(([at, rss]) => `${at.toFixed(0)}s:${(rss / 1024).toFixed(0)}`).join(" ")}`)
  console.log(`rss trend  ${(trend / 1024).toFixed(2)} MiB/min over the second half (${secondHalf.length} samples; first ${(samples[0]![1] / 1024).toFixed(0)} MiB, peak ${(Math.max(...samples.map(([, rss]) => rss)) / 1024).toFixed(0)} MiB, last ${(samples[samples.length - 1]![1] / 1024).toFixed(0)} MiB)`)
  const heap = readFileSync(heapFile, "utf8").trim().split("\n").map((line) => JSON.parse(line) as { at: number; heap: number })
  const heapSecondHalf = heap.filter(({ at }) => at >= heap[heap.length - 1]!.at / 2).map(({ at, heap }) => [at, heap / 1024] as [number, number])
  console.log(`heap (MiB) ${heap.map(({ at, heap }) => `${at.toFixed(0)}s:${(heap / 2 ** 20).toFixed(1)}`).join(" ")} (live JS heap after a full GC)`)
  console.log(`heap trend ${(slope(heapSecondHalf) * 60 / 1024).toFixed(2)} MiB/min over the second half`)
  const verdict = await check(served.url, load, await readLog(database, directory))
  console.log(`checked    ${verdict.acknowledged} acknowledged writes against ${verdict.events} events: ${verdict.problems.length === 0 ? "each exactly once" : `${verdict.problems.length} problems`}`)
  for (const problem of verdict.problems.slice(0, 10)) console.log(`  ${problem}`)
  served.process.kill("SIGTERM")
  await served.process.exited
  const serverErrors = load.sent.filter((sent) => sent.status >= 500).length
  process.exitCode = verdict.problems.length === 0 && serverErrors === 0 ? 0 : 1
} finally {
  await stopPostgres()
}
