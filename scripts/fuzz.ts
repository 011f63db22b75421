/**
 * The bad-input proof, longer: requests generated from `/openapi.json` (the generator of
 * `test/proofs/Fuzz.test.ts`, `test/support/OpenApiFuzz.ts`) sent to a real `strata serve`,
 * each answer judged — never a 5xx, never no answer, every 4xx a problem+json with no stack
 * trace, secret or large quote of the input. At the end the process must still be up, and its
 * logs must hold no failure and no secret.
 *
 *   bun scripts/fuzz.ts --requests 50000 [--seed N] [--concurrency 4] [--database URL]
 *
 * Without `--database`, a fresh SQLite database in a temporary directory. Exits 1 on any failure.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import * as OpenApiFuzz from "../test/support/OpenApiFuzz.ts"
import { freePort } from "../test/support/freePort.ts"

const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "50000" },
    seed: { type: "string" },
    concurrency: { type: "string", default: "4" },
    database: { type: "string" }
  }
})
const count = Number(args.requests)
const seed = args.seed === undefined ? Date.now() % 2 ** 31 : Number(args.seed)
const root = join(import.meta.dir, "..")
const work = mkdtempSync(join(tmpdir(), "strata-fuzz-"))
const adminToken = `st_admin_fuzz-${crypto.randomUUID()}`
const port = await freePort()
const url = `http://127.0.0.1:${port}`

const server = Bun.spawn(
  [process.execPath, join(root, "main.ts"), "serve", "--database", args.database ?? `sqlite:${join(work, "strata.db")}`, "--port", String(port)],
  { cwd: work, env: { ...process.env, STRATA_ADMIN_TOKEN: adminToken, STRATA_LOG_LEVEL: "info" }, stdout: "pipe", stderr: "pipe" }
)
const logs: Array<string> = []
const collect = async (stream: ReadableStream<Uint8Array>) => {
  const decoder = new TextDecoder()
  for await (const chunk of stream) logs.push(decoder.decode(chunk))
}
const collected = Promise.all([collect(server.stdout), collect(server.stderr)])
let exited: number | undefined
void server.exited.then((code) => (exited = code))

for (let attempt = 0; ; attempt++) {
  if (await fetch(`${url}/ready`).then((r) => r.ok, () => false)) break
  if (exited !== undefined || attempt > 600) throw new Error(`strata serve did not come up:\n${logs.join("")}`)
  await Bun.sleep(50)
}

const doc = await (await fetch(`${url}/openapi.json`)).json() as Record<string, unknown>
const fixture = await OpenApiFuzz.makeFixture(url, adminToken)
console.log(`fuzzing ${url} (${args.database ?? "sqlite"}): ${count} requests, seed ${seed}, ${args.concurrency} at a time`)
const started = performance.now()
const report = await OpenApiFuzz.run({
  url,
  doc,
  fixture,
  count,
  seed,
  concurrency: Number(args.concurrency),
  onProgress: ({ tried, failures }) => {
    if (tried % 5000 === 0) console.log(`  ${tried} requests, ${failures.length} failures, ${Math.round((performance.now() - started) / 1000)} s`)
  }
})
const seconds = (performance.now() - started) / 1000

const alive = exited === undefined && (await fetch(`${url}/health`).then((r) => r.status, () => 0)) === 200
server.kill("SIGTERM")
await server.exited
await collected
const logged = logs.join("")
const secrets = [adminToken, ...Object.values(fixture.owners).flatMap((owner) => owner.secrets)]
const leaked = secrets.filter((secret) => logged.includes(secret))
const errors = logged.split("\n").filter((line) => /"logLevel":"(ERROR|FATAL)"|level=(ERROR|FATAL)/.test(line))

console.log(`tried ${report.tried} requests in ${seconds.toFixed(1)} s (seed ${seed}); by status ${JSON.stringify(report.byStatus)}`)
console.log(`failures: ${report.failures.length}; server alive at the end: ${alive}; exit code ${exited ?? server.exitCode}`)
console.log(`error lines in the server's logs: ${errors.length}; secrets in the logs: ${leaked.length}`)
for (const { request, failure } of report.failures.slice(0, 50)) console.log(`- ${failure}\n    ${request}`)
for (const line of errors.slice(0, 10)) console.log(`  log: ${line.slice(0, 400)}`)
process.exit(report.failures.length === 0 && alive && leaked.length === 0 && errors.length === 0 ? 0 : 1)
