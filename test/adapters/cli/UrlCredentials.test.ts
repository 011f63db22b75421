import { describe, expect, test } from "bun:test"
import { join } from "node:path"
import { freePort } from "../../support/freePort.ts"
import { freshDatabase } from "../../support/postgres.ts"
import { directory, serve, sharedEnv, strata } from "../../support/processes.ts"

/**
 * A database URL's credentials — a Postgres password, a LibSQL auth token given in the URL
 * (`?authToken=`) or in `STRATA_LIBSQL_AUTH_TOKEN` — reach the database and nothing else:
 * not `/ready`, not a cutover's status or events, not a log line, not an error.
 */

const token = "SECRET-TOKEN-4f1c"
const password = "pw-SECRET-77"

/** Everything a process said must be free of every secret of the test. */
const clean = (...texts: ReadonlyArray<string>) => {
  for (const text of texts) {
    expect(text).not.toContain("SECRET")
  }
}

/**
 * What a LibSQL server is sent, recorded by a listener that answers every request 401:
 * only the Authorization header matters here, and no server of the kind runs here.
 */
const refusingServer = async () => {
  const authorizations: Array<string | null> = []
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: await freePort(),
    fetch: (request) => {
      authorizations.push(request.headers.get("authorization"))
      return new Response("unauthorized", { status: 401 })
    }
  })
  return { url: `http://127.0.0.1:${server.port}`, authorizations, stop: () => server.stop(true) }
}

describe("credentials in a database URL are never shown", () => {
  test("a LibSQL token from STRATA_LIBSQL_AUTH_TOKEN, TURSO_AUTH_TOKEN or ?authToken= reaches the server, and no output", async () => {
    const cwd = directory("strata-token-")
    const server = await refusingServer()
    try {
      const fromSetting = await strata(["migrate", "--database", server.url], cwd, { ...sharedEnv, STRATA_LIBSQL_AUTH_TOKEN: `${token}-setting` })
      expect(fromSetting.code).toBe(1)
      expect(server.authorizations).toContain(`Bearer ${token}-setting`)
      const fromTurso = await strata(["migrate", "--database", server.url], cwd, { ...sharedEnv, TURSO_AUTH_TOKEN: `${token}-turso` })
      expect(fromTurso.code).toBe(1)
      expect(server.authorizations).toContain(`Bearer ${token}-turso`)
      const fromUrl = await strata(["migrate", "--database", `${server.url}/?authToken=${token}-url`], cwd)
      expect(fromUrl.code).toBe(1)
      expect(server.authorizations).toContain(`Bearer ${token}-url`)
      clean(fromSetting.stdout, fromSetting.stderr, fromTurso.stdout, fromTurso.stderr, fromUrl.stdout, fromUrl.stderr)
      expect(fromUrl.stderr.trim().split("\n")).toHaveLength(1)
    } finally {
      server.stop()
    }
  }, 60_000)

  test("a cutover's target with a password and ?authToken=: /ready, its status, its events, the logs and its errors", async () => {
    const cwd = directory("strata-cutover-label-")
    const sqlite = `sqlite:${join(cwd, "strata.db")}`
    const database = await freshDatabase()
    // A role of the test's own, with a password to find in the outputs.
    const { default: pg } = await import("pg")
    const owner = new pg.Client({ connectionString: database })
    await owner.connect()
    await owner.query(`DO $$ BEGIN CREATE ROLE strata_label LOGIN SUPERUSER PASSWORD '${password}'; EXCEPTION WHEN duplicate_object THEN NULL; END $$`)
    await owner.end()
    const postgres = new URL(database)
    postgres.username = "strata_label"
    postgres.password = password
    const target = `${postgres.toString()}?authToken=${token}&sslpassword=${token}`
    const server = serve(sqlite, await freePort(), cwd, { ...sharedEnv, STRATA_LOG_LEVEL: "info" })
    try {
      await server.up
      const admin = (method: string, path: string, body?: unknown) =>
        fetch(`${server.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${sharedEnv.STRATA_ADMIN_TOKEN}`, "content-type": "application/json" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) })
        })
      // A target that cannot be opened: the error names it without its token.
      const unreachable = await admin("POST", "/v1/admin/cutover/start", { to: `libsql://127.0.0.1:1?authToken=${token}` })
      expect(unreachable.status).toBe(503)
      const unreachableBody = await unreachable.text()
      expect(unreachableBody).toContain("authToken=redacted")
      const started = await strata(["cutover", "start", "--database", sqlite, "--to", target], cwd)
      expect(started.code).toBe(0)
      let ready = ""
      // The member, not the word: the database's path says "cutover" too.
      for (let attempt = 0; attempt < 100 && !ready.includes(`"cutover":`); attempt++) {
        ready = await (await fetch(`${server.url}/ready`)).text()
        await Bun.sleep(100)
      }
      expect(ready).toContain(`"target":"postgres://`)
      const status = await (await admin("GET", "/v1/admin/cutover")).text()
      expect(status).toContain("authToken=redacted")
      const statusText = await strata(["cutover", "status", "--database", sqlite], cwd)
      const statusJson = await strata(["cutover", "status", "--database", sqlite, "--format", "json"], cwd)
      const audit = await strata(["audit", "--database", sqlite, "--type", "CutoverStarted", "--format", "json"], cwd)
      expect(audit.stdout).toContain("CutoverStarted")
      const aborted = await strata(["cutover", "abort", "--database", sqlite], cwd)
      expect(aborted.code).toBe(0)
      server.process.kill("SIGTERM")
      await server.process.exited
      clean(
        unreachableBody, started.stdout, started.stderr, ready, status, statusText.stdout, statusText.stderr,
        statusJson.stdout, audit.stdout, aborted.stdout, server.lastLines().join("\n")
      )
      for (const text of [started.stdout, ready, status, statusText.stdout, statusJson.stdout, audit.stdout, aborted.stdout, server.lastLines().join("\n")]) {
        expect(text).not.toContain(password)
      }
    } finally {
      server.process.kill("SIGKILL")
    }
  }, 120_000)
})
