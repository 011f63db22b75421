import { setPriority } from "node:os"
import { Config, Console, Duration, Effect, Layer, Option, Schedule, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import * as ApiKeys from "../../application/features/ApiKeys.ts"
import * as Tokens from "../../application/features/Tokens.ts"
import { EventStore } from "../../application/ports/EventStore.ts"
import { applyRetention } from "../../application/retention/applyRetention.ts"
import * as Retention from "../../application/retention/Retention.ts"
import * as DatabaseUrl from "../DatabaseUrl.ts"
import * as ArchiveFiles from "./ArchiveFiles.ts"
import type { Wiring } from "./Operations.ts"
import * as Progress from "./Progress.ts"

/**
 * Retention from the outside: `strata compact`, and the schedule a server runs. What each
 * kind keeps comes from `--retain` or `STRATA_RETAIN` (`usage=30 days`; `forever` keeps a
 * kind whole), defaulting to `Retention.defaultPolicy`; `--archive` / `STRATA_ARCHIVE_DIR`
 * keeps what leaves the log in files first.
 */

/** Every kind that can fold away. */
export const foldables: ReadonlyArray<Retention.Foldable> = [ApiKeys.usageRetention, Tokens.refreshRetention]

export class RetentionInvalid extends Schema.TaggedError<RetentionInvalid>()("RetentionInvalid", { reason: Schema.String }) {
  override get message() {
    return this.reason
  }
}

const positiveDuration = (text: string) =>
  Option.filter(Duration.fromInput(text as Duration.Input), (duration) => Duration.toMillis(duration) > 0)

/** `usage=30 days,…` over the default policy; `forever` removes a kind from it. */
export const parsePolicy = (text: string): Effect.Effect<Retention.Policy, RetentionInvalid> =>
  Effect.gen(function*() {
    const policy = new Map(Retention.defaultPolicy)
    for (const entry of text.split(",").map((part) => part.trim()).filter((part) => part !== "")) {
      const [kind, duration] = entry.split("=").map((part) => part.trim())
      if (!foldables.some((foldable) => foldable.kind === kind) || duration === undefined) {
        return yield* new RetentionInvalid({
          reason: `retention "${entry}": expected KIND=DURATION with KIND one of ${foldables.map((foldable) => foldable.kind).join(", ")} (e.g. usage=30 days, usage=forever)`
        })
      }
      if (duration === "forever") {
        policy.delete(kind!)
        continue
      }
      const parsed = positiveDuration(duration)
      if (Option.isNone(parsed)) {
        return yield* new RetentionInvalid({ reason: `retention "${entry}": "${duration}" is not a duration (e.g. 30 days, 12 hours)` })
      }
      policy.set(kind!, parsed.value)
    }
    return policy
  })

const describePolicy = (policy: Retention.Policy) =>
  foldables.map((foldable) => {
    const keep = policy.get(foldable.kind)
    return `${foldable.kind}: ${keep === undefined ? "kept forever" : `kept ${Duration.format(keep)}`}`
  }).join("; ")

const describeRun = (done: Retention.Compacted) =>
  done.removed === 0
    ? `${done.kind}: nothing recorded before ${done.before} left to fold`
    : `${done.kind}: ${done.removed.toLocaleString("en")} events recorded before ${done.before} folded away in ${done.streams.toLocaleString("en")} streams, ` +
      `the log compacted up to position ${done.upTo}` + (done.archive.length === 0 ? "; not archived" : `; archived in ${done.archive.length} file(s) beside ${done.archive[0]}`)

const retainConfig = Config.String("STRATA_RETAIN").pipe(Config.withDefault(""))
const archiveConfig = Config.option(Config.String("STRATA_ARCHIVE_DIR"))

const withArchive = <A, E, R>(directory: Option.Option<string>, effect: Effect.Effect<A, E, R>) =>
  Option.match(directory, {
    onNone: () => effect,
    onSome: (dir) => Effect.provide(effect, ArchiveFiles.layer(dir))
  })

/**
 * A compaction is background work: where it shares the machine with serving processes,
 * its CPU time comes after theirs (nice 10). With two cores, a server beside a compaction
 * at the same priority lost its turn to run for up to 27 ms at a time; niced, 5 ms
 * (`scripts/retention-sim.ts`, the event loop's longest stall). The thread that compacts is
 * the one niced (on Linux a priority is a thread's): the threads it starts afterwards — the
 * SQLite store's checkpoints — inherit it. Where the system refuses, it runs as it is.
 */
const asBackgroundWork = Effect.sync(() => {
  try {
    setPriority(10)
  } catch {
    // Not permitted here: the compaction runs at the priority it was started with.
  }
})

export const make = (wiring: Wiring, database: Flag.Flag<string>) => {
  const retain = Flag.String("retain").pipe(
    Flag.withDescription("What each kind keeps: KIND=DURATION[,…] (usage=30 days, usage=forever); default STRATA_RETAIN, then usage=30 days"),
    Flag.optional
  )
  const archive = Flag.String("archive").pipe(
    Flag.withMetavar("dir"),
    Flag.withDescription("Keep the events that leave the log in this directory first (backup format, hash-chained); default STRATA_ARCHIVE_DIR"),
    Flag.optional
  )
  return Command.make("compact", { database, retain, archive }, (options) =>
    Effect.gen(function*() {
      const policy = yield* parsePolicy(Option.getOrElse(options.retain, () => "") || (yield* retainConfig))
      const archiveDir = Option.isSome(options.archive) ? options.archive : yield* archiveConfig
      const url = yield* DatabaseUrl.fromString(options.database)
      yield* asBackgroundWork
      yield* Console.log(describePolicy(policy))
      const done = yield* Effect.scoped(Effect.provide(
        Effect.gen(function*() {
          const head = yield* (yield* EventStore).head
          const progress = Progress.make("compact", head)
          let shown = 0
          const result = yield* withArchive(archiveDir, applyRetention(policy, foldables, {
            onProgress: (upTo) => {
              const advanced = Math.max(0, upTo - shown)
              shown = Math.max(shown, upTo)
              return progress.advance(advanced)
            }
          }))
          yield* progress.finish
          return result
        }),
        wiring.store(url)
      ))
      for (const run of done) yield* Console.log(describeRun(run))
    })).pipe(Command.withDescription(
      "Fold old events away as the retention says (usage into a summary per key), archiving them first if asked; safe beside serving processes, resumable"
    ))
}

export interface CompactionSchedule {
  readonly every: Duration.Duration
  readonly policy: Retention.Policy
  readonly archive: Option.Option<string>
}

/**
 * A server compacts every `STRATA_COMPACT_EVERY` (default 1 hour; `off` for never) as
 * `STRATA_RETAIN` says, archiving to `STRATA_ARCHIVE_DIR` when set.
 */
export const scheduleFromConfig = Effect.gen(function*() {
  const every = yield* Config.String("STRATA_COMPACT_EVERY").pipe(Config.withDefault("1 hour"))
  if (every === "off") return Option.none<CompactionSchedule>()
  const interval = positiveDuration(every)
  if (Option.isNone(interval)) {
    return yield* new RetentionInvalid({ reason: `STRATA_COMPACT_EVERY: "${every}" is not a duration (e.g. 1 hour) nor off` })
  }
  return Option.some<CompactionSchedule>({
    every: interval.value,
    policy: yield* parsePolicy(yield* retainConfig),
    archive: yield* archiveConfig
  })
})

/** One scheduled run, in this process: what a server on `memory:` can only do. */
const compactHere = (schedule: CompactionSchedule) =>
  withArchive(schedule.archive, applyRetention(schedule.policy, foldables)).pipe(
    Effect.tap((done) =>
      Effect.forEach(done.filter((run) => run.removed > 0), (run) =>
        Effect.logInfo("compacted").pipe(Effect.annotateLogs({ kind: run.kind, removed: run.removed, streams: run.streams, upTo: run.upTo }))
      )),
    Effect.catchTag("CompactionRefused", (refused) => Effect.logInfo("compaction skipped", refused.reason))
  )

/**
 * How `strata compact` exits when refused (`CompactionRefused`: another run, a cutover or a
 * fence has the log now): EX_TEMPFAIL, try again later. A schedule skips such a run, and
 * the next interval goes on; any other exit is a failure.
 */
export const refusedExitCode = 75

/**
 * One scheduled run as `strata compact` in a process of its own, on the server's database:
 * an embedded database's reads hold the event loop of the process that makes them, and
 * the server's requests must not wait behind a compaction's — in another process, a write
 * waits at most for one of its small transactions. Stopping the server stops the run
 * (it resumes at the next one).
 */
const compactInChild = (database: string) =>
  Effect.gen(function*() {
    const child = yield* Effect.acquireRelease(
      Effect.sync(() =>
        Bun.spawn([process.execPath, process.argv[1]!, "compact"], {
          // The URL travels in the environment, never in a command line others can read.
          env: { ...process.env, STRATA_DATABASE_URL: database },
          stdin: "ignore",
          stdout: "pipe",
          stderr: "pipe"
        })
      ),
      (child) => Effect.sync(() => child.exitCode === null && child.kill("SIGTERM"))
    )
    const [code, out, err] = yield* Effect.promise(() =>
      Promise.all([child.exited, new Response(child.stdout).text(), new Response(child.stderr).text()])
    )
    // The progress lines are for a terminal; what a run did, or why it did not, is logged.
    const failure = err.split("\n").find((line) => line.startsWith("strata: "))
    if (code === 0) {
      for (const line of out.split("\n").filter((line) => line.includes(" folded away "))) yield* Effect.logInfo("compacted", line)
    } else if (code === refusedExitCode) {
      yield* Effect.logInfo("compaction skipped", failure?.slice("strata: ".length) ?? "refused")
    } else {
      yield* Effect.logError("scheduled compaction failed", failure?.slice("strata: ".length) ?? `strata compact exited with ${code}`)
    }
  }).pipe(Effect.scoped)

/**
 * Compaction while serving, every interval (the first a minute after start, or sooner).
 * Several servers may run it: a run that finds another one at work stops, and the next
 * interval goes on where the log was left.
 */
export const scheduleLayer = (schedule: CompactionSchedule, database: DatabaseUrl.DatabaseUrl, raw: string) =>
  Layer.effectDiscard(
    Effect.forkScoped(
      (database._tag === "Memory" ? compactHere(schedule) : compactInChild(raw)).pipe(
        Effect.catchCause((cause) => Effect.logError("scheduled compaction failed", cause)),
        Effect.repeat(Schedule.spaced(schedule.every)),
        Effect.delay(Duration.min(schedule.every, Duration.minutes(1)))
      )
    )
  )
