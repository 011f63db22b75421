import { describe, expect, test } from "bun:test"
import { Effect, Fiber, Redacted, Stream } from "effect"
import * as ApiKeys from "../../application/features/ApiKeys.ts"
import * as Tokens from "../../application/features/Tokens.ts"
import * as Aggregate from "../../application/eventsourcing/Aggregate.ts"
import type { CommandMetadata } from "../../application/eventsourcing/Idempotency.ts"
import * as LogChain from "../../application/eventsourcing/LogChain.ts"
import * as LogDigest from "../../application/eventsourcing/LogDigest.ts"
import { InlineProjections } from "../../application/eventsourcing/Projection.ts"
import { projections } from "../../main.ts"
import { verifyProjections } from "../../application/eventsourcing/verifyProjections.ts"
import { EventStore, ExpectedVersion, type RecordedEvent } from "../../application/ports/EventStore.ts"
import { LogCompaction } from "../../application/ports/LogCompaction.ts"
import { LogOperations } from "../../application/ports/LogOperations.ts"
import { compactLog } from "../../application/retention/compactLog.ts"
import * as Retention from "../../application/retention/Retention.ts"
import * as Backends from "../support/backends.ts"
import { appLayer } from "../support/app.ts"
import { event, runWith } from "../support/run.ts"

/**
 * A compacted log keeps every promise of the log: the states and read models it gives,
 * its copies and their digests, resends of recent requests, readers following it, and the
 * audit's record of what left. Run against every backend.
 */

const timeout = 120_000
const counted = { enforceQuota: false }

const idempotent = (key: string): CommandMetadata => ({
  actor: "alice (key k)",
  idempotency: { scope: `test/${key}`, fingerprint: `usage/${key}`, secret: Redacted.make(`secret/${key}`) }
})

/** Time moves on by at least one millisecond: events recorded after it are younger than it. */
const tick = Effect.promise(() => Bun.sleep(3))
const nowIso = Effect.sync(() => new Date().toISOString())

/** Keys with usage before and after a cutoff; a key changed between its usages. */
const gateway = Effect.gen(function*() {
  const keys = yield* Effect.forEach([1, 2, 3], (index) =>
    ApiKeys.create("alice", { name: `k${index}`, model: null, tokenLimitPer5h: 1_000_000, expiresAt: null }))
  for (let round = 0; round < 30; round++) {
    for (const { keyId } of keys) yield* ApiKeys.recordUsage(keyId, round + 1, counted)
    if (round === 10) yield* ApiKeys.update("alice", keys[0]!.keyId, { name: "renamed" })
  }
  yield* tick
  const before = yield* nowIso
  yield* tick
  for (const { keyId } of keys) yield* ApiKeys.recordUsage(keyId, 5, { ...counted, metadata: idempotent(keyId) })
  return { keys: keys.map((key) => key.keyId), before }
})

const everything = (keys: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    const store = yield* EventStore
    return {
      stats: yield* Effect.forEach(keys, (keyId) => ApiKeys.stats("alice", keyId)),
      states: yield* Effect.forEach(keys, (keyId) => Effect.map(Aggregate.load(ApiKeys.ApiKeyAggregate, keyId), (loaded) => loaded.state)),
      versions: yield* Effect.forEach(keys, (keyId) => store.streamVersion(`apikey-${keyId}`))
    }
  })

const wholeLog = Effect.gen(function*() {
  const store = yield* EventStore
  const events: Array<RecordedEvent> = []
  yield* LogDigest.eachPage(yield* store.head, (page) => Effect.sync(() => events.push(...page)))
  return events
})

