import { Deferred, Effect, Exit, References, type Scope } from "effect"

/**
 * Work that arrives while the worker is busy waits, and the worker takes it together. Two
 * uses: group commit (appends share one transaction, because a commit costs more than an
 * append) and the usage of one API key (commands decided in turn on one load and appended
 * as one write, because they could only take turns anyway).
 *
 * With no load nothing waits: work that finds the worker idle is done at once, alone, as it
 * would be without this. If a batch fails as a whole, each piece of it is tried again
 * alone, so that one bad piece fails only itself. A submitter interrupted while it waits
 * does not take its work back: like a request whose client went away, it may still be done.
 */
export interface Work<Job, A, E, R> {
  /** One piece, by itself. */
  readonly alone: (job: Job) => Effect.Effect<A, E, R>
  /** Several pieces at once: each one's outcome, in order, or a failure of the whole. */
  readonly together: (jobs: ReadonlyArray<Job>) => Effect.Effect<ReadonlyArray<Exit.Exit<A, E>>, unknown, R>
}

export interface Options {
  /** The most pieces one batch takes. */
  readonly maxBatch: number
  /** Where the worker lives (default: detached, for as long as there is work). */
  readonly scope?: Scope.Scope
  /**
   * Let the event loop take one turn before the first batch, while doing so pays. The
   * runtime finishes each request's synchronous work (a bun:sqlite statement never waits)
   * before it reads the next request, so without this, work only ever meets work of the
   * same request; with it, requests already received join the batch, for the price of one
   * turn of the loop. A turn that brought no company is not waited for again until
   * `probeEvery` more batches have gone by (a caller appending in a loop pays nothing).
   */
  readonly gather?: boolean
}

/** One turn of the event loop: whatever the loop has received runs first. */
const nextTurn = Effect.callback<void>((resume) => {
  const handle = setImmediate(() => resume(Effect.void))
  return Effect.sync(() => clearImmediate(handle))
})

/** See `Options.gather`. */
const probeEvery = 32

interface Pending<Job, A, E> {
  readonly job: Job
  readonly done: Deferred.Deferred<A, E>
}

/**
 * A worker; the function submits a piece and waits for its outcome. The submission that
 * finds the worker idle does the first batch itself (no fiber to start, which is most of
 * the cost when nothing else is going on); what arrives meanwhile is taken by a worker
 * fiber, with the context of that submission: submissions to one worker share a context.
 */
export const make = <Job, A, E, R>(work: Work<Job, A, E, R>, options: Options) => {
  const queue: Array<Pending<Job, A, E>> = []
  let current: ReadonlyArray<Pending<Job, A, E>> = []
  let working = false

  const settle = (batch: ReadonlyArray<Pending<Job, A, E>>): Effect.Effect<ReadonlyArray<Exit.Exit<A, E>>, never, R> =>
    batch.length === 1
      ? Effect.map(Effect.exit(work.alone(batch[0]!.job)), (exit) => [exit])
      : work.together(batch.map((pending) => pending.job)).pipe(
        Effect.catchCause(() => Effect.forEach(batch, (pending) => Effect.exit(work.alone(pending.job))))
      )

  /** One batch: what is queued, up to the maximum, done and told. */
  const step: Effect.Effect<void, never, R> = Effect.suspend(() => {
    const batch = current = queue.splice(0, options.maxBatch)
    return Effect.map(settle(batch), (exits) => {
      batch.forEach((pending, index) => Deferred.doneUnsafe(pending.done, exits[index]!))
      current = []
    })
  })

  const idle = Effect.sync(() => {
    working = false
  })

  const drain: Effect.Effect<void, never, R> = Effect.suspend(() => (queue.length === 0 ? idle : Effect.andThen(step, drain)))

  // Should the worker be interrupted with work waiting, the work is told rather than left hanging.
  const worker = drain.pipe(
    Effect.onInterrupt(() =>
      Effect.sync(() => {
        working = false
        for (const pending of [...current, ...queue.splice(0)]) Deferred.doneUnsafe(pending.done, Exit.interrupt())
      })
    ),
    // It works for whoever submits: it keeps none of the first one's log annotations.
    Effect.provideService(References.CurrentLogAnnotations, {})
  )
  // Started from the uninterruptible first batch, whose status it would otherwise inherit.
  const interruptibleWorker = Effect.interruptible(worker)
  const start = options.scope === undefined ? Effect.forkDetach(interruptibleWorker) : Effect.forkIn(interruptibleWorker, options.scope)

  const handOff = Effect.suspend(() => (queue.length === 0 ? idle : Effect.asVoid(start)))

  // Batches to go before gathering is tried again, after a turn of the loop brought nobody.
  let skipGathering = 0
  const gathered = Effect.andThen(
    nextTurn,
    Effect.suspend(() => {
      skipGathering = queue.length > 1 ? 0 : probeEvery
      return step
    })
  )

  /**
   * The submission that finds the worker idle and does not wait for company does its own
   * work at once, alone, and hands what arrived meanwhile to the worker.
   */
  const alone = (job: Job) =>
    Effect.uninterruptible(Effect.matchCauseEffect(work.alone(job), {
      onFailure: (cause) => Effect.andThen(handOff, Effect.failCause(cause)),
      onSuccess: (value) => Effect.as(handOff, value)
    }))

  /** Otherwise it waits a turn of the loop and does the first batch, its own work among it. */
  const lead = Effect.uninterruptible(Effect.andThen(gathered, handOff))

  /** Queues a piece; the effect waits for its outcome. */
  const enqueue = (job: Job) => {
    const done = Deferred.makeUnsafe<A, E>()
    queue.push({ job, done })
    return Deferred.await(done)
  }

  return (job: Job): Effect.Effect<A, E, R> =>
    Effect.suspend(() => {
      if (working) return enqueue(job)
      working = true
      if (options.gather && skipGathering === 0) return Effect.andThen(lead, enqueue(job))
      if (skipGathering > 0) skipGathering--
      return alone(job)
    })
}
