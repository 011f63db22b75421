import { Config, Duration, Effect, Exit, Layer, Schedule, Schema, Scope } from "effect"

/**
 * A server started before its database — an ordinary deploy order: the service and its
 * database started together, or the database restarted beside it — waits for it instead of
 * exiting: the store's layer is built again, with backoff, while the database cannot be
 * reached (`DatabaseUnreachable`: refused, not found, starting up), one log line per
 * attempt, for up to `STRATA_CONNECT_TIMEOUT`. Meanwhile the front door answers `/health`
 * and refuses the rest with 503 (see `HttpServer.layer`). Any other failure (a wrong
 * password, a schema from a newer version) is not waited out: it ends the process at once.
 */

/** How long a server waits for its database at start: `STRATA_CONNECT_TIMEOUT`. */
export const defaultTimeout = Duration.seconds(60)

export const timeoutFromConfig = Config.Duration("STRATA_CONNECT_TIMEOUT").pipe(Config.withDefault(defaultTimeout))

/** Backoff: from 250 ms, doubling, at most 5 s between attempts. */
const backoff = Schedule.min([Schedule.exponential("250 millis"), Schedule.spaced("5 seconds")])

export class DatabaseNotReached extends Schema.TaggedError<DatabaseNotReached>()("DatabaseNotReached", {
  attempts: Schema.Number,
  waited: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `gave up waiting for the database after ${this.attempts} attempts in ${this.waited} (STRATA_CONNECT_TIMEOUT): ${this.reason}`
  }
}

const unreachable = (error: unknown): error is { readonly _tag: "DatabaseUnreachable"; readonly message: string } =>
  typeof error === "object" && error !== null && (error as { _tag?: unknown })._tag === "DatabaseUnreachable"

/**
 * `layer`, built again while its database cannot be reached, for up to `timeout`. Each
 * attempt builds into a scope of its own, closed when it fails, so nothing of a failed
 * attempt (a pool, a client) outlives it.
 */
export const layer = <A, E, R>(layer: Layer.Layer<A, E, R>, timeout: Duration.Duration) =>
  Layer.effectContext(Effect.gen(function*() {
    const scope = yield* Scope.Scope
    const started = Date.now()
    let attempts = 0
    const attempt = Effect.suspend(() => {
      attempts++
      return Effect.flatMap(Scope.fork(scope), (child) =>
        Layer.buildWithScope(layer, child).pipe(Effect.onError((cause) => Scope.close(child, Exit.failCause(cause)))))
    })
    const timeoutMillis = Duration.toMillis(timeout)
    const schedule = backoff.pipe(
      Schedule.upTo({ duration: timeout }),
      // The last wait ends at the bound, not past it; and each attempt says why it failed and when the next one is.
      Schedule.modifyDelay(({ duration, elapsed, input }) => {
        const delay = Duration.millis(Math.max(0, Math.min(Duration.toMillis(duration), timeoutMillis - elapsed)))
        return Effect.as(
          Effect.logWarning(
            `waiting for the database: attempt ${attempts} failed (${(input as { message: string }).message}); next try in ${Duration.format(delay)}`
          ),
          delay
        )
      })
    )
    return yield* attempt.pipe(
      Effect.retry({ schedule, while: unreachable }),
      Effect.catchIf(unreachable, (error) =>
        Effect.fail(
          new DatabaseNotReached({
            attempts,
            waited: Duration.format(Duration.millis(Date.now() - started)),
            reason: (error as { readonly message: string }).message
          })
        ))
    )
  }))
