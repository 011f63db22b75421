import { describe, expect, test } from "bun:test"
import { Effect, Option, type Scope } from "effect"
import * as Aggregate from "../../../application/eventsourcing/Aggregate.ts"
import { EventStore } from "../../../application/ports/EventStore.ts"
import { SnapshotStore } from "../../../application/ports/SnapshotStore.ts"
import * as Backends from "../../support/backends.ts"
import { event, runWith } from "../../support/run.ts"
import { limit, Tally } from "../../support/Tally.ts"

const timeout = 60_000
const add = (amount: number) => ({ _tag: "Add" as const, amount })

for (const backend of Backends.all) {
  describe(`load → decide → append: ${backend.name}`, () => {
    const run = <A, E>(effect: Effect.Effect<A, E, Backends.Store | Scope.Scope>) => runWith(backend.layer(), effect)

    test("decided events are appended with metadata; the state follows", async () => {
      const result = await run(Effect.gen(function*() {
        yield* Aggregate.handle(Tally, "t1", add(2))
        const second = yield* Aggregate.handle(Tally, "t1", add(3), { metadata: { actor: "ada", correlationId: "req-9" } })
        const stored = yield* (yield* EventStore).readStream("tally-t1")
        return { second, stored, loaded: yield* Aggregate.load(Tally, "t1") }
      }))
      expect(result.second).toMatchObject({ version: 2, state: { total: 5, adds: 2 } })
      expect(result.stored.map((e) => [e.type, e.data])).toEqual([["Added", { amount: 2 }], ["Added", { amount: 3 }]])
      expect(result.stored[1]!.metadata).toEqual({ actor: "ada", correlationId: "req-9" })
      expect(result.loaded).toMatchObject({ state: { total: 5, adds: 2 }, version: 2 })
    }, timeout)

    test("a refusal of the decider is returned typed and writes nothing", async () => {
      const result = await run(Effect.gen(function*() {
        yield* Aggregate.handle(Tally, "t1", add(1_000_000_000))
        const refusal = yield* Effect.flip(Aggregate.handle(Tally, "t1", add(1)))
        return { refusal, version: yield* (yield* EventStore).streamVersion("tally-t1") }
      }))
      expect(result.refusal).toMatchObject({ _tag: "OverLimit", total: 1_000_000_000 })
      expect(result.version).toBe(1)
    }, timeout)

    test("several commands decided in turn on one load: one append, each answered with the state after its own events", async () => {
      const result = await run(Effect.gen(function*() {
        yield* Aggregate.handle(Tally, "t1", add(1))
        const outcomes = yield* Aggregate.handleAll(Tally, "t1", [
          { command: add(2), metadata: { correlationId: "req-a" } },
          { command: add(limit) },
          { command: add(3), metadata: { correlationId: "req-c" } }
        ])
        const stored = yield* (yield* EventStore).readStream("tally-t1")
        return { outcomes, stored }
      }))
      expect(result.outcomes.map((outcome) => outcome._tag)).toEqual(["Success", "Failure", "Success"])
      expect(result.outcomes[0]).toMatchObject({ success: { version: 2, state: { total: 3 } } })
      expect(result.outcomes[1]).toMatchObject({ failure: { _tag: "OverLimit" } })
      expect(result.outcomes[2]).toMatchObject({ success: { version: 3, state: { total: 6 } } })
      // One append: the two events share a recording time and have consecutive positions.
      const [, second, third] = result.stored
      expect(result.stored).toHaveLength(3)
      expect(second!.recordedAt).toBe(third!.recordedAt)
      expect(third!.position).toBe(second!.position + 1)
      expect([second!.metadata, third!.metadata]).toEqual([{ correlationId: "req-a" }, { correlationId: "req-c" }])
    }, timeout)

    test("a stale expected version is a ConcurrencyConflict naming the current one", async () => {
      const error = await run(Effect.gen(function*() {
        yield* Aggregate.handle(Tally, "t1", add(1))
        return yield* Effect.flip(Aggregate.handle(Tally, "t1", add(1), { expectedVersion: 0 }))
      }))
      expect(error).toMatchObject({ _tag: "ConcurrencyConflict", expected: "0", actual: 1 })
    }, timeout)

    test("racing commands: with retries all land; without, the losers get a conflict", async () => {
      const result = await run(Effect.gen(function*() {
        const withRetries = yield* Effect.forEach(
          Array.from({ length: 6 }, () => add(1)),
          (command) => Aggregate.handle(Tally, "retried", command, { retries: 10 }),
          { concurrency: "unbounded" }
        )
        const without = yield* Effect.forEach(
          Array.from({ length: 6 }, () => add(1)),
          (command) => Effect.result(Aggregate.handle(Tally, "strict", command)),
          { concurrency: "unbounded" }
        )
        return {
          retried: (yield* Aggregate.load(Tally, "retried")).state,
          withRetries,
          conflicts: without.filter((outcome) => outcome._tag === "Failure").map((outcome) => outcome.failure._tag),
          strict: (yield* Aggregate.load(Tally, "strict")).state
        }
      }))
      expect(result.retried.total).toBe(6)
      expect(result.strict.total).toBe(6 - result.conflicts.length)
      expect(result.conflicts.every((tag) => tag === "ConcurrencyConflict")).toBe(true)
    }, timeout)

    test("unconditional commands never lose a race, and each is answered with the state after the events before it in the log", async () => {
      const result = await run(Effect.gen(function*() {
        const raced = yield* Effect.forEach(
          Array.from({ length: 8 }, () => add(1)),
          (command) => Aggregate.handle(Tally, "blind", command, { unconditional: true }),
          { concurrency: "unbounded" }
        )
        // The state this process cached is stale once another writer appended: the answer still counts that write.
        yield* (yield* EventStore).append("tally-blind", [event("Added", { amount: 10 })])
        const afterOther = yield* Aggregate.handle(Tally, "blind", add(1), { unconditional: true })
        return { raced, afterOther, loaded: yield* Aggregate.load(Tally, "blind") }
      }))
      expect(result.raced.map(({ state, version }) => [version, state.total]).sort((a, b) => a[0]! - b[0]!))
        .toEqual(Array.from({ length: 8 }, (_, i) => [i + 1, i + 1]))
      expect(result.afterOther).toMatchObject({ version: 10, state: { total: 19, adds: 10 } })
      expect(result.loaded).toMatchObject({ version: 10, state: { total: 19, adds: 10 } })
    }, timeout)

    test("snapshots are taken as the stream grows and loading starts from the latest", async () => {
      const result = await run(Effect.gen(function*() {
        for (let i = 0; i < 120; i++) yield* Aggregate.handle(Tally, "long", add(1))
        const snapshot = yield* (yield* SnapshotStore).load("tally-long", Tally.snapshotRevision)
        return { snapshot, loaded: yield* Aggregate.load(Tally, "long") }
      }))
      expect(Option.getOrThrow(result.snapshot)).toEqual({ version: 100, state: { total: 100, adds: 100 } })
      expect(result.loaded).toEqual({ state: { total: 120, adds: 120 }, version: 120, snapshotVersion: 100 })
    }, timeout)

    test("an event written with an older schema version is upcast before it is decoded", async () => {
      // Version 1 of `Added` called the field `n`; version 2 calls it `amount`.
      const upcasting = {
        ...Tally,
        schemaVersions: { Added: 2 },
        upcast: (recorded: { type: string; schemaVersion: number; data: unknown }) =>
          recorded.type === "Added" && recorded.schemaVersion === 1
            ? { amount: (recorded.data as { n: number }).n }
            : recorded.data
      }
      const result = await run(Effect.gen(function*() {
        yield* (yield* EventStore).append("tally-old", [{ ...event("Added", { n: 7 }), schemaVersion: 1 }])
        yield* Aggregate.handle(upcasting, "old", add(1))
        return {
          loaded: yield* Aggregate.load(upcasting, "old"),
          versions: (yield* (yield* EventStore).readStream("tally-old")).map((e) => e.schemaVersion)
        }
      }))
      expect(result.loaded.state).toEqual({ total: 8, adds: 2 })
      expect(result.versions).toEqual([1, 2])
    }, timeout)
  })
}

