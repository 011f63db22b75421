import { createHash } from "node:crypto"
import { mkdirSync, readdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import { Effect, Layer } from "effect"
import { ArchiveFailed, EventArchive } from "../../application/ports/EventArchive.ts"
import type { RecordedEvent } from "../../application/ports/EventStore.ts"
import * as LogDigest from "../../application/eventsourcing/LogDigest.ts"
import * as BackupFile from "./BackupFile.ts"

/**
 * An archive is a directory of segments, one per compaction page: files in the backup's
 * format (`BackupFile`), without data keys (a kind that folds away holds no secrets), named
 * by kind and by the positions of their first and last event, so that names sort as the
 * log does. Each segment's header chains it to the segment of its kind before it — a
 * segment removed, changed or reordered is found by `read`.
 */

const prefix = "strata-archive-"
const suffix = ".backup.gz"
const digits = 15

interface Segment {
  readonly file: string
  readonly kind: string
  readonly first: number
  readonly last: number
}

const segmentName = (kind: string, first: number, last: number) =>
  `${prefix}${kind}-${String(first).padStart(digits, "0")}-${String(last).padStart(digits, "0")}${suffix}`

const segmentPattern = new RegExp(`^${prefix}(.+)-(\\d{${digits}})-(\\d{${digits}})${suffix.replace(/\./g, "\\.")}$`)

/** The segments in a directory, in position order. */
export const segments = (directory: string): ReadonlyArray<Segment> =>
  readdirSync(directory).flatMap((name) => {
    const match = segmentPattern.exec(name)
    return match === null ? [] : [{ file: join(directory, name), kind: match[1]!, first: Number(match[2]), last: Number(match[3]) }]
  }).sort((a, b) => a.first - b.first || a.last - b.last)

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")
const chainOf = (previous: string, hash: string) => sha256(`${previous}${hash}`)

/** Keeps a compaction's pages in `directory` (created if missing). */
export const layer = (directory: string) =>
  Layer.succeed(EventArchive, {
    keep: (kind, events) =>
      Effect.gen(function*() {
        const first = events[0]!.position
        const last = events[events.length - 1]!.position
        const failed = (reason: unknown) => new ArchiveFailed({ location: directory, reason: String(reason) })
        const existing = yield* Effect.try({
          try: () => {
            mkdirSync(directory, { recursive: true })
            return segments(directory).filter((segment) => segment.kind === kind)
          },
          catch: failed
        })
        // A run resumed after a kill reads its page again, maybe further: what it kept of it goes.
        const superseded = existing.filter((segment) => segment.first === first)
        const before = existing.filter((segment) => segment.last < first).at(-1)
        const previous = before === undefined
          ? ""
          : (yield* BackupFile.readHeader(before.file).pipe(Effect.mapError((error) => failed(error.message)))).archive?.chain ?? ""
        const file = join(directory, segmentName(kind, first, last))
        const hasher = LogDigest.makeHasher()
        hasher.add(events)
        const digest = hasher.digest()
        const out = BackupFile.writer(file)
        yield* out.write(events)
        yield* out.close(digest, [], { kind, previous, chain: chainOf(previous, digest.hash) })
        for (const segment of superseded) if (segment.file !== file) rmSync(segment.file, { force: true })
        return file
      })
  })

/**
 * The events of an archive one by one, in position order, every segment checked — its
 * content against its header once read to its end, its header against the chain of its
 * kind from the first segment on. Fails naming the first segment that is not what the
 * chain says.
 */
export const cursor = (directory: string) =>
  Effect.gen(function*() {
    const unreadable = (reason: string) => new BackupFile.BackupUnreadable({ file: directory, reason })
    const found = yield* Effect.try({
      try: () => segments(directory),
      catch: (error) => unreadable((error as { code?: unknown }).code === "ENOENT" ? "there is no such directory" : String(error))
    })
    if (found.length === 0) return yield* unreadable("it holds no archive segments (strata-archive-*.backup.gz)")
    const chains = new Map<string, string>()
    let index = -1
    let open: { readonly segment: Segment; readonly file: Effect.Success<ReturnType<typeof BackupFile.read>>; readonly hasher: ReturnType<typeof LogDigest.makeHasher> } | undefined
    let events = 0
    const next: Effect.Effect<RecordedEvent | undefined, BackupFile.BackupUnreadable> = Effect.gen(function*() {
      while (true) {
        if (open !== undefined) {
          const event = yield* open.file.nextEvent
          if (event !== undefined) {
            open.hasher.add([event])
            events++
            return event
          }
          const digest = open.hasher.digest()
          if (digest.hash !== open.file.header.hash || digest.count !== open.file.header.count) {
            return yield* unreadable(`${open.segment.file} does not match its header`)
          }
          open = undefined
        }
        index++
        const segment = found[index]
        if (segment === undefined) return undefined
        const file = yield* BackupFile.read(segment.file, 1)
        const archive = file.header.archive
        const previous = chains.get(segment.kind) ?? ""
        if (archive === undefined || archive.kind !== segment.kind) return yield* unreadable(`${segment.file} is not an archive segment of ${segment.kind}`)
        if (archive.previous !== previous || archive.chain !== chainOf(previous, file.header.hash)) {
          return yield* unreadable(`${segment.file} does not follow the segment before it: a segment is missing, changed or out of order`)
        }
        chains.set(segment.kind, archive.chain)
        open = { segment, file, hasher: LogDigest.makeHasher() }
      }
    })
    return { next, segments: found.length, read: () => events }
  })

/** Every event of an archive, checked as `cursor` checks them, handed over in batches. */
export const read = <E, R>(directory: string, onBatch: (events: ReadonlyArray<RecordedEvent>) => Effect.Effect<void, E, R>) =>
  Effect.gen(function*() {
    const archive = yield* cursor(directory)
    let batch: Array<RecordedEvent> = []
    while (true) {
      const event = yield* archive.next
      if (event !== undefined) batch.push(event)
      if (batch.length === 1_000 || (event === undefined && batch.length > 0)) {
        yield* onBatch(batch)
        batch = []
      }
      if (event === undefined) return { segments: archive.segments, events: archive.read() }
    }
  })
