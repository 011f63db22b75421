import { HttpApiBuilder } from "effect/http-api"
import { Effect } from "effect"
import { rebuildProjection } from "../../application/eventsourcing/rebuildProjection.ts"
import { ProjectionStore } from "../../application/ports/ProjectionStore.ts"
import { StrataApi } from "./Api.ts"
import { requireAdmin } from "./Auth.ts"
import { Problem } from "./Problem.ts"
import { orProblem } from "./toProblem.ts"

/**
 * A projection rebuilt on demand: a fresh generation filled from the log in the background
 * (the old one answers meanwhile), as `strata replay --fresh` does. It writes no event, so
 * the request is its record: the access log has it with its request id, and this logs the
 * rebuild's start and end under the same id.
 */

/** Rebuilds this process started and that are still running: a second request is told so. */
const rebuilding = new Set<string>()

export const ProjectionsLive = HttpApiBuilder.group(StrataApi, "projections", (handlers) =>
  handlers.handle("rebuild", ({ params }) =>
    Effect.gen(function*() {
      yield* requireAdmin
      // The store's projections are the ones this deployment registered (see `ensureProjections`).
      const registered = (yield* (yield* ProjectionStore).status.pipe(orProblem())).map((status) => status.name)
      if (!registered.includes(params.projection)) {
        return yield* Problem.notFound(`no projection named ${params.projection}; registered: ${registered.join(", ")}`)
      }
      if (rebuilding.has(params.projection)) return yield* Problem.conflict(`a rebuild of ${params.projection} is under way`)
      rebuilding.add(params.projection)
      yield* Effect.logInfo(`rebuilding projection ${params.projection} from the log`)
      yield* rebuildProjection(params.projection, { fresh: true }).pipe(
        Effect.tap((done) => Effect.logInfo(`projection ${params.projection} live at generation ${done.generation}, position ${done.checkpoint}`)),
        Effect.tapCause((cause) => Effect.logError(`rebuilding projection ${params.projection} failed`, cause)),
        Effect.ensuring(Effect.sync(() => void rebuilding.delete(params.projection))),
        Effect.forkDetach
      )
      return { name: params.projection, rebuilding: true }
    })))
