import { describe, expect, test } from "bun:test"
import { Deferred, Effect, Fiber, Option, Schema, Stream } from "effect"
import * as Actor from "../../application/eventsourcing/Actor.ts"
import { EventStore, ExpectedVersion } from "../../application/ports/EventStore.ts"
import { LogOperations } from "../../application/ports/LogOperations.ts"
import { Projection } from "../../application/eventsourcing/Projection.ts"
import { ReadModels } from "../../application/ports/ReadModels.ts"
import * as Backends from "../support/backends.ts"
import { event, events, runWith } from "../support/run.ts"

/**
 * The event store contract: every guarantee of the log, named, run against every backend.
 * A backend that fails one of these is not a strata backend.
 */

/** Counts events per stream into a document: enough to see what an append left behind. */
const counter = Projection.make({
  name: "counter",
  version: 1,
  eventTypes: ["Counted", "Poison"],
  apply: (event, documents) =>
    Effect.gen(function*() {
      if (event.type === "Poison") return yield* Effect.fail(new Error("poisoned event"))
      const current = yield* documents.get(event.streamId)
      const count = Option.match(current, { onNone: () => 0, onSome: (doc) => (doc as { count: number }).count })
      yield* documents.put(event.streamId, { count: count + 1 }, { partition: "all", sort: event.streamId })
    })
})

const timeout = 60_000

/**
 * A projection that holds its append's transaction open on a `Slow` event: `entered` once
 * the append has taken its position, until the test completes `release`.
 */
const stallingProjection = () => {
  let signals: { entered: Deferred.Deferred<void>; release: Deferred.Deferred<void> } | undefined
  const projection = Projection.make({
    name: "stall",
    version: 1,
    eventTypes: ["Slow"],
    apply: () => Effect.andThen(Deferred.succeed(signals!.entered, undefined), Deferred.await(signals!.release))
  })
  const start = Effect.gen(function*() {
    signals = { entered: yield* Deferred.make<void>(), release: yield* Deferred.make<void>() }
    return signals
  })
  return { projection, start }
}

