import { closeSync, createReadStream, createWriteStream, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs"
import { createInterface } from "node:readline"
import { createGunzip, createGzip, gzipSync } from "node:zlib"
import { Effect, Schema } from "effect"
import { EventStore, RecordedEvent } from "../../application/ports/EventStore.ts"
import { canonicalLine, type Digest, eachPage, makeHasher } from "../../application/eventsourcing/LogDigest.ts"
import { KeyRing, type WrappedKey } from "../../application/ports/Secrets.ts"

/**
 * The backup format: gzip, one JSON line each. The first line is the header (format
 * version, head, count, content hash, how many data keys follow); then the data keys that
 * open the log's secrets, each as it is stored — wrapped by a master key, never in clear;
 * then every event in the canonical form of `LogDigest`, in position order — the same
 * bytes whichever backend wrote it.
 *
 * The data keys are read once every event is: a secret is sealed before the event that
 * holds it is appended, so every key an event in the file needs is there, and a key
 * destroyed by a forget before that moment is not — an owner forgotten before a backup
 * stays forgotten in it. Format 1 (no data keys) is still read.
 */

export const formatVersion = 2

export const Header = Schema.Struct({
  format: Schema.Literal("strata-backup"),
  formatVersion: Schema.Literals([1, formatVersion]),
  head: Schema.Number,
  count: Schema.Number,
  /** SHA-256 of the event lines, each followed by a newline. */
  hash: Schema.String,
  /** Data key lines after the header (format 2). */
  dataKeys: Schema.optional(Schema.Number),
  /** An archive's segment (see `ArchiveFiles`): the events a compaction took out of the log. */
  archive: Schema.optional(Schema.Struct({
    kind: Schema.String,
    /** The chain of the segment before it; empty for the first. */
    previous: Schema.String,
    /** SHA-256 of `previous` and this segment's hash: a segment removed, changed or put out of order breaks it. */
    chain: Schema.String
  })),
  createdAt: Schema.String
})
export type Header = typeof Header.Type

const DataKeyLine = Schema.Struct({
  dataKey: Schema.Struct({
    keyId: Schema.String,
    owner: Schema.String,
    masterKeyId: Schema.String,
    wrapped: Schema.String,
    createdAt: Schema.String
  })
})

export class BackupUnreadable extends Schema.TaggedError<BackupUnreadable>()("BackupUnreadable", {
  file: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `${this.file} is not a readable strata backup: ${this.reason}`
  }
}

/**
 * Writes the events as they are handed over, then puts the header in front once the
 * digest is known: two gzip members in one file, which gunzip reads as one stream.
 */
export const writer = (file: string) => {
  const body = `${file}.body`
  const gzip = createGzip()
  const out = createWriteStream(body)
  gzip.pipe(out)
  return {
    write: (events: ReadonlyArray<RecordedEvent>) =>
      Effect.callback<void>((resume) => {
        const text = events.map((event) => `${canonicalLine(event)}\n`).join("")
        if (gzip.write(text)) resume(Effect.void)
        else gzip.once("drain", () => resume(Effect.void))
      }),
    close: (digest: Digest, dataKeys: ReadonlyArray<WrappedKey>, archive?: Header["archive"]) =>
      Effect.callback<void>((resume) => {
        out.once("finish", () => {
          const header: Header = {
            format: "strata-backup",
            formatVersion,
            ...digest,
            dataKeys: dataKeys.length,
            ...(archive === undefined ? {} : { archive }),
            createdAt: new Date().toISOString()
          }
          const keyLines = dataKeys.map((dataKey) => `${JSON.stringify({ dataKey } satisfies typeof DataKeyLine.Type)}\n`).join("")
          // Assembled beside, then renamed: a backup file is whole or absent.
          const partial = `${file}.partial`
          writeFileSync(partial, gzipSync(`${JSON.stringify(header)}\n${keyLines}`))
          writeFileSync(partial, readFileSync(body), { flag: "a" })
          // On disk before it is named: an archive's events leave the log once it is.
          const fd = openSync(partial, "r")
          fsyncSync(fd)
          closeSync(fd)
          renameSync(partial, file)
          rmSync(body)
          resume(Effect.void)
        })
        gzip.end()
      })
  }
}

/** Only the header: the first line. */
export const readHeader = (file: string) =>
  Effect.gen(function*() {
    const input = createReadStream(file)
    const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity })
    const unreadable = (reason: string) => new BackupUnreadable({ file, reason })
    const first = yield* Effect.tryPromise({ try: () => lines[Symbol.asyncIterator]().next(), catch: (error) => unreadable(String(error)) }).pipe(
      Effect.ensuring(Effect.sync(() => {
        lines.close()
        input.destroy()
      }))
    )
    if (first.done) return yield* unreadable("it is empty")
    return yield* Effect.try({ try: () => JSON.parse(first.value), catch: () => unreadable("the header is not JSON") }).pipe(
      Effect.flatMap(Schema.decodeUnknownEffect(Header)),
      Effect.mapError((error) => (error._tag === "BackupUnreadable" ? error : unreadable(`bad header: ${error.message}`)))
    )
  })

