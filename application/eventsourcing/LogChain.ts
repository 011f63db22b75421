import { createHash } from "node:crypto"
import { Effect, Option, Result, Schema } from "effect"
import { ControlRecords } from "../ports/ControlRecords.ts"
import { EventStore, type RecordedEvent } from "../ports/EventStore.ts"
import { type BlockDigest, LogOperations } from "../ports/LogOperations.ts"
import { canonicalLine } from "./LogDigest.ts"

/**
 * A log's content as a chain of blocks, kept beside the log so that it is extended, never
 * recomputed: events never change below the head, so a digest taken once is carried
 * forward by reading only what came after it, and a cutover's verify during mirroring or
 * at its switch reads the tail, not millions of events.
 *
 * A block is the events up to a position that is a multiple of `blockSize`. Its digest is
 * the SHA-256 of its events' canonical lines (see `LogDigest`), each ending in a newline —
 * which a database can compute from its own rows (`LogOperations.blockDigests`) — and the
 * chain links each block's digest to the chain before it: `h(b) = sha256(h(b-1) ‖ d(b))`.
 * The digest at any position links the open block so far the same way, so two logs
 * holding the same events have the same digest at every position, whatever checkpoints
 * each kept. Only whole blocks are kept.
 */

export const blockSize = 1_000

export interface Checkpoint {
  /** The last event covered. */
  readonly position: number
  readonly count: number
  /** Hex SHA-256; empty for the empty log. */
  readonly hash: string
}

const empty: Checkpoint = { position: 0, count: 0, hash: "" }

/** Versioned with the block size: a checkpoint of another definition is not read as this one. */
export const recordName = `log-chain/sha256-blocks-${blockSize}`
const CheckpointJson = Schema.fromJsonString(Schema.Struct({ position: Schema.Number, count: Schema.Number, hash: Schema.String }))

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")

/** The position that ends the block `position` is in. */
const blockEnd = (position: number) => Math.ceil(position / blockSize) * blockSize

/**
 * Folds events (or whole blocks a database hashed) in position order onto a checkpoint.
 * A compacted log has gaps, and a block may lack its last position or every position: a
 * block is sealed by its last position or by the first event past it, and an empty block
 * adds nothing — as the database's digests of the same rows do.
 */
export const chainer = (from: Checkpoint) => {
  let sealed = from
  // The open block's lines, hashed in one call when it seals or is read: a hash call per
  // event costs more than the hashing itself.
  let lines = ""
  let openCount = 0
  let last = from.position
  const link = (digest: string) => sha256(`${sealed.hash}${digest}`)
  const seal = () => {
    sealed = { position: blockEnd(last), count: sealed.count + openCount, hash: link(sha256(lines)) }
    lines = ""
    openCount = 0
  }
  return {
    add: (events: ReadonlyArray<RecordedEvent>) => {
      for (const event of events) {
        if (openCount > 0 && event.position > blockEnd(last)) seal()
        lines += `${canonicalLine(event)}\n`
        openCount++
        last = event.position
        if (last % blockSize === 0) seal()
      }
    },
    /** Whole blocks in position order, after what was added; false (and nothing taken) when one is not. */
    addBlocks: (blocks: ReadonlyArray<BlockDigest>) => {
      if (openCount > 0) return false
      let at = sealed.position
      for (const block of blocks) {
        if (block.last % blockSize !== 0 || block.last <= at) return false
        at = block.last
      }
      for (const block of blocks) {
        sealed = { position: block.last, count: sealed.count + block.count, hash: link(block.hash) }
        last = block.last
      }
      return true
    },
    /** The last whole block: what is worth keeping. */
    sealed: () => sealed,
    /** The digest at the last event added. */
    current: (): Checkpoint =>
      openCount === 0 ? sealed : { position: last, count: sealed.count + openCount, hash: link(sha256(lines)) }
  }
}

const pageSize = 10_000

