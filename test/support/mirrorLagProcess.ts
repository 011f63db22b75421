/**
 * Measures a cutover mirror's lag from outside, in a process of its own (the load's event
 * loop, busy with its clients, would add its own delays): every 100 ms it reads the head of
 * the side that serves (a SQLite file), then polls the other side (Postgres) every 2 ms
 * until it holds that position. Each sample is the time from a commit on one side to its
 * visibility on the other. Prints one JSON array of milliseconds when it gets SIGTERM.
 *
 *   bun test/support/mirrorLagProcess.ts <sqlite file> <postgres url>
 */
import { Database } from "bun:sqlite"
import pg from "pg"

const [file, url] = process.argv.slice(2)
const origin = new Database(file!, { readonly: true })
const head = origin.query("SELECT coalesce(max(position), 0) AS head FROM strata_events")
const target = new pg.Client({ connectionString: url })
await target.connect()
const targetHead = async () => Number((await target.query<{ head: string }>("SELECT coalesce(max(position), 0) AS head FROM strata_events")).rows[0]!.head)

const samples: Array<number> = []
let stopped = false
process.once("SIGTERM", () => void (stopped = true))
while (!stopped) {
  const from = performance.now()
  const want = Number((head.get() as { head: number }).head)
  while (!stopped && (await targetHead()) < want && performance.now() - from < 30_000) await Bun.sleep(2)
  if (!stopped) samples.push(performance.now() - from)
  await Bun.sleep(100)
}
await target.end()
origin.close()
process.stdout.write(JSON.stringify(samples.map(Math.round)))
