import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import { mkdirSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type BrowserContext, chromium, type Page } from "playwright-core"
import { freePort } from "../../../support/freePort.ts"
import { directory, serve, type Server, sharedEnv, strata } from "../../../support/processes.ts"
import { chromiumFlags, chromiumPath } from "../../../support/chromium.ts"

/**
 * The console, driven in Debian's Chromium (`.ci/run` installs it; without it this file is
 * skipped and says so) against a `strata serve` process on SQLite, as an operator would:
 * sign in, see the world `strata seed` makes, search, trace, keys, the live tail, and a cutover to another
 * SQLite file run from the Cutover screen up to its switch and the switch's pause.
 *
 * `CONSOLE_SCREENSHOTS=docs` saves a PNG of each screen there (`npm run screenshots`).
 */

const executablePath = chromiumPath
if (executablePath === undefined) console.warn("console browser tests skipped: no /usr/bin/chromium (apt-get install chromium)")

const screenshots = process.env.CONSOLE_SCREENSHOTS
const token = sharedEnv.STRATA_ADMIN_TOKEN

/** Polls until `check` holds (a loaded machine is slow; nothing here is a timing). */
const until = async (what: string, check: () => Promise<boolean> | boolean, timeoutMillis = 30_000) => {
  const deadline = Date.now() + timeoutMillis
  while (Date.now() < deadline) {
    if (await check()) return
    await Bun.sleep(50)
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe.skipIf(executablePath === undefined)("the console in headless Chromium", () => {
  let cwd: string
  let server: Server
  let context: BrowserContext
  let page: Page
  const requested: Array<string> = []
  const violations: Array<string> = []

  const api = async (method: string, path: string, options: { body?: unknown; owner?: string; bearer?: string; requestId?: string } = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.bearer ?? token}`,
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
        ...(options.owner ? { "x-strata-owner": options.owner } : {}),
        ...(options.requestId ? { "x-request-id": options.requestId } : {})
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) })
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`)
    return text === "" ? undefined : JSON.parse(text)
  }

  const shoot = async (name: string) => {
    if (screenshots === undefined) return
    mkdirSync(screenshots, { recursive: true })
    await page.screenshot({ path: join(screenshots, `console-${name}.png`), fullPage: true })
  }

  const show = async (screen: string) => {
    await page.click(`header nav a[href="#${screen}"]`)
    await page.waitForSelector("main h2")
  }

  beforeAll(async () => {
    cwd = directory("strata-console-")
    const database = `sqlite:${join(cwd, "origin.db")}`
    // The seeded world: `strata seed`'s owners, keys with usage over the last hours, tokens,
    // credentials, sandboxes, chat sessions.
    const seeded = await strata(["seed", "--database", database], cwd)
    expect(seeded.code).toBe(0)
    // At info, so that the access log is there to be searched for the token.
    server = serve(database, await freePort(), cwd, { ...sharedEnv, STRATA_LOG_LEVEL: "info" })
    await server.up
    await api("PUT", "/v1/credentials/gitlab", { owner: "ada", body: { secret: "glpat_plaintext_never_shown" } })
    // One request that writes to several streams: forgetting an owner withdraws each of their keys.
    for (const name of ["dave-1", "dave-2"]) await api("POST", "/v1/admin/keys", { body: { owner: "dave", name, tokenLimitPer5h: 10 } })
    await api("POST", "/v1/admin/owners/dave/forget", { requestId: "forget-dave" })

    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "strata-chromium-")), {
      executablePath: executablePath!,
      headless: true,
      args: [...chromiumFlags],
      viewport: { width: 1280, height: 860 }
    })
    page = context.pages()[0] ?? await context.newPage()
    page.on("request", (request) => void requested.push(request.url()))
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text())
    })
    page.setDefaultTimeout(30_000)
  }, 120_000)

  afterAll(async () => {
    await context?.close()
    server?.process.kill("SIGTERM")
    await Promise.race([server?.process.exited, Bun.sleep(10_000)])
    server?.process.kill("SIGKILL")
  }, 30_000)

  test("signs in with the admin token only, and sees the seeded world on the Overview", async () => {
    await page.goto(`${server.url}/console`)
    await page.fill("input[name=token]", "st_admin_wrong")
    await page.click("button[type=submit]")
    await page.waitForSelector("main.login .error")
    await shoot("login")
    await page.fill("input[name=token]", token)
    await page.click("button[type=submit]")
    await page.waitForSelector("[data-testid=head]")
    const head = (await api("GET", "/v1/admin/audit?limit=1000")).events.length
    await until("the head", async () => Number(await page.textContent("[data-testid=head]")) >= head)
    await until("the ready state", async () => (await page.textContent("[data-testid=readiness]")) === "ready")
    expect(await page.textContent("[data-testid=database]")).toBe(`sqlite:${join(cwd, "origin.db")}`)
    for (const projection of ["api-keys", "sessions", "sandboxes", "tokens"]) {
      await page.waitForSelector(`tr[data-projection="${projection}"]`)
    }
    // Writes for a few seconds: the write rate moves.
    const writer = (await api("POST", "/v1/admin/keys", { body: { owner: "grace", name: "grace-load", tokenLimitPer5h: 1_000_000 } })).secret
    const ends = Date.now() + 3000
    while (Date.now() < ends) await api("POST", "/v1/usage", { bearer: writer, body: { tokens: 3 } })
    await until("a write rate above zero", async () => /^[1-9]/.test((await page.textContent("[data-testid=rate]")) ?? ""))
    await shoot("overview")
    // A projection rebuilt from its row, after a confirmation that says what it does.
    await page.click(`tr[data-projection="sessions"] button`)
    await page.waitForSelector(".dialog")
    expect(await page.textContent(".dialog")).toContain("fills it from the whole log")
    await page.click(".dialog button.primary")
    await page.waitForSelector(".dialog", { state: "detached" })
    await until("the rebuilt projection live", async () => (await page.textContent(`tr[data-projection="sessions"] td:nth-child(2)`)) === "live")
    const rebuilt = server.lastLines().find((line) => line.includes("rebuilding projection sessions"))
    expect(rebuilt).toBeDefined()
  }, 60_000)

  test("searches the log by stream prefix, opens a stream, and shows a sealed secret as sealed", async () => {
    await show("streams")
    await page.fill("input[name=streamPrefix]", "session-")
    await page.click("form.search button[type=submit]")
    await page.waitForSelector("table.events tbody tr")
    const streams = await page.$$eval("table.events tbody tr td:nth-child(2)", (cells) => cells.map((cell) => cell.textContent ?? ""))
    expect(streams.length).toBeGreaterThan(0)
    for (const stream of streams) expect(stream.startsWith("session-")).toBe(true)
    await shoot("streams")
    // An owner's credentials, their events opened: sealed, never the secret nor its ciphertext.
    await page.fill("input[name=streamPrefix]", "credentials-ada")
    await page.click("form.search button[type=submit]")
    // The table shows the last search until this one's answer replaces it.
    await until("the credentials' search", async () =>
      ((await page.textContent("table.events tbody tr td:nth-child(2)")) ?? "").startsWith("credentials-ada"))
    await page.click("table.events tbody tr td:nth-child(2) a")
    await page.waitForSelector("[data-testid=stream]")
    await until("the stream's events", async () => (await page.$$("table.events tbody tr")).length >= 2)
    const rows = await page.$$("table.events tbody tr")
    await rows[rows.length - 1]!.click()
    const data = await page.textContent("pre.data")
    expect(data).toContain("gitlab")
    expect(data).toContain("sealed")
    expect(data).not.toContain("ciphertext")
    expect(await page.content()).not.toContain("glpat_plaintext_never_shown")
    await shoot("stream")
  }, 60_000)

  test("traces a request id to every event it caused, across streams", async () => {
    const events = (await api("GET", "/v1/admin/audit?correlationId=forget-dave")).events as Array<{ streamId: string }>
    const streams = new Set(events.map((event) => event.streamId)).size
    expect(streams).toBeGreaterThanOrEqual(3)
    await show("trace")
    await page.fill("input[name=correlationId]", "forget-dave")
    await page.click("form.inline button[type=submit]")
    await page.waitForSelector("[data-testid=trace-summary]")
    expect(await page.textContent("[data-testid=trace-summary]")).toContain(`caused ${events.length} events in ${streams} streams`)
    expect(await page.$$eval("table.events tbody tr", (rows) => rows.length)).toBe(events.length)
    await shoot("trace")
  }, 60_000)

  test("shows an owner's keys with their limits, expiry, remaining quota and usage chart", async () => {
    await show("keys")
    await page.click("a.chip:has-text('ada')")
    await page.waitForSelector("[data-testid=keys] tbody tr")
    const keys = (await api("GET", "/v1/keys", { owner: "ada" })).keys as Array<{ name: string; tokenLimitPer5h: number }>
    expect(keys.length).toBeGreaterThan(0)
    const rows = await page.$$eval("[data-testid=keys] tbody tr", (trs) => trs.map((tr) => tr.textContent ?? ""))
    expect(rows.length).toBe(keys.length)
    for (const key of keys) expect(rows.join(" ")).toContain(`${key.name}`)
    expect(rows.join(" ")).toContain(String(keys[0]!.tokenLimitPer5h))
    await page.waitForSelector(".chart canvas")
    await shoot("keys")
  }, 60_000)

  test("follows a live event into the tail; paused, it misses nothing written meanwhile", async () => {
    await show("live")
    await until("the tail to follow", async () => (await page.textContent("[data-testid=tail-status]")) === "following")
    await api("POST", "/v1/admin/keys", { body: { owner: "carol", name: "carol-live", tokenLimitPer5h: 10 } })
    await page.waitForSelector("table.events tbody tr:has-text('ApiKeyCreated')")
    await page.click("[data-testid=pause]")
    await until("the pause", async () => (await page.textContent("[data-testid=tail-status]"))!.startsWith("paused"))
    // Written while paused (the stream closed): the tail resumes after the last event it
    // showed, not from the head, so this is shown.
    const session = await api("POST", "/v1/sessions", { owner: "carol", body: { title: "while paused" } })
    await page.click("[data-testid=pause]")
    await page.waitForSelector(`table.events tbody tr:has-text('session-${session.sessionId}')`)
    await shoot("live")
  }, 60_000)

  test("runs a cutover to another SQLite file from the Cutover screen: the lag falls to zero, it switches, the pause is shown", async () => {
    await show("cutover")
    await page.waitForSelector("[data-testid=no-cutover]")
    await page.fill("input[name=to]", `sqlite:${join(cwd, "target.db")}`)
    await page.click("form.inline button[type=submit]")
    await page.waitForSelector(".dialog")
    expect(await page.textContent(".dialog")).toContain("copies the whole log")
    await page.click(".dialog button.primary")
    await until("mirroring", async () => (await page.textContent("[data-testid=phase]").catch(() => "")) === "mirroring", 60_000)
    // Writes while it mirrors, so that the lag moves; then it falls to zero.
    const during = await api("POST", "/v1/admin/keys", { body: { owner: "linus", name: "linus-during", tokenLimitPer5h: 50_000 } })
    for (let i = 0; i < 20; i++) await api("POST", "/v1/usage", { bearer: during.secret, body: { tokens: 10 } })
    await until("the lag at zero", async () => /^0 events/.test((await page.textContent("[data-testid=lag]")) ?? ""), 60_000)
    await until("the mirror's lease held", async () => (await page.textContent("[data-testid=holder]")) !== "nobody")
    await Bun.sleep(1500) // the lag chart's points, for the picture
    await shoot("cutover")
    await page.click("button[data-step=switch]")
    await page.waitForSelector(".dialog")
    expect(await page.textContent(".dialog")).toContain("Fences the origin")
    await page.click(".dialog button.danger")
    await until("switched", async () => (await page.textContent("[data-testid=phase]")) === "switched", 60_000)
    await page.waitForSelector("[data-testid=switches] tbody tr")
    const pause = await page.textContent("[data-testid=switches] tbody tr td:nth-child(3)")
    expect(pause).toMatch(/^\d+ ms$/)
    await shoot("cutover-switched")
    await show("overview")
    await until("the target serving", async () => (await page.textContent("[data-testid=database]")) === `sqlite:${join(cwd, "target.db")}`)
    // The log is served by the target now, and writes go on.
    await api("POST", "/v1/usage", { bearer: during.secret, body: { tokens: 1 } })
  }, 120_000)

  test("the token never went into a URL nor the server's log, the page broke no rule of its policy, and signing out forgets it", async () => {
    expect(await page.evaluate(() => Object.values(sessionStorage))).toContain(token)
    await page.click("header button.link")
    await page.waitForSelector("main.login")
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0)
    expect(requested.length).toBeGreaterThan(0)
    for (const url of requested) expect(url).not.toContain(token)
    expect(server.lastLines().join("\n")).not.toContain(token)
    expect(violations).toEqual([])
  })
})
