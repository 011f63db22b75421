import { afterAll, describe, expect, test } from "bun:test"
import { freePort } from "../../support/freePort.ts"
import { directory, serve, sharedEnv, strata } from "../../support/processes.ts"
import { type DedicatedPostgres, startDedicatedPostgres } from "../../proofs/DedicatedPostgres.ts"

/**
 * `strata serve` started before its database — the ordinary deploy order — waits for it:
 * alive (`/health` 200) and not ready (`/ready` 503, every other request 503 with
 * Retry-After), one log line per attempt, then serves once the database is up; and gives up
 * after `STRATA_CONNECT_TIMEOUT` with one line and exit 1. Credentials never in what it says.
 */

let postgres: DedicatedPostgres | undefined
afterAll(async () => {
  await postgres?.remove()
})

const until = async <A>(what: string, probe: () => Promise<A | undefined>, alive: () => boolean, timeoutMs = 90_000): Promise<A> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`the server ended while waiting for ${what}`)
    const found = await probe().catch(() => undefined)
    if (found !== undefined) return found
    await Bun.sleep(100)
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe("strata serve waits for its database", () => {
  test("started before Postgres: /health 200, /ready 503, writes 503 with Retry-After; once Postgres is up, ready and writing", async () => {
    postgres = await startDedicatedPostgres()
    await postgres.stop()
    const cwd = directory("strata-wait-")
    const server = serve(postgres.url, await freePort(), cwd, { ...sharedEnv, STRATA_LOG_LEVEL: "warning", STRATA_CONNECT_TIMEOUT: "5 minutes" })
    const alive = () => server.process.exitCode === null
    try {
      const health = await until("/health", async () => {
        const response = await fetch(`${server.url}/health`)
        return response.status === 200 ? response : undefined
      }, alive)
      expect(await health.json()).toEqual({ status: "ok" })
      // Attempts are made and said, one line each.
      await until("two attempts logged", async () => server.lastLines().filter((line) => line.includes("waiting for the database: attempt")).length >= 2 || undefined, alive)
      const ready = await fetch(`${server.url}/ready`)
      expect(ready.status).toBe(503)
      expect(ready.headers.get("content-type")).toStartWith("application/problem+json")
      expect(ready.headers.get("retry-after")).not.toBeNull()
      const write = await fetch(`${server.url}/v1/admin/keys`, {
        method: "POST",
        headers: { authorization: `Bearer ${sharedEnv.STRATA_ADMIN_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ owner: "alice", name: "k", tokenLimitPer5h: 5 })
      })
      expect(write.status).toBe(503)
      expect(write.headers.get("retry-after")).not.toBeNull()
      expect(write.headers.get("content-type")).toStartWith("application/problem+json")
      const usage = await fetch(`${server.url}/v1/usage`, { method: "POST", headers: { authorization: "Bearer sk_x" }, body: "{}" })
      expect(usage.status).toBe(503)
      expect(usage.headers.get("retry-after")).not.toBeNull()
      expect(server.process.exitCode).toBeNull()

      await postgres.start()
      await until("/ready 200", async () => (await fetch(`${server.url}/ready`)).status === 200 || undefined, alive)
      const created = await fetch(`${server.url}/v1/admin/keys`, {
        method: "POST",
        headers: { authorization: `Bearer ${sharedEnv.STRATA_ADMIN_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ owner: "alice", name: "k", tokenLimitPer5h: 5 })
      })
      expect(created.status).toBe(201)
      const attempts = server.lastLines().filter((line) => line.includes("waiting for the database: attempt"))
      expect(attempts.length).toBeGreaterThanOrEqual(2)
      for (const line of attempts) {
        expect(JSON.parse(line).message).toMatch(/^waiting for the database: attempt \d+ failed \(the database cannot be reached: .+\); next try in .+$/)
      }
      expect(server.lastLines().join("\n")).not.toContain(new URL(postgres.url).password)
    } finally {
      server.process.kill("SIGTERM")
      await server.process.exited
    }
  }, 180_000)

  test("a database that never comes: one line and exit 1 after STRATA_CONNECT_TIMEOUT", async () => {
    const cwd = directory("strata-wait-")
    const url = `postgres://strata:pw-SECRET@127.0.0.1:${await freePort()}/strata?sslpassword=SECRET`
    const { code, stdout, stderr } = await strata(["serve", "--database", url, "--port", String(await freePort())], cwd, {
      ...sharedEnv,
      STRATA_LOG_LEVEL: "warning",
      STRATA_CONNECT_TIMEOUT: "2 seconds"
    })
    expect(code).toBe(1)
    expect(stderr.trim().split("\n")).toHaveLength(1)
    expect(stderr).toMatch(/^strata: gave up waiting for the database after \d+ attempts in .+ \(STRATA_CONNECT_TIMEOUT\): the database cannot be reached: /)
    expect(stdout).toContain("waiting for the database: attempt 1 failed")
    expect(`${stderr}${stdout}`).not.toContain("SECRET")
    // A failure that waiting cannot mend is not waited out.
    const bad = await strata(["serve", "--database", "libsql://127.0.0.1:1?foo=bar", "--port", String(await freePort())], cwd, { ...sharedEnv, STRATA_CONNECT_TIMEOUT: "5 minutes" })
    expect(bad.code).toBe(1)
    expect(bad.stderr).not.toContain("gave up waiting")
  }, 60_000)
})
