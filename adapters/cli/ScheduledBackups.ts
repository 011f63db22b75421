import { mkdirSync, readdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import { Config, Duration, Effect, Layer, Option, Schedule } from "effect"
import * as BackupFile from "./BackupFile.ts"

export interface BackupSchedule {
  readonly every: Duration.Duration
  /** How many backups to keep; older ones are deleted after each new one. */
  readonly keep: number
  readonly directory: string
}

/**
 * `STRATA_BACKUP_EVERY` (e.g. `6 hours`), `STRATA_BACKUP_KEEP` (default 7) and
 * `STRATA_BACKUP_DIR` (default `./backups`); no `STRATA_BACKUP_EVERY`, no schedule.
 */
export const fromConfig = Effect.gen(function*() {
  const every = yield* Config.option(Config.Duration("STRATA_BACKUP_EVERY"))
  if (Option.isNone(every)) return Option.none<BackupSchedule>()
  const keep = yield* Config.Int("STRATA_BACKUP_KEEP").pipe(Config.withDefault(7))
  const directory = yield* Config.String("STRATA_BACKUP_DIR").pipe(Config.withDefault("./backups"))
  return Option.some<BackupSchedule>({ every: every.value, keep, directory })
})

const prefix = "strata-"
const suffix = ".backup.gz"

/**
 * One backup now, named by its time (names sort as times), then the oldest beyond `keep`
 * go. Uninterruptible: a shutdown waits for the backup under way rather than leave it half done.
 */
export const backupOnce = (schedule: BackupSchedule) =>
  Effect.uninterruptible(Effect.gen(function*() {
    mkdirSync(schedule.directory, { recursive: true })
    const file = join(schedule.directory, `${prefix}${new Date().toISOString().replace(/[:.]/g, "-")}${suffix}`)
    const digest = yield* BackupFile.backup(file)
    const backups = readdirSync(schedule.directory).filter((name) => name.startsWith(prefix) && name.endsWith(suffix)).sort()
    for (const old of backups.slice(0, Math.max(0, backups.length - schedule.keep))) rmSync(join(schedule.directory, old))
    yield* Effect.logInfo("scheduled backup written").pipe(Effect.annotateLogs({ file, events: digest.count, head: digest.head }))
  }))

/** Backups while serving; a failed one is logged and the next one comes on schedule. */
export const layer = (schedule: BackupSchedule) =>
  Layer.effectDiscard(
    Effect.forkScoped(
      backupOnce(schedule).pipe(
        Effect.catchCause((cause) => Effect.logError("scheduled backup failed", cause)),
        Effect.repeat(Schedule.spaced(schedule.every)),
        Effect.delay(schedule.every)
      )
    )
  )
