import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import openapiTS, { astToString } from "openapi-typescript"
import * as Backends from "../../support/backends.ts"
import { adminToken, type Running, startServer } from "./server.ts"

const clientDirectory = join(import.meta.dir, "client")

describe("a client generated from /openapi.json by openapi-typescript, driven by openapi-fetch", () => {
  let server: Running
  beforeAll(async () => {
    server = await startServer(Backends.sqlite)
  }, 60_000)
  afterAll(() => server.close())

  test("the scenario type-checks against the served document and runs against the server", async () => {
    const spec = (await fetch(`${server.url}/openapi.json`).then((response) => response.json())) as Parameters<typeof openapiTS>[0]
    writeFileSync(join(clientDirectory, "generated", "strata.d.ts"), astToString(await openapiTS(spec)))
    const tsc = Bun.spawnSync([join(import.meta.dir, "../../../node_modules/.bin/tsc"), "-p", join(clientDirectory, "tsconfig.json")])
    expect({ exitCode: tsc.exitCode, output: tsc.stdout.toString() }).toEqual({ exitCode: 0, output: "" })

    const { scenario } = await import("./client/scenario.ts")
    const result = await scenario(server.url, adminToken)
    expect(result).toMatchObject({
      savedVersion: 1,
      refreshedVersion: 2,
      staleStatus: 412,
      staleProblem: { status: 412, currentVersion: 2 },
      refreshToken: "r2",
      remaining: 40,
      overQuotaStatus: 429,
      startedStatus: "starting",
      illegalStatus: 409,
      history: [["text", "first"], ["file", "file://x"]],
      auditedTypes: ["TokenRefreshed"]
    })
  }, 120_000)
})
