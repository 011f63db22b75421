import { describe, expect, test } from "bun:test"
import { join } from "node:path"
import { freePort } from "../../support/freePort.ts"
import { directory, serve, sharedEnv } from "../../support/processes.ts"

/**
 * A `strata serve` on SQLite, written to all along, moves its log to another SQLite file
 * over the admin API — start, switch, roll back, switch again, finish — while a client
 * follows `GET /v1/admin/events/live` from the start: it receives every event of the log
 * once, in position order, the cutover's own events among them.
 */

const timeout = 180_000

describe("the live log across a cutover (strata serve, sqlite → sqlite)", () => {
  test("every event once, in position order, through switch, rollback, switch again and finish", async () => {
    const cwd = directory("strata-live-cutover-")
    const server = serve(`sqlite:${join(cwd, "origin.db")}`, await freePort(), cwd)
    const admin = { authorization: `Bearer ${sharedEnv.STRATA_ADMIN_TOKEN}` }
    try {
      await server.up
      const call = async (method: string, path: string, body?: unknown) => {
        const response = await fetch(`${server.url}${path}`, {
          method,
          headers: { ...admin, "content-type": "application/json", "x-strata-owner": "writer" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) })
        })
        return { status: response.status, body: await response.json().catch(() => undefined) as any }
      }

      // The follower, from the start of the log.
      const ids: Array<number> = []
      const types: Array<string> = []
      const following = (async () => {
        const response = await fetch(`${server.url}/v1/admin/events/live?after=0`, { headers: admin })
        expect(response.status).toBe(200)
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
        let buffer = ""
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          const blocks = (buffer += chunk.value).split("\n\n")
          buffer = blocks.pop()!
          for (const block of blocks) {
            const id = /^id: (\d+)$/m.exec(block)?.[1]
            const data = /^data: (.*)$/m.exec(block)?.[1]
            if (/^event: /m.test(block)) throw new Error(`unexpected ${block}`)
            if (id !== undefined && data !== undefined) {
              ids.push(Number(id))
              types.push(JSON.parse(data).type)
            }
          }
        }
      })()

      // The writer, all along (a write refused during a switch's pause is not retried: only the log counts).
      let writing = true
      let written = 0
      const writer = (async () => {
        while (writing) {
          const saved = await call("PUT", `/v1/tokens/t-${written % 20}`, {
            accessToken: `a-${written}`,
            refreshToken: "r",
            expiresIn: 60,
            obtainmentTimestamp: 1,
            scopes: []
          })
          if (saved.status === 200) written++
          await Bun.sleep(5)
        }
      })()

      const phase = async (want: string) => {
        const deadline = Date.now() + 60_000
        for (;;) {
          const status = await call("GET", "/v1/admin/cutover")
          if (status.body?.phase === want) return
          if (Date.now() > deadline) throw new Error(`the cutover never reached ${want}: ${JSON.stringify(status.body)}`)
          await Bun.sleep(50)
        }
      }
      const step = async (name: string, body?: unknown) => {
        const answer = await call("POST", `/v1/admin/cutover/${name}`, body)
        if (answer.status >= 300) throw new Error(`${name}: ${answer.status} ${JSON.stringify(answer.body)}`)
      }
      const writes = async (count: number) => {
        const until = written + count
        while (written < until) await Bun.sleep(10)
      }

      await writes(20)
      await step("start", { to: `sqlite:${join(cwd, "target.db")}` })
      await phase("mirroring")
      await writes(20)
      await step("switch")
      await writes(20)
      await step("rollback")
      await phase("mirroring")
      await writes(20)
      await step("switch")
      await writes(20)
      await step("finish")
      await writes(20)
      writing = false
      await writer

      const head = (await call("GET", "/ready")).body.head as number
      const deadline = Date.now() + 30_000
      while ((ids[ids.length - 1] ?? 0) < head && Date.now() < deadline) await Bun.sleep(20)
      expect(ids).toEqual(Array.from({ length: head }, (_, index) => index + 1))
      expect(types.filter((type) => type.startsWith("Cutover"))).toEqual([
        "CutoverStarted",
        "CutoverCopied",
        "CutoverSwitched",
        "CutoverRolledBack",
        "CutoverSwitched",
        "CutoverFinished"
      ])
      void following
    } finally {
      server.process.kill()
      await server.process.exited
    }
  }, timeout)
})
