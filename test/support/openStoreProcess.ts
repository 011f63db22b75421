import { Effect, Layer, Redacted } from "effect"
import { EventStore } from "../../application/ports/EventStore.ts"
import { InlineProjections } from "../../application/eventsourcing/Projection.ts"
import * as LibsqlStore from "../../adapters/libsql/LibsqlStore.ts"
import * as PostgresStore from "../../adapters/postgres/PostgresStore.ts"
import * as SqliteStore from "../../adapters/sqlite/SqliteStore.ts"

/** A store by its test URL (`sqlite:<file>`, `file:<file>`, `postgres://…`), as another process opens it. */
export const storeAt = (url: string) =>
  (url.startsWith("postgres")
    ? PostgresStore.layer({ url: Redacted.make(url), maxConnections: 4 })
    : url.startsWith("file:")
    ? LibsqlStore.layer({ url })
    : SqliteStore.layer({ filename: url.replace(/^sqlite:/, "") })).pipe(Layer.provide(Layer.succeed(InlineProjections, [])))

/**
 * Run as a process (`bun openStoreProcess.ts URL`): opens the store — migrating it and doing
 * whatever opening does to its indexes — and prints its head; a failure ends it non-zero
 * with the cause on stderr.
 */
if (import.meta.main) {
  const [url] = process.argv.slice(2)
  const head = await Effect.runPromise(Effect.scoped(Effect.provide(Effect.flatMap(EventStore, (store) => store.head), storeAt(url!))))
  console.log(JSON.stringify({ head }))
}