for (const backend of Backends.durable) {
  describe(`the state cache across processes: ${backend.name}`, () => {
    test("a state cached by one process and moved on by another costs a reload, never a wrong decision", async () => {
      const result = await runWith(backend.layer(), Effect.gen(function*() {
        yield* Aggregate.handle(Tally, "shared", add(1))
        // Another process takes the tally to its limit; this one's cache still says 1.
        yield* Effect.scoped(Aggregate.handle(Tally, "shared", add(limit - 1)).pipe(Effect.provide(backend.reopen())))
        const refused = yield* Effect.flip(Aggregate.handle(Tally, "shared", add(1)))
        // And a command without retries does not see the stale cache as a conflict.
        yield* Effect.scoped(Aggregate.handle(Tally, "other", add(1)).pipe(Effect.provide(backend.reopen())))
        yield* Aggregate.handle(Tally, "other", add(1))
        yield* Effect.scoped(Aggregate.handle(Tally, "other", add(1)).pipe(Effect.provide(backend.reopen())))
        const strict = yield* Aggregate.handle(Tally, "other", add(1))
        return { refused, total: (yield* Aggregate.load(Tally, "shared")).state.total, strict }
      }))
      expect(result.refused).toMatchObject({ _tag: "OverLimit", total: limit })
      expect(result.total).toBe(limit)
      expect(result.strict).toMatchObject({ version: 4, state: { total: 4 } })
    }, timeout)
  })
}
