import { describe, expect, test } from "bun:test"
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { gunzipSync, gzipSync } from "node:zlib"

/**
 * `strata compact` as an operator runs it: old usage folds away, archived first when asked;
 * the archive reads back through `strata audit --archive`, and a backup restored with it is
 * the log as it was before the compaction, event for event.
 */

const root = join(import.meta.dir, "../../..")
const timeout = 120_000
const masterKey = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64")

const strata = (...args: Array<string>) => {
  const run = Bun.spawnSync(["bun", join(root, "main.ts"), ...args], {
    env: { ...process.env, STRATA_DATABASE_URL: "", STRATA_MASTER_KEY: masterKey, STRATA_RETAIN: "", STRATA_ARCHIVE_DIR: "" },
    stdout: "pipe",
    stderr: "pipe"
  })
  return { exitCode: run.exitCode, stdout: run.stdout.toString(), stderr: run.stderr.toString() }
}

const ok = (result: ReturnType<typeof strata>) => {
  if (result.exitCode !== 0) throw new Error(`strata failed (${result.exitCode}): ${result.stderr}`)
  return result.stdout
}

/** A backup's event lines (after the header and the data keys). */
const backupEvents = (file: string) => {
  const [header, ...lines] = gunzipSync(readFileSync(file)).toString().split("\n").filter((line) => line !== "")
  return lines.slice(JSON.parse(header!).dataKeys ?? 0).map((line) => JSON.parse(line) as { position: number; type: string })
}

describe("strata compact", () => {
  test("folds old usage away, archived; the archive is audited, and restored with a backup gives back the log as it was", () => {
    const dir = mkdtempSync(join(tmpdir(), "strata-compact-"))
    const db = `sqlite:${join(dir, "strata.db")}`
    const archive = join(dir, "archive")
    // The demo world records usage over the last 12 hours.
    ok(strata("seed", "--database", db))
    ok(strata("backup", "--database", db, "--out", join(dir, "before.gz")))
    const before = backupEvents(join(dir, "before.gz"))
    const usages = before.filter((event) => event.type === "UsageRecorded").length
    expect(usages).toBeGreaterThan(100)

    const compacted = ok(strata("compact", "--database", db, "--retain", "usage=1 seconds", "--archive", archive))
    expect(compacted).toContain(`usage: ${usages} events recorded before`)
    expect(compacted).toContain("archived in 1 file(s)")
    expect(ok(strata("compact", "--database", db, "--retain", "usage=1 seconds"))).toContain("usage: nothing recorded before")

    const audited = ok(strata("audit", "--database", db, "--type", "LogCompacted", "--format", "ndjson")).trim().split("\n").map((line) => JSON.parse(line))
    expect(audited).toHaveLength(1)
    expect(audited[0].data).toMatchObject({ kind: "usage", removed: usages, archive: [expect.stringContaining(archive)] })
    expect(ok(strata("audit", "--database", db, "--type", "UsageRecorded")).trim().split("\n")).toHaveLength(1)
    const fromArchive = ok(strata("audit", "--archive", archive, "--type", "UsageRecorded", "--limit", "1000", "--format", "ndjson")).trim().split("\n")
    expect(fromArchive).toHaveLength(usages)

    ok(strata("backup", "--database", db, "--out", join(dir, "after.gz")))
    const restored = ok(strata("restore", "--in", join(dir, "after.gz"), "--to", `sqlite:${join(dir, "restored.db")}`, "--archive", archive))
    expect(restored).toContain(`${usages} archived events put back in their places`)
    ok(strata("backup", "--database", `sqlite:${join(dir, "restored.db")}`, "--out", join(dir, "restored.gz")))
    const back = backupEvents(join(dir, "restored.gz"))
    // Every event as it was; the compaction's own record after them.
    expect(back.slice(0, before.length)).toEqual(before)
    expect(back.slice(before.length).map((event) => event.type)).toEqual(["LogCompacted"])
  }, timeout)

  test("an archive changed after it was written is refused, naming the segment; bad retention is one line and exit 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "strata-compact-"))
    const db = `sqlite:${join(dir, "strata.db")}`
    const archive = join(dir, "archive")
    ok(strata("seed", "--database", db))
    ok(strata("compact", "--database", db, "--retain", "usage=1 seconds", "--archive", archive))
    const [segment] = readdirSync(archive)
    const file = join(archive, segment!)
    const text = gunzipSync(readFileSync(file)).toString()
    writeFileSync(file, gzipSync(text.replace(/"tokens":(\d+)/, (_, tokens) => `"tokens":${Number(tokens) + 1}`)))
    const audited = strata("audit", "--archive", archive)
    expect(audited.exitCode).toBe(1)
    expect(audited.stderr).toContain(`${segment} does not match its header`)

    const bad = strata("compact", "--database", db, "--retain", "usage=soon")
    expect(bad.exitCode).toBe(1)
    expect(bad.stderr.trim()).toBe(`strata: retention "usage=soon": "soon" is not a duration (e.g. 30 days, 12 hours)`)
    const unknown = strata("compact", "--database", db, "--retain", "messages=30 days")
    expect(unknown.exitCode).toBe(1)
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1)
  }, timeout)

  // A server's schedule tells a run skipped (the log is another's now; the next interval goes
  // on) from one that failed: by the exit code, not by the wording of the message.
  test("a run refused because a cutover has the log exits 75, try again later, in one line", () => {
    const dir = mkdtempSync(join(tmpdir(), "strata-compact-"))
    const db = `sqlite:${join(dir, "strata.db")}`
    ok(strata("seed", "--database", db))
    ok(strata("cutover", "start", "--database", db, "--to", `sqlite:${join(dir, "next.db")}`))
    const refused = strata("compact", "--database", db, "--retain", "usage=1 seconds")
    expect(refused.stderr.trim()).toBe("strata: a cutover is under way: its copy and verify compare this log as it is; compact after it finishes")
    expect(refused.exitCode).toBe(75)
  }, timeout)
})
