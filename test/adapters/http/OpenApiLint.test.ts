import { describe, expect, test } from "bun:test"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { OpenApi } from "effect/http-api"
import { StrataApi } from "../../../adapters/http/Api.ts"

/**
 * `/openapi.json` as its users' tools read it: Redocly's linter with its recommended rules
 * (`redocly.yaml` turns off one, and says why) finds nothing — no error, no warning.
 */

const root = join(import.meta.dir, "../../..")

describe("the OpenAPI document", () => {
  test("passes Redocly's recommended rules with no error and no warning", () => {
    const file = join(mkdtempSync(join(tmpdir(), "strata-openapi-")), "openapi.json")
    writeFileSync(file, JSON.stringify(OpenApi.fromApi(StrataApi)))
    const lint = Bun.spawnSync(
      [process.execPath, join(root, "node_modules/.bin/redocly"), "lint", file, "--config", join(root, "redocly.yaml"), "--format", "json", "--max-problems", "1000"],
      { env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" }, cwd: root }
    )
    const report = JSON.parse(lint.stdout.toString()) as {
      readonly totals: { readonly errors: number; readonly warnings: number }
      readonly problems: ReadonlyArray<{ readonly ruleId: string; readonly message: string; readonly location: ReadonlyArray<{ readonly pointer: string }> }>
    }
    const problems = report.problems.map((problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`)
    expect(problems).toEqual([])
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 })
    expect(lint.exitCode).toBe(0)
  }, 60_000)
})
