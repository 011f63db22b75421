import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Backends from "../../support/backends.ts"
import { type Running, startServer } from "./server.ts"
import { chromiumFlags, chromiumPath } from "../../support/chromium.ts"

/** Debian's Chromium: `.ci/run` installs it; elsewhere, without it, this test is skipped and says so. */
const chromium = chromiumPath
if (chromium === undefined) console.warn("docs page test skipped: no /usr/bin/chromium (apt-get install chromium)")

describe.skipIf(chromium === undefined)("the docs page in headless Chromium", () => {
  let server: Running
  beforeAll(async () => {
    server = await startServer(Backends.memory)
  }, 60_000)
  afterAll(() => server.close())

  test("loads offline and shows the endpoints", async () => {
    // Asynchronous: the server answering Chromium runs in this very process.
    const run = Bun.spawn([
      chromium!,
      ...chromiumFlags,
      `--user-data-dir=${mkdtempSync(join(tmpdir(), "strata-chromium-"))}`,
      "--virtual-time-budget=5000",
      "--dump-dom",
      `${server.url}/docs`
    ], { stdout: "pipe", stderr: "ignore", timeout: 90_000 })
    const dom = await new Response(run.stdout).text()
    await run.exited
    expect(dom).toContain("strata")
    for (const path of ["/v1/usage", "/v1/tokens/{name}", "/v1/sandboxes", "/v1/admin/audit"]) expect(dom).toContain(path)
  }, 120_000)
})
