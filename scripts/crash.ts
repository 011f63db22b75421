/**
 * Crash proof, longer than the suite's: SIGKILL `strata serve` N times during mixed writes
 * over HTTP (token saves and refreshes, usage, session messages, sandboxes), restart it
 * each time, then check that every acknowledged write is in the log exactly once, the read
 * models agree, and `strata verify` passes.
 *
 *   bun scripts/crash.ts --kills 10 --backend sqlite
 *   bun scripts/crash.ts --kills 10 --backend postgres   # STRATA_TEST_PG_URL, else a throwaway server
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { crashRun } from "../test/proofs/Harness.ts"
import { freshDatabase, stopPostgres } from "../test/support/postgres.ts"

const { values } = parseArgs({
  options: {
    kills: { type: "string", default: "10" },
    backend: { type: "string", default: "sqlite" },
    "load-ms": { type: "string", default: "1500" },
    workers: { type: "string", default: "16" }
  }
})
const backend = values.backend!
if (backend !== "sqlite" && backend !== "postgres") throw new Error("--backend sqlite|postgres")
const directory = mkdtempSync(join(tmpdir(), `strata-crash-${backend}-`))
try {
  const database = backend === "sqlite" ? `sqlite:${join(directory, "strata.db")}` : await freshDatabase()
  const started = Date.now()
  const report = await crashRun({
    database,
    directory,
    kills: Number(values.kills),
    loadMs: Number(values["load-ms"]),
    workers: Number(values.workers),
    onKill: (kill, load) => console.log(`kill ${kill}: ${load.acknowledged.length} writes acknowledged so far`)
  })
  console.log(`${backend}: ${report.kills} kills survived; ${report.acknowledged} acknowledged writes checked ` +
    `(${report.sent} sent, ${report.events} events in the log) in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  console.log(`lost or duplicated: ${report.problems.length === 0 ? "none" : report.problems.length}`)
  for (const problem of report.problems.slice(0, 20)) console.log(`  ${problem}`)
  console.log(`strata verify: exit ${report.verify.code}`)
  console.log(report.verify.output.trim().replace(/^/gm, "  "))
  process.exitCode = report.problems.length === 0 && report.verify.code === 0 ? 0 : 1
} finally {
  await stopPostgres()
}
