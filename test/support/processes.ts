import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

/** strata as separate processes — servers and CLI commands — the way operators run it. */

const root = join(import.meta.dir, "../..")

/** A shared database needs the same keys in every process. */
export const sharedEnv = {
  ...process.env,
  PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}`,
  STRATA_ADMIN_TOKEN: "st_admin_cutover_acceptance_token_0123456789",
  STRATA_MASTER_KEY: Buffer.alloc(32, 9).toString("base64"),
  STRATA_LOG_LEVEL: process.env.STRATA_TEST_SERVER_LOG_LEVEL ?? "error"
}

export const directory = (prefix = "strata-proc-") => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }))
  return dir
}

const drain = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text()

export interface Server {
  readonly url: string
  readonly process: Bun.Subprocess<"ignore", "pipe", "pipe">
  /** Resolves once the server listens; rejects with what it said if it ended first. */
  readonly up: Promise<void>
  /** The last lines the server wrote to stdout (its log). */
  readonly lastLines: () => ReadonlyArray<string>
}

export const serve = (database: string, port: number, cwd: string, env: Record<string, string | undefined> = sharedEnv): Server => {
  const child = Bun.spawn([process.execPath, join(root, "main.ts"), "serve", "--database", database, "--port", String(port)], {
    cwd,
    env,
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe"
  })
  const stderr = drain(child.stderr)
  const lines: Array<string> = []
  let listening!: () => void
  const listened = new Promise<void>((resolve) => (listening = resolve))
  // Read to the end, so that a full pipe never blocks the server; the tail is kept.
  const read = (async () => {
    const decoder = new TextDecoder()
    for await (const chunk of child.stdout) {
      for (const line of decoder.decode(chunk).split("\n")) {
        if (line.length === 0) continue
        lines.push(line)
        if (/listening on http/.test(line)) listening()
      }
      if (lines.length > 200) lines.splice(0, lines.length - 200)
    }
  })()
  const up = Promise.race([
    listened,
    read.then(async () => {
      await Bun.sleep(10)
      throw new Error(`the server ended before it listened: ${lines.join("\n")}${await stderr}`)
    })
  ])
  void up.catch(() => undefined)
  return { url: `http://127.0.0.1:${port}`, process: child, up, lastLines: () => lines }
}

export interface Ran {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs a `strata` command to its end. */
export const strata = async (args: ReadonlyArray<string>, cwd: string, env: Record<string, string | undefined> = sharedEnv): Promise<Ran> => {
  const child = Bun.spawn([process.execPath, join(root, "main.ts"), ...args], { cwd, env, stdin: "ignore", stdout: "pipe", stderr: "pipe" })
  const [stdout, stderr, code] = await Promise.all([drain(child.stdout), drain(child.stderr), child.exited])
  return { code, stdout, stderr }
}

/** Starts a `strata` command and hands back the process (to kill it midway). */
export const spawnStrata = (args: ReadonlyArray<string>, cwd: string, env: Record<string, string | undefined> = sharedEnv) =>
  Bun.spawn([process.execPath, join(root, "main.ts"), ...args], { cwd, env, stdin: "ignore", stdout: "pipe", stderr: "pipe" })
