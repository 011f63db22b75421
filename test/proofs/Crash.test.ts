import { describe, expect, test } from "bun:test"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { freshDatabase } from "../support/postgres.ts"
import { crashRun } from "./Harness.ts"

/**
 * SIGKILL a serving process in the middle of mixed writes over HTTP, three times, and
 * restart it: every write that was answered 2xx is in the log exactly once, no request
 * wrote twice, the read models agree with the log, and `strata verify` (projections
 * against a fresh replay) passes. `scripts/crash.ts` runs the same with more kills.
 */
describe("crash: SIGKILL under sustained writes", () => {
  for (const backend of ["sqlite", "postgres"] as const) {
    test(`${backend}: every acknowledged write survives 3 kills exactly once; verify passes`, async () => {
      const directory = mkdtempSync(join(tmpdir(), `strata-crash-${backend}-`))
      const database = backend === "sqlite" ? `sqlite:${join(directory, "strata.db")}` : await freshDatabase()
      const report = await crashRun({ database, directory, kills: 3, loadMs: 600 })
      expect(report.problems).toEqual([])
      expect(report.acknowledged).toBeGreaterThan(100)
      expect(report.verify.output).not.toContain("differ")
      expect(report.verify.code).toBe(0)
    }, 120_000)
  }
})
