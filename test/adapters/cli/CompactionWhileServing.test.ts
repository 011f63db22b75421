import { describe, expect, test } from "bun:test"
import { join } from "node:path"
import { freshDatabase } from "../../support/postgres.ts"
import { directory, sharedEnv, strata } from "../../support/processes.ts"
import { adminToken, call, client, servers, stopAll } from "../../support/journey.ts"

/**
 * Compaction beside serving processes, as it runs in a deployment: two servers compacting
 * on their schedule (each second, usage older than a second) while clients record usage
 * through both, and `strata compact` run by an operator in the middle. No request fails,
 * no usage is lost or counted twice, and the log keeps only what the retention says.
 */

const timeout = 180_000
const env = { ...sharedEnv, STRATA_COMPACT_EVERY: "1 seconds", STRATA_RETAIN: "usage=1 seconds", STRATA_ARCHIVE_DIR: "" }

const backends: ReadonlyArray<{ readonly name: string; readonly database: (cwd: string) => Promise<string> }> = [
  { name: "sqlite", database: async (cwd) => `sqlite:${join(cwd, "gateway.db")}` },
  { name: "postgres", database: () => freshDatabase() }
]

for (const backend of backends) {
  describe(`compaction while serving: ${backend.name}`, () => {
    test("servers compact on their schedule and an operator's run joins them; every usage counts once, no request fails", async () => {
      const cwd = directory("strata-compact-serving-")
      const database = await backend.database(cwd)
      const running = await servers(database, 2, cwd, env)
      try {
        const [a, b] = running.map((server) => server.url) as [string, string]
        const admin = client(a, adminToken)
        const keys = await Promise.all([1, 2, 3].map(async (index) => {
          const created = await admin("POST", "/v1/admin/keys", { owner: "acme", name: `k${index}`, tokenLimitPer5h: 1_000_000_000 })
          expect(created.status).toBe(201)
          return created.body as { keyId: string; secret: string }
        }))
        const failures: Array<number> = []
        let spent = 0
        let operator: Awaited<ReturnType<typeof strata>> | undefined
        const started = Date.now()
        await Promise.all([
          ...Array.from({ length: 6 }, async (_, index) => {
            const key = keys[index % keys.length]!
            const url = index % 2 === 0 ? a : b
            // Long enough for several scheduled runs on both servers (the first a second after start).
            while (Date.now() - started < 6_000) {
              const used = await call(url, key.secret, "POST", "/v1/usage", { tokens: 3 })
              if (used.status === 200) spent += 3
              else failures.push(used.status)
            }
          }),
          (async () => {
            await Bun.sleep(2_500)
            operator = await strata(["compact", "--database", database], cwd, env)
          })()
        ])
        expect(failures).toEqual([])
        // The operator's run did its work, or found a server's run at it and said so (exit 75: try again later).
        expect(operator!.code === 0 || (operator!.code === 75 && operator!.stderr.includes("another compaction")) ? "" : operator!.stderr).toBe("")
        // Runs that met another (two servers each second, and the operator's) were skipped, not failed.
        expect(running.flatMap((server) => server.lastLines()).filter((line) => line.includes("scheduled compaction failed"))).toEqual([])

        // Whatever folded away, each key's lifetime is every usage recorded, once.
        let lifetime = 0
        for (const key of keys) {
          const stats = await call(b, key.secret, "GET", "/v1/usage")
          expect(stats.status).toBe(200)
          lifetime += stats.body.lifetimeTokens
        }
        expect(lifetime).toBe(spent)

        // Wait for a scheduled run after the load: what stays of usage is one summary a key.
        const deadline = Date.now() + 60_000
        let usageLeft = Infinity
        let compactions = 0
        while (Date.now() < deadline) {
          const audit = await admin("GET", "/v1/admin/audit?type=UsageRecorded&limit=500")
          usageLeft = audit.body.events.length
          compactions = (await admin("GET", "/v1/admin/audit?type=LogCompacted&limit=500")).body.events.length
          if (usageLeft === 0) break
          await Bun.sleep(500)
        }
        expect(usageLeft).toBe(0)
        expect(compactions).toBeGreaterThan(0)
        const summaries = (await admin("GET", "/v1/admin/audit?type=UsageFolded&limit=500")).body.events
        expect(summaries).toHaveLength(keys.length)
      } finally {
        await stopAll(running)
      }
    }, timeout)
  })
}