for (const backend of Backends.all) {
  describe(`event store contract: ${backend.name}`, () => {
    const run = <A, E>(effect: Effect.Effect<A, E, Backends.Store | import("effect").Scope.Scope>, projections = [counter]) =>
      runWith(backend.layer(projections), effect)

    test("appends and reads a stream forwards and backwards from a version", async () => {
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("order-1", events(5), ExpectedVersion.noStream)
        return {
          all: yield* store.readStream("order-1"),
          fromThree: yield* store.readStream("order-1", { from: 3 }),
          backwards: yield* store.readStream("order-1", { direction: "backwards" }),
          backwardsFromFour: yield* store.readStream("order-1", { direction: "backwards", from: 4, limit: 2 }),
          missing: yield* store.readStream("order-2"),
          version: yield* store.streamVersion("order-1")
        }
      }))
      expect(result.all.map((e) => e.version)).toEqual([1, 2, 3, 4, 5])
      expect(result.all.map((e) => (e.data as { index: number }).index)).toEqual([0, 1, 2, 3, 4])
      expect(result.fromThree.map((e) => e.version)).toEqual([3, 4, 5])
      expect(result.backwards.map((e) => e.version)).toEqual([5, 4, 3, 2, 1])
      expect(result.backwardsFromFour.map((e) => e.version)).toEqual([4, 3])
      expect(result.missing).toEqual([])
      expect(result.version).toBe(5)
    }, timeout)

    test("the envelope carries id, stream, version, position, type, schema version, metadata and time", async () => {
      const [recorded] = await run(Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("user-1", [{
          eventId: "0190a6f0-0000-7000-8000-000000000001",
          type: "UserRenamed",
          schemaVersion: 2,
          data: { name: "Ada" },
          metadata: { actor: "admin", correlationId: "req-1", causationId: "cmd-1" }
        }])
        return yield* store.readStream("user-1")
      }))
      expect(recorded).toMatchObject({
        eventId: "0190a6f0-0000-7000-8000-000000000001",
        streamId: "user-1",
        version: 1,
        position: 1,
        type: "UserRenamed",
        schemaVersion: 2,
        data: { name: "Ada" },
        metadata: { actor: "admin", correlationId: "req-1", causationId: "cmd-1" }
      })
      expect(new Date(recorded!.recordedAt).toISOString()).toBe(recorded!.recordedAt)
    }, timeout)

    test("ids in any form come back exactly as given and find their events: UUIDs in either case, text, empty", async () => {
      // A backend may store a canonical UUID in a compact form (SQLite: its 16 bytes): none
      // of that may show, nor let one form stand for another.
      const ids = [
        "0190a6f0-0000-7000-8000-000000000001",
        "0190A6F0-0000-7000-8000-000000000001",
        "0190a6f0-0000-7000-8000-00000000000",
        "0190a6f0-0000-7000-8000-0000000000012",
        "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
        "evt 1"
      ]
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        const appended = ids.map((id, index) => ({
          eventId: id,
          type: "Tagged",
          data: { index },
          metadata: { correlationId: id, causationId: ids[ids.length - 1 - index]! }
        }))
        yield* store.append("ids-1", appended)
        yield* store.append("ids-2", [{ eventId: "0190a6f0-0000-7000-8000-000000000002", type: "Tagged", data: {}, metadata: { correlationId: "" } }])
        const resent = yield* store.append("ids-1", appended, ExpectedVersion.noStream)
        const found = yield* Effect.forEach(ids, (id) => store.query({ after: 0, limit: 10, eventIds: [id] }))
        const correlated = yield* Effect.forEach([...ids, ""], (id) => store.query({ after: 0, limit: 10, correlationId: id }))
        return { read: yield* store.readAll({ after: 0, limit: 10 }), resent, found, correlated }
      }))
      expect(result.read.map((recorded) => [recorded.eventId, recorded.metadata])).toEqual([
        ...ids.map((id, index) => [id, { correlationId: id, causationId: ids[ids.length - 1 - index] }]),
        ["0190a6f0-0000-7000-8000-000000000002", { correlationId: "" }]
      ])
      expect(result.resent).toMatchObject({ version: ids.length, resent: true })
      expect(result.found.map((events) => events.map((recorded) => recorded.position))).toEqual(ids.map((_, index) => [index + 1]))
      expect(result.correlated.map((events) => events.map((recorded) => recorded.position))).toEqual([...ids.map((_, index) => [index + 1]), [7]])
    }, timeout)

    test("expected version no_stream: refused once the stream exists", async () => {
      const error = await run(Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("s", events(2), ExpectedVersion.noStream)
        return yield* Effect.flip(store.append("s", events(1), ExpectedVersion.noStream))
      }))
      expect(error).toMatchObject({ _tag: "ConcurrencyConflict", streamId: "s", expected: "no_stream", actual: 2 })
    }, timeout)

    test("expected version stream_exists: refused for a missing stream, accepted for an existing one", async () => {
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        const missing = yield* Effect.flip(store.append("s", events(1), ExpectedVersion.streamExists))
        yield* store.append("s", events(1))
        const appended = yield* store.append("s", events(1), ExpectedVersion.streamExists)
        return { missing, appended }
      }))
      expect(result.missing).toMatchObject({ _tag: "ConcurrencyConflict", expected: "stream_exists", actual: 0 })
      expect(result.appended.version).toBe(2)
    }, timeout)

    test("expected version exact n: refused below and above the stream's version", async () => {
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("s", events(3))
        const below = yield* Effect.flip(store.append("s", events(1), ExpectedVersion.exact(2)))
        const above = yield* Effect.flip(store.append("s", events(1), ExpectedVersion.exact(7)))
        const exact = yield* store.append("s", events(2), ExpectedVersion.exact(3))
        return { below, above, exact, versions: (yield* store.readStream("s")).map((e) => e.version) }
      }))
      expect(result.below).toMatchObject({ _tag: "ConcurrencyConflict", expected: "2", actual: 3 })
      expect(result.above).toMatchObject({ _tag: "ConcurrencyConflict", expected: "7", actual: 3 })
      expect(result.exact).toMatchObject({ version: 5 })
      expect(result.versions).toEqual([1, 2, 3, 4, 5])
    }, timeout)

    test("expected version any: appends whatever the version", async () => {
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("s", events(2), ExpectedVersion.any)
        return yield* store.append("s", events(2), ExpectedVersion.any)
      }))
      expect(result).toMatchObject({ version: 4, firstPosition: 3, lastPosition: 4 })
    }, timeout)

    test("an empty append checks the expected version and writes nothing", async () => {
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("s", events(1))
        const ok = yield* store.append("s", [], ExpectedVersion.exact(1))
        const refused = yield* Effect.flip(store.append("s", [], ExpectedVersion.exact(0)))
        return { ok, refused, head: yield* store.head }
      }))
      expect(result.ok).toMatchObject({ version: 1 })
      expect(result.refused).toMatchObject({ _tag: "ConcurrencyConflict", actual: 1 })
      expect(result.head).toBe(1)
    }, timeout)

    test("N fibers racing to append at the same version: exactly one wins, the others get ConcurrencyConflict", async () => {
      const outcomes = await run(Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("contested", events(1))
        return yield* Effect.forEach(
          Array.from({ length: 16 }, () => event("Counted")),
          (candidate) => Effect.result(store.append("contested", [candidate], ExpectedVersion.exact(1))),
          { concurrency: "unbounded" }
        )
      }))
      const winners = outcomes.filter((outcome) => outcome._tag === "Success")
      const losers = outcomes.filter((outcome) => outcome._tag === "Failure")
      expect(winners).toHaveLength(1)
      expect(losers).toHaveLength(15)
      for (const loser of losers) {
        expect(loser.failure).toMatchObject({ _tag: "ConcurrencyConflict", expected: "1", actual: 2 })
      }
    }, timeout)

    test("racing appends with expected version any all land, with contiguous versions", async () => {
      const versions = await run(Effect.gen(function*() {
        const store = yield* EventStore
        yield* Effect.forEach(
          Array.from({ length: 12 }, () => event("Counted")),
          (candidate) => store.append("shared", [candidate], ExpectedVersion.any),
          { concurrency: "unbounded" }
        )
        return (yield* store.readStream("shared")).map((e) => e.version)
      }))
      expect(versions).toEqual(Array.from({ length: 12 }, (_, index) => index + 1))
    }, timeout)

    test("re-sending an append with the same event ids returns the original result and writes nothing twice", async () => {
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("other", events(1))
        const batch = events(3, "Counted")
        const first = yield* store.append("s", batch, ExpectedVersion.noStream)
        yield* store.append("other", events(1))
        const again = yield* store.append("s", batch, ExpectedVersion.noStream)
        const againAny = yield* store.append("s", batch, ExpectedVersion.any)
        const counted = yield* (yield* ReadModels).get("counter", "s")
        return { first, again, againAny, stream: yield* store.readStream("s"), head: yield* store.head, counted }
      }))
      // The original result, marked as a resend (an idempotent request answers from it).
      expect(result.first.resent).toBeUndefined()
      expect(result.again).toEqual({ ...result.first, resent: true })
      expect(result.againAny).toEqual({ ...result.first, resent: true })
      expect(result.stream).toHaveLength(3)
      expect(result.head).toBe(5)
      expect(result.counted).toEqual(Option.some({ count: 3 }))
    }, timeout)

    test("an event id used by a different event is refused with DuplicateEventId", async () => {
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        const original = event("A")
        yield* store.append("s", [original])
        const otherStream = yield* Effect.flip(store.append("t", [original]))
        const otherBatch = yield* Effect.flip(store.append("s", [original, event("B")]))
        const withinBatch = yield* Effect.flip(store.append("u", [original, original]))
        return { otherStream, otherBatch, withinBatch, head: yield* store.head }
      }))
      expect(result.otherStream).toMatchObject({ _tag: "DuplicateEventId" })
      expect(result.otherBatch).toMatchObject({ _tag: "DuplicateEventId" })
      expect(result.withinBatch).toMatchObject({ _tag: "DuplicateEventId" })
      expect(result.head).toBe(1)
    }, timeout)

    test("bad input is a typed InvalidEvent and writes nothing", async () => {
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        return {
          emptyStream: yield* Effect.flip(store.append("", events(1))),
          emptyType: yield* Effect.flip(store.append("s", [event("")])),
          notJson: yield* Effect.flip(store.append("s", [event("A", { big: 1n })])),
          badVersion: yield* Effect.flip(store.append("s", events(1), ExpectedVersion.exact(-1))),
          head: yield* store.head
        }
      }))
      expect(result.emptyStream._tag).toBe("InvalidEvent")
      expect(result.emptyType._tag).toBe("InvalidEvent")
      expect(result.notJson._tag).toBe("InvalidEvent")
      expect(result.badVersion._tag).toBe("InvalidEvent")
      expect(result.head).toBe(0)
    }, timeout)

    test("appends are atomic with inline projections: the projection's documents commit with the events", async () => {
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("a", events(2, "Counted"))
        yield* store.append("b", events(1, "Counted"))
        const readModels = yield* ReadModels
        return {
          a: yield* readModels.get("counter", "a"),
          listed: yield* readModels.list("counter", { partition: "all" }),
          listedDesc: yield* readModels.list("counter", { partition: "all", order: "desc", limit: 1 }),
          after: yield* readModels.list("counter", { partition: "all", after: "a" })
        }
      }))
      expect(result.a).toEqual(Option.some({ count: 2 }))
      expect(result.listed.map((doc) => [doc.key, doc.doc])).toEqual([["a", { count: 2 }], ["b", { count: 1 }]])
      expect(result.listedDesc.map((doc) => doc.key)).toEqual(["b"])
      expect(result.after.map((doc) => doc.key)).toEqual(["b"])
    }, timeout)

    test("a projection that fails aborts the append and leaves no trace", async () => {
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("s", events(1, "Counted"))
        const error = yield* Effect.flip(store.append("s", [event("Counted"), event("Poison")]))
        return {
          error,
          stream: yield* store.readStream("s"),
          head: yield* store.head,
          counted: yield* (yield* ReadModels).get("counter", "s"),
          next: yield* store.append("s", events(1, "Counted"), ExpectedVersion.exact(1))
        }
      }))
      expect(result.error).toMatchObject({ _tag: "ProjectionFailed", projection: "counter", eventType: "Poison" })
      expect(result.stream).toHaveLength(1)
      expect(result.head).toBe(1)
      expect(result.counted).toEqual(Option.some({ count: 1 }))
      expect(result.next).toMatchObject({ version: 2, firstPosition: 2 })
    }, timeout)

    test("appends arriving together each keep their own outcome: a stale, a reused id and a poisoned one fail alone", async () => {
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        const taken = event("Counted")
        yield* store.append("taken", [taken])
        yield* store.append("moved", events(2, "Counted"))
        const good = Array.from({ length: 24 }, (_, index) => () => store.append(`good-${index}`, [event("Counted")], ExpectedVersion.noStream))
        const bad = {
          stale: () => store.append("moved", [event("Counted")], ExpectedVersion.exact(1)),
          reused: () => store.append("elsewhere", [taken]),
          poisoned: () => store.append("poisoned", [event("Counted"), event("Poison")])
        }
        // Interleaved, all at once: under load the SQL stores commit these in groups.
        const all = [...good.slice(0, 8), bad.stale, ...good.slice(8, 16), bad.reused, bad.poisoned, ...good.slice(16)]
        const outcomes = yield* Effect.forEach(all, (append) => Effect.result(append()), { concurrency: "unbounded" })
        const readModels = yield* ReadModels
        return {
          outcomes,
          counts: yield* Effect.forEach(good, (_, index) => readModels.get("counter", `good-${index}`)),
          poisoned: yield* store.readStream("poisoned"),
          poisonedCount: yield* readModels.get("counter", "poisoned"),
          head: yield* store.head
        }
      }))
      const failures = result.outcomes.filter((outcome) => outcome._tag === "Failure").map((outcome) => outcome.failure._tag)
      expect(failures.sort()).toEqual(["ConcurrencyConflict", "DuplicateEventId", "ProjectionFailed"])
      expect(result.counts).toEqual(Array.from({ length: 24 }, () => Option.some({ count: 1 })))
      expect(result.poisoned).toHaveLength(0)
      expect(result.poisonedCount).toEqual(Option.none())
      expect(result.head).toBe(3 + 24)
      const positions = result.outcomes.flatMap((outcome) => (outcome._tag === "Success" ? [outcome.success.firstPosition] : []))
      expect(new Set(positions).size).toBe(24)
    }, timeout)

    test("a large batch gets contiguous positions in the order of its versions", async () => {
      const stream = await run(Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("before", events(1))
        yield* store.append("batch", events(1_200), ExpectedVersion.noStream)
        return yield* store.readStream("batch")
      }))
      expect(stream.map((e) => e.position)).toEqual(Array.from({ length: 1_200 }, (_, i) => i + 2))
      expect(stream.map((e) => (e.data as { index: number }).index)).toEqual(Array.from({ length: 1_200 }, (_, i) => i))
    }, timeout)

    test("readAll pages the whole log in position order; head is the last position", async () => {
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("a", events(3))
        yield* store.append("b", events(2))
        yield* store.append("a", events(2))
        const pages = [yield* store.readAll({ after: 0, limit: 3 }), yield* store.readAll({ after: 3, limit: 3 }), yield* store.readAll({ after: 6, limit: 3 })]
        return { pages, head: yield* store.head }
      }))
      expect(result.pages.map((page) => page.map((e) => e.position))).toEqual([[1, 2, 3], [4, 5, 6], [7]])
      expect(result.pages.flat().map((e) => e.streamId)).toEqual(["a", "a", "a", "b", "b", "a", "a"])
      expect(result.head).toBe(7)
    }, timeout)

    test("audit queries by stream, type, actor and time range, paged by position", async () => {
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("a", [event("Opened", {}, { actor: "alice" }), event("Renamed", {}, { actor: "bob" })])
        yield* Effect.sleep("5 millis")
        const cut = new Date().toISOString()
        yield* Effect.sleep("5 millis")
        yield* store.append("b", [event("Opened", {}, { actor: "alice" }), event("Opened", {}, { actor: "carol" })])
        const all = { after: 0, limit: 100 }
        return {
          byStream: yield* store.query({ ...all, streamId: "b" }),
          byType: yield* store.query({ ...all, type: "Opened" }),
          byActor: yield* store.query({ ...all, actor: "alice" }),
          since: yield* store.query({ ...all, from: cut }),
          before: yield* store.query({ ...all, to: cut }),
          combined: yield* store.query({ ...all, type: "Opened", actor: "alice", from: cut }),
          page: yield* store.query({ after: 1, limit: 2, type: "Opened" })
        }
      }))
      const positions = (events: ReadonlyArray<{ position: number }>) => events.map((e) => e.position)
      expect(positions(result.byStream)).toEqual([3, 4])
      expect(positions(result.byType)).toEqual([1, 3, 4])
      expect(positions(result.byActor)).toEqual([1, 3])
      expect(positions(result.since)).toEqual([3, 4])
      expect(positions(result.before)).toEqual([1, 2])
      expect(positions(result.combined)).toEqual([3])
      expect(positions(result.page)).toEqual([3, 4])
    }, timeout)

    test("audit by owner finds what they did through any of their keys and what the admin did for them; by key, that key's", async () => {
      const key1 = "0190a6f0-0000-7000-8000-0000000000a1"
      const key2 = "0190a6f0-0000-7000-8000-0000000000a2"
      const key3 = "0190a6f0-0000-7000-8000-0000000000a3"
      const actors = [
        Actor.ofKey("bob", key1), // 1
        Actor.ofKey("bob", key2), // 2
        Actor.adminFor("bob"), // 3
        Actor.ofKey("Bob", key3), // 4: another owner, by case
        Actor.ofKey("bob (key x)", key3), // 5: an owner whose name looks like bob's actor
        Actor.admin, // 6: the admin for nobody, or before actors named whom the admin acted for
        "bob", // 7: an actor of another kind, named bob
        Actor.ofKey("100%_b\\ob", key3), // 8: LIKE's wildcards and escape in a name
        Actor.ofKey("1000_b\\ob", key3), // 9
        Actor.ofKey("ünï 👩‍💻", key3), // 10: characters past one UTF-16 unit
        Actor.adminFor("ünï 👩‍💻") // 11
      ]
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        for (const [index, actor] of actors.entries()) yield* store.append(`s-${index}`, [event("Did", {}, { actor })])
        yield* store.append("s-none", [event("Did", {})])
        const all = { after: 0, limit: 100 }
        return {
          bob: yield* store.query({ ...all, owner: "bob" }),
          bobUpper: yield* store.query({ ...all, owner: "Bob" }),
          lookalike: yield* store.query({ ...all, owner: "bob (key x)" }),
          wildcards: yield* store.query({ ...all, owner: "100%_b\\ob" }),
          wide: yield* store.query({ ...all, owner: "ünï 👩‍💻" }),
          nobody: yield* store.query({ ...all, owner: "b%" }),
          key1: yield* store.query({ ...all, keyId: key1 }),
          key3: yield* store.query({ ...all, keyId: key3 }),
          keyUpper: yield* store.query({ ...all, keyId: key1.toUpperCase() }),
          bobByKey: yield* store.query({ ...all, owner: "bob", keyId: key2 }),
          exact: yield* store.query({ ...all, actor: "bob" }),
          paged: yield* store.query({ after: 1, limit: 1, owner: "bob" })
        }
      }))
      const positions = (events: ReadonlyArray<{ position: number }>) => events.map((e) => e.position)
      expect(positions(result.bob)).toEqual([1, 2, 3])
      expect(positions(result.bobUpper)).toEqual([4])
      expect(positions(result.lookalike)).toEqual([5])
      expect(positions(result.wildcards)).toEqual([8])
      expect(positions(result.wide)).toEqual([10, 11])
      expect(positions(result.nobody)).toEqual([])
      expect(positions(result.key1)).toEqual([1])
      expect(positions(result.key3)).toEqual([4, 5, 8, 9, 10])
      expect(positions(result.keyUpper)).toEqual([])
      expect(positions(result.bobByKey)).toEqual([2])
      expect(positions(result.exact)).toEqual([7])
      expect(positions(result.paged)).toEqual([2])
    }, timeout)

    test("audit by correlation id finds every event one request caused, across streams; by stream prefix, the streams it starts", async () => {
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("session-1", [event("Opened", {}, { correlationId: "req-1" })]) // 1
        yield* store.append("session-10", [event("Opened", {}, { correlationId: "req-2" })]) // 2
        yield* store.append("apikey-1", [event("Used", {}, { correlationId: "req-1" })]) // 3
        yield* store.append("sessions", [event("Listed", {})]) // 4
        yield* store.append("session-1", [event("Posted", {}, { correlationId: "REQ-1" })]) // 5
        yield* store.append("session_%", [event("Odd", {}, { correlationId: "req-1%" })]) // 6
        yield* store.append("sëssion-👩‍💻", [event("Wide", {}, { correlationId: "req-1" })]) // 7
        const all = { after: 0, limit: 100 }
        return {
          request: yield* store.query({ ...all, correlationId: "req-1" }),
          requestPaged: yield* store.query({ after: 1, limit: 1, correlationId: "req-1" }),
          sessions: yield* store.query({ ...all, streamPrefix: "session-" }),
          session1: yield* store.query({ ...all, streamPrefix: "session-1" }),
          wildcard: yield* store.query({ ...all, streamPrefix: "session_" }),
          upper: yield* store.query({ ...all, streamPrefix: "SESSION" }),
          wide: yield* store.query({ ...all, streamPrefix: "sëssion-👩" }),
          both: yield* store.query({ ...all, streamPrefix: "session-", correlationId: "req-1" }),
          everything: yield* store.query({ ...all, streamPrefix: "" })
        }
      }))
      const positions = (events: ReadonlyArray<{ position: number }>) => events.map((e) => e.position)
      expect(positions(result.request)).toEqual([1, 3, 7])
      expect(positions(result.requestPaged)).toEqual([3])
      expect(positions(result.sessions)).toEqual([1, 2, 5])
      expect(positions(result.session1)).toEqual([1, 2, 5])
      expect(positions(result.wildcard)).toEqual([6])
      expect(positions(result.upper)).toEqual([])
      expect(positions(result.wide)).toEqual([7])
      expect(positions(result.both)).toEqual([1])
      expect(positions(result.everything)).toEqual([1, 2, 3, 4, 5, 6, 7])
    }, timeout)

    test("events copied with gaps between them reach inline projections at their own positions", async () => {
      const where = Projection.make({
        name: "where",
        version: 1,
        eventTypes: ["Happened"],
        apply: (event, documents) =>
          documents.put(`${event.streamId}/${event.version}`, { position: event.position }, { partition: "all", sort: String(event.position).padStart(6, "0") })
      })
      const source = await runWith(Backends.memory.layer(), Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("a", events(6), ExpectedVersion.noStream)
        return yield* store.readAll({ after: 0, limit: 100 })
      }))
      // Positions 2 and 4 left the log (a compaction's gaps).
      const copied = source.filter((event) => event.position !== 2 && event.position !== 4)
      const found = await run(Effect.gen(function*() {
        yield* (yield* LogOperations).importEvents(copied, { applyProjections: true })
        return (yield* (yield* ReadModels).list("where", { partition: "all", limit: 100 })).map((document) => (document.doc as { position: number }).position)
      }), [where])
      expect(found).toEqual([1, 3, 5, 6])
    }, timeout)

    test("a copied log keeps its event ids, versions, positions and times, and the log continues after it", async () => {
      const source = await runWith(Backends.memory.layer(), Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("a", events(3), ExpectedVersion.noStream)
        yield* store.append("b", [event("Other", { x: 1 }, { actor: "alice", correlationId: "req-1" })])
        return yield* store.readAll({ after: 0, limit: 100 })
      }))
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        const log = yield* LogOperations
        // Gaps are a compacted log's (see the compaction contract); order is every log's.
        const outOfOrder = yield* Effect.flip(log.importEvents([source[1]!, source[0]!]))
        yield* log.importEvents(source.slice(0, 2))
        yield* log.importEvents(source.slice(2))
        const again = yield* Effect.flip(log.importEvents(source.slice(0, 1)))
        const next = yield* store.append("a", events(1), ExpectedVersion.exact(3))
        return { outOfOrder, again, copied: yield* store.readAll({ after: 0, limit: 4 }), next, head: yield* store.head }
      }))
      expect(result.outOfOrder._tag).toBe("ImportRefused")
      expect(result.again._tag).toBe("ImportRefused")
      expect(result.copied).toEqual(source)
      expect(result.next).toMatchObject({ version: 4, firstPosition: 5 })
      expect(result.head).toBe(5)
    }, timeout)

    test("a reader following the log never skips a late commit", async () => {
      // The first append takes its position, then stalls inside its transaction (in a
      // projection) while a second writer tries to commit after it.
      const received = await (async () => {
        const stall = stallingProjection()
        return run(Effect.gen(function*() {
          const { entered, release } = yield* stall.start
          const store = yield* EventStore
          const follower = yield* store.follow(0).pipe(Stream.take(4), Stream.runCollect, Effect.forkChild)
          const slow = yield* Effect.forkChild(store.append("slow", [event("Slow")]))
          yield* Deferred.await(entered)
          const fast = yield* Effect.forkChild(store.append("fast", events(2)))
          yield* Effect.sleep("100 millis")
          yield* Deferred.succeed(release, undefined)
          yield* Fiber.join(slow)
          yield* Fiber.join(fast)
          yield* store.append("last", events(1))
          return yield* Fiber.join(follower)
        }), [stall.projection])
      })()
      expect(received.map((e) => e.position)).toEqual([1, 2, 3, 4])
      expect(received[0]!.streamId).toBe("slow")
    }, timeout)

    test("followers under concurrent writers see every event exactly once, in position order", async () => {
      const writers = 8
      const perWriter = 15
      const received = await run(Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("before", events(3))
        const follower = yield* store.follow(1).pipe(Stream.take(2 + writers * perWriter), Stream.runCollect, Effect.forkChild)
        yield* Effect.forEach(
          Array.from({ length: writers }, (_, writer) => writer),
          (writer) => Effect.forEach(events(perWriter), (e) => store.append(`writer-${writer}`, [e]), { discard: true }),
          { concurrency: "unbounded", discard: true }
        )
        return yield* Fiber.join(follower)
      }))
      expect(received.map((e) => e.position)).toEqual(Array.from({ length: 2 + writers * perWriter }, (_, i) => i + 2))
      expect(new Set(received.map((e) => e.eventId)).size).toBe(received.length)
    }, timeout)

    test("large payloads, unicode and integers beyond 2^53 survive a round trip", async () => {
      const Payload = Schema.Struct({ big: Schema.BigIntFromString, text: Schema.String, blob: Schema.String, safe: Schema.Number })
      const payload = {
        big: 2n ** 64n + 1n,
        text: "Grüße, 世界 🌍 — עברית ‮ \u0000 \"quoted\" \\ \n\t",
        blob: "x".repeat(4 * 1024 * 1024),
        safe: Number.MAX_SAFE_INTEGER
      }
      const read = await run(Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("payloads", [event("Big", Schema.encodeSync(Payload)(payload), { actor: "ünïcødé 👩‍💻" })])
        return (yield* store.readStream("payloads"))[0]!
      }))
      expect(Schema.decodeUnknownSync(Payload)(read.data)).toEqual(payload)
      expect(read.metadata.actor).toBe("ünïcødé 👩‍💻")
    }, timeout)

    test("a fenced store refuses every append until unfenced", async () => {
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        const log = yield* LogOperations
        yield* store.append("s", events(1))
        const fence = yield* log.fence("moving to postgres")
        const refused = yield* Effect.flip(store.append("s", events(1)))
        const refusedExact = yield* Effect.flip(store.append("s", events(1), ExpectedVersion.exact(1)))
        const state = yield* log.fenceState
        yield* log.unfence
        const after = yield* store.append("s", events(1), ExpectedVersion.exact(1))
        return { fence, refused, refusedExact, state, after, head: yield* store.head }
      }))
      expect(result.fence.reason).toBe("moving to postgres")
      expect(result.refused).toMatchObject({ _tag: "StoreFenced", reason: "moving to postgres" })
      expect(result.refusedExact._tag).toBe("StoreFenced")
      expect(result.state).toEqual(result.fence)
      expect(result.after).toMatchObject({ version: 2, firstPosition: 2 })
      expect(result.head).toBe(2)
    }, timeout)

    test("a fence waits for the append in flight and stops the next one", async () => {
      const stall = stallingProjection()
      const result = await run(Effect.gen(function*() {
        const { entered, release } = yield* stall.start
        const store = yield* EventStore
        const log = yield* LogOperations
        const inFlight = yield* Effect.forkChild(store.append("s", [event("Slow")]))
        yield* Deferred.await(entered)
        const fencing = yield* Effect.forkChild(log.fence("cutover"))
        yield* Effect.sleep("50 millis")
        yield* Deferred.succeed(release, undefined)
        const committed = yield* Fiber.join(inFlight)
        yield* Fiber.join(fencing)
        const refused = yield* Effect.flip(store.append("s", events(1)))
        return { committed, refused, head: yield* store.head }
      }), [stall.projection])
      expect(result.committed).toMatchObject({ version: 1 })
      expect(result.refused._tag).toBe("StoreFenced")
      expect(result.head).toBe(1)
    }, timeout)
  })
}

for (const backend of Backends.durable) {
  describe(`event store across processes: ${backend.name}`, () => {
    test("a follower sees what another process appends to the same database", async () => {
      const received = await runWith(backend.layer(), Effect.gen(function*() {
        const store = yield* EventStore
        yield* store.append("mine", events(1))
        const follower = yield* store.follow(0).pipe(Stream.take(3), Stream.runCollect, Effect.forkChild)
        // A second store on the same database: what another instance of the service would be.
        yield* Effect.scoped(Effect.gen(function*() {
          const other = yield* EventStore
          yield* Effect.sleep("150 millis")
          yield* other.append("theirs", events(2))
        }).pipe(Effect.provide(backend.reopen())))
        return yield* Fiber.join(follower).pipe(Effect.timeout("10 seconds"))
      }))
      expect(received.map((e) => [e.position, e.streamId])).toEqual([[1, "mine"], [2, "theirs"], [3, "theirs"]])
    }, timeout)
  })
}
