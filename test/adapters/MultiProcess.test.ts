import { describe, expect, test } from "bun:test"
import { join } from "node:path"
import { Effect } from "effect"
import { EventStore } from "../../application/ports/EventStore.ts"
import { counter } from "../support/counterProcess.ts"
import * as Backends from "../support/backends.ts"
import { freePort } from "../support/freePort.ts"
import { freshDatabase } from "../support/postgres.ts"
import { directory, serve } from "../support/processes.ts"
import { events, runWith } from "../support/run.ts"

/**
 * Several processes on one database: they may start at the same moment on a fresh one,
 * and one waits for another's write lock instead of failing.
 */

const root = join(import.meta.dir, "../..")
const timeout = 90_000

/** Everything a stream says until it ends. */
const drain = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text()

/** Starts `count` servers at once on one fresh database; every one must come up and be ready. */
const startTogether = async (database: string, count: number) => {
  const cwd = directory("strata-multi-")
  const ports = await Promise.all(Array.from({ length: count }, freePort))
  const servers = ports.map((port) => serve(database, port, cwd))
  try {
    const results = await Promise.allSettled(servers.map((server) => server.up))
    const failures = results.flatMap((result) => result.status === "rejected" ? [String(result.reason).trim()] : [])
    expect(failures).toEqual([])
    // What each server answers, or why it could not (with its last log lines), so that a failure names its cause.
    const answers = await Promise.all(servers.map(async (server) => {
      const answer = await fetch(`${server.url}/ready`).then(
        async (ready) => ready.status === 200 ? "ready" : `${ready.status} ${await ready.text()}`,
        (error) => `no answer (${String(error)}), exit code ${server.process.exitCode}`
      )
      return answer === "ready" ? answer : `${answer}\n${server.lastLines().join("\n")}`
    }))
    expect(answers).toEqual(servers.map(() => "ready"))
  } finally {
    for (const server of servers) server.process.kill("SIGTERM")
    await Promise.all(servers.map((server) => server.process.exited))
  }
}

describe("several processes started at the same moment on a fresh database all come up", () => {
  test("sqlite", async () => {
    await startTogether(`sqlite:${join(directory("strata-multi-"), "strata.db")}`, 4)
  }, timeout)

  test("libsql (file)", async () => {
    await startTogether(`file:${join(directory("strata-multi-"), "strata.db")}`, 3)
  }, timeout)

  test("postgres", async () => {
    await startTogether(await freshDatabase(), 3)
  }, timeout)
})

/**
 * Another process takes the file's write lock and holds it for 2 s (bun:sqlite and
 * libsql block their thread while they wait, so the holder must be another process).
 */
const holdWriteLock = async (filename: string) => {
  const holder = Bun.spawn([process.execPath, "-e", `
    const { Database } = require("bun:sqlite")
    const db = new Database(${JSON.stringify(filename)})
    db.run("PRAGMA busy_timeout = 5000")
    db.run("BEGIN IMMEDIATE")
    db.run("UPDATE strata_log SET fenced_at = fenced_at WHERE id = 1")
    console.log("locked")
    Bun.sleepSync(2000)
    db.run("COMMIT")
    db.close()
  `], { stdout: "pipe", stderr: "pipe" })
  const reader = holder.stdout.getReader()
  const { value } = await reader.read()
  if (!new TextDecoder().decode(value).includes("locked")) {
    throw new Error(`the lock holder failed: ${await drain(holder.stderr)}`)
  }
  return holder
}

for (const backend of [Backends.sqlite, Backends.libsql]) {
  test(`${backend.name}: an append waits for another process's write lock and lands`, async () => {
    // A first transaction (the migrations) must not take the waiting away from later connections.
    await runWith(backend.layer(), Effect.flatMap(EventStore, (store) => store.append("warm-up", events(1))))
    const filename = backend.url().replace(/^(sqlite|file):/, "")
    const head = await runWith(
      backend.reopen(),
      Effect.gen(function*() {
        const store = yield* EventStore
        // A transaction first, as the migrations and rebuilds run at startup.
        yield* store.append("before", events(2))
        const holder = yield* Effect.promise(() => holdWriteLock(filename))
        yield* store.append("during", events(1))
        expect(yield* Effect.promise(() => holder.exited)).toBe(0)
        return yield* store.head
      })
    )
    expect(head).toBe(4)
  }, timeout)
}

for (const backend of Backends.durable) {
  test(`${backend.name}: processes starting together with a new projection version apply each event once`, async () => {
    const total = 2_500
    await runWith(
      backend.layer([counter(1)]),
      Effect.flatMap(EventStore, (store) =>
        Effect.forEach(Array.from({ length: 25 }, (_, stream) => stream), (stream) =>
          store.append(`counted-${stream}`, events(total / 25, "Counted")), { discard: true }))
    )
    // Three processes find the projection at an older version and rebuild it at once.
    const children = [0, 1, 2].map(() =>
      Bun.spawn([process.execPath, join(root, "test/support/counterProcess.ts"), backend.url(), "2"], {
        stdout: "pipe",
        stderr: "pipe"
      })
    )
    const outputs = await Promise.all(children.map(async (child) => {
      const [out, err] = await Promise.all([drain(child.stdout), drain(child.stderr)])
      return (await child.exited) === 0 ? out.trim() : err.trim()
    }))
    expect(outputs).toEqual(outputs.map(() => JSON.stringify({ count: total })))
  }, timeout)
}
