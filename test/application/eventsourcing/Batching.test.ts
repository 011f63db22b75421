import { describe, expect, test } from "bun:test"
import { Cause, Deferred, Effect, Exit, Fiber, Scope } from "effect"
import * as Batching from "../../../application/eventsourcing/Batching.ts"

/** Lets the forked fibers run until they wait. */
const settleFibers = Effect.repeat(Effect.yieldNow, { times: 10 })

/** A writer whose first write waits for `release`, recording how writes were grouped. */
const recorder = (options: { readonly groupFails?: boolean; readonly gather?: boolean } = {}) =>
  Effect.gen(function*() {
    const release = yield* Deferred.make<void>()
    const log: Array<string> = []
    const scope = yield* Effect.scope
    const submit = Batching.make<number, number, string, never>({
      alone: (job) =>
        Effect.suspend(() => {
          log.push(`alone ${job}`)
          const wait = job === 0 ? Deferred.await(release) : Effect.void
          return Effect.andThen(wait, job === 13 ? Effect.fail(`refused ${job}`) : Effect.succeed(job * 10))
        }),
      together: (jobs) =>
        Effect.suspend(() => {
          log.push(`together ${jobs.join(",")}`)
          return options.groupFails
            ? Effect.fail("the transaction failed")
            : Effect.succeed(jobs.map((job) => (job === 13 ? Exit.fail(`refused ${job}`) : Exit.succeed(job * 10))))
        })
    }, { maxBatch: 4, scope, gather: options.gather ?? false })
    return { submit, release, log }
  })

describe("batching", () => {
  test("work that finds the worker idle is done alone, at once", async () => {
    const result = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const { log, submit } = yield* recorder()
      return { value: yield* submit(7), log }
    })))
    expect(result).toEqual({ value: 70, log: ["alone 7"] })
  })

  test("work arriving while the worker is busy is taken together, in batches of at most the maximum, in order", async () => {
    const result = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const { log, release, submit } = yield* recorder()
      const first = yield* Effect.forkChild(submit(0))
      yield* Effect.yieldNow
      const rest = yield* Effect.forkChild(Effect.forEach([1, 2, 13, 4, 5, 6], (job) => Effect.result(submit(job)), { concurrency: "unbounded" }))
      yield* settleFibers
      yield* Deferred.succeed(release, undefined)
      return { first: yield* Fiber.await(first), rest: yield* Fiber.await(rest), log }
    })))
    expect(result.log).toEqual(["alone 0", "together 1,2,13,4", "together 5,6"])
    expect(result.first).toEqual(Exit.succeed(0))
    const rest = Exit.isSuccess(result.rest) ? result.rest.value : []
    expect(rest.map((outcome) => (outcome._tag === "Success" ? outcome.success : outcome.failure))).toEqual([10, 20, "refused 13", 40, 50, 60])
  })

  test("when a batch fails as a whole, each piece is tried alone and only the bad one fails", async () => {
    const result = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const { log, release, submit } = yield* recorder({ groupFails: true })
      const first = yield* Effect.forkChild(submit(0))
      yield* Effect.yieldNow
      const rest = yield* Effect.forkChild(Effect.forEach([1, 13, 2], (job) => Effect.result(submit(job)), { concurrency: "unbounded" }))
      yield* settleFibers
      yield* Deferred.succeed(release, undefined)
      yield* Fiber.await(first)
      return { rest: yield* Fiber.await(rest), log }
    })))
    expect(result.log).toEqual(["alone 0", "together 1,13,2", "alone 1", "alone 13", "alone 2"])
    const rest = Exit.isSuccess(result.rest) ? result.rest.value : []
    expect(rest.map((outcome) => (outcome._tag === "Success" ? outcome.success : outcome.failure))).toEqual([10, "refused 13", 20])
  })

  test("with gather, what arrives before the event loop's next turn joins the first piece", async () => {
    const result = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const { log, submit } = yield* recorder({ gather: true })
      const values = yield* Effect.forEach([1, 2, 3], submit, { concurrency: "unbounded" })
      return { values, log }
    })))
    expect(result).toEqual({ values: [10, 20, 30], log: ["together 1,2,3"] })
  })

  test("gathering adapts: after a turn of the loop that brought nobody, work goes alone for a while, then gathering is tried again", async () => {
    const log = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const { log, submit } = yield* recorder({ gather: true })
      yield* submit(1) // gathered, alone: not worth waiting for a while
      yield* Effect.forEach([2, 3, 4], submit, { concurrency: "unbounded" })
      for (let job = 100; job < 100 + 29; job++) yield* submit(job)
      yield* Effect.forEach([40, 41, 42], submit, { concurrency: "unbounded" })
      return log
    })))
    expect(log.slice(0, 4)).toEqual(["alone 1", "alone 2", "alone 3", "alone 4"])
    expect(log[log.length - 1]).toBe("together 40,41,42")
  })

  test("when the worker's scope closes, the work it holds and the work waiting for it are told they were interrupted", async () => {
    const outcomes = await Effect.runPromise(Effect.gen(function*() {
      const scope = yield* Scope.make()
      const release = yield* Deferred.make<void>()
      const stuck = yield* Deferred.make<void>()
      const submit = Batching.make<number, number, never, never>({
        alone: (job) => Effect.as(job === 0 ? Deferred.await(release) : job === 1 ? Deferred.await(stuck) : Effect.void, job),
        together: (jobs) => Effect.succeed(jobs.map(Exit.succeed))
      }, { maxBatch: 1, scope })
      // 0 is done by its own submission, which then hands 1, 2 and 3 to the worker; the worker gets stuck on 1.
      const first = yield* Effect.forkChild(submit(0))
      yield* settleFibers
      const rest = yield* Effect.forkChild(Effect.forEach([1, 2, 3], (job) => Effect.exit(submit(job)), { concurrency: "unbounded" }))
      yield* settleFibers
      yield* Deferred.succeed(release, undefined)
      yield* settleFibers
      yield* Scope.close(scope, Exit.void)
      return [yield* Fiber.await(first), ...(yield* Fiber.join(rest))]
    }))
    expect(outcomes[0]).toEqual(Exit.succeed(0))
    expect(outcomes.slice(1).map((exit) => Exit.isFailure(exit) && Cause.hasInterrupts(exit.cause))).toEqual([true, true, true])
  })
})
