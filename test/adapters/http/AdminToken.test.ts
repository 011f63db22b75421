import { describe, expect, test } from "bun:test"
import { mkdtempSync, readFileSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { ConfigProvider, Console, Effect, Redacted } from "effect"
import { AdminToken, adminTokenLayer } from "../../../adapters/http/Auth.ts"
import { freePort } from "../../support/freePort.ts"

const root = join(import.meta.dir, "../../..")

/** The lines a layer prints, and the token it gives, with `STRATA_ADMIN_TOKEN` unset. */
const generate = async (file: string | "ephemeral", terminal: boolean) => {
  const printed: Array<string> = []
  const console = {
    log: (...args: ReadonlyArray<unknown>) => void printed.push(args.join(" "))
  }
  const token = await Effect.runPromise(
    Effect.map(Effect.service(AdminToken), Redacted.value).pipe(
      Effect.provide(adminTokenLayer(file, { terminal })),
      Effect.provideService(Console.Console, console as never),
      Effect.provideService(ConfigProvider.ConfigProvider, ConfigProvider.fromEnv({ env: {} }))
    )
  )
  return { token, printed: printed.join("\n") }
}

describe("the generated admin token", () => {
  test("off a terminal, only where the file is is printed, never the token", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "strata-admin-")), "admin.token")
    const { printed, token } = await generate(file, false)
    expect(readFileSync(file, "utf8").trim()).toBe(token)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(printed).toContain(file)
    expect(printed).not.toContain(token)
  })

  test("on a terminal, it is shown once", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "strata-admin-")), "admin.token")
    const { printed, token } = await generate(file, true)
    expect(printed).toContain(token)
    expect((await generate(file, true)).printed).toBe("")
  })

  test("an in-memory store's token, off a terminal, goes to a file of its own", async () => {
    const { printed, token } = await generate("ephemeral", false)
    expect(printed).not.toContain(token)
    const file = /(\/\S+admin\.token)/.exec(printed)?.[1]
    expect(file).toBeDefined()
    expect(readFileSync(file!, "utf8").trim()).toBe(token)
    expect(statSync(file!).mode & 0o777).toBe(0o600)
  })

  test("strata serve with its output collected does not write the token there", async () => {
    const directory = mkdtempSync(join(tmpdir(), "strata-serve-"))
    const port = await freePort()
    const { STRATA_ADMIN_TOKEN: _, ...env } = process.env
    const server = Bun.spawn(["bun", join(root, "main.ts"), "serve", "--database", `sqlite:${join(directory, "strata.db")}`, "--port", String(port)], {
      cwd: directory,
      env: { ...env, PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}` },
      stdout: "pipe",
      stderr: "pipe"
    })
    const killer = setTimeout(() => server.kill("SIGKILL"), 30_000)
    const reader = server.stdout.getReader()
    let output = ""
    while (!/listening on/.test(output)) {
      const { done, value } = await reader.read()
      if (done) break
      output += new TextDecoder().decode(value)
    }
    server.kill("SIGTERM")
    await server.exited
    clearTimeout(killer)
    const token = readFileSync(join(directory, "admin.token"), "utf8").trim()
    expect(output).toContain(join(directory, "admin.token"))
    expect(output).not.toContain(token)
  }, 60_000)
})
