import { describe, expect, test } from "bun:test"
import { join } from "node:path"
import * as Load from "../../support/cutoverLoad.ts"
import { freePort } from "../../support/freePort.ts"
import { freshDatabase } from "../../support/postgres.ts"
import { directory, serve, sharedEnv, strata } from "../../support/processes.ts"

/**
 * The cutover's acceptance, small: two `strata serve` processes on one SQLite file take
 * continuous writes from clients that resend with the same Idempotency-Key whenever they
 * did not learn the outcome. Meanwhile the operator moves the log to Postgres, switches,
 * rolls back to SQLite, moves it again, switches and finishes. Afterwards every
 * acknowledged write is there exactly once, no quota was exceeded, every request got an
 * answer, both logs are identical up to the fence, and every projection equals a replay.
 * (`scripts/cutover-load.ts` runs the same longer, with kills.)
 */

const timeout = 240_000

describe("cutover under load: sqlite → postgres → sqlite → postgres", () => {
  test("nothing acknowledged is lost or doubled, no quota exceeded, every request answered", async () => {
    const cwd = process.env.KEEP_DIR ?? directory("strata-cutover-")
    console.log(`working in ${cwd}`)
    const sqlite = `sqlite:${join(cwd, "strata.db")}`
    const postgres = await freshDatabase()
    console.log(`target ${postgres}`)
    const servers = [serve(sqlite, await freePort(), cwd), serve(sqlite, await freePort(), cwd)]
    try {
      await Promise.all(servers.map((server) => server.up))
      const target: Load.Servers = { urls: servers.map((server) => server.url), adminToken: sharedEnv.STRATA_ADMIN_TOKEN }
      const owners = await Load.prepare(target, 4, 3_000)
      let stop!: () => void
      const stopped = new Promise<void>((resolve) => (stop = resolve))
      const load = Load.run(target, owners, 12, stopped)
      const began = performance.now()
      const step = async (...args: Array<string>) => {
        const ran = await strata(["cutover", ...args, "--database", sqlite], cwd)
        console.log(`${Math.round(performance.now() - began)} ms: cutover ${args[0]} done`)
        if (ran.code !== 0) throw new Error(`strata cutover ${args.join(" ")} failed: ${ran.stderr}${ran.stdout}`)
        return ran
      }
      const switches: Array<{ readonly from: number; readonly to: number }> = []
      const timed = async (...args: Array<string>) => {
        const from = performance.now()
        await step(...args)
        switches.push({ from, to: performance.now() })
      }
      // The same steps over the admin API, on either server.
      const adminCall = async (method: string, path: string, body?: unknown) => {
        const response = await fetch(`${servers[1]!.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${sharedEnv.STRATA_ADMIN_TOKEN}`, "content-type": "application/json" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) })
        })
        const answer = await response.json() as Record<string, unknown>
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`)
        console.log(`${Math.round(performance.now() - began)} ms: ${method} ${path} → ${answer.phase ?? response.status}`)
        return answer
      }
      await Bun.sleep(500)
      await step("start", "--to", postgres)
      await Bun.sleep(500)
      // Each server reads the record every 200 ms.
      let ready: { cutover?: { phase: string } } = {}
      for (let attempt = 0; attempt < 50 && ready.cutover?.phase !== "mirroring"; attempt++) {
        ready = await (await fetch(`${servers[0]!.url}/ready`)).json() as typeof ready
        await Bun.sleep(100)
      }
      const metrics = await (await fetch(`${servers[0]!.url}/metrics`)).text()
      const switchedFrom = performance.now()
      await adminCall("POST", "/v1/admin/cutover/switch")
      switches.push({ from: switchedFrom, to: performance.now() })
      await Bun.sleep(500)
      await timed("rollback")
      await Bun.sleep(500)
      const restarted = await adminCall("POST", "/v1/admin/cutover/start", { to: postgres })
      while ((await adminCall("GET", "/v1/admin/cutover")).phase !== "mirroring") await Bun.sleep(100)
      await Bun.sleep(300)
      await timed("switch")
      await Bun.sleep(500)
      const verified = await step("verify")
      await step("finish")
      await Bun.sleep(300)
      stop()
      const tally = await load
      const checked = await Load.check(target, owners, tally)
      console.log(`${Math.round(performance.now() - began)} ms: checked`)
      const replayed = await strata(["verify", "--database", postgres], cwd)
      const replayedOrigin = await strata(["verify", "--database", sqlite], cwd)
      console.log(`${Math.round(performance.now() - began)} ms: replayed`)

      const pauses = switches.map((window) => Math.round(Load.longestPause(tally.completions, window.from, window.to)))
      console.log(
        `cutover acceptance: ${tally.acknowledged} writes acknowledged, ${tally.refused} refused, ${tally.resent} resent; ` +
          `p99 ${Math.round(Load.percentile(tally.latencies, 99))} ms; longest pause per switch ${pauses.join(", ")} ms`
      )
      expect(ready.cutover?.phase).toBe("mirroring")
      expect(metrics).toContain('strata_cutover_phase{phase="mirroring"} 1')
      expect(metrics).toContain("strata_cutover_mirror_lag_events")
      expect(restarted.target).not.toContain("strata-test@")
      expect(checked.problems).toEqual([])
      expect(tally.acknowledged).toBeGreaterThan(50)
      // Identical up to the lower head: the target's CutoverSwitched may not be mirrored back yet.
      expect(verified.stdout).toMatch(/identical/)
      expect(replayed.code).toBe(0)
      expect(replayedOrigin.code).toBe(0)
      // The old backend refuses writes for good, and says where the log went.
      const status = await strata(["cutover", "status", "--database", sqlite], cwd)
      console.log(`${Math.round(performance.now() - began)} ms: status`)
      expect(status.stdout).toContain("finished")
    } finally {
      for (const server of servers) server.process.kill("SIGTERM")
      const stopping = performance.now()
      const exited = await Promise.race([Promise.all(servers.map((server) => server.process.exited)), Bun.sleep(10_000).then(() => "timeout")])
      console.log(`servers stopped in ${Math.round(performance.now() - stopping)} ms`)
      if (exited === "timeout") {
        console.log(`a server did not stop within 10 s of SIGTERM; its last lines:\n${servers.flatMap((server) => server.lastLines().slice(-15)).join("\n")}`)
      }
      for (const server of servers) server.process.kill("SIGKILL")
    }
  }, timeout)
})
