import { Effect } from "effect"
import { isFencedForGood } from "../../application/ports/StoreError.ts"
import { Problem } from "./Problem.ts"

/** Any error of the application: tagged, with a message that is safe to show. */
export interface Tagged {
  readonly _tag: string
  readonly message: string
}

export interface ProblemContext {
  /** The write named a version with If-Match: a conflict is then a failed precondition (412). */
  readonly ifMatch?: boolean
}

const problemTags = new Set([
  "BadRequest",
  "Unauthorized",
  "Forbidden",
  "NotFound",
  "Conflict",
  "Gone",
  "PreconditionFailed",
  "UnprocessableContent",
  "PreconditionRequired",
  "TooManyRequests",
  "InternalError",
  "Unavailable"
])

/** The one place that decides which status an application error is. */
export const toProblem = (error: Tagged, context: ProblemContext = {}) => {
  const fields = error as unknown as Record<string, unknown>
  switch (error._tag) {
    case "ConcurrencyConflict":
      return context.ifMatch
        ? Problem.preconditionFailed(error.message, { currentVersion: fields.actual as number })
        : Problem.conflict(error.message, { currentVersion: fields.actual as number })
    case "IllegalTransition":
      return Problem.conflict(error.message, { currentState: fields.current as string })
    case "ApiKeyExists":
    case "SandboxExists":
    case "SessionExists":
    case "DuplicateEventId":
    case "SessionIsArchived":
    case "CutoverRefused":
    case "CutoverFailed":
      return Problem.conflict(error.message)
    case "TokenNotFound":
    case "ApiKeyNotFound":
    case "SandboxNotFound":
    case "SessionNotFound":
    case "MessageNotFound":
    case "CredentialNotFound":
    case "ReferenceDataMissing":
      return Problem.notFound(error.message)
    case "InvalidToken":
    case "InvalidApiKey":
    case "InvalidSandbox":
    case "InvalidSession":
    case "InvalidCredential":
    case "InvalidEvent":
      return Problem.badRequest(error.message)
    case "NotAllowed":
    case "ApiKeyExpired":
    case "KeyChangeForbidden":
      return Problem.forbidden(error.message)
    case "QuotaExceeded": {
      const resetsAt = fields.resetsAt as number
      return Problem.tooManyRequests(error.message, {
        remainingTokens: fields.remainingTokens as number,
        resetsAt: new Date(resetsAt).toISOString(),
        retryAfter: Math.max(1, Math.ceil((resetsAt - Date.now()) / 1000))
      })
    }
    case "IdempotencyKeyReused":
      return Problem.unprocessableContent(error.message)
    case "SecretShredded":
      return Problem.gone(error.message)
    case "StoreUnavailable":
    case "ProjectionNotReady":
      return Problem.unavailable(error.message, { retryAfter: 5 })
    case "StoreFenced":
      // A switch fences the log for well under a second: a client told to wait longer would
      // stall past it. Only a store fenced for good may send clients away for longer.
      return isFencedForGood(fields.reason as string)
        ? Problem.unavailable(`${error.message}; this instance no longer takes writes`, { retryAfter: 30 })
        : Problem.unavailable(`${error.message}; writes resume in a moment`, { retryAfter: 1 })
    default:
      if (problemTags.has(error._tag)) return error as ReturnType<typeof Problem.internal>
      return Problem.internal("strata failed to handle the request")
  }
}

/** Maps an effect's failures to problems. */
export const orProblem = (context: ProblemContext = {}) => <A, E extends Tagged, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.mapError(effect, (error) => toProblem(error, context))
