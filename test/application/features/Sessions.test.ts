import { describe, expect, test } from "bun:test"
import { Effect, Exit, Option, Schema } from "effect"
import * as Sandboxes from "../../../application/features/Sandboxes.ts"
import * as Sessions from "../../../application/features/Sessions.ts"
import { ReferenceData } from "../../../domain/ReferenceData.ts"
import bundled from "../../../reference/reference-data.json"
import * as Backends from "../../support/backends.ts"
import { SnapshotStore } from "../../../application/ports/SnapshotStore.ts"
import * as MasterKeys from "../../../adapters/secrets/MasterKeys.ts"
import { appLayer, reopenedAppLayer } from "../../support/app.ts"
import { runWith } from "../../support/run.ts"

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
        return { session, edited, newest, next, oldest, all, mine: (yield* Sessions.listMine("bob")).items }
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
        return { own, others, missing, bobs: (yield* Sessions.listMine("bob")).items }
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
      expect(result.afterArchive._tag).toBe("SessionIsArchived")
    }, timeout)
  })
}

for (const backend of Backends.durable) {
  test(`sessions service: ${backend.name}: a long session comes back from its snapshot after a restart, with every message's rules`, async () => {
    const masterKeys = MasterKeys.ephemeral()
    const { id, posted } = await runWith(appLayer(backend, { masterKeys }), Effect.gen(function*() {
      const session = yield* Sessions.create("alice", { title: "Long", sandboxId: null })
      yield* Sessions.addMember("alice", session.sessionId, "bob", "member")
      const posted = []
      for (let i = 1; i <= 230; i++) posted.push((yield* Sessions.post(i % 2 === 0 ? "bob" : "alice", session.sessionId, { type: "text", content: `m${i}` })).messageId)
      return { id: session.sessionId, posted }
    }))
    // A new process: no state in memory, the snapshot taken at 200 events and the rest of the stream.
    const result = await runWith(reopenedAppLayer(backend, masterKeys), Effect.gen(function*() {
      const snapshot = yield* Effect.flatMap(SnapshotStore, (store) => store.load(`session-${id}`, Sessions.SessionAggregate.snapshotRevision))
      const edited = yield* Sessions.edit("bob", id, posted[1]!, "m2, edited")
      const notTheAuthor = yield* Effect.exit(Sessions.edit("bob", id, posted[0]!, "not mine"))
      const bobDeletesAlices = yield* Effect.exit(Sessions.deleteMessage("bob", id, posted[148]!))
      yield* Sessions.deleteMessage("alice", id, posted[148]!)
      const deletedTwice = yield* Effect.exit(Sessions.deleteMessage("alice", id, posted[148]!))
      const next = yield* Sessions.post("alice", id, { type: "text", content: "m231" })
      return { snapshot, edited, notTheAuthor, bobDeletesAlices, deletedTwice, next }
    }))
    expect(Option.map(result.snapshot, (snapshot) => snapshot.version)).toEqual(Option.some(200))
    expect(result.edited).toMatchObject({ content: "m2, edited", author: "bob" })
    expect(Exit.isFailure(result.notTheAuthor)).toBe(true)
    expect(Exit.isFailure(result.bobDeletesAlices)).toBe(true)
    expect(Exit.isFailure(result.deletedTwice)).toBe(true)
    expect(result.next.seq).toBe(231)
  }, timeout)
}
