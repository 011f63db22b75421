import { afterAll, describe, expect, test } from "bun:test"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { gunzipSync } from "node:zlib"
import { Effect, Layer } from "effect"
import * as Backends from "../support/backends.ts"
import { freePort } from "../support/freePort.ts"

/**
 * No plaintext secret at rest or in anything strata shows: after a full scenario on a real
 * `strata serve` — tokens saved, refreshed and replaced, API keys created, provider
 * credentials, sessions, usage, refused requests carrying secrets, a `strata backup` — none of
 * the token strings, API key secrets, credential secrets, the admin token or the master key
 * appears in the database (SQLite: the files' bytes, WAL included; Postgres: every table's
 * rows), the backup (as written and unzipped), the server's and the CLI's output, `/metrics`,
 * or an error body. (`test/adapters/SecretsAtRest.test.ts` checks the token service alone.)
 */

const timeout = 120_000
const root = join(import.meta.dir, "../..")
const work = mkdtempSync(join(tmpdir(), "strata-secrets-"))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Distinctive values: found anywhere but in an answer to their owner, they leaked. */
const mark = (what: string) => `PLAINTEXT-${what}-${crypto.randomUUID()}`

for (const backend of [Backends.sqlite, Backends.postgres]) {
  describe(`secrets (${backend.name}, strata serve)`, () => {
    test("after a full scenario, no secret in the database, the backup, the logs, /metrics or an error body", async () => {
      // A fresh, migrated database of the backend, which the server and the CLI are then pointed at.
      await Effect.runPromise(Effect.scoped(Layer.build(backend.layer())))
      const database = backend.url()
      const adminToken = `st_admin_${crypto.randomUUID()}`
      const masterKey = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64")
      const env = { ...process.env, STRATA_ADMIN_TOKEN: adminToken, STRATA_MASTER_KEY: masterKey, STRATA_LOG_LEVEL: "all" }
      const port = await freePort()
      const url = `http://127.0.0.1:${port}`
      const server = Bun.spawn([process.execPath, join(root, "main.ts"), "serve", "--database", database, "--port", String(port)], {
        cwd: work,
        env,
        stdout: "pipe",
        stderr: "pipe"
      })
      const output = Promise.all([new Response(server.stdout).text(), new Response(server.stderr).text()])
      try {
        for (let attempt = 0; !(await fetch(`${url}/ready`).then((r) => r.ok, () => false)); attempt++) {
          if (attempt > 400 || server.exitCode !== null) throw new Error(`strata serve did not come up: ${(await output).join("")}`)
          await Bun.sleep(50)
        }

        const secrets: Array<string> = [adminToken, masterKey]
        const errorBodies: Array<string> = []
        const call = async (method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}) => {
          const response = await fetch(`${url}${path}`, {
            method,
            headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json", ...headers },
            ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) })
          })
          const text = await response.text()
          if (response.status >= 400) errorBodies.push(`${method} ${path} → ${response.status} ${text}`)
          return { status: response.status, text, json: () => JSON.parse(text) }
        }

        // Keys: two by the admin, one more by the admin acting for alice.
        const keys: Record<string, string> = {}
        for (const owner of ["alice", "bob"]) {
          const created = await call("POST", "/v1/admin/keys", adminToken, { owner, name: owner, tokenLimitPer5h: 1_000_000 })
          expect(created.status).toBe(201)
          keys[owner] = created.json().secret
        }
        const own = await call("POST", "/v1/keys", adminToken, { name: "laptop", tokenLimitPer5h: 100 }, { "x-strata-owner": "alice" })
        expect(own.status).toBe(201)
        secrets.push(keys.alice!, keys.bob!, own.json().secret)

        // Tokens: saved, refreshed, replaced; a stale refresh refused.
        const values = () => ({ accessToken: mark("ACCESS"), refreshToken: mark("REFRESH"), expiresIn: 3600, obtainmentTimestamp: Date.now(), scopes: ["chat:read"] })
        const track = <T extends { accessToken: string; refreshToken: string }>(v: T) => (secrets.push(v.accessToken, v.refreshToken), v)
        expect((await call("PUT", "/v1/tokens/twitch", keys.alice, track(values()))).status).toBe(200)
        expect((await call("POST", "/v1/tokens/twitch/refresh", keys.alice, track(values()), { "if-match": "\"1\"" })).status).toBe(200)
        expect((await call("POST", "/v1/tokens/twitch/refresh", keys.alice, track(values()), { "if-match": "\"1\"" })).status).toBe(412)
        expect((await call("PUT", "/v1/tokens/twitch", keys.alice, track(values()))).status).toBe(200)
        expect((await call("PUT", "/v1/tokens/discord", keys.bob, track(values()))).status).toBe(200)
        expect((await call("POST", "/v1/tokens/nothing/refresh", keys.bob, track(values()), { "if-match": "\"1\"" })).status).toBeGreaterThanOrEqual(400)

        // Provider credentials.
        const credential = mark("CREDENTIAL")
        secrets.push(credential)
        expect((await call("PUT", "/v1/credentials/github", keys.alice, { secret: credential })).status).toBe(200)
        expect((await call("GET", "/v1/credentials/github", keys.alice)).json().secret).toBe(credential)

        // Sessions, a sandbox, usage.
        const session = (await call("POST", "/v1/sessions", keys.alice, { title: "t" })).json()
        expect((await call("POST", `/v1/sessions/${session.sessionId}/messages`, keys.alice, { content: "hello" })).status).toBe(201)
        expect((await call("POST", "/v1/sandboxes", keys.bob, { name: "box", tierId: "small", flavorId: "node" })).status).toBe(201)
        expect((await call("POST", "/v1/usage", keys.bob, { tokens: 10 })).status).toBe(200)

        // Refused requests that carry secrets: none may come back in the answer.
        const inWrongShape = mark("WRONG-SHAPE")
        secrets.push(inWrongShape)
        const refused = [
          await call("GET", "/v1/tokens", `${keys.alice}x`),
          await call("GET", "/v1/tokens", `${adminToken}x`),
          await call("GET", "/v1/admin/audit", keys.alice),
          await call("GET", "/v1/tokens/twitch", keys.bob),
          await call("PUT", "/v1/tokens/broken", keys.alice, { ...values(), accessToken: 5, refreshToken: inWrongShape }),
          await call("PUT", "/v1/tokens/broken", keys.alice, { ...values(), accessToken: { value: inWrongShape } }),
          await call("PUT", "/v1/tokens/broken", keys.alice, [inWrongShape]),
          await call("PUT", "/v1/tokens/broken", keys.alice, JSON.stringify(inWrongShape)),
          await call("PUT", "/v1/credentials/gitlab", keys.alice, { secret: [inWrongShape] }),
          await call("PUT", "/v1/credentials/gitlab", keys.alice, JSON.stringify(inWrongShape)),
          await call("POST", "/v1/tokens/twitch/refresh", keys.alice, { ...values(), refreshToken: [inWrongShape], expiresIn: "soon" }, { "if-match": "\"3\"" })
        ]
        for (const answer of refused) expect(answer.status).toBeGreaterThanOrEqual(400)

        const metrics = await (await fetch(`${url}/metrics`)).text()
        expect(metrics).toContain("strata_")
        const whileServing = await backend.contents()

        // A backup, by the CLI, while the server runs.
        const backupFile = join(work, `${backend.name}.backup`)
        const backup = Bun.spawnSync([process.execPath, join(root, "main.ts"), "backup", "--database", database, "--out", backupFile], { cwd: work, env })
        expect({ exit: backup.exitCode, stderr: backup.stderr.toString() }).toEqual({ exit: 0, stderr: backup.stderr.toString() })
        const backupBytes = readFileSync(backupFile)

        server.kill("SIGTERM")
        expect(await server.exited).toBe(0)
        const logs = (await output).join("\n") + backup.stdout.toString() + backup.stderr.toString()
        const atRest = `${whileServing}\n${await backend.contents()}`

        // The scenario happened where we look.
        const unzipped = gunzipSync(backupBytes).toString("latin1")
        expect({
          atRest: ["TokenRefreshed", "CredentialSet", "UsageRecorded"].every((type) => atRest.includes(type)),
          logs: logs.includes("/v1/tokens/:name"),
          backup: unzipped.includes("TokenRefreshed")
        }).toEqual({ atRest: true, logs: true, backup: true })

        const places = {
          "the database": atRest,
          "the backup": backupBytes.toString("latin1"),
          "the backup, unzipped": unzipped,
          "the logs": logs,
          "/metrics": metrics,
          "an error body": errorBodies.join("\n")
        }
        // Plaintext, and its UTF-16 and base64 forms.
        const forms = (secret: string) => [secret, Buffer.from(secret, "utf16le").toString("latin1"), Buffer.from(secret).toString("base64")]
        const found = Object.entries(places).flatMap(([place, text]) =>
          secrets.flatMap((secret) => forms(secret).some((form) => text.includes(form)) ? [`${place}: ${secret.slice(0, 24)}…`] : [])
        )
        expect(found).toEqual([])
        expect(secrets.length).toBeGreaterThan(15)
      } finally {
        if (server.exitCode === null) server.kill("SIGKILL")
      }
    }, timeout)
  })
}
