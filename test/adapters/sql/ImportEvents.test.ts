import { describe, expect, test } from "bun:test"
import { Effect } from "effect"
import { EventStore, ExpectedVersion, type RecordedEvent } from "../../../application/ports/EventStore.ts"
import { LogOperations } from "../../../application/ports/LogOperations.ts"
import * as Backends from "../../support/backends.ts"
import { event, runWith } from "../../support/run.ts"

/**
 * A bulk import (a cutover's copy, a restore) goes by the dialect's fastest path — `COPY`
 * on Postgres from 100 rows on — and keeps what a small one guarantees: the copy is
 * byte-identical, and a page that would double an event id writes nothing.
 */

const timeout = 60_000

/** Data whose text COPY must escape: backslashes, newlines, tabs, carriage returns, quotes, non-ASCII. */
const awkward = (index: number) => ({
  index,
  path: "C:\\temp\\new",
  text: `line one\nline\ttwo\r\n"quoted" \\N é 🚀`,
  nested: { list: [index, null, "\\"] }
})

const source = (count: number) =>
  runWith(Backends.memory.layer(), Effect.gen(function*() {
    const store = yield* EventStore
    for (let offset = 0; offset < count; offset += 50) {
      yield* store.append(`stream-${offset % 3}`, Array.from({ length: 50 }, (_, index) =>
        event("Awkward", awkward(offset + index), index % 2 === 0 ? { actor: "a\tb\\c", correlationId: "req\n1" } : undefined)),
        ExpectedVersion.any)
    }
    return yield* store.readAll({ after: 0, limit: count })
  }))

for (const backend of [Backends.sqlite, Backends.libsql, Backends.postgres]) {
  describe(`bulk import: ${backend.name}`, () => {
    test("a page of hundreds of events is copied byte for byte, and the log continues after it", async () => {
      const copied = await source(600)
      const result = await runWith(backend.layer(), Effect.gen(function*() {
        const store = yield* EventStore
        const log = yield* LogOperations
        yield* log.importEvents(copied.slice(0, 250))
        yield* log.importEvents(copied.slice(250))
        const next = yield* store.append("after", [event("Next")])
        return { read: yield* store.readAll({ after: 0, limit: 1_000 }), next, head: yield* store.head }
      }))
      expect(result.read.slice(0, 600)).toEqual(copied as Array<RecordedEvent>)
      expect(result.next.firstPosition).toBe(601)
      expect(result.head).toBe(601)
    }, timeout)

    test("a page that repeats an event id already in the log is refused whole", async () => {
      const copied = await source(300)
      const result = await runWith(backend.layer(), Effect.gen(function*() {
        const store = yield* EventStore
        const log = yield* LogOperations
        yield* log.importEvents(copied.slice(0, 150))
        // Positions continue the log, but the last event reuses an id the log holds.
        const reused = [...copied.slice(150, 299), { ...copied[299]!, eventId: copied[0]!.eventId }]
        const refused = yield* Effect.flip(log.importEvents(reused))
        return { refused, head: yield* store.head, count: (yield* store.readAll({ after: 0, limit: 1_000 })).length }
      }))
      expect(result.refused._tag).toBe("ImportRefused")
      expect(result.head).toBe(150)
      expect(result.count).toBe(150)
    }, timeout)
  })
}
