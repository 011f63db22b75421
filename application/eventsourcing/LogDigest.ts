import { createHash } from "node:crypto"
import { Effect } from "effect"
import { dataJson, EventStore, type RecordedEvent } from "../ports/EventStore.ts"

/**
 * A log's content, independent of the backend holding it: each event as one canonical
 * JSON line (fixed key order; data and metadata exactly as stored), and the SHA-256 of
 * those lines in position order. Two logs with equal digests hold the same events.
 */

export const canonicalLine = (event: RecordedEvent): string =>
  // The data spliced in as text: equal to stringifying the whole envelope, without
  // re-serialising data that was read as text.
  `${
    JSON.stringify({
      position: event.position,
      eventId: event.eventId,
      streamId: event.streamId,
      version: event.version,
      type: event.type,
      schemaVersion: event.schemaVersion
    }).slice(0, -1)
  },"data":${dataJson(event)},"metadata":${JSON.stringify(event.metadata)},"recordedAt":${JSON.stringify(event.recordedAt)}}`

export interface Digest {
  readonly count: number
  /** The position the digest stops at (the head when it was taken). */
  readonly head: number
  readonly hash: string
}

export const pageSize = 1_000

/**
 * Reads the log up to `upTo` in pages, handing each page to `onPage`: a position read
 * once, so the result is consistent even while appends go on past it.
 */
export const eachPage = <E, R>(
  upTo: number,
  onPage: (page: ReadonlyArray<RecordedEvent>) => Effect.Effect<void, E, R>
) =>
  Effect.gen(function*() {
    const store = yield* EventStore
    let after = 0
    while (after < upTo) {
      const page = (yield* store.readAll({ after, limit: pageSize })).filter((event) => event.position <= upTo)
      if (page.length === 0) return
      yield* onPage(page)
      after = page[page.length - 1]!.position
    }
  })

/** A running digest, fed page by page. */
export const makeHasher = () => {
  const hash = createHash("sha256")
  let count = 0
  let head = 0
  return {
    add: (page: ReadonlyArray<RecordedEvent>) => {
      for (const event of page) hash.update(`${canonicalLine(event)}\n`)
      count += page.length
      head = page[page.length - 1]?.position ?? head
    },
    digest: (): Digest => ({ count, head, hash: hash.digest("hex") })
  }
}

/** The digest of the log as it is now. */
export const digest = Effect.gen(function*() {
  const upTo = yield* Effect.flatMap(EventStore, (store) => store.head)
  const hasher = makeHasher()
  yield* eachPage(upTo, (page) => Effect.sync(() => hasher.add(page)))
  return hasher.digest()
})
