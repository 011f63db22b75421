import { describe, expect, test } from "bun:test"
import { createHash } from "node:crypto"
import { Effect, Option } from "effect"
import { LogOperations } from "../../../application/ports/LogOperations.ts"
import { ControlRecords } from "../../../application/ports/ControlRecords.ts"
import { dataJson, EventStore, type RecordedEvent } from "../../../application/ports/EventStore.ts"
import { blockSize, digestAt, follower, recordName } from "../../../application/eventsourcing/LogChain.ts"
import { canonicalLine } from "../../../application/eventsourcing/LogDigest.ts"
import * as Backends from "../../support/backends.ts"
import { event, runWith } from "../../support/run.ts"

/**
 * The log's chained digest: the same at every position whatever checkpoints each side
 * kept, extended by reading only what follows the last kept block, and sensitive to every
 * byte of every event.
 */

const timeout = 60_000
const total = 2 * blockSize + 345

/** The definition, written out plainly: blocks of `blockSize` positions (empty ones add nothing), each hash linking the chain before it to the block's lines' hash. */
const reference = (events: ReadonlyArray<RecordedEvent>, upTo: number) => {
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")
  let hash = ""
  let lines = ""
  let count = 0
  let block = 0
  for (const e of events.filter((e) => e.position <= upTo)) {
    // A compacted log has gaps: a block ends at its last position, or where the next event is past it.
    if (lines !== "" && Math.ceil(e.position / blockSize) !== block) {
      hash = sha256(hash + sha256(lines))
      lines = ""
    }
    block = Math.ceil(e.position / blockSize)
    lines += `${canonicalLine(e)}\n`
    count++
  }
  if (lines !== "") hash = sha256(hash + sha256(lines))
  return { position: upTo, count, hash }
}

/** Appends `total` events with data of every JSON shape, in streams of 100. */
const fill = Effect.gen(function*() {
  const store = yield* EventStore
  for (let first = 0; first < total; first += 100) {
    const batch = Array.from({ length: Math.min(100, total - first) }, (_, index) =>
      event("Happened", {
        index: first + index,
        text: `line\nwith "quotes", a tab\t, a backslash \\, \u0001\u001f\u007f\u2028 and ünïcødé ✓ 🚀`,
        nested: { list: [1, 2.5, -0.001, 1e21, null, true], empty: {} }
      }, index % 4 === 0 ? {} : index % 4 === 1 ? { actor: `user-${index % 3}` } : { actor: `ü\t${index}`, correlationId: `c-${first}`, causationId: "\"x\"" }))
    yield* store.append(`stream-${first / 100}`, batch)
  }
  return yield* store.readAll({ after: 0, limit: total })
})

/** The store with its reads counted. */
const counting = Effect.gen(function*() {
  const store = yield* EventStore
  const counter = { events: 0 }
  const counted = {
    ...store,
    readAll: (options: Parameters<typeof store.readAll>[0]) =>
      Effect.tap(store.readAll(options), (page) => Effect.sync(() => (counter.events += page.length)))
  }
  return { counter, provide: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.provideService(effect, EventStore, counted) }
})

for (const backend of [Backends.memory, Backends.sqlite, Backends.postgres, Backends.libsql]) {
  describe(`the log's chain on ${backend.name}`, () => {
    test("equals the definition at every position, whatever was kept before, and reads only past the last kept block", async () => {
      await runWith(backend.layer(), Effect.gen(function*() {
        const events = yield* fill
        const { counter, provide } = yield* counting
        for (const upTo of [1, 999, blockSize, blockSize + 1, 2 * blockSize - 1, total, 17, total]) {
          expect(yield* provide(digestAt(upTo))).toEqual(reference(events, upTo))
        }
        // The last call found the block at 2 × blockSize kept: it read the 345 events after it.
        counter.events = 0
        expect(yield* provide(digestAt(total))).toEqual(reference(events, total))
        expect(counter.events).toBe(total - 2 * blockSize)
        const records = yield* ControlRecords
        const kept = yield* records.get(recordName)
        expect(Option.map(kept, (record) => JSON.parse(record.value).position)).toEqual(Option.some(2 * blockSize))
        // From nothing kept: whole blocks are read — unless the database hashes them itself.
        yield* records.put(recordName, JSON.stringify({ position: 0, count: 0, hash: "" }), Option.getOrThrow(kept).version)
        counter.events = 0
        expect(yield* provide(digestAt(2 * blockSize))).toEqual(reference(events, 2 * blockSize))
        expect(counter.events).toBe(backend.name === "postgres" ? 0 : 2 * blockSize)
      }))
    }, timeout)
  })
}

