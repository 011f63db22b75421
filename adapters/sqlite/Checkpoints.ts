import { Duration, Effect, type Scope } from "effect"

/**
 * WAL checkpoints off the event loop. SQLite copies its write-ahead log back into the
 * database file by checkpoints, and left to itself the commit that takes the log past
 * 1,000 pages runs one — on the thread that committed, which in strata is the event loop
 * every request runs on. A checkpoint fsyncs the log and the file: measured here under
 * usage from 50 keys, commits averaged 2.0 ms with them inline and 0.6–0.76 ms without, and
 * a checkpoint run from the loop instead stalled it 90–130 ms.
 *
 * So the writer commits with `wal_autocheckpoint = 0`, and a worker thread with its own
 * connection checkpoints every `interval`, PASSIVE: it waits for no reader and no writer.
 * Writes that never pause would keep a passive round from ever seeing the whole log copied,
 * and the log from ever starting over: past `restartAt` pages a round also copies what was
 * added meanwhile, holding the writer for that last part, and the next commit starts the
 * log from its beginning — its file stays at what is written between rounds. That round
 * never waits for a reader (see `checkpointWorker`): one still in the log leaves the
 * restart to a later round (it waits 10 ms at most). Until the
 * worker is up, and should it die, the writer checkpoints as SQLite does by default. Durability is unchanged: a commit is in
 * the log either way, and several processes on one file each checkpoint (one round waits
 * out another's, or leaves it to the next).
 */
export const interval = Duration.millis(200)

/** The log's size, in pages, past which a round restarts it (16 MiB of 4 KiB pages). */
export const restartAt = 4_000

/** How long the worker may take to open the file before the writer keeps checkpointing itself. */
const startWithin = Duration.seconds(5)

/** How long a stop waits for the worker to close its connection before ending it. */
const stopWithin = Duration.seconds(2)

const defaultAutocheckpoint = 1000

/**
 * Starts the worker for `filename` and turns the writer's own checkpoints off (through
 * `setAutocheckpoint`) once it is up; stops it with the scope, the writer checkpointing again.
 */
export const offTheLoop = (
  filename: string,
  setAutocheckpoint: (pages: number) => void,
  options: { readonly restartAt?: number } = {}
): Effect.Effect<void, never, Scope.Scope> => {
  /** Set once the scope closes: the writer may be closed by then, and is left alone. */
  let stopped = false
  const writerCheckpoints = (pages: number) => {
    if (stopped) return
    try {
      setAutocheckpoint(pages)
    } catch {
      // The writer is closing: nothing is left to checkpoint for.
    }
  }
  return Effect.acquireRelease(
    Effect.callback<Worker | undefined>((resume) => {
      let worker: Worker
      try {
        worker = new Worker(new URL("./checkpointWorker.ts", import.meta.url).href)
      } catch {
        return resume(Effect.succeed(undefined))
      }
      let started = false
      const timer = setTimeout(() => start(false), Duration.toMillis(startWithin))
      const start = (up: boolean) => {
        if (started) return
        started = true
        clearTimeout(timer)
        if (!up) worker.terminate()
        resume(Effect.succeed(up ? worker : undefined))
      }
      worker.onmessage = () => {
        writerCheckpoints(0)
        start(true)
      }
      // Gone, whenever: the writer checkpoints itself again.
      const gone = () => {
        writerCheckpoints(defaultAutocheckpoint)
        start(false)
      }
      worker.addEventListener("error", gone)
      worker.addEventListener("close", gone)
      worker.postMessage({ filename, interval: Duration.toMillis(interval), restartAt: options.restartAt ?? restartAt })
      // A checkpointer does not keep the process alive.
      worker.unref()
    }),
    (worker) =>
      Effect.callback<void>((resume) => {
        writerCheckpoints(defaultAutocheckpoint)
        stopped = true
        if (worker === undefined) return resume(Effect.void)
        const timer = setTimeout(() => worker.terminate(), Duration.toMillis(stopWithin))
        worker.addEventListener("close", () => {
          clearTimeout(timer)
          resume(Effect.void)
        })
        // The worker closes its connection before the writer closes its own.
        worker.postMessage("stop")
      })
  ).pipe(Effect.asVoid)
}
