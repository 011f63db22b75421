import { describe, expect, test } from "bun:test"
import { Context, Effect, Layer, Redacted } from "effect"
import * as Cutover from "../../../application/cutover/Cutover.ts"
import type { Sides } from "../../../application/cutover/Sides.ts"
import { EventStore, ExpectedVersion } from "../../../application/ports/EventStore.ts"
import { InlineProjections } from "../../../application/eventsourcing/Projection.ts"
import * as Tokens from "../../../application/features/Tokens.ts"
import * as AesGcmSecrets from "../../../adapters/secrets/AesGcmSecrets.ts"
import { postgresDialect } from "../../../adapters/sql/postgresDialect.ts"
import { sqliteDialect } from "../../../adapters/sql/sqliteDialect.ts"
import { projections } from "../../../main.ts"
import * as Backends from "../../support/backends.ts"
import { freePort } from "../../support/freePort.ts"
import { logIndexes } from "../../support/logIndexes.ts"
import { directory, serve, sharedEnv, strata } from "../../support/processes.ts"
import { events, runWith } from "../../support/run.ts"

/**
 * A cutover with every server running: each serving process opens the target as soon as
 * the cutover is recorded — while the copy runs, or as it ends — beside `cutover start`,
 * which opened it first and builds its indexes after the copy. Whatever the moment, no
 * process fails to open it, the command succeeds, and every server mirrors after it; and
 * what verifies the target meanwhile says that it is still being filled.
 */

const timeout = 120_000
const servers = 4

/** The servers' master key, for what this process opens beside them. */
const masterKeys: AesGcmSecrets.MasterKeys = {
  current: { id: "master-1", key: Redacted.make(new Uint8Array(Buffer.from(sharedEnv.STRATA_MASTER_KEY, "base64"))) },
  previous: []
}

/** An origin with a log of `count` events (and a token, so that the projections hold something). */
const origin = async (count: number) => {
  const backend = Backends.sqlite
  await runWith(Layer.provideMerge(AesGcmSecrets.layer(masterKeys), backend.layer(projections)), Effect.gen(function*() {
    yield* Tokens.save("alice", "bot", {
      accessToken: Redacted.make("a-1"),
      refreshToken: Redacted.make("r-1"),
      expiresIn: 14_400,
      obtainmentTimestamp: 1_700_000_000_000,
      scopes: ["chat:read"]
    })
    const store = yield* EventStore
    for (let stream = 0; stream < count / 100; stream++) yield* store.append(`stream-${stream}`, events(100), ExpectedVersion.noStream)
  }))
  return backend.url()
}

/** Warnings and errors are what the servers must not say here. */
const env = { ...sharedEnv, STRATA_LOG_LEVEL: "warning" }

for (const target of Backends.durable) {
  describe(`a cutover to ${target.name} with ${servers} servers running`, () => {
    test("every server and cutover start open the target at once, during the copy and as it ends: none fails, and every server mirrors after", async () => {
      const cwd = directory("strata-every-server-")
      const from = await origin(3_000)
      // A fresh target: built once here (migrated), as an operator creates the database.
      await runWith(target.layer(), Effect.void)
      const to = target.url()
      const running = await Promise.all(Array.from({ length: servers }, async () => serve(from, await freePort(), cwd, env)))
      try {
        await Promise.all(running.map((server) => server.up))
        const started = await strata(["cutover", "start", "--database", from, "--to", to], cwd, env)
        // Its progress goes to stderr; a failure is a line of its own.
        expect(`${started.code} ${started.stderr.split("\n").filter((line) => line.startsWith("strata:")).join("\n")}`).toBe("0 ")
        // Each server reads the record every 100 ms, and mirrors (or leaves it to the lease's holder) once the target is open.
        const phases = await Promise.all(running.map(async (server) => {
          for (let attempt = 0; attempt < 300; attempt++) {
            const ready = await (await fetch(`${server.url}/ready`)).json() as { cutover?: { phase?: string } }
            if (ready.cutover?.phase === "mirroring") return "mirroring"
            await Bun.sleep(100)
          }
          return `not mirroring after 30 s`
        }))
        expect(phases).toEqual(running.map(() => "mirroring"))
        const complaints = running.flatMap((server) => server.lastLines().filter((line) => /"(Warn|Error|Fatal)/i.test(line)))
        expect(complaints).toEqual([])
        const indexes = await logIndexes(target)
        for (const index of (target.name === "postgres" ? postgresDialect : sqliteDialect).deferrableIndexes) expect(indexes).toContain(index.name)
      } finally {
        for (const server of running) server.process.kill("SIGTERM")
        await Promise.race([Promise.all(running.map((server) => server.process.exited)), Bun.sleep(10_000)])
        for (const server of running) server.process.kill("SIGKILL")
      }
    }, timeout)
  })
}

describe("verify while a cutover copies", () => {
  test("strata cutover verify and strata verify on the target say it is still being filled, rather than every document differing", async () => {
    const cwd = directory("strata-every-server-")
    const from = await origin(500)
    const side = (layer: Layer.Layer<any, unknown>) =>
      Layer.build(Layer.provideMerge(AesGcmSecrets.layer(masterKeys), layer).pipe(Layer.merge(Layer.succeed(InlineProjections, projections))))
    const outcome = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const sides = {
        origin: yield* side(Backends.sqlite.reopen(projections)),
        target: yield* side(Backends.postgres.layer(projections))
      } as Sides
      const to = Backends.postgres.url()
      const during: Array<{ readonly code: number; readonly out: string }> = []
      const heads: Array<number> = []
      yield* Cutover.start(sides, {
        url: to,
        label: "the target",
        // Copied, not yet built: what an operator sees who verifies now. The origin moves meanwhile.
        onCopied: () =>
          Effect.gen(function*() {
            heads.push(yield* Context.get(sides.target, EventStore).head)
            yield* Context.get(sides.origin, EventStore).append("late", events(5), ExpectedVersion.noStream)
            for (const args of [["cutover", "verify", "--database", from], ["verify", "--database", to]]) {
              const ran = yield* Effect.promise(() => strata(args, cwd))
              during.push({ code: ran.code, out: `${ran.stdout}${ran.stderr}`.trim() })
            }
          }).pipe(Effect.orDie)
      })
      const after = yield* Effect.promise(() => strata(["verify", "--database", to], cwd))
      return { during, heads, after }
    })))
    // One page of copy: the whole log as it was when the copy began.
    const [copied] = outcome.heads
    expect(copied).toBeGreaterThan(500)
    const [cutoverVerify, verify] = outcome.during
    expect(cutoverVerify!.code).toBe(0)
    expect(cutoverVerify!.out).toContain(`the target holds the log up to position ${copied} of ${copied! + 5}; its projections are built after the copy`)
    expect(cutoverVerify!.out).not.toContain("differ")
    expect(verify!.code).toBe(1)
    expect(verify!.out).toBe(
      `strata: the target holds the log up to position ${copied} of ${copied}; its projections are built after the copy: verify it once the cutover mirrors`
    )
    expect(outcome.after.code).toBe(0)
    expect(outcome.after.stdout).toContain("as a fresh replay makes them")
  }, timeout)
})
