// First, before any Schema is built: Schema's decoders and encoders compiled to plain
// functions (effect's JIT compiler, marked unstable; where it cannot compile, Schema
// interprets as without it). Encoding a sandbox for its answer: 2.4 µs interpreted, 0.7 compiled.
import "effect/schema/SchemaJITCompiler/enable"
// The two modules by their own paths: the package's index loads all of its modules (the Redis
// client, undici, the HTTP server): 10–20 MiB of resident memory a server never uses.
import * as BunRuntime from "@effect/platform-bun/BunRuntime"
import * as BunServices from "@effect/platform-bun/BunServices"
import { hostname } from "node:os"
import { dirname, join } from "node:path"
import { Cause, Effect, Exit, Layer, Schema } from "effect"
import { InlineProjections, type Projection } from "./application/eventsourcing/Projection.ts"
import type { Secrets } from "./application/ports/Secrets.ts"
import * as ServingStore from "./application/cutover/ServingStore.ts"
import type { ServingPorts, Store } from "./application/ports/Store.ts"
import * as ApiKeys from "./application/features/ApiKeys.ts"
import * as Sandboxes from "./application/features/Sandboxes.ts"
import * as Sessions from "./application/features/Sessions.ts"
import * as Tokens from "./application/features/Tokens.ts"
import * as Cli from "./adapters/cli/Cli.ts"
import { AdminToken, adminTokenLayer } from "./adapters/http/Auth.ts"
import * as DatabaseUrls from "./adapters/DatabaseUrl.ts"
import type { DatabaseUrl } from "./adapters/DatabaseUrl.ts"
import * as LibsqlStore from "./adapters/libsql/LibsqlStore.ts"
import * as MemoryStore from "./adapters/memory/MemoryStore.ts"
import * as PostgresStore from "./adapters/postgres/PostgresStore.ts"
import * as AesGcmSecrets from "./adapters/secrets/AesGcmSecrets.ts"
import * as MasterKeys from "./adapters/secrets/MasterKeys.ts"
import * as SqliteStore from "./adapters/sqlite/SqliteStore.ts"
import { postgresDialect } from "./adapters/sql/postgresDialect.ts"
import { sqliteDialect } from "./adapters/sql/sqliteDialect.ts"
import { ReferenceData } from "./domain/ReferenceData.ts"
import bundledReferenceData from "./reference/reference-data.json"

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

const libsqlConfig = (url: DatabaseUrl & { readonly _tag: "Libsql" }): LibsqlStore.LibsqlStoreConfig =>
  url.authToken === undefined ? { url: url.url } : { url: url.url, authToken: url.authToken }

export const storeLayer = (url: DatabaseUrl): Layer.Layer<Store | InlineProjections, unknown> => {
  const backend = (() => {
    switch (url._tag) {
      case "Sqlite":
        return SqliteStore.layer({ filename: url.filename })
      case "Postgres":
        return PostgresStore.layer({ url: url.url })
      case "Libsql":
        return LibsqlStore.layer(libsqlConfig(url))
      case "Memory":
        return MemoryStore.layer
    }
  })()
  return backend.pipe(Layer.provideMerge(Layer.succeed(InlineProjections, projections)))
}

/** The SQL client and migrations of a URL, for `strata migrate` (which must not migrate on open). */
export const migrationsFor = (url: DatabaseUrl) => {
  switch (url._tag) {
    case "Sqlite":
      return { client: SqliteStore.client({ filename: url.filename }), loader: sqliteDialect.migrations }
    case "Libsql":
      return { client: LibsqlStore.client(libsqlConfig(url)), loader: sqliteDialect.migrations }
    case "Postgres":
      return { client: PostgresStore.client({ url: url.url }), loader: postgresDialect.migrations }
    case "Memory":
      return undefined
  }
}

/**
 * Where generated keys may live: beside an embedded database file. A shared database
 * (Postgres, a LibSQL server) needs `STRATA_MASTER_KEY` and `STRATA_ADMIN_TOKEN`, so that
 * every instance uses the same ones.
 */
const dataDirectory = (url: DatabaseUrl): string | undefined => {
  switch (url._tag) {
    case "Sqlite":
      return dirname(url.filename)
    case "Libsql":
      return url.url.startsWith("file:") ? dirname(url.url.slice("file:".length)) : undefined
    case "Postgres":
    case "Memory":
      return undefined
  }
}

const inDataDirectory = (url: DatabaseUrl, file: string) => {
  const directory = dataDirectory(url)
  return directory === undefined ? undefined : join(directory, file)
}

const secretsLayer = (url: DatabaseUrl) =>
  url._tag === "Memory"
    ? AesGcmSecrets.layer(MasterKeys.ephemeral())
    : Layer.unwrap(Effect.map(MasterKeys.fromConfig(inDataDirectory(url, "master.key")), AesGcmSecrets.layer))

export const storeWithSecrets = (url: DatabaseUrl) => Layer.provideMerge(secretsLayer(url), storeLayer(url))

/**
 * The store a server uses: its database's, or — once a cutover has switched the log to
 * another backend — that one's, followed without a restart (see `ServingStore`).
 */
export const servingStore = (url: DatabaseUrl) =>
  Layer.provideMerge(
    secretsLayer(url),
    ServingStore.layer(
      storeWithSecrets(url),
      (raw) => Effect.flatMap(DatabaseUrls.fromString(raw), (target) => Layer.build(storeWithSecrets(target))),
      `${hostname()}:${process.pid}`
    )
  )

/** What serving needs: the store, secrets, the admin token, and the reference data this version ships. */
export const appLayer = (url: DatabaseUrl): Layer.Layer<ServingPorts | Secrets | AdminToken | ServingStore.ServingStore, unknown> =>
  Layer.effectDiscard(
    Effect.flatMap(Schema.decodeUnknownEffect(ReferenceData)(bundledReferenceData), Sandboxes.publishReferenceData)
  ).pipe(
    Layer.provideMerge(servingStore(url)),
    Layer.merge(adminTokenLayer(url._tag === "Memory" ? "ephemeral" : inDataDirectory(url, "admin.token")))
  )

/**
 * A stop answers every request in flight (the front door waits up to 30 s for them), then
 * releases the databases. Should releasing hang, the process still ends: what is committed
 * is durable, and nothing is left to answer.
 */
const exitAfterStopping = (signal: NodeJS.Signals) =>
  process.once(signal, () => {
    setTimeout(() => {
      console.error(`strata: still releasing resources 40 s after ${signal}; exiting`)
      process.exit(1)
    }, 40_000).unref()
  })

if (import.meta.main) {
  exitAfterStopping("SIGTERM")
  exitAfterStopping("SIGINT")
  const cli = Cli.make(appLayer, { store: storeLayer, storeWithSecrets, migrations: migrationsFor })
  Cli.run(cli, process.argv.slice(2)).pipe(
    // Failures and defects alike: error reporting is off below (the runtime's logger would
    // stand in front of `serve`'s JSON logger), so this is the only word a failure gets.
    Effect.catchCause((cause) =>
      Cause.hasInterruptsOnly(cause)
        ? Effect.failCause(cause)
        : Effect.flatMap(Cli.reportFailure(Cause.squash(cause)), (code) => Effect.sync(() => process.exit(code)))
    ),
    Effect.provide(BunServices.layer),
    BunRuntime.runMain({
      disableErrorReporting: true,
      // A stop by signal is the way a server ends: a clean exit, not effect 4's 130.
      teardown: (exit, onExit) => onExit(Exit.isSuccess(exit) || Cause.hasInterruptsOnly(exit.cause) ? 0 : 1)
    })
  )
}
