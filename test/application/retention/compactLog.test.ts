import { expect, test } from "bun:test"
import { Effect } from "effect"
import * as ApiKeys from "../../../application/features/ApiKeys.ts"
import { EventStore } from "../../../application/ports/EventStore.ts"
import { LogCompaction, type LogCompactionService } from "../../../application/ports/LogCompaction.ts"
import { compactLog } from "../../../application/retention/compactLog.ts"
import * as Backends from "../../support/backends.ts"
import { appLayer } from "../../support/app.ts"
import { runWith } from "../../support/run.ts"

/**
 * On a backend with one writer (SQLite, LibSQL) every other process's write waits while a
 * compaction's transaction runs, trying again every millisecond. Back to back, the
 * compaction — ready first — takes the lock again before the waiter's next try, and the
 * waiter may wait through many transactions: between two, the lock is left free longer
 * than a waiter's try, however short the transaction was.
 */

const counted = { enforceQuota: false }

test("a compaction on a one-writer backend leaves the lock free between its transactions for longer than a waiter's try, however short they are", async () => {
  const gaps = await runWith(appLayer(Backends.memory), Effect.gen(function*() {
    // A transaction per key: each key's usage is one replacement, more than a transaction takes.
    for (let key = 0; key < 12; key++) {
      const { keyId } = yield* ApiKeys.create("alice", { name: `k${key}`, model: null, tokenLimitPer5h: 1_000_000, expiresAt: null })
      for (let index = 0; index < 6; index++) yield* ApiKeys.recordUsage(keyId, 1, counted)
    }
    yield* Effect.promise(() => Bun.sleep(3))
    const compaction = yield* LogCompaction
    const calls: Array<{ began: number; ended: number }> = []
    // Transactions that take no time at all: what a millisecond clock reads of most.
    const timed: LogCompactionService = {
      ...compaction,
      oneWriter: true,
      replace: (replacements) =>
        Effect.suspend(() => {
          const began = performance.now()
          return Effect.tap(compaction.replace(replacements), () => Effect.sync(() => calls.push({ began, ended: performance.now() })))
        })
    }
    const compacted = yield* Effect.provideService(
      compactLog(ApiKeys.usageRetention, { before: new Date().toISOString(), pageSize: 100, removedPerTransaction: 5 }),
      LogCompaction,
      timed
    )
    expect(compacted.removed).toBe(12 * 6)
    return calls.slice(1).map((call, index) => call.began - calls[index]!.ended)
  }))
  expect(gaps.length).toBeGreaterThan(5)
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2)
}, 60_000)

/**
 * A hot key gathers thousands of usages in one page of the log, one replacement each: in
 * one transaction, a compaction held SQLite's write lock for 25–45 ms (4 statements of
 * 500 rows), and every write beside it waited that long (the retention simulation, its
 * load's keys). Its fold goes in steps of a transaction each, each step's summary standing
 * for the stream up to there — what the next step folds with the events after it.
 */
test("a stream with more usage to fold than a transaction takes is folded in steps, none larger than a transaction, and keeps its stats", async () => {
  const { before, after, calls, stream } = await runWith(appLayer(Backends.memory), Effect.gen(function*() {
    const { keyId } = yield* ApiKeys.create("alice", { name: "hot", model: null, tokenLimitPer5h: 1_000_000, expiresAt: null })
    for (let index = 0; index < 130; index++) yield* ApiKeys.recordUsage(keyId, index + 1, counted)
    yield* Effect.promise(() => Bun.sleep(3))
    const before = yield* ApiKeys.stats("alice", keyId)
    const compaction = yield* LogCompaction
    const calls: Array<number> = []
    const counting: LogCompactionService = {
      ...compaction,
      replace: (replacements) =>
        Effect.suspend(() => {
          calls.push(replacements.reduce((rows, replacement) => rows + replacement.removed.length + 1, 0))
          return compaction.replace(replacements)
        })
    }
    const compacted = yield* Effect.provideService(
      compactLog(ApiKeys.usageRetention, { before: new Date().toISOString(), removedPerTransaction: 20, rest: 0 }),
      LogCompaction,
      counting
    )
    expect(compacted.removed).toBe(130)
    const store = yield* EventStore
    return { before, after: yield* ApiKeys.stats("alice", keyId), calls, stream: yield* store.readStream(`apikey-${keyId}`) }
  }))
  expect(calls.length).toBeGreaterThanOrEqual(7)
  expect(Math.max(...calls)).toBeLessThanOrEqual(20)
  expect(after).toEqual(before)
  // The key's creation, and one summary standing for all 130 usages.
  expect(stream.map((event) => event.type)).toEqual(["ApiKeyCreated", "UsageFolded"])
  expect(stream[1]!.version).toBe(131)
}, 60_000)