/** What is kept beside this log: the checkpoint, and the record's version for the next write. */
const readKept = (records: ControlRecords["Service"]) =>
  Effect.map(records.get(recordName), (stored) =>
    Option.match(stored, {
      onNone: () => ({ checkpoint: empty, version: 0 }),
      onSome: (record) => ({
        checkpoint: Option.getOrElse(Result.getSuccess(Schema.decodeUnknownResult(CheckpointJson)(record.value)), () => empty),
        version: record.version
      })
    }))

/**
 * This log's chain, extended as the log grows, from the checkpoint kept beside it; the
 * whole blocks it reaches are kept in turn. Held across calls, it reads each event once
 * (a chain kept further than asked for cannot be wound back, so it starts over once).
 */
export const follower = Effect.gen(function*() {
  const store = yield* EventStore
  const operations = yield* LogOperations
  const records = yield* ControlRecords
  let kept = yield* readKept(records)
  let chain: ReturnType<typeof chainer> | undefined
  let position = 0
  const add = (events: ReadonlyArray<RecordedEvent>) => {
    chain!.add(events)
    position = events[events.length - 1]!.position
  }
  const keep = Effect.gen(function*() {
    const sealed = chain!.sealed()
    if (sealed.position <= kept.checkpoint.position) return
    // Losing this race to another writer of the record costs only a longer read later.
    if (yield* records.put(recordName, Schema.encodeSync(CheckpointJson)(sealed), kept.version)) {
      kept = { checkpoint: sealed, version: kept.version + 1 }
    } else {
      kept = yield* readKept(records)
    }
  })
  /**
   * The digest at `upTo` (at most the head). `known` may hand over events already read
   * (in position order): those the chain needs next are taken instead of read again.
   */
  const extendTo = (upTo: number, known: ReadonlyArray<RecordedEvent> = []) =>
    Effect.gen(function*() {
      if (chain === undefined || position > upTo) {
        const from = kept.checkpoint.position <= upTo ? kept.checkpoint : empty
        chain = chainer(from)
        position = from.position
      }
      const next = known.findIndex((event) => event.position === position + 1)
      const taken = next === -1 ? [] : known.slice(next).filter((event) => event.position <= upTo)
      if (taken.length > 0) add(taken)
      // Whole blocks hashed by the database itself, where it can: nothing to read here.
      const wholeUpTo = upTo - (upTo % blockSize)
      while (position < wholeUpTo) {
        const blocks = yield* operations.blockDigests(position, Math.min(wholeUpTo, position + pageSize))
        if (Option.isNone(blocks) || blocks.value.length === 0 || !chain.addBlocks(blocks.value)) break
        position = blocks.value[blocks.value.length - 1]!.last
      }
      while (position < upTo) {
        const page = (yield* store.readAll({ after: position, limit: Math.min(pageSize, upTo - position) }))
          .filter((event) => event.position <= upTo)
        if (page.length === 0) break
        add(page)
      }
      yield* keep
      // Where gaps end the log before `upTo`, the digest is still the one at `upTo`.
      return { ...chain.current(), position: upTo }
    })
  return { extendTo }
})

/**
 * Drops the checkpoint kept beside this log: a compaction changed what it hashed. The next
 * digest reads the log from its beginning (the database hashes its own blocks, where it can).
 */
export const forget = Effect.gen(function*() {
  const records = yield* ControlRecords
  // A writer of the record keeping its own checkpoint meanwhile only delays this by a read.
  for (let attempt = 0; attempt < 10; attempt++) {
    const kept = yield* readKept(records)
    if (kept.version === 0 || kept.checkpoint.position === 0) return
    if (yield* records.put(recordName, Schema.encodeSync(CheckpointJson)(empty), kept.version)) return
  }
})

/** This log's digest at `upTo` (at most its head), from the checkpoint kept beside it. */
export const digestAt = (upTo: number) => Effect.flatMap(follower, (chain) => chain.extendTo(upTo))
