import { BunContext, BunRuntime } from "@effect/platform-bun"
import { Command } from "@effect/cli"
import { Effect, Layer } from "effect"
import { InlineProjections, type Projection } from "./application/Projection.ts"
import type { Store } from "./application/Store.ts"
import * as ApiKeys from "./application/ApiKeys.ts"
import * as Sandboxes from "./application/Sandboxes.ts"
import * as Sessions from "./application/Sessions.ts"
import * as Tokens from "./application/Tokens.ts"
import * as Cli from "./adapters/cli/Cli.ts"
import type { DatabaseUrl } from "./adapters/DatabaseUrl.ts"
import * as LibsqlStore from "./adapters/libsql/LibsqlStore.ts"
import * as MemoryStore from "./adapters/memory/MemoryStore.ts"
import * as PostgresStore from "./adapters/postgres/PostgresStore.ts"
import * as SqliteStore from "./adapters/sqlite/SqliteStore.ts"

/**
 * The composition root: the one place that picks concrete layers. Everything else
 * depends on ports (`application/`) and receives these layers from here.
 */

/** The inline projections of this deployment. */
export const projections: ReadonlyArray<Projection> = [
  Tokens.projection,
  ApiKeys.projection,
  Sandboxes.projection,
  Sandboxes.referenceDataProjection,
  Sessions.projection
]

export const storeLayer = (url: DatabaseUrl): Layer.Layer<Store, unknown> => {
  const backend = (() => {
    switch (url._tag) {
      case "Sqlite":
        return SqliteStore.layer({ filename: url.filename })
      case "Postgres":
        return PostgresStore.layer({ url: url.url })
      case "Libsql":
        return LibsqlStore.layer({ url: url.url })
      case "Memory":
        return MemoryStore.layer
    }
  })()
  return backend.pipe(Layer.provide(Layer.succeed(InlineProjections, projections)))
}

if (import.meta.main) {
  const cli = Command.run(Cli.make(storeLayer), { name: "strata", version: "0.1.0" })
  cli(process.argv).pipe(
    Effect.catchAll((error) => Effect.flatMap(Cli.reportFailure(error), (code) => Effect.sync(() => process.exit(code)))),
    Effect.provide(BunContext.layer),
    BunRuntime.runMain({ disableErrorReporting: true })
  )
}
