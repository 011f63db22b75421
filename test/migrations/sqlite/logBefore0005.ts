import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Layer } from "effect"
import type * as LogDigest from "../../../application/eventsourcing/LogDigest.ts"
import { InlineProjections } from "../../../application/eventsourcing/Projection.ts"
import type { Store } from "../../../application/ports/Store.ts"
import * as LibsqlStore from "../../../adapters/libsql/LibsqlStore.ts"
import * as SqliteStore from "../../../adapters/sqlite/SqliteStore.ts"

/**
 * The log written before migration 0005 (`fixtures/makeLogBefore0005.ts`), as the
 * migrations' tests open it: a copy of its file each time, what its events showed when
 * written, and today's SQLite and LibSQL stores to open it with.
 */

const fixtures = join(import.meta.dir, "fixtures")

/** Each event's canonical line and the log's digest, taken by the store that wrote it. */
export const before = JSON.parse(readFileSync(join(fixtures, "log-before-0005.json"), "utf8")) as {
  readonly digest: LogDigest.Digest
  readonly lines: ReadonlyArray<string>
}

/** The key whose stream the fixture holds. */
export const key = "01a24652-a97e-7fd9-b540-8e204e41fead"

export const copyOfFixture = () => {
  const dir = mkdtempSync(join(tmpdir(), "strata-migration-"))
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }))
  const filename = join(dir, "strata.db")
  copyFileSync(join(fixtures, "log-before-0005.sqlite"), filename)
  return filename
}

const opened = (layer: Layer.Layer<Store, unknown, InlineProjections>) => layer.pipe(Layer.provide(Layer.succeed(InlineProjections, [])))

export const backends = [
  { name: "sqlite", open: (filename: string) => opened(SqliteStore.layer({ filename })) },
  { name: "libsql", open: (filename: string) => opened(LibsqlStore.layer({ url: `file:${filename}` })) }
]
