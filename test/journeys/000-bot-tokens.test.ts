import { describe, expect, test } from "bun:test"
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { directory, strata } from "../support/processes.ts"
import { adminToken, client, servers, stopAll } from "../support/journey.ts"

/**
 * Seed 000's user: a chat bot that kept its OAuth tokens in `tokens.json`. It imports the
 * file, serves it, refreshes a token from two racing refreshers (one wins, the other
 * re-reads and loses nothing), is backed up, and is restored on a new machine — a new
 * database file, the same master key — where every token reads back.
 */

const timeout = 120_000

const tokensJson = {
  streamer: { accessToken: "at-streamer", refreshToken: "rt-streamer", expiresIn: 14400, obtainmentTimestamp: 1700000000000, scope: ["chat:read", "chat:edit"] },
  moderator: { accessToken: "at-moderator", refreshToken: "rt-moderator", expiresIn: 14400, obtainmentTimestamp: 1700000000000, scope: ["moderation:read"] },
  "bot-account": { accessToken: "at-bot", refreshToken: "rt-bot", expiresIn: 0, obtainmentTimestamp: 1690000000000, scope: [] }
}

describe("journey 000: a bot's tokens", () => {
  test("imported, served, refreshed by two racing refreshers, backed up, restored on a new machine", async () => {
    const cwd = directory("strata-journey-000-")
    const database = `sqlite:${join(cwd, "old-machine", "strata.db")}`
    mkdirSync(join(cwd, "old-machine"))
    const file = join(cwd, "tokens.json")
    writeFileSync(file, JSON.stringify(tokensJson, null, 2))

    const imported = await strata(["import", "tokens", "--file", file, "--owner", "bot", "--database", database], cwd)
    expect(imported.stderr).not.toContain("strata:")
    expect(imported.code).toBe(0)

    const [server] = await servers(database, 1, cwd)
    let key: string
    try {
      const admin = client(server!.url, adminToken)
      key = (await admin("POST", "/v1/admin/keys", { owner: "bot", name: "bot", tokenLimitPer5h: 1 })).body.secret
      const bot = client(server!.url, key)
      const listed = await bot("GET", "/v1/tokens")
      expect(listed.body.tokens.map((token: { name: string }) => token.name).sort()).toEqual(["bot-account", "moderator", "streamer"])
      const streamer = await bot("GET", "/v1/tokens/streamer")
      expect(streamer.body).toMatchObject({ accessToken: "at-streamer", refreshToken: "rt-streamer", scopes: ["chat:read", "chat:edit"] })
      const version = streamer.headers.get("etag")!

      // Two refreshers read the same version and race.
      const refreshed = (n: number) => ({ accessToken: `at-${n}`, refreshToken: `rt-${n}`, expiresIn: 14400, obtainmentTimestamp: Date.now(), scopes: ["chat:read", "chat:edit"] })
      const race = await Promise.all([1, 2].map((n) => bot("POST", "/v1/tokens/streamer/refresh", refreshed(n), { "if-match": version })))
      const statuses = race.map((answer) => answer.status).sort()
      expect(statuses[0]).toBe(200)
      expect([409, 412]).toContain(statuses[1])
      const winner = race.findIndex((answer) => answer.status === 200) + 1
      // The loser re-reads: it sees the winner's refresh token, and refreshes from it.
      const seen = await bot("GET", "/v1/tokens/streamer")
      expect(seen.body.refreshToken).toBe(`rt-${winner}`)
      expect((await bot("POST", "/v1/tokens/streamer/refresh", refreshed(3), { "if-match": seen.headers.get("etag")! })).status).toBe(200)

      // Backed up while serving.
      const backup = await strata(["backup", "--database", database, "--out", join(cwd, "bot.backup.gz")], cwd)
      expect(backup.code).toBe(0)
    } finally {
      await stopAll([server!])
    }

    // A new machine: nothing but the backup and the master key (the same environment).
    const restoredDatabase = `sqlite:${join(cwd, "new-machine", "strata.db")}`
    mkdirSync(join(cwd, "new-machine"))
    const restored = await strata(["restore", "--in", join(cwd, "bot.backup.gz"), "--to", restoredDatabase], cwd)
    expect(restored.stderr).not.toMatch(/strata:|warning/)
    expect(restored.code).toBe(0)
    const [again] = await servers(restoredDatabase, 1, cwd)
    try {
      const bot = client(again!.url, key)
      const expected: Record<string, { accessToken: string; refreshToken: string }> = {
        streamer: { accessToken: "at-3", refreshToken: "rt-3" },
        moderator: { accessToken: "at-moderator", refreshToken: "rt-moderator" },
        "bot-account": { accessToken: "at-bot", refreshToken: "rt-bot" }
      }
      for (const [name, values] of Object.entries(expected)) {
        const read = await bot("GET", `/v1/tokens/${name}`)
        expect({ name, status: read.status }).toEqual({ name, status: 200 })
        expect(read.body).toMatchObject(values)
      }
    } finally {
      await stopAll([again!])
    }
  }, timeout)
})
