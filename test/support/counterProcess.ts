import { Effect, Layer, Option, Redacted } from "effect"
import { InlineProjections, Projection } from "../../application/eventsourcing/Projection.ts"
import { ReadModels } from "../../application/ports/ReadModels.ts"
import * as LibsqlStore from "../../adapters/libsql/LibsqlStore.ts"
import * as PostgresStore from "../../adapters/postgres/PostgresStore.ts"
import * as SqliteStore from "../../adapters/sqlite/SqliteStore.ts"

/**
 * A projection that counts its events by reading its document and writing it back, so an
 * event applied twice shows in the count.
 */
export const counter = (version: number) =>
  Projection.make({
    name: "counter",
    version,
    eventTypes: ["Counted"],
    apply: (_event, documents) =>
      Effect.flatMap(documents.get("total"), (current) =>
        documents.put("total", {
          count: Option.match(current, { onNone: () => 0, onSome: (doc) => (doc as { count: number }).count }) + 1
        }))
  })

const store = (url: string) =>
  url.startsWith("postgres")
    ? PostgresStore.layer({ url: Redacted.make(url), maxConnections: 4 })
    : url.startsWith("file:")
    ? LibsqlStore.layer({ url })
    : SqliteStore.layer({ filename: url.replace(/^sqlite:/, "") })

/**
 * Run as a process (`bun counterProcess.ts URL VERSION`): opens the store with the counter
 * at VERSION — rebuilding it when the database has another — and prints the count.
 */
if (import.meta.main) {
  const [url, version] = process.argv.slice(2)
  const count = await Effect.runPromise(
    Effect.scoped(
      Effect.provide(
        Effect.flatMap(ReadModels, (models) => models.get("counter", "total")),
        store(url!).pipe(Layer.provide(Layer.succeed(InlineProjections, [counter(Number(version))])))
      )
    )
  )
  console.log(JSON.stringify(Option.getOrNull(count)))
}
