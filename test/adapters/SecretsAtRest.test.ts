import { describe, expect, test } from "bun:test"
import { Effect, Logger, Redacted, References } from "effect"
import * as Tokens from "../../application/features/Tokens.ts"
import * as Backends from "../support/backends.ts"
import { appLayer } from "../support/app.ts"
import { runWith } from "../support/run.ts"

const timeout = 60_000

/** Distinctive values: if they appear anywhere at rest or in a log line, a secret leaked. */
const accessToken = "PLAINTEXT-ACCESS-4c1d9e7a"
const refreshToken = "PLAINTEXT-REFRESH-8b2f6d31"

for (const backend of Backends.durable) {
  describe(`secrets at rest: ${backend.name}`, () => {
    test("no secret appears in plaintext in the database or in the logs", async () => {
      const logged: Array<string> = []
      const capture = Logger.make(({ message, fiber }) => {
        logged.push(JSON.stringify({ message, annotations: fiber.getRef(References.CurrentLogAnnotations) }))
      })
      const errors = await runWith(appLayer(backend), Effect.gen(function*() {
        yield* Effect.logDebug("saving a token", { token: Redacted.make(accessToken) })
        const { version } = yield* Tokens.save("alice", "bot", {
          accessToken: Redacted.make(accessToken),
          refreshToken: Redacted.make(refreshToken),
          expiresIn: 3600,
          obtainmentTimestamp: Date.now(),
          scopes: []
        })
        const token = yield* Tokens.get("alice", "bot")
        yield* Effect.logInfo("token read", token)
        const stale = {
          accessToken: Redacted.make(accessToken),
          refreshToken: Redacted.make(refreshToken),
          expiresIn: 1,
          obtainmentTimestamp: 0,
          scopes: []
        }
        yield* Tokens.refresh("alice", "bot", version, stale)
        const conflict = yield* Effect.flip(Tokens.refresh("alice", "bot", version, stale))
        return [String(conflict), JSON.stringify(conflict), String(token.accessToken), JSON.stringify(token)]
      }).pipe(Effect.provideService(References.MinimumLogLevel, "All"), Effect.provide(Logger.layer([capture]))))

      const atRest = await backend.contents()
      expect(atRest).toContain("TokenRefreshed")
      for (const secret of [accessToken, refreshToken]) {
        expect(atRest).not.toContain(secret)
        expect(logged.join("\n")).not.toContain(secret)
        expect(errors.join("\n")).not.toContain(secret)
      }
      expect(logged.length).toBeGreaterThan(1)
    }, timeout)
  })
}
