import { describe, expect, test } from "bun:test"
import { join } from "node:path"
import { directory } from "../support/processes.ts"
import { adminToken, client, servers, stopAll } from "../support/journey.ts"

/**
 * Seed 002's user: a chat. Members with roles; messages posted, edited, soft-deleted;
 * the history paged by a member as it was written; a stranger refused.
 */

const timeout = 120_000

describe("journey 002: a chat", () => {
  test("members with roles, messages edited and deleted, history paged by a member, refused to a stranger", async () => {
    const cwd = directory("strata-journey-002-")
    const [server] = await servers(`sqlite:${join(cwd, "chat.db")}`, 1, cwd)
    try {
      const admin = client(server!.url, adminToken)
      const keyOf = async (owner: string) =>
        (await admin("POST", "/v1/admin/keys", { owner, name: owner, tokenLimitPer5h: 1 })).body.secret as string
      const alice = client(server!.url, await keyOf("alice"))
      const bob = client(server!.url, await keyOf("bob"))
      const eve = client(server!.url, await keyOf("eve"))

      const room = await alice("POST", "/v1/sessions", { title: "general" })
      expect(room.status).toBe(201)
      const id = room.body.sessionId as string
      expect((await alice("PUT", `/v1/sessions/${id}/members/bob`, { role: "member" })).status).toBe(200)
      const members = (await bob("GET", `/v1/sessions/${id}`)).body.members
      expect(members).toEqual({ alice: "admin", bob: "member" })

      const posted: Array<string> = []
      for (let i = 0; i < 8; i++) {
        const as = i % 2 === 0 ? alice : bob
        const message = await as("POST", `/v1/sessions/${id}/messages`, { content: `message ${i}`, ...(i === 3 ? { type: "image" } : {}) })
        expect(message.status).toBe(201)
        posted.push(message.body.messageId)
      }
      // Bob edits his own; alice, the room's admin, deletes one of bob's; bob cannot edit alice's.
      expect((await bob("PATCH", `/v1/sessions/${id}/messages/${posted[1]}`, { content: "message 1, edited" })).status).toBe(200)
      expect((await alice("DELETE", `/v1/sessions/${id}/messages/${posted[5]}`)).status).toBe(204)
      expect((await bob("PATCH", `/v1/sessions/${id}/messages/${posted[0]}`, { content: "not mine" })).status).toBe(403)

      // Bob reads the history oldest first, three at a time.
      const read: Array<any> = []
      let after: string | undefined
      do {
        const page = await bob("GET", `/v1/sessions/${id}/messages?order=asc&limit=3${after ? `&after=${encodeURIComponent(after)}` : ""}`)
        expect(page.status).toBe(200)
        read.push(...page.body.messages)
        after = page.body.next
      } while (after !== undefined)
      expect(read.map((message) => message.messageId)).toEqual(posted)
      expect(read.map((message) => message.author)).toEqual(["alice", "bob", "alice", "bob", "alice", "bob", "alice", "bob"])
      expect(read[1]).toMatchObject({ content: "message 1, edited" })
      expect(read[1].editedAt).not.toBeNull()
      expect(read[3].type).toBe("image")
      expect(read[5]).toMatchObject({ content: null })
      expect(read[5].deletedAt).not.toBeNull()
      expect(read.filter((message) => message.deletedAt === null)).toHaveLength(7)

      // A stranger learns nothing: the room answers as if it did not exist.
      for (const [method, path, body] of [["GET", `/v1/sessions/${id}/messages`], ["GET", `/v1/sessions/${id}`], ["POST", `/v1/sessions/${id}/messages`, { content: "hi" }]] as const) {
        const refused = await eve(method, path, body)
        expect({ path, status: refused.status }).toEqual({ path, status: 404 })
        expect(JSON.stringify(refused.body)).not.toContain("message")
      }
      expect((await eve("GET", "/v1/sessions")).body.sessions).toEqual([])
    } finally {
      await stopAll([server!])
    }
  }, timeout)
})
