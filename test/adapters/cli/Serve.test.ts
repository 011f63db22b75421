import { describe, expect, test } from "bun:test"
import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { freePort } from "../../support/freePort.ts"

const root = join(import.meta.dir, "../../..")


/** Reads the process's output until `pattern` shows up. */
const waitFor = async (stream: ReadableStream<Uint8Array>, pattern: RegExp, seen: Array<string>) => {
  const reader = stream.getReader()
  const decoder = new TextDecoder()
  while (!pattern.test(seen.join(""))) {
    const { done, value } = await reader.read()
    if (done) throw new Error(`the server ended before printing ${pattern}: ${seen.join("")}`)
    seen.push(decoder.decode(value))
  }
  reader.releaseLock()
}

describe("strata serve", () => {
  test("serves the API, then on SIGTERM stops accepting, finishes, closes the database and exits 0", async () => {
    const directory = mkdtempSync(join(tmpdir(), "strata-serve-"))
    const database = join(directory, "strata.db")
    const port = await freePort()
    const server = Bun.spawn([process.execPath, join(root, "main.ts"), "serve", "--database", `sqlite:${database}`, "--port", String(port)], {
      cwd: directory,
      env: { ...process.env, PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}` },
      stdout: "pipe",
      stderr: "pipe"
    })
    const output: Array<string> = []
    await waitFor(server.stdout, /listening on http:\/\/127\.0\.0\.1:\d+/, output)
    // Off a terminal, the output names the token's file and never holds the token.
    expect(output.join("")).toContain(`generated an admin token: it is in ${join(directory, "admin.token")}`)
    const token = readFileSync(join(directory, "admin.token"), "utf8").trim()
    expect(output.join("")).not.toContain(token)

    const saved = await fetch(`http://127.0.0.1:${port}/v1/admin/keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ owner: "alice", name: "k", tokenLimitPer5h: 5 })
    })
    expect(saved.status).toBe(201)
    expect(existsSync(`${database}-wal`)).toBe(true)
    // /ready says which database this process serves (the console's Overview shows it).
    expect(await (await fetch(`http://127.0.0.1:${port}/ready`)).json()).toMatchObject({ status: "ready", database: `sqlite:${database}` })

    server.kill("SIGTERM")
    expect(await server.exited).toBe(0)
    // Structured logs: a JSON line per request, with its id, route and status.
    const rest: Array<string> = []
    const reader = server.stdout.getReader()
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest.push(new TextDecoder().decode(chunk.value))
    const logged = [...output, ...rest].join("").split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line))
    const request = logged.find((entry) => entry.message === "request" && entry.annotations.route === "/v1/admin/keys")
    expect(request.annotations).toMatchObject({ method: "POST", status: 201 })
    expect(request.annotations.requestId).toBe(saved.headers.get("x-request-id"))
    // SQLite removes the write-ahead log when its last connection closes cleanly.
    expect(existsSync(`${database}-wal`)).toBe(false)
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow()
  }, 60_000)

  test("a port already in use is one line on stderr naming the address and the cause, and exit code 1", async () => {
    const directory = mkdtempSync(join(tmpdir(), "strata-serve-"))
    const port = await freePort()
    const occupant = createServer()
    await new Promise<void>((resolve) => occupant.listen(port, "127.0.0.1", resolve))
    try {
      const run = Bun.spawn([process.execPath, join(root, "main.ts"), "serve", "--database", `sqlite:${join(directory, "strata.db")}`, "--port", String(port)], {
        cwd: directory,
        stdout: "pipe",
        stderr: "pipe"
      })
      expect(await run.exited).toBe(1)
      const message = (await new Response(run.stderr).text()).trim()
      expect(message.split("\n")).toHaveLength(1)
      expect(message).toStartWith("strata: ")
      expect(message).toContain(`127.0.0.1:${port}`)
      expect(message).toContain("in use")
    } finally {
      occupant.close()
    }
  }, 60_000)

  test("a bad database URL is one line on stderr and exit code 1; bad usage is exit code 2", async () => {
    const bad = Bun.spawnSync([process.execPath, join(root, "main.ts"), "serve", "--database", "mysql://root:hunter2@db/x"], { stderr: "pipe" })
    expect(bad.exitCode).toBe(1)
    const message = bad.stderr.toString().trim()
    expect(message.split("\n")).toHaveLength(1)
    expect(message).toContain("accepted: sqlite:")
    expect(message).not.toContain("hunter2")
    const usage = Bun.spawnSync([process.execPath, join(root, "main.ts"), "serve", "--port", "not-a-port"], { stderr: "pipe", stdout: "pipe" })
    expect(usage.exitCode).toBe(2)
  }, 60_000)
})
