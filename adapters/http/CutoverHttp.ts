import { HttpApiBuilder } from "effect/http-api"
import { Effect, Option } from "effect"
import * as Cutover from "../../application/cutover/Cutover.ts"
import * as CutoverRecord from "../../application/cutover/CutoverRecord.ts"
import { type CutoverStatus, cutoverStatus } from "../../application/cutover/cutoverStatus.ts"
import type { Sides } from "../../application/cutover/Sides.ts"
import { verifyCopy } from "../../application/cutover/verifyCopy.ts"
import { ServingStore, type ServingStoreService } from "../../application/cutover/ServingStore.ts"
import type * as CutoverPhases from "../../domain/CutoverPhases.ts"
import * as DatabaseUrl from "../DatabaseUrl.ts"
import { StrataApi } from "./Api.ts"
import { requireAdmin } from "./Auth.ts"
import { Problem } from "./Problem.ts"
import { orProblem } from "./toProblem.ts"

/**
 * The cutover over the admin API: the same steps as `strata cutover`, run by the serving
 * process on the sides its `ServingStore` holds. A copy can take minutes, so `start`
 * answers 202 and copies in the background; the other steps answer when done.
 */

const serving = Effect.flatMap(Effect.serviceOption(ServingStore), Option.match({
  onNone: () => Problem.notFound("this server does not follow cutovers (it was not started by strata serve)"),
  onSome: Effect.succeed
}))

/** The target as every process must read it. */
const sharedUrl = (raw: string) =>
  DatabaseUrl.fromString(raw).pipe(
    Effect.catch((invalid) => Problem.badRequest(invalid.message)),
    Effect.flatMap((url) => {
      const shared = DatabaseUrl.shared(url)
      return shared === undefined
        ? Problem.badRequest("an in-memory store cannot be a cutover's target: it is gone with this process")
        : Effect.succeed(shared)
    })
  )

const sidesOf = (service: ServingStoreService) =>
  Effect.gen(function*() {
    yield* service.refresh
    const { origin, target } = service.sides()
    if (target === undefined) return yield* Problem.notFound("no cutover is under way")
    return { origin, target }
  })

const view = (record: CutoverPhases.CutoverRecord, status?: CutoverStatus) => ({
  id: record.id,
  phase: record.phase,
  target: DatabaseUrl.withoutCredentials(record.targetLabel),
  startedAt: record.startedAt,
  updatedAt: record.updatedAt,
  originHead: status?.originHead ?? 0,
  targetHead: status?.targetHead ?? 0,
  ...(status?.copy ? { copy: status.copy } : {}),
  ...(status?.lag ? { lag: status.lag } : {}),
  ...(status?.mirrorHolder ? { mirrorHolder: status.mirrorHolder } : {})
})

const currentView = (service: ServingStoreService) =>
  Effect.gen(function*() {
    const sides = yield* sidesOf(service)
    const status = yield* cutoverStatus(sides).pipe(orProblem())
    return view(status.record, status)
  })

/** Runs a step, then has this process follow the record at once. */
const step = <E extends { readonly _tag: string; readonly message: string }>(
  run: (sides: Sides) => Effect.Effect<unknown, E>
) =>
  Effect.gen(function*() {
    yield* requireAdmin
    const service = yield* serving
    yield* run(yield* sidesOf(service)).pipe(orProblem())
    yield* service.refresh
    return yield* currentView(service)
  })

/** A start under way in this process: a second request joins it rather than racing it. */
let starting = false

export const CutoverLive = HttpApiBuilder.group(StrataApi, "cutover", (handlers) =>
  handlers
    .handle("status", () => Effect.andThen(requireAdmin, Effect.flatMap(serving, currentView)))
    .handle("start", ({ payload }) =>
      Effect.gen(function*() {
        yield* requireAdmin
        const service = yield* serving
        const url = yield* sharedUrl(payload.to)
        const origin = service.sides().origin
        const target = yield* service.open(url).pipe(
          Effect.catch(() => Problem.unavailable(`the target ${DatabaseUrl.withoutCredentials(url)} cannot be opened`, { retryAfter: 5 }))
        )
        // Refusals (another cutover under way, a phase that does not allow it) are answered now, not in the background.
        const recorded = yield* Effect.provide(CutoverRecord.read, origin).pipe(orProblem())
        const phase = Option.getOrUndefined(recorded)?.record.phase
        if (phase !== undefined && phase !== "aborted" && phase !== "copying" && phase !== "mirroring") {
          return yield* Problem.conflict(`a cutover is ${phase}; roll back or finish it first`)
        }
        if (!starting) {
          starting = true
          yield* Cutover.start({ origin, target }, { url, label: DatabaseUrl.withoutCredentials(url) }).pipe(
            Effect.tapCause((cause) => Effect.logError("cutover start failed", cause)),
            Effect.ensuring(Effect.sync(() => void (starting = false))),
            Effect.andThen(service.refresh),
            Effect.forkDetach
          )
        }
        // The record is written at the start of the copy; wait for it briefly so the answer names the cutover.
        for (let attempt = 0; attempt < 50; attempt++) {
          const record = Option.getOrUndefined(yield* Effect.provide(CutoverRecord.read, origin).pipe(orProblem()))
          if (record !== undefined && record.record.phase !== "aborted") {
            const status = yield* cutoverStatus({ origin, target }).pipe(Effect.option)
            return view(record.record, Option.getOrUndefined(status))
          }
          yield* Effect.sleep("20 millis")
        }
        return yield* Problem.unavailable("the cutover did not start; see the server's log", { retryAfter: 1 })
      }))
    .handle("verify", () =>
      Effect.gen(function*() {
        yield* requireAdmin
        const sides = yield* sidesOf(yield* serving)
        const result = yield* verifyCopy(sides).pipe(orProblem())
        return {
          upTo: result.upTo,
          originHead: result.originHead,
          targetHead: result.targetHead,
          identical: result.identical,
          ...(result.firstDifference === undefined ? {} : { firstDifference: result.firstDifference }),
          origin: { count: result.origin.count, hash: result.origin.hash },
          target: { count: result.target.count, hash: result.target.hash },
          ...(result.projections === undefined ? {} : { projections: result.projections })
        }
      }))
    .handle("switch", () =>
      Effect.gen(function*() {
        let pauseMillis: number | undefined
        const view = yield* step((sides) => Effect.tap(Cutover.switchOver(sides), (switched) => Effect.sync(() => void (pauseMillis = switched.pauseMillis))))
        return pauseMillis === undefined ? view : { ...view, pauseMillis }
      }))
    .handle("rollback", () => step(Cutover.rollback))
    .handle("finish", () => step(Cutover.finish))
    .handle("abort", () => step(Cutover.abort)))
