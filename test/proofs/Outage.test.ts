import { afterAll, describe, expect, test } from "bun:test"
import { execFileSync } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type DedicatedPostgres, startDedicatedPostgres } from "./DedicatedPostgres.ts"
import { adminToken, check, Load, makeOwner, readLog, serve, strata } from "./Harness.ts"

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

/**
 * The dedicated server's processes — its postmaster (found by its port) and the backends it
 * forked — sent `signal`: SIGSTOP pauses the server as a hung host or a lost network would
 * look (connections stay open, the kernel still accepts new ones, nothing answers).
 */
const signalPostgres = (url: string, signal: "SIGSTOP" | "SIGCONT") => {
  const port = new URL(url).port
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" })
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
  const postmaster = rows.find((match) => match[3]!.includes(" -D ") && match[3]!.includes(` -p ${port} `))
  if (postmaster === undefined) throw new Error(`no postgres listening on port ${port}`)
  const pids = [postmaster[1]!, ...rows.filter((match) => match[2] === postmaster[1]).map((match) => match[1]!)].map(Number)
  for (const pid of pids) process.kill(pid, signal)
}

describe("database outage: Postgres paused (SIGSTOP), answering nothing", () => {
  test("requests are answered 503 with Retry-After within the store's bounds, and work again after SIGCONT", async () => {
    postgres ??= await startDedicatedPostgres()
    const directory = mkdtempSync(join(tmpdir(), "strata-paused-"))
    const served = await serve({ database: postgres.url, directory })
    const owner = await makeOwner(served.url, "paused-owner")
    const call = (method: string, path: string, token: string, body?: unknown) =>
      fetch(`${served.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        // Well past the store's bounds (connect 3 s, a statement 5 s): a request unanswered
        // then hangs. (Bun's server closes a request unanswered for 10 s: that shows as 0.)
        signal: AbortSignal.timeout(45_000)
      }).then(
        async (response) => ({ status: response.status, retryAfter: response.headers.get("retry-after"), contentType: response.headers.get("content-type") ?? "" }),
        (error: unknown) => ({ status: 0, retryAfter: null, contentType: String(error) })
      )
    const requests = () => [
      call("GET", "/v1/usage", owner.secret),
      call("POST", "/v1/usage", owner.secret, { tokens: 1 }),
      call("GET", `/v1/sessions/${owner.sessionId}`, owner.secret),
      call("POST", `/v1/sessions/${owner.sessionId}/messages`, owner.secret, { content: "while paused" }),
      call("GET", "/v1/admin/audit?limit=1", adminToken),
      call("GET", "/ready", adminToken)
    ]
    // The pool holds open connections when the server pauses: their statements go unanswered.
    expect((await Promise.all(requests())).map((answer) => answer.status)).toEqual([200, 200, 200, 201, 200, 200])
    let paused = false
    try {
      signalPostgres(postgres.url, "SIGSTOP")
      paused = true
      const answers = await Promise.all([...requests(), ...requests()])
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 503))
      for (const answer of answers) {
        expect(answer.retryAfter).not.toBeNull()
        expect(answer.contentType).toStartWith("application/problem+json")
      }
    } finally {
      if (paused) signalPostgres(postgres.url, "SIGCONT")
    }
    // It works again by itself once the server answers.
    const back = Date.now()
    let statuses: Array<number> = []
    while (Date.now() - back < 30_000) {
      statuses = (await Promise.all(requests())).map((answer) => answer.status)
      if (statuses.every((status) => status < 300)) break
      await Bun.sleep(250)
    }
    expect(statuses).toEqual([200, 200, 200, 201, 200, 200])
    expect(served.process.exitCode).toBeNull()
    served.process.kill("SIGTERM")
    await served.process.exited
  }, 120_000)
})
