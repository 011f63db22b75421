/**
 * The console's bundle, as `strata serve` makes it at the first request of /console: its
 * size (raw and gzipped) and how long bundling took. `bun scripts/console-bundle.ts`
 */
import { gzipSync } from "node:zlib"
import { build } from "../adapters/http/console/Console.ts"

const started = performance.now()
const bundle = await build()
const took = performance.now() - started
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
for (const [name, bytes] of [["console.js", bundle.js], ["console.css", bundle.css]] as const) {
  console.log(`${name.padEnd(12)} ${kib(bytes.byteLength).padStart(10)} raw ${kib(gzipSync(bytes, { level: 9 }).byteLength).padStart(10)} gzipped`)
}
const total = bundle.js.byteLength + bundle.css.byteLength
const totalGzipped = gzipSync(bundle.js, { level: 9 }).byteLength + gzipSync(bundle.css, { level: 9 }).byteLength
console.log(`${"total".padEnd(12)} ${kib(total).padStart(10)} raw ${kib(totalGzipped).padStart(10)} gzipped; bundled in ${took.toFixed(0)} ms`)
