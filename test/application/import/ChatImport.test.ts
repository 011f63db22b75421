import { describe, expect, test } from "bun:test"
import { Effect, Stream } from "effect"
import * as ChatImport from "../../../application/import/ChatImport.ts"
import { EventStore } from "../../../application/ports/EventStore.ts"
import * as Sessions from "../../../application/features/Sessions.ts"
import { streamOf } from "../../../application/eventsourcing/Aggregate.ts"
import * as Backends from "../../support/backends.ts"
import { appLayer } from "../../support/app.ts"
import { runWith } from "../../support/run.ts"

/** A chat import that stopped midway goes on where each room stopped: nothing missing, nothing twice. */

const timeout = 60_000
const count = 2_500

const tables = {
  users: [{ id: "u-1", username: "ada" }, { id: "u-2", username: "grace" }],
  rooms: [{ id: 1, name: "Ops", type: "group", created_by: "u-1", created_at: "2025-01-01 00:00:00" }, { id: 2, name: "Small", type: "group", created_by: "u-2", created_at: "2025-01-01 00:00:00" }],
  members: [
    { room_id: 1, user_id: "u-1", role: "admin", joined_at: "2025-01-01 00:00:00" },
    { room_id: 1, user_id: "u-2", role: "member", joined_at: "2025-01-01 00:00:00" },
    { room_id: 2, user_id: "u-2", role: "admin", joined_at: "2025-01-01 00:00:00" }
  ]
}
const rows = Array.from({ length: count }, (_, i) => ({
  id: i + 1,
  // Mostly room 1, a few in room 2: the rooms fill their pages at their own pace.
  room_id: i % 100 === 0 ? 2 : 1,
  user_id: i % 2 === 0 ? "u-1" : "u-2",
  content: `message ${i + 1}`,
  created_at: 1_735_689_600 + i,
  edited_at: i % 7 === 0 ? 1_735_689_600 + i + 1 : null,
  deleted_at: i % 11 === 0 ? 1_735_689_600 + i + 2 : null
}))

const parsed = () => {
  const parser = ChatImport.chatParser(tables)
  for (const row of rows) parser.check(row)
  const { invalid, rooms } = parser.finish()
  return { invalid, rooms, messages: rows.map(parser.accept).filter((m) => m !== undefined) }
}

describe("chat import", () => {
  test("an import stopped midway goes on where each room stopped, and a finished one is already present", async () => {
    const result = await runWith(appLayer(Backends.memory), Effect.gen(function*() {
      const { invalid, messages, rooms } = parsed()
      // The source breaks after 1,500 messages: room 1 has a page written by then, room 2 none.
      const broken = Stream.concat(Stream.fromIterable(messages.slice(0, 1_500)), Stream.fail("the source went away"))
      const stopped = yield* Effect.flip(ChatImport.importChat(rooms, broken))
      const store = yield* EventStore
      const partly = yield* Effect.forEach(rooms, (room) => store.streamVersion(streamOf(Sessions.SessionAggregate, room.sessionId)))
      const resumed = yield* ChatImport.importChat(rooms, Stream.fromIterable(messages))
      const again = yield* ChatImport.importChat(rooms, Stream.fromIterable(messages))
      const versions = yield* Effect.forEach(rooms, (room) => store.streamVersion(streamOf(Sessions.SessionAggregate, room.sessionId)))
      const history = yield* Sessions.history("ada", rooms[0]!.sessionId, { order: "asc", limit: 500 })
      let all = [...history.messages]
      let next = history.next
      while (next !== undefined) {
        const page = yield* Sessions.history("ada", rooms[0]!.sessionId, { order: "asc", limit: 500, after: next })
        all = [...all, ...page.messages]
        next = page.next
      }
      return { invalid, rooms, stopped, partly, resumed, again, versions, all }
    }))
    expect(result.invalid).toEqual([])
    expect(result.stopped).toBe("the source went away")
    expect(result.partly).toEqual([1_000, 0])
    expect(result.resumed).toEqual({ sessions: 2, members: 3, messages: count, alreadyPresent: 0 })
    expect(result.again).toEqual({ sessions: 0, members: 0, messages: 0, alreadyPresent: 2 })
    expect(result.versions).toEqual(result.rooms.map((room) => room.events))
    const inRoom1 = rows.filter((row) => row.room_id === 1)
    expect(result.all.map((m) => [m.seq, m.content ?? `deleted: ${m.deletedAt !== null}`])).toEqual(
      inRoom1.map((row, index) => [index + 1, row.deleted_at === null ? `message ${row.id}` : "deleted: true"])
    )
    expect(result.all.filter((m) => m.editedAt !== null).length).toBe(inRoom1.filter((row) => row.edited_at !== null).length)
  }, timeout)
})