/** Reads the header and the data keys, then hands the events over in batches. */
export const read = (file: string, batchSize: number) =>
  Effect.gen(function*() {
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })
    const iterator = lines[Symbol.asyncIterator]()
    const unreadable = (reason: string) => new BackupUnreadable({ file, reason })
    const first = yield* Effect.tryPromise({ try: () => iterator.next(), catch: (error) => unreadable(String(error)) })
    if (first.done) return yield* unreadable("it is empty")
    const header = yield* Effect.try({ try: () => JSON.parse(first.value), catch: () => unreadable("the header is not JSON") }).pipe(
      Effect.flatMap(Schema.decodeUnknownEffect(Header)),
      Effect.mapError((error) => (error._tag === "BackupUnreadable" ? error : unreadable(`bad header: ${error.message}`)))
    )
    const decodeKey = Schema.decodeUnknownSync(DataKeyLine)
    const dataKeys: Array<WrappedKey> = []
    for (let index = 0; index < (header.dataKeys ?? 0); index++) {
      const next = yield* Effect.tryPromise({ try: () => iterator.next(), catch: (error) => unreadable(String(error)) })
      if (next.done) return yield* unreadable(`it ends before its ${header.dataKeys} data keys`)
      dataKeys.push(yield* Effect.try({ try: () => decodeKey(JSON.parse(next.value)).dataKey, catch: () => unreadable("a data key line is malformed") }))
    }
    const decode = Schema.decodeUnknownSync(RecordedEvent)
    /** The next event, or undefined at the end of the file. */
    const nextEvent = Effect.gen(function*() {
      const next = yield* Effect.tryPromise({ try: () => iterator.next(), catch: (error) => unreadable(String(error)) })
      if (next.done) return undefined
      return yield* Effect.try({ try: () => decode(JSON.parse(next.value)), catch: () => unreadable("an event line is malformed") })
    })
    const batches = <E, R>(onBatch: (events: ReadonlyArray<RecordedEvent>) => Effect.Effect<void, E, R>) =>
      Effect.gen(function*() {
        let batch: Array<RecordedEvent> = []
        while (true) {
          const next = yield* nextEvent
          if (next === undefined) break
          batch.push(next)
          if (batch.length === batchSize) {
            yield* onBatch(batch)
            batch = []
          }
        }
        if (batch.length > 0) yield* onBatch(batch)
      })
    return { header, dataKeys, batches, nextEvent }
  })

/** Writes a backup of the log as it is now, with the data keys its secrets need; `onPage` sees progress. */
export const backup = (file: string, onPage: (count: number) => Effect.Effect<void> = () => Effect.void) =>
  Effect.gen(function*() {
    const head = yield* (yield* EventStore).head
    const out = writer(file)
    const hasher = makeHasher()
    yield* eachPage(head, (page) =>
      Effect.gen(function*() {
        hasher.add(page)
        yield* out.write(page)
        yield* onPage(page.length)
      }))
    const digest = { ...hasher.digest(), head }
    // After the events: see the format's note.
    const dataKeys = yield* (yield* KeyRing).all
    yield* out.close(digest, dataKeys)
    return { ...digest, dataKeys: dataKeys.length }
  })
