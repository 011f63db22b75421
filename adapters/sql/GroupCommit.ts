import { Deferred, Effect, Exit, FiberId, type Scope } from "effect"

/**
 * Group commit: writes that arrive while the writer is busy wait, and the writer takes
 * them together, in one transaction. A commit costs more than an append (on SQLite an
 * append to the log touches four B-trees, and every commit writes their pages to the
 * WAL: 47 µs for one append alone, 19 µs each for ten in one transaction), so under
 * concurrent load most of that cost is shared, and with no load nothing waits: a write
 * that finds the writer idle is written at once, alone, as it would be without this.
 *
 * One writer at a time also means the database's own writer lock is never contended from
 * this process. If the transaction of a group fails as a whole, each write of the group is
 * tried again alone, so that one bad write fails only itself.
 */
export interface Writes<Job, A, E> {
  /** One write in its own transaction (or statement). */
  readonly alone: (job: Job) => Effect.Effect<A, E>
  /** Several writes in one transaction; each one's outcome, or a failure of the whole. */
  readonly together: (jobs: ReadonlyArray<Job>) => Effect.Effect<ReadonlyArray<Exit.Exit<A, E>>, unknown>
}

interface Pending<Job, A, E> {
  readonly job: Job
  readonly done: Deferred.Deferred<A, E>
}

/** A writer living in `scope`; the function submits a write and waits for its outcome. */
export const make = <Job, A, E>(scope: Scope.Scope, writes: Writes<Job, A, E>, maxGroup: number) => {
  const queue: Array<Pending<Job, A, E>> = []
  let current: ReadonlyArray<Pending<Job, A, E>> = []
  let writing = false

  const settle = (group: ReadonlyArray<Pending<Job, A, E>>): Effect.Effect<ReadonlyArray<Exit.Exit<A, E>>> =>
    group.length === 1
      ? Effect.map(Effect.exit(writes.alone(group[0]!.job)), (exit) => [exit])
      : writes.together(group.map((pending) => pending.job)).pipe(
        Effect.catchAllCause(() => Effect.forEach(group, (pending) => Effect.exit(writes.alone(pending.job))))
      )

  const drain: Effect.Effect<void> = Effect.suspend(() => {
    const group = current = queue.splice(0, maxGroup)
    if (group.length === 0) {
      writing = false
      return Effect.void
    }
    return Effect.flatMap(settle(group), (exits) => {
      group.forEach((pending, index) => Deferred.unsafeDone(pending.done, exits[index]!))
      return drain
    })
  })

  // Should the scope close with writes waiting, they are told rather than left hanging.
  const writer = drain.pipe(
    Effect.onInterrupt(() =>
      Effect.sync(() => {
        writing = false
        for (const pending of [...current, ...queue.splice(0)]) Deferred.unsafeDone(pending.done, Exit.interrupt(FiberId.none))
      })
    )
  )

  return (job: Job): Effect.Effect<A, E> =>
    Effect.suspend(() => {
      const done = Deferred.unsafeMake<A, E>(FiberId.none)
      queue.push({ job, done })
      if (writing) return Deferred.await(done)
      writing = true
      return Effect.zipRight(Effect.forkIn(writer, scope), Deferred.await(done))
    })
}
