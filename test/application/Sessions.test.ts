import { describe, expect, test } from "bun:test"
import { Effect, Schema } from "effect"
import * as Sandboxes from "../../application/Sandboxes.ts"
import * as Sessions from "../../application/Sessions.ts"
import { ReferenceData } from "../../domain/ReferenceData.ts"
import bundled from "../../reference/reference-data.json"
import * as Backends from "../support/backends.ts"
import { appLayer } from "../support/app.ts"
import { runWith } from "../support/run.ts"

const timeout = 60_000

for (const backend of Backends.all) {
  describe(`sessions service: ${backend.name}`, () => {
    const run = <A, E>(effect: Effect.Effect<A, E, any>) => runWith(appLayer(backend), effect as Effect.Effect<A, E, never>)

    test("members post, edit and delete; history pages both ways with authors and markers", async () => {
      const result = await run(Effect.gen(function*() {
        const session = yield* Sessions.create("alice", { title: "Planning", sandboxId: null })
        const id = session.sessionId
        yield* Sessions.addMember("alice", id, "bob", "member")
        const posted = []
        for (let i = 1; i <= 12; i++) {
          posted.push(yield* Sessions.post(i % 2 === 0 ? "bob" : "alice", id, { type: "text", content: `message ${i}` }))
        }
        const edited = yield* Sessions.edit("bob", id, posted[1]!.messageId, "message 2, edited")
        yield* Sessions.deleteMessage("alice", id, posted[3]!.messageId)
        const newest = yield* Sessions.history("bob", id, { order: "desc", limit: 5 })
        const next = yield* Sessions.history("bob", id, { order: "desc", limit: 5, after: newest.next! })
        const oldest = yield* Sessions.history("alice", id, { order: "asc", limit: 5 })
        const all = yield* Sessions.history("alice", id, { order: "asc", limit: 100 })
        return { session, edited, newest, next, oldest, all, mine: yield* Sessions.listMine("bob") }
      }))
      expect(result.session.members).toEqual({ alice: "admin" })
      expect(result.edited).toMatchObject({ content: "message 2, edited", author: "bob" })
      expect(result.edited.editedAt).toBeGreaterThan(0)
      expect(result.newest.messages.map((m) => m.seq)).toEqual([12, 11, 10, 9, 8])
      expect(result.next.messages.map((m) => m.seq)).toEqual([7, 6, 5, 4, 3])
      expect(result.oldest.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5])
      expect(result.all.next).toBeUndefined()
      const deleted = result.all.messages[3]!
      expect(deleted).toMatchObject({ seq: 4, author: "bob", content: null })
      expect(deleted.deletedAt).toBeGreaterThan(0)
      expect(result.all.messages[1]).toMatchObject({ seq: 2, author: "bob", content: "message 2, edited" })
      expect(result.mine.map((s) => s.title)).toEqual(["Planning"])
    }, timeout)

    test("a session refers only to a sandbox of its owner: another owner's, or none at all, is not found", async () => {
      const result = await run(Effect.gen(function*() {
        yield* Sandboxes.publishReferenceData(Schema.decodeUnknownSync(ReferenceData)(bundled))
        const sandbox = yield* Sandboxes.create("alice", { name: "dev", tierId: "medium", flavorId: "node", addonIds: [] })
        const own = yield* Sessions.create("alice", { title: "Mine", sandboxId: sandbox.sandboxId })
        const others = yield* Effect.flip(Sessions.create("bob", { title: "Theirs", sandboxId: sandbox.sandboxId }))
        const missing = yield* Effect.flip(Sessions.create("bob", { title: "Nothing", sandboxId: "no-such-sandbox" }))
        return { own, others, missing, bobs: yield* Sessions.listMine("bob") }
      }))
      expect(result.own.sandboxId).not.toBeNull()
      expect(result.others).toMatchObject({ _tag: "SandboxNotFound" })
      expect(result.missing).toMatchObject({ _tag: "SandboxNotFound", sandboxId: "no-such-sandbox" })
      expect(result.bobs).toEqual([])
    }, timeout)

    test("outsiders see nothing; members cannot do what admins do; archived sessions take no posts", async () => {
      const result = await run(Effect.gen(function*() {
        const { sessionId } = yield* Sessions.create("alice", { title: "Planning", sandboxId: null })
        yield* Sessions.addMember("alice", sessionId, "bob", "member")
        const message = yield* Sessions.post("alice", sessionId, { type: "text", content: "hello" })
        const outsider = yield* Effect.flip(Sessions.history("eve", sessionId))
        const outsiderPost = yield* Effect.flip(Sessions.post("eve", sessionId, { type: "text", content: "spam" }))
        const memberRename = yield* Effect.flip(Sessions.rename("bob", sessionId, "Bob's"))
        const memberDelete = yield* Effect.flip(Sessions.deleteMessage("bob", sessionId, message.messageId))
        const renamed = yield* Sessions.rename("alice", sessionId, "Retro")
        const archived = yield* Sessions.archive("alice", sessionId)
        const afterArchive = yield* Effect.flip(Sessions.post("bob", sessionId, { type: "text", content: "late" }))
        return { outsider, outsiderPost, memberRename, memberDelete, renamed, archived, afterArchive }
      }))
      expect(result.outsider._tag).toBe("SessionNotFound")
      expect(result.outsiderPost._tag).toBe("SessionNotFound")
      expect(result.memberRename._tag).toBe("NotAllowed")
      expect(result.memberDelete._tag).toBe("NotAllowed")
      expect(result.renamed.title).toBe("Retro")
      expect(result.archived.archived).toBe(true)
      expect(result.afterArchive._tag).toBe("SessionArchived")
    }, timeout)
  })
}
