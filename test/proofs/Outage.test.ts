import { afterAll, describe, expect, test } from "bun:test"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type DedicatedPostgres, startDedicatedPostgres } from "./DedicatedPostgres.ts"
import { check, Load, makeOwner, readLog, serve, strata } from "./Harness.ts"

/**
 * Postgres stopped (fast shutdown: connections closed, new ones refused) for a few
 * seconds under mixed writes: strata stays up, answers what it cannot do with 503 and
 * Retry-After as problem+json (never another 5xx), `/ready` says so, it connects again by
 * itself once the database is back, and no acknowledged write is lost or doubled.
 * `scripts/outage.ts` runs longer outages.
 */
export const outageRun = async (postgres: DedicatedPostgres, options: { readonly downMs: number; readonly outages: number; readonly workers?: number }) => {
  const directory = mkdtempSync(join(tmpdir(), "strata-outage-"))
  const served = await serve({ database: postgres.url, directory })
  const owners = [await makeOwner(served.url, "owner-0"), await makeOwner(served.url, "owner-1")]
  const load = new Load(served.url, owners)
  const running = load.run({ workers: options.workers ?? 8 })
  const readiness: Array<{ status: number; retryAfter: string | null; body: string; during: boolean }> = []
  const recovered: Array<number> = []
  try {
    for (let outage = 0; outage < options.outages; outage++) {
      const before = load.acknowledged.length
      while (load.acknowledged.length < before + 30) await Bun.sleep(10)
      await postgres.stop()
      const until = Date.now() + options.downMs
      while (Date.now() < until) {
        const ready = await fetch(`${served.url}/ready`)
        readiness.push({ status: ready.status, retryAfter: ready.headers.get("retry-after"), body: await ready.text(), during: true })
        await Bun.sleep(250)
      }
      await postgres.start()
      const back = Date.now()
      const acknowledged = load.acknowledged.length
      // It connects again by itself: writes are acknowledged again, /ready is 200.
      while (load.acknowledged.length < acknowledged + 30 && Date.now() - back < 30_000) await Bun.sleep(10)
      recovered.push(Date.now() - back)
      const ready = await fetch(`${served.url}/ready`)
      readiness.push({ status: ready.status, retryAfter: ready.headers.get("retry-after"), body: await ready.text(), during: false })
    }
  } finally {
    load.stop()
    await running
  }
  const log = await readLog(postgres.url, directory)
  const verdict = await check(served.url, load, log)
  const verify = await strata(["verify", "--database", postgres.url], directory)
  const alive = served.process.exitCode === null
  served.process.kill("SIGTERM")
  await served.process.exited
  return { load, readiness, recovered, verdict, verify, alive }
}

let postgres: DedicatedPostgres | undefined
let answered: Array<number> = []
afterAll(async () => {
  await postgres?.remove()
})

describe("database outage: Postgres stopped under load", () => {
  test("strata stays up, answers 503 with Retry-After (never another 5xx), /ready says so, reconnects, loses nothing", async () => {
    postgres = await startDedicatedPostgres()
    const { load, readiness, recovered, verdict, verify, alive } = await outageRun(postgres, { downMs: 3000, outages: 2 })
    expect(alive).toBe(true)
    // Every request was answered (the server never refused a connection).
    expect(load.sent.filter((sent) => sent.status === 0).map((sent) => sent.body)).toEqual([])
    const serverErrors = load.sent.filter((sent) => sent.status >= 500)
    expect(serverErrors.length).toBeGreaterThan(0)
    expect(serverErrors.filter((sent) => sent.status !== 503).map((sent) => `${sent.operation} ${sent.status} ${JSON.stringify(sent.body)}`)).toEqual([])
    for (const sent of serverErrors) {
      expect(sent.retryAfter).not.toBeNull()
      expect(sent.contentType).toStartWith("application/problem+json")
    }
    // Nothing else is refused: only stale refreshes (a valid key is never a 401, see the next test).
    expect([...new Set(load.sent.map((sent) => sent.status))].filter((status) => status >= 400 && status < 500 && status !== 412)).toEqual([])
    answered = load.sent.map((sent) => sent.status)
    const during = readiness.filter((ready) => ready.during)
    expect(during.some((ready) => ready.status === 503 && ready.retryAfter !== null)).toBe(true)
    expect(during.every((ready) => ready.status === 503 || ready.status === 200)).toBe(true)
    expect(readiness.filter((ready) => !ready.during).map((ready) => ready.status)).toEqual(recovered.map(() => 200))
    expect(recovered.every((ms) => ms < 30_000)).toBe(true)
    expect(verdict.problems).toEqual([])
    expect(verify.code).toBe(0)
  }, 120_000)

  // The API key lookup failing because the database is down is a 503, not an invalid key
  // (adapters/http/Auth.ts; test/adapters/http/AuthOutage.test.ts checks both request paths).
  test("a valid API key is answered 503, never 401, while the database is down", () => {
    expect(answered.length).toBeGreaterThan(0)
    expect(answered.filter((status) => status === 401)).toEqual([])
  })
})
