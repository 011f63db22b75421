import { describe, expect, test } from "bun:test"
import { join } from "node:path"
import { freePort } from "../support/freePort.ts"
import { directory, serve, type Server } from "../support/processes.ts"
import { adminToken, call, stop, stopAll } from "../support/journey.ts"

/**
 * Seed 003's user: a file service on LibSQL, two instances behind a load balancer,
 * deployed by restarting one instance, then the other, while clients write. The balancer
 * sends a request that met a stopping or stopped instance to the other one, with the
 * same Idempotency-Key: no request fails, none lands twice.
 */

const timeout = 120_000

describe("journey 003: LibSQL, two instances through a rolling deploy", () => {
  test("every write is answered and lands once while each instance restarts in turn", async () => {
    const cwd = directory("strata-journey-003-")
    const database = `file:${join(cwd, "files.db")}`
    const ports = [await freePort(), await freePort()]
    const instances: Array<Server> = ports.map((port) => serve(database, port, cwd))
    await Promise.all(instances.map((instance) => instance.up))
    const urls = ports.map((port) => `http://127.0.0.1:${port}`)
    try {
      const created = await call(urls[0]!, adminToken, "POST", "/v1/admin/keys", { owner: "files", name: "service", tokenLimitPer5h: 1 })
      const key = created.body.secret as string

      // What the balancer saw from the instances, and what the clients were answered.
      const seen = new Map<string, number>()
      let written = 0
      let failed = 0
      const balance = async (index: number, method: string, path: string, body: unknown) => {
        const idempotencyKey = crypto.randomUUID()
        for (let attempt = 0; attempt < 60; attempt++) {
          const url = urls[(index + attempt) % urls.length]!
          try {
            const answer = await call(url, key, method, path, body, { "idempotency-key": idempotencyKey })
            seen.set(String(answer.status), (seen.get(String(answer.status)) ?? 0) + 1)
            if (answer.status < 300) return true
            if (answer.status !== 503 || answer.headers.get("retry-after") === null) return false
          } catch {
            seen.set("refused", (seen.get("refused") ?? 0) + 1)
          }
          await Bun.sleep(25)
        }
        return false
      }
      let deploying = true
      const clients = Array.from({ length: 6 }, async (_, client) => {
        let index = 0
        while (deploying) {
          const ok = await balance(client + index, "PUT", `/v1/tokens/file-${client}-${index}`, {
            accessToken: `a-${client}-${index}`,
            refreshToken: `r-${client}-${index}`,
            expiresIn: 60,
            obtainmentTimestamp: Date.now(),
            scopes: []
          })
          if (ok) written++
          else failed++
          index++
        }
      })

      // The deploy: each instance stopped as a service manager stops it, then started again.
      await Bun.sleep(400)
      for (const index of [0, 1]) {
        expect(await stop(instances[index]!)).toBe(0)
        await Bun.sleep(200)
        instances[index] = serve(database, ports[index]!, cwd)
        await instances[index]!.up
        await Bun.sleep(400)
      }
      deploying = false
      await Promise.all(clients)

      // The deploy was felt: requests met a stopping or stopped instance, and went elsewhere.
      expect((seen.get("refused") ?? 0) + (seen.get("503") ?? 0)).toBeGreaterThan(0)
      expect(failed).toBe(0)
      expect(written).toBeGreaterThan(20)
      expect([...seen.keys()].filter((status) => !["200", "503", "refused"].includes(status))).toEqual([])
      // Each acknowledged write is in the log once: one token each.
      const names: Array<string> = []
      let after: string | undefined
      do {
        const page = await call(urls[1]!, key, "GET", `/v1/tokens?limit=500${after === undefined ? "" : `&after=${encodeURIComponent(after)}`}`)
        names.push(...page.body.tokens.map((token: { name: string }) => token.name))
        after = page.body.next
      } while (after !== undefined)
      expect(names.length).toBe(written)
      expect(new Set(names).size).toBe(written)
      let saved = 0
      let position: number | undefined = 0
      while (position !== undefined) {
        const page = await call(urls[0]!, adminToken, "GET", `/v1/admin/audit?type=TokenSaved&limit=1000&after=${position}`)
        saved += page.body.events.length
        position = page.body.next
      }
      expect(saved).toBe(written)
    } finally {
      await stopAll(instances)
    }
  }, timeout)
})
