import { hostname } from "node:os"
import { Console, Effect, Layer, Option, Schedule, type Scope } from "effect"
import { Command, Flag } from "effect/cli"
import * as Cutover from "../../application/cutover/Cutover.ts"
import * as CopyRecord from "../../application/cutover/CopyRecord.ts"
import * as CutoverRecord from "../../application/cutover/CutoverRecord.ts"
import { cutoverStatus } from "../../application/cutover/cutoverStatus.ts"
import type { SideContext } from "../../application/cutover/Sides.ts"
import { verifyCopy } from "../../application/cutover/verifyCopy.ts"
import * as ServingStore from "../../application/cutover/ServingStore.ts"
import * as DatabaseUrl from "../DatabaseUrl.ts"
import type { Wiring } from "./Operations.ts"
import { OperationFailed } from "./Operations.ts"
import * as Progress from "./Progress.ts"

/**
 * `strata cutover …`: moving the log of `--database` (the origin, the database every
 * serving process is configured with) to another backend. The steps are the application's
 * (`application/cutover/`, from `Cutover.ts`); this file opens the two databases and speaks to the operator.
 */

const parseUrl = DatabaseUrl.fromString

const format = Flag.Literals("format", ["text", "json"]).pipe(Flag.withDefault("text" as const))

export const make = (wiring: Wiring, database: Flag.Flag<string>) => {
  const side = (raw: string): Effect.Effect<SideContext, unknown, Scope.Scope> =>
    Effect.flatMap(parseUrl(raw), (url) => Layer.build(wiring.storeWithSecrets(url)))

  /** The origin, and the target its record names. */
  const sides = (raw: string) =>
    Effect.gen(function*() {
      const origin = yield* side(raw)
      const recorded = yield* Effect.provide(CutoverRecord.read, origin)
      if (Option.isNone(recorded)) return yield* new OperationFailed({ reason: "no cutover is recorded in this database; run strata cutover start --to URL" })
      const url = yield* Effect.provide(CutoverRecord.targetUrl(recorded.value.record), origin)
      return { origin, target: yield* side(url), record: recorded.value.record }
    })

  const to = Flag.String("to").pipe(Flag.withDescription(`The backend to move to: ${DatabaseUrl.acceptedForms}`))

  const start = Command.make("start", { database, to }, (options) =>
    Effect.scoped(Effect.gen(function*() {
      const targetUrl = DatabaseUrl.shared(yield* parseUrl(options.to)) ?? options.to
      const origin = yield* side(options.database)
      const target = yield* side(targetUrl)
      let progress: ReturnType<typeof Progress.make> | undefined
      const result = yield* Cutover.start({ origin, target }, {
        url: targetUrl,
        label: DatabaseUrl.withoutCredentials(targetUrl),
        onCopyStart: (total) => Effect.sync(() => void (progress = Progress.make("copy", total))),
        onCopied: (count) => progress?.advance(count) ?? Effect.void
      })
      if (progress) yield* progress.finish
      yield* Console.log(
        `cutover ${result.record.id}: ${DatabaseUrl.withoutCredentials(targetUrl)} has caught up at position ${result.head} and is mirrored; ` +
          "serving processes keep the mirror running (or run strata cutover mirror)"
      )
    }))).pipe(Command.withDescription(
      "Copy the log and key ring to another backend, build its projections, and mirror until it has caught up; run again to resume"
    ))

  const status = Command.make("status", { database, format }, (options) =>
    Effect.scoped(Effect.gen(function*() {
      const { origin, target } = yield* sides(options.database)
      const current = yield* cutoverStatus({ origin, target })
      if (options.format === "json") return yield* Console.log(JSON.stringify({ ...current, record: { ...current.record, target: undefined, targetLabel: DatabaseUrl.withoutCredentials(current.record.targetLabel) } }))
      const record = current.record
      yield* Console.log(`cutover ${record.id} to ${DatabaseUrl.withoutCredentials(record.targetLabel)}: ${record.phase} (since ${record.updatedAt})`)
      yield* Console.log(`origin head ${current.originHead}, target head ${current.targetHead}`)
      if (current.copy) {
        const { done, total, perSecond, etaSeconds } = current.copy
        yield* Console.log(`copy: ${done.toLocaleString("en")}/${total.toLocaleString("en")} events (${Math.round(perSecond).toLocaleString("en")}/s, ETA ${etaSeconds}s)`)
      }
      if (current.lag) yield* Console.log(`mirror lag: ${current.lag.events} events, ${current.lag.seconds.toFixed(1)} s`)
      yield* Console.log(current.mirrorHolder === undefined ? "mirror: nobody holds the lease" : `mirror: held by ${current.mirrorHolder}`)
    }))).pipe(Command.withDescription("Phase, copy progress, mirror lag in events and seconds"))

  const verify = Command.make("verify", { database }, (options) =>
    Effect.scoped(Effect.gen(function*() {
      const { origin, target } = yield* sides(options.database)
      const result = yield* verifyCopy({ origin, target })
      yield* Console.log(`origin: ${result.origin.count} events up to ${result.upTo}, chained sha256 ${result.origin.hash}`)
      yield* Console.log(`target: ${result.target.count} events up to ${result.upTo}, chained sha256 ${result.target.hash}`)
      if (!result.identical) {
        return yield* new OperationFailed({ reason: `the logs differ at position ${result.firstDifference}` })
      }
      if (result.filling) return yield* Console.log(`identical up to ${result.upTo}; ${CopyRecord.describeFilling(result.filling)}`)
      if (result.projections === undefined) {
        yield* Console.log(`identical up to ${result.upTo} (heads ${result.originHead} / ${result.targetHead}); the log kept moving, so projections were not compared: verify again when writes pause (a switch verifies the log at its fence, and each side's read models follow from its log: strata verify checks them against a replay)`)
        return
      }
      for (const projection of result.projections ?? []) {
        yield* Console.log(`${projection.name}: ${projection.documents} documents, ${projection.differing.length === 0 ? "equal" : `${projection.differing.length} differ`}`)
      }
      const differing = (result.projections ?? []).find((projection) => projection.differing.length > 0)
      if (differing) {
        return yield* new OperationFailed({ reason: `projection ${differing.name} differs between the two sides (first at key ${differing.differing[0]})` })
      }
      yield* Console.log(`the logs are identical: ${result.origin.count} events`)
    }))).pipe(Command.withDescription("Compare both logs by count and chained hash (kept incrementally) and every projection; name the first difference"))

  const switchCommand = Command.make("switch", { database }, (options) =>
    Effect.scoped(Effect.gen(function*() {
      const { origin, target } = yield* sides(options.database)
      const result = yield* Cutover.switchOver({ origin, target })
      yield* Console.log(`switched to ${DatabaseUrl.withoutCredentials(result.record.targetLabel)} at position ${result.record.fencedAt ?? "?"} (writes paused ${result.pauseMillis} ms); the origin now mirrors it, so rollback stays possible`)
    }))).pipe(Command.withDescription("Fence the origin, drain the mirror, verify, make the target the primary and mirror back; run again to complete an interrupted switch"))

  const rollback = Command.make("rollback", { database }, (options) =>
    Effect.scoped(Effect.gen(function*() {
      const { origin, target } = yield* sides(options.database)
      const record = yield* Cutover.rollback({ origin, target })
      yield* Console.log(record.phase === "aborted"
        ? `cutover ${record.id} dropped; the origin never stopped serving`
        : `rolled back: the origin serves again, up to date; ${DatabaseUrl.withoutCredentials(record.targetLabel)} is a mirror again`)
    }))).pipe(Command.withDescription("Before a switch: drop the target. After: the origin replays what the target received and serves again"))

  const finish = Command.make("finish", { database }, (options) =>
    Effect.scoped(Effect.gen(function*() {
      const { origin, target, record } = yield* sides(options.database)
      const url = yield* Effect.provide(CutoverRecord.targetUrl(record), origin)
      yield* Cutover.finish({ origin, target })
      yield* Console.log(`finished: the old backend stays intact and fenced, and says where the log went. Deploy next with:`)
      // Never the credentials: the operator gave them to \`start\`, and a terminal's output is kept.
      const shown = DatabaseUrl.withoutCredentials(url)
      yield* Console.log(`STRATA_DATABASE_URL=${shown}`)
      if (shown !== url) {
        yield* Console.log("(credentials left out: use those given to strata cutover start; a LibSQL token goes in STRATA_LIBSQL_AUTH_TOKEN)")
      }
    }))).pipe(Command.withDescription("Stop mirroring back; the old backend stays fenced for good; print the URL to deploy next"))

  const abort = Command.make("abort", { database }, (options) =>
    Effect.scoped(Effect.gen(function*() {
      const origin = yield* side(options.database)
      const record = yield* Cutover.abort({ origin })
      yield* Console.log(`cutover ${record.id} to ${DatabaseUrl.withoutCredentials(record.targetLabel)} aborted; the target is left as it is`)
    }))).pipe(Command.withDescription("Before a switch: forget the cutover; the target is left as it is"))

  const mirror = Command.make("mirror", { database }, (options) =>
    Effect.scoped(Effect.gen(function*() {
      const origin = yield* side(options.database)
      const holder = `cutover-mirror@${hostname()}:${process.pid}`
      const { service } = yield* ServingStore.make({ origin, open: side, holder })
      yield* Console.log(`mirroring as ${holder} while the cutover needs it (Ctrl-C to stop)`)
      yield* Effect.gen(function*() {
        const record = service.cutover()
        yield* Console.log(record === undefined
          ? "no cutover under way"
          : `${record.phase}; ${service.mirroring() ? "this process mirrors" : "another process holds the mirror's lease"}`)
      }).pipe(Effect.repeat(Schedule.spaced("5 seconds")), Effect.andThen(Effect.never))
    }))).pipe(Command.withDescription("Run the mirror in the foreground, where no server runs (one mirror at a time, by lease)"))

  return Command.make("cutover").pipe(
    Command.withDescription("Move the log to another backend: start, status, verify, switch, rollback, finish, abort, mirror"),
    Command.withSubcommands([start, status, verify, switchCommand, rollback, finish, abort, mirror])
  )
}