for (const backend of Backends.all) {
  describe(`compaction contract: ${backend.name}`, () => {
    const run = <A, E>(effect: Effect.Effect<A, E, any>) => runWith(appLayer(backend), effect as Effect.Effect<A, E, never>)

    test("usage folds away; every state, stat, stream version and read model stays as it was", async () => {
      const result = await run(Effect.gen(function*() {
        const { keys, before } = yield* gateway
        const was = yield* everything(keys)
        const eventsBefore = (yield* wholeLog).length
        const headBefore = yield* Effect.flatMap(EventStore, (store) => store.head)
        const compacted = yield* compactLog(ApiKeys.usageRetention, { before, pageSize: 25, removedPerTransaction: 7 })
        const log = yield* wholeLog
        const checks = yield* Effect.provideService(verifyProjections, InlineProjections, projections)
        return { was, now: yield* everything(keys), compacted, eventsBefore, headBefore, log, checks, keys }
      }))
      expect(result.now).toEqual(result.was)
      // Nothing moved but for the audit's record, appended at the head.
      expect(result.log.at(-1)!.position).toBe(result.headBefore + 1)
      expect(result.compacted).toMatchObject({ kind: "usage", streams: 3, removed: 90, archive: [] })
      // 90 usages left; 3 summaries stand at the last place of each key's, and the audit adds one.
      expect(result.log.length).toBe(result.eventsBefore - 90 + 3 + 1)
      const summaries = result.log.filter((event) => event.type === "UsageFolded")
      expect(summaries).toHaveLength(3)
      expect(summaries.map((event) => event.metadata.actor)).toEqual(["compaction", "compaction", "compaction"])
      expect(result.checks.every((check) => check.differing.length === 0)).toBe(true)
      const audit = result.log.filter((event) => event.streamId === Retention.auditStream)
      expect(audit.map((event) => [event.type, event.data])).toEqual([[
        "LogCompacted",
        { kind: "usage", before: expect.any(String), upTo: expect.any(Number), streams: 3, removed: 90, archive: [] }
      ]])
    }, timeout)

    test("a second run finds nothing to fold; a later cutoff folds the summaries with what came after", async () => {
      const result = await run(Effect.gen(function*() {
        const { keys, before } = yield* gateway
        const first = yield* compactLog(ApiKeys.usageRetention, { before })
        const again = yield* compactLog(ApiKeys.usageRetention, { before })
        const was = yield* everything(keys)
        yield* tick
        const later = yield* compactLog(ApiKeys.usageRetention, { before: yield* nowIso })
        const log = yield* wholeLog
        return { first, again, later, was, now: yield* everything(keys), log }
      }))
      expect(result.first.removed).toBe(90)
      expect(result.again).toMatchObject({ streams: 0, removed: 0 })
      // The summaries of the first run and each key's one recent usage fold into one summary.
      expect(result.later).toMatchObject({ streams: 3, removed: 3 })
      expect(result.now).toEqual(result.was)
      expect(result.log.filter((event) => event.type === "UsageFolded")).toHaveLength(3)
      expect(result.log.filter((event) => event.type === "UsageRecorded")).toHaveLength(0)
    }, timeout)

    test("a run killed midway resumes where it stopped: the next run ends as one run would, nothing folded twice", async () => {
      const result = await run(Effect.gen(function*() {
        const { keys, before } = yield* gateway
        const was = yield* everything(keys)
        const compaction = yield* LogCompaction
        let calls = 0
        // The third transaction never commits: the process died there.
        const dying = { ...compaction, replace: (replacements: Parameters<typeof compaction.replace>[0]) =>
          ++calls === 3 ? Effect.die("killed") : compaction.replace(replacements) }
        const killed = yield* Effect.exit(Effect.provideService(
          compactLog(ApiKeys.usageRetention, { before, pageSize: 20, removedPerTransaction: 5 }), LogCompaction, dying))
        const resumed = yield* compactLog(ApiKeys.usageRetention, { before, pageSize: 20, removedPerTransaction: 5 })
        const log = yield* wholeLog
        return { killed: killed._tag, calls, resumed, was, now: yield* everything(keys), log }
      }))
      expect(result.killed).toBe("Failure")
      expect(result.calls).toBe(3)
      expect(result.now).toEqual(result.was)
      expect(result.log.filter((event) => event.type === "UsageRecorded")).toHaveLength(3)
      expect(result.log.filter((event) => event.type === "UsageFolded")).toHaveLength(3)
    }, timeout)

    test("token refreshes, when an operator asks, fold into the last of them: the token reads back as it was", async () => {
      const result = await run(Effect.gen(function*() {
        const input = (round: number) => ({
          accessToken: Redacted.make(`access-${round}`),
          refreshToken: Redacted.make(`refresh-${round}`),
          expiresIn: 3600,
          obtainmentTimestamp: 1_000 * round,
          scopes: ["chat:read", `round:${round}`]
        })
        let { version } = yield* Tokens.save("alice", "twitch", input(0))
        for (let round = 1; round <= 8; round++) version = (yield* Tokens.refresh("alice", "twitch", version, input(round))).version
        const was = yield* Tokens.get("alice", "twitch")
        yield* tick
        const compacted = yield* compactLog(Tokens.refreshRetention, { before: yield* nowIso })
        const stream = yield* (yield* EventStore).query({ streamPrefix: "token-", after: 0, limit: 100 })
        const now = yield* Tokens.get("alice", "twitch")
        const checks = yield* Effect.provideService(verifyProjections, InlineProjections, projections)
        // The next refresh goes on from the version it read.
        const next = yield* Tokens.refresh("alice", "twitch", was.version, input(9))
        const open = (token: typeof was) => ({ ...token, accessToken: Redacted.value(token.accessToken), refreshToken: Redacted.value(token.refreshToken) })
        return { was: open(was), now: open(now), compacted, stream, checks, next, after: open(yield* Tokens.get("alice", "twitch")) }
      }))
      expect(result.compacted).toMatchObject({ kind: "tokens", streams: 1, removed: 8 })
      expect(result.stream.map((event) => [event.type, event.version])).toEqual([["TokenSaved", 1], ["TokenRefreshed", 9]])
      expect(result.stream[1]!.metadata.actor).toBe("compaction")
      expect(result.checks.every((check) => check.differing.length === 0)).toBe(true)
      expect(result.next.version).toBe(10)
      expect(result.now).toEqual(result.was)
      expect(result.was).toMatchObject({ accessToken: "access-8", refreshToken: "refresh-8", scopes: ["chat:read", "round:8"], version: 9 })
      expect(result.after).toMatchObject({ accessToken: "access-9", version: 10 })
    }, timeout)

    test("a compacted log copies to another store with the same digest and chained digest, and answers alike", async () => {
      const source = await run(Effect.gen(function*() {
        const { keys, before } = yield* gateway
        yield* compactLog(ApiKeys.usageRetention, { before })
        return {
          keys,
          events: yield* wholeLog,
          digest: yield* LogDigest.digest,
          chain: yield* LogChain.digestAt(yield* Effect.flatMap(EventStore, (store) => store.head)),
          answers: yield* everything(keys)
        }
      }))
      // The positions have gaps where events left: a copy keeps them.
      expect(source.events.at(-1)!.position).toBeGreaterThan(source.events.length)
      const copy = await run(Effect.gen(function*() {
        const store = yield* EventStore
        for (let index = 0; index < source.events.length; index += 7) yield* (yield* LogOperations).importEvents(source.events.slice(index, index + 7), { applyProjections: true })
        return {
          digest: yield* LogDigest.digest,
          chain: yield* LogChain.digestAt(yield* store.head),
          answers: yield* everything(source.keys),
          checks: yield* Effect.provideService(verifyProjections, InlineProjections, projections)
        }
      }))
      expect(copy.digest).toEqual(source.digest)
      expect(copy.chain).toEqual(source.chain)
      expect(copy.answers).toEqual(source.answers)
      expect(copy.checks.every((check) => check.differing.length === 0)).toBe(true)
    }, timeout)

    test("a resend of a recent request is answered as its original; new usage goes on from the summary", async () => {
      const result = await run(Effect.gen(function*() {
        const { keys, before } = yield* gateway
        yield* compactLog(ApiKeys.usageRetention, { before })
        const resent = yield* ApiKeys.recordUsage(keys[0]!, 5, { ...counted, metadata: idempotent(keys[0]!) })
        const fresh = yield* ApiKeys.recordUsage(keys[0]!, 1, counted)
        return { resent, fresh }
      }))
      // 3 × (1 + … + 30) + 5 before compaction; the resend adds nothing, the new usage 1.
      expect(result.resent.lifetimeTokens).toBe(465 + 5)
      expect(result.fresh.lifetimeTokens).toBe(465 + 5 + 1)
      expect(result.fresh.version).toBe(result.resent.version + 1)
    }, timeout)

    test("an append at a stale version is refused though the version after it left the log", async () => {
      const result = await run(Effect.gen(function*() {
        const { keyId } = yield* ApiKeys.create("alice", { name: "k", model: null, tokenLimitPer5h: 1_000, expiresAt: null })
        yield* ApiKeys.update("alice", keyId, { name: "renamed" })
        for (let index = 0; index < 3; index++) yield* ApiKeys.recordUsage(keyId, 1, counted)
        yield* tick
        yield* compactLog(ApiKeys.usageRetention, { before: yield* nowIso })
        const store = yield* EventStore
        const versions = (yield* store.readStream(`apikey-${keyId}`)).map((event) => event.version)
        // Versions 3 and 4 left; 2 is there and 5 (the summary) is the stream's.
        const stale = yield* Effect.flip(store.append(`apikey-${keyId}`, [event("Happened")], ExpectedVersion.exact(2)))
        return { versions, stale, version: yield* store.streamVersion(`apikey-${keyId}`) }
      }))
      expect(result.versions).toEqual([1, 2, 5])
      expect(result.stale._tag).toBe("ConcurrencyConflict")
      expect(result.version).toBe(5)
    }, timeout)

    test("a stream whose first event left the log is read, audited and appended to by its name as before", async () => {
      const result = await run(Effect.gen(function*() {
        const store = yield* EventStore
        const stream = "ledger-first-gone"
        yield* store.append("ledger-other", [event("Happened")], ExpectedVersion.noStream)
        yield* store.append(stream, [event("Opened"), event("Happened"), event("Happened")], ExpectedVersion.noStream)
        const [first, second, third] = yield* store.readStream(stream)
        // No kind folds a stream's first event today; the log keeps its promises if one does.
        const replaced = yield* Effect.flatMap(LogCompaction, (compaction) =>
          compaction.replace([{
            streamId: stream,
            removed: [first!, second!].map(({ position, eventId }) => ({ position, eventId })),
            replaced: { position: third!.position, eventId: third!.eventId },
            summary: { eventId: crypto.randomUUID(), type: "Summarised", schemaVersion: 1, data: "{}", metadata: { actor: "compaction" } }
          }]))
        const appended = yield* store.append(stream, [event("Happened")], ExpectedVersion.exact(3))
        const fresh = yield* store.append("ledger-after", [event("Happened")], ExpectedVersion.noStream)
        return {
          replaced,
          appended,
          fresh: fresh.version,
          versions: (yield* store.readStream(stream)).map((recorded) => [recorded.version, recorded.type]),
          version: yield* store.streamVersion(stream),
          named: (yield* wholeLog).map((recorded) => recorded.streamId),
          audited: (yield* store.query({ streamPrefix: "ledger-first", after: 0, limit: 10 })).map((recorded) => recorded.version),
          other: (yield* store.readStream("ledger-other")).length
        }
      }))
      expect(result.replaced).toBe(true)
      expect(result.appended).toMatchObject({ version: 4 })
      expect(result.fresh).toBe(1)
      expect(result.versions).toEqual([[3, "Summarised"], [4, "Happened"]])
      expect(result.version).toBe(4)
      expect(result.named).toEqual(["ledger-other", "ledger-first-gone", "ledger-first-gone", "ledger-after"])
      expect(result.audited).toEqual([3, 4])
      expect(result.other).toBe(1)
    }, timeout)

    test("writes beside a compaction are neither refused nor lost, and a reader following the log sees each once", async () => {
      const result = await run(Effect.gen(function*() {
        const { keys, before } = yield* gateway
        const store = yield* EventStore
        const from = yield* store.head
        const reader = yield* store.follow(from).pipe(Stream.filter((event) => event.type === "UsageRecorded"), Stream.take(3 * 40), Stream.runCollect, Effect.forkChild)
        const writers = yield* Effect.forEach(keys, (keyId) =>
          Effect.forkChild(Effect.forEach(Array.from({ length: 40 }, (_, index) => index), () => ApiKeys.recordUsage(keyId, 1, counted))))
        const compacted = yield* compactLog(ApiKeys.usageRetention, { before, pageSize: 10, removedPerTransaction: 3 })
        yield* Effect.forEach(writers, Fiber.join)
        const followed = yield* Fiber.join(reader)
        return { compacted, followed: [...followed], stats: yield* Effect.forEach(keys, (keyId) => ApiKeys.stats("alice", keyId)) }
      }))
      expect(result.compacted.removed).toBe(90)
      expect(result.followed.map((event) => event.type)).toEqual(Array(120).fill("UsageRecorded"))
      expect(new Set(result.followed.map((event) => event.position)).size).toBe(120)
      expect(result.stats.map((stats) => stats.lifetimeTokens)).toEqual([470 + 40, 470 + 40, 470 + 40])
    }, timeout)
  })
}
