import { describe, expect, test } from "bun:test"
import { mkdtempSync, readdirSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Duration, Effect, Layer } from "effect"
import { EventStore } from "../../../application/ports/EventStore.ts"
import * as BackupFile from "../../../adapters/cli/BackupFile.ts"
import * as ScheduledBackups from "../../../adapters/cli/ScheduledBackups.ts"
import * as Backends from "../../support/backends.ts"
import { events, runWith } from "../../support/run.ts"

describe("scheduled backups while serving", () => {
  test("run every interval and keep the newest ones", async () => {
    const directory = join(mkdtempSync(join(tmpdir(), "strata-scheduled-")), "backups")
    const schedule = { every: Duration.millis(60), keep: 2, directory }
    const store = Backends.memory.layer()
    await runWith(Layer.merge(store, ScheduledBackups.layer(schedule).pipe(Layer.provide(store))), Effect.gen(function*() {
      yield* Effect.flatMap(EventStore, (s) => s.append("s", events(5)))
      yield* Effect.sleep("500 millis")
    }))
    const files = readdirSync(directory).sort()
    expect(files).toHaveLength(2)
    const newest = await Effect.runPromise(Effect.scoped(BackupFile.read(join(directory, files[1]!), 100)))
    expect(newest.header).toMatchObject({ format: "strata-backup", count: 5, head: 5 })
  }, 30_000)
})