for (const backend of [Backends.memory, Backends.sqlite, Backends.postgres, Backends.libsql]) {
  test(`the chain of a compacted log, with gaps, on ${backend.name}: a block without its last position, an empty block — as defined, whoever hashes`, async () => {
    const full = await runWith(Backends.memory.layer(), fill)
    // Position 1,000 and every position of the second block left the log.
    const events = full.filter((e) => e.position < blockSize || e.position > 2 * blockSize)
    await runWith(backend.layer(), Effect.gen(function*() {
      for (let index = 0; index < events.length; index += 300) yield* (yield* LogOperations).importEvents(events.slice(index, index + 300))
      for (const upTo of [999, blockSize, blockSize + 1, 2 * blockSize, 2 * blockSize + 1, total]) {
        expect(yield* digestAt(upTo)).toEqual(reference(events, upTo))
      }
      // From nothing kept, the database hashes the whole blocks where it can.
      const records = yield* ControlRecords
      const kept = Option.getOrThrow(yield* records.get(recordName))
      yield* records.put(recordName, JSON.stringify({ position: 0, count: 0, hash: "" }), kept.version)
      const { counter, provide } = yield* counting
      expect(yield* provide(digestAt(total))).toEqual(reference(events, total))
      expect(counter.events).toBe(backend.name === "postgres" ? total - 2 * blockSize : events.length)
    }))
  }, timeout)
}

describe("the log's chain", () => {
  test("a follower reads each event once as the log grows, and takes events it is handed instead of reading them", async () => {
    await runWith(Backends.sqlite.layer(), Effect.gen(function*() {
      const events = yield* fill
      const { counter, provide } = yield* counting
      const chain = yield* provide(follower)
      for (const upTo of [500, 1_500, 1_600, total]) {
        expect(yield* chain.extendTo(upTo)).toEqual(reference(events, upTo))
      }
      expect(counter.events).toBe(total)
      // Handed the events (as a copy hands over the pages it read), a fresh follower reads none.
      counter.events = 0
      const handed = yield* provide(follower)
      // The kept block (2 × blockSize) is behind `upTo`: it starts there and takes the rest from the page.
      expect(yield* handed.extendTo(total, events)).toEqual(reference(events, total))
      expect(counter.events).toBe(0)
    }))
  }, timeout)

  test("one changed byte changes the digest from its position on, not before", async () => {
    const events = await runWith(Backends.memory.layer(), fill)
    const changed = events.map((e) => e.position === 1_500 ? { ...e, data: { ...(e.data as object), index: -1 } } : e)
    expect(reference(changed, 1_499)).toEqual(reference(events, 1_499))
    expect(reference(changed, 1_500).hash).not.toBe(reference(events, 1_500).hash)
    expect(reference(changed, total).hash).not.toBe(reference(events, total).hash)
  }, timeout)
})

describe("an event read from a database keeps its data's JSON as stored", () => {
  for (const backend of [Backends.sqlite, Backends.postgres]) {
    test(`${backend.name}: its canonical line is the whole envelope stringified; a copy with other data does not keep the old text`, async () => {
      await runWith(backend.layer(), Effect.gen(function*() {
        const events = yield* fill
        for (const e of events.slice(0, 50)) {
          // A spread drops the kept text, so this is JSON.stringify of the parsed data.
          expect(canonicalLine(e)).toBe(canonicalLine({ ...e }))
          expect(canonicalLine(e)).toBe(JSON.stringify({
            position: e.position,
            eventId: e.eventId,
            streamId: e.streamId,
            version: e.version,
            type: e.type,
            schemaVersion: e.schemaVersion,
            data: e.data,
            metadata: e.metadata,
            recordedAt: e.recordedAt
          }))
          expect(dataJson({ ...e, data: { other: true } })).toBe(`{"other":true}`)
        }
        expect(JSON.parse(JSON.stringify(events[0]))).toMatchObject({ data: { index: 0 } })
      }))
    }, timeout)
  }
})
