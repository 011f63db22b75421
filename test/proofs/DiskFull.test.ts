import { Database } from "bun:sqlite"
import { afterAll, describe, expect, test } from "bun:test"
import { spawnSync } from "node:child_process"
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { makeOwner, serve, strata } from "./Harness.ts"

/**
 * SQLite on a full disk: a tmpfs of a few MiB that the test mounts (we run as root; where
 * mounting is not permitted the test fails saying so, rather than skipping). Filled up by
 * a file beside the database, appends fail with a 503 problem and Retry-After (never 500),
 * the database stays intact (`PRAGMA integrity_check`, `strata verify`), and once the space
 * is freed writes succeed again without a restart.
 */

const mountPoint = mkdtempSync(join(tmpdir(), "strata-full-"))
const canMount = spawnSync("mount", ["-t", "tmpfs", "-o", "size=6m", "tmpfs", mountPoint]).status === 0
afterAll(() => {
  if (canMount) spawnSync("umount", ["-l", mountPoint])
  rmSync(mountPoint, { recursive: true, force: true })
})

/** Writes a file until the filesystem refuses; its size. */
const fill = (file: string) => {
  const fd = openSync(file, "w")
  const chunk = Buffer.alloc(64 * 1024, 1)
  let written = 0
  try {
    for (;;) written += writeSync(fd, chunk)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error
    // The last bytes too: small writes until nothing fits.
    try {
      for (;;) written += writeSync(fd, Buffer.alloc(512, 1))
    } catch {
      // full
    }
  } finally {
    closeSync(fd)
  }
  return written
}

describe("disk full: SQLite on a small filesystem", () => {
  test(`appends fail with 503 and Retry-After, the database stays intact, writes resume once space is freed (${canMount ? "tmpfs of 6 MiB" : "mounting refused"})`, async () => {
    // Mounting needs CAP_SYS_ADMIN: say so instead of passing vacuously.
    expect(canMount ? "mounted" : `cannot mount a tmpfs at ${mountPoint} (needs root with CAP_SYS_ADMIN)`).toBe("mounted")
    const directory = join(mountPoint, "data")
    mkdirSync(directory)
    const filename = join(directory, "strata.db")
    const database = `sqlite:${filename}`
    // The server's own log goes outside the small filesystem.
    const served = await serve({ database, directory: mkdtempSync(join(tmpdir(), "strata-full-log-")) })
    try {
      const owner = await makeOwner(served.url, "owner-0")
      const post = (content: string) =>
        fetch(`${served.url}/v1/sessions/${owner.sessionId}/messages`, {
          method: "POST",
          headers: { authorization: `Bearer ${owner.secret}`, "content-type": "application/json" },
          body: JSON.stringify({ content })
        })
      const before = await post("before the disk filled up")
      expect(before.status).toBe(201)
      const filler = join(mountPoint, "filler")
      fill(filler)
      // Large messages until the database cannot grow.
      const refused: Array<{ status: number; retryAfter: string | null; type: string | null; body: any }> = []
      let accepted = 0
      for (let attempt = 0; attempt < 200 && refused.length < 5; attempt++) {
        const response = await post(`${attempt} ${"x".repeat(100_000)}`)
        if (response.status === 201) {
          accepted++
          await response.arrayBuffer()
        } else {
          refused.push({ status: response.status, retryAfter: response.headers.get("retry-after"), type: response.headers.get("content-type"), body: await response.json() })
        }
      }
      expect(refused.length).toBeGreaterThan(0)
      for (const answer of refused) {
        expect(`${answer.status} ${answer.body.type}`).toBe("503 urn:strata:problem:unavailable")
        expect(answer.retryAfter).not.toBeNull()
        expect(answer.type).toStartWith("application/problem+json")
      }
      // The server stays up and still reads.
      const read = await fetch(`${served.url}/v1/sessions/${owner.sessionId}/messages?limit=1`, { headers: { authorization: `Bearer ${owner.secret}` } })
      expect(read.status).toBe(200)
      // Space freed: writes succeed again, on the same process.
      rmSync(filler)
      const after = await post("after the space was freed")
      expect(after.status).toBe(201)
      const usage = await fetch(`${served.url}/v1/usage`, {
        method: "POST",
        headers: { authorization: `Bearer ${owner.secret}`, "content-type": "application/json" },
        body: JSON.stringify({ tokens: 5 })
      })
      expect(usage.status).toBe(200)
    } finally {
      served.process.kill("SIGTERM")
      await served.process.exited
    }
    const db = new Database(filename, { readonly: true })
    expect(db.query("PRAGMA integrity_check").all()).toEqual([{ integrity_check: "ok" }])
    db.close()
    const verify = await strata(["verify", "--database", database], directory)
    expect(`${verify.code} ${verify.stderr}`).toBe("0 ")
  }, 90_000)
})
