import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process"
import { chownSync, mkdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { freePort } from "../support/freePort.ts"
import { reachableBinaries, serverAccount } from "../support/postgres.ts"

/**
 * A Postgres server of one test's own, which the test may stop and start again (the suite's
 * shared server must stay up for the others). Binaries and the root → `postgres` account
 * handling as in `test/support/postgres.ts`: the packaged binaries when that account can run
 * them, else the copy that harness makes under the tmp directory (the harness's own code).
 */

export interface DedicatedPostgres {
  readonly url: string
  /** Fast shutdown (SIGINT): connections are closed, new ones refused until `start`. */
  readonly stop: () => Promise<void>
  readonly start: () => Promise<void>
  /** Stops for good and removes the data directory. */
  readonly remove: () => Promise<void>
}

export const startDedicatedPostgres = async (): Promise<DedicatedPostgres> => {
  const user = serverAccount()
  const { initdb, postgres } = await reachableBinaries(user)
  const dir = join(tmpdir(), "strata-test-pg", `proof-${process.pid}-${Date.now()}`)
  const data = join(dir, "data")
  mkdirSync(data, { recursive: true })
  const password = "strata-proof"
  const passwordFile = join(dir, "password")
  writeFileSync(passwordFile, `${password}\n`)
  if (user !== undefined) {
    execFileSync("chmod", ["a+rx", join(tmpdir(), "strata-test-pg"), dir])
    chownSync(data, user.uid, user.gid)
    chownSync(passwordFile, user.uid, user.gid)
  }
  const init = spawnSync(initdb, [`--pgdata=${data}`, "--auth=password", "--username=postgres", `--pwfile=${passwordFile}`, "--encoding=UTF8", "--no-locale"], {
    ...user,
    env: { ...process.env, LC_ALL: "C" },
    encoding: "utf8",
    timeout: 60_000
  })
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`)
  const port = await freePort()
  let child: ChildProcess | undefined
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const server = spawn(postgres, [
        "-D", data, "-p", String(port),
        "-c", "fsync=off", "-c", "unix_socket_directories=", "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=100"
      ], { ...user, env: { ...process.env, LC_ALL: "C" } })
      child = server
      let output = ""
      const timer = setTimeout(() => reject(new Error(`postgres did not start: ${output}`)), 60_000)
      server.stdout.resume()
      server.stderr.on("data", (chunk) => {
        output += chunk
        if (output.includes("database system is ready to accept connections")) clearTimeout(timer), resolve()
      })
      server.once("close", (code) => (clearTimeout(timer), reject(new Error(`postgres exited (${code}): ${output}`))))
    })
  const stop = async () => {
    const server = child
    if (server === undefined || server.exitCode !== null) return
    const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()))
    server.kill("SIGINT")
    await exited
  }
  const kill = () => {
    try {
      child?.kill("SIGKILL")
    } catch {
      // gone
    }
  }
  process.once("exit", kill)
  await start()
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop,
    start,
    remove: async () => {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
