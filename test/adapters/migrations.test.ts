import { describe, expect, test } from "bun:test"
import { Effect, Exit, Cause } from "effect"
import { EventStore } from "../../application/ports/EventStore.ts"
import * as Backends from "../support/backends.ts"
import { events, runWith } from "../support/run.ts"

const timeout = 60_000

const failureOf = async (layer: ReturnType<Backends.Backend["reopen"]>) => {
  const exit = await Effect.runPromiseExit(Effect.scoped(Effect.provide(EventStore, layer)))
  if (Exit.isSuccess(exit)) throw new Error("the store started")
  return Cause.squash(exit.cause) as { _tag?: string; message: string }
}

for (const backend of Backends.durable) {
  describe(`schema migrations: ${backend.name}`, () => {
    test("are applied at startup, recorded, and not applied twice", async () => {
      await runWith(backend.layer(), Effect.flatMap(EventStore, (store) => store.append("s", events(2))))
      const head = await runWith(backend.reopen(), Effect.flatMap(EventStore, (store) => store.head))
      expect(head).toBe(2)
    }, timeout)

    test("a migration recorded under another name than the code's is a loud startup error", async () => {
      await runWith(backend.layer(), Effect.flatMap(EventStore, (store) => store.head))
      await backend.exec("UPDATE strata_migrations SET name = 'renamed_by_hand' WHERE migration_id = 1")
      const error = await failureOf(backend.reopen())
      expect(error._tag).toBe("MigrationMismatch")
      expect(error.message).toContain(`"renamed_by_hand"`)
      expect(error.message).toContain(`"event_log"`)
    }, timeout)

    test("a database migrated by a newer strata is refused", async () => {
      await runWith(backend.layer(), Effect.flatMap(EventStore, (store) => store.head))
      await backend.exec("INSERT INTO strata_migrations (migration_id, name) VALUES (999, 'from_the_future')")
      const error = await failureOf(backend.reopen())
      expect(error._tag).toBe("MigrationMismatch")
      expect(error.message).toContain("from_the_future")
    }, timeout)
  })
}
