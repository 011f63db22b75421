import { describe, expect, test } from "bun:test"
import { join } from "node:path"
import { freshDatabase } from "../support/postgres.ts"
import { directory, strata } from "../support/processes.ts"
import { adminToken, call, client, servers, stopAll } from "../support/journey.ts"

/**
 * Seed 001's user: sandboxes and per-user provider credentials on SQLite, two servers;
 * then the move to Postgres with the cutover, rolled back and forth, the servers serving
 * throughout. Every credential reads back, to its owner only, on each side.
 */

const timeout = 180_000

describe("journey 001: sandboxes and credentials, moved from SQLite to Postgres and back", () => {
  test("credentials and sandboxes read back on each side of every switch", async () => {
    const cwd = directory("strata-journey-001-")
    const sqlite = `sqlite:${join(cwd, "sandboxes.db")}`
    const running = await servers(sqlite, 2, cwd)
    try {
      const urls = running.map((server) => server.url)
      const admin = client(urls[0]!, adminToken)
      const users = ["ana", "ben"]
      const keys: Record<string, string> = {}
      for (const user of users) keys[user] = (await admin("POST", "/v1/admin/keys", { owner: user, name: user, tokenLimitPer5h: 1 })).body.secret
      const boxes: Record<string, string> = {}
      for (const user of users) {
        const as = client(urls[1]!, keys[user]!)
        expect((await as("PUT", "/v1/credentials/github", { secret: `ghp-${user}-secret` })).status).toBe(200)
        expect((await as("PUT", "/v1/credentials/openai", { secret: `sk-${user}-openai` })).status).toBe(200)
        const box = await as("POST", "/v1/sandboxes", { name: `${user}-dev`, tierId: "medium", flavorId: "node", addonIds: ["redis"] })
        expect(box.status).toBe(201)
        boxes[user] = box.body.sandboxId
        expect((await as("POST", `/v1/sandboxes/${boxes[user]}/start`, {}, { "if-match": box.headers.get("etag")! })).status).toBe(200)
      }

      /** The state each user's sandbox is in, as the journey moves it. */
      const states: Record<string, string> = { ana: "starting", ben: "starting" }
      /** What each user reads, through each server: their secrets, their sandbox; the other's, never. */
      const readBack = async (side: string) => {
        for (const url of urls) {
          for (const user of users) {
            const as = client(url, keys[user]!)
            const github = await as("GET", "/v1/credentials/github")
            expect({ side, url, user, status: github.status, secret: github.body.secret }).toEqual({ side, url, user, status: 200, secret: `ghp-${user}-secret` })
            expect((await as("GET", "/v1/credentials")).body.providers).toEqual(["github", "openai"])
            const box = await as("GET", `/v1/sandboxes/${boxes[user]}`)
            expect({ side, user, status: box.body.status }).toEqual({ side, user, status: states[user] })
            const other = users.find((name) => name !== user)!
            expect((await as("GET", `/v1/sandboxes/${boxes[other]}`)).status).toBe(404)
          }
        }
      }
      await readBack("sqlite")

      const cutover = async (...args: Array<string>) => {
        const ran = await strata(["cutover", ...args, "--database", sqlite], cwd)
        if (ran.code !== 0) throw new Error(`strata cutover ${args.join(" ")}: ${ran.stderr}${ran.stdout}`)
        return ran.stdout
      }
      const postgres = await freshDatabase()
      await cutover("start", "--to", postgres)
      expect(await cutover("verify")).toContain("identical")
      await cutover("switch")
      // A write after the switch lands on Postgres, and reads back from either server.
      expect((await call(urls[0]!, keys.ana!, "POST", `/v1/sandboxes/${boxes.ana}/mark-running`, {}, { "if-match": "\"2\"" })).status).toBe(200)
      expect((await call(urls[1]!, keys.ana!, "GET", `/v1/sandboxes/${boxes.ana}`)).body.status).toBe("running")
      expect((await call(urls[0]!, keys.ana!, "POST", `/v1/sandboxes/${boxes.ana}/stop`, {}, { "if-match": "\"3\"" })).status).toBe(200)
      const status = JSON.stringify(await (await fetch(`${urls[0]}/ready`)).json())
      expect(status).not.toContain("secret")
      states.ana = "stopping"
      await readBack("postgres")

      await cutover("rollback")
      await readBack("sqlite, rolled back")
      await cutover("switch")
      await readBack("postgres, again")
      await cutover("finish")
      await readBack("postgres, finished")
    } finally {
      await stopAll(running)
    }
  }, timeout)
})
