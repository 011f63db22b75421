import { describe, expect, test } from "bun:test"
import { mkdtempSync, readdirSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Layer } from "effect"
import * as LibsqlStore from "../../adapters/libsql/LibsqlStore.ts"
import { InlineProjections } from "../../application/eventsourcing/Projection.ts"
import { EventStore, type EventStoreService } from "../../application/ports/EventStore.ts"

const openFiles = () => readdirSync("/proc/self/fd").length

/**
 * @libsql/client gives its connection to each transaction it begins and opens a new one
 * for what comes next; the transaction's is never closed (its `close` only rolls back),
 * so each write transaction on a file left a connection and its files open: 2,000 of them
 * held 4,000 more open files (300 here: 600), and a process with the common limit of 1,024 would have
 * failed to open the database after some 500 writes.
 */
describe("LibSQL on a file", () => {
  test("write transactions leave no connection open behind them", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "strata-libsql-")), "log.db")
    const append = (store: EventStoreService, index: number) =>
      // Larger than one statement: an append in a transaction of its own.
      store.append(`many-${index % 5}`, Array.from({ length: 501 }, (_, at) => ({ eventId: crypto.randomUUID(), type: "Happened", data: { at } })))
    const grew = await Effect.gen(function*() {
      const store = yield* EventStore
      yield* append(store, -1)
      const before = openFiles()
      for (let index = 0; index < 300; index++) yield* append(store, index)
      return openFiles() - before
    }).pipe(
      Effect.provide(LibsqlStore.layer({ url: `file:${file}` }).pipe(Layer.provide(Layer.succeed(InlineProjections, [])))),
      Effect.runPromise
    )
    expect(grew).toBeLessThan(10)
  }, 120_000)
})
