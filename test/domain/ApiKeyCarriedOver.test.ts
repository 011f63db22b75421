import { describe, expect, test } from "bun:test"
import * as ApiKey from "../../domain/ApiKey.ts"
import { DeciderSpec } from "../../domain/DeciderSpec.ts"

/** An imported key keeps the lifetime and last use its old service counted, beyond the windows it kept. */

const t0 = Date.UTC(2026, 0, 1, 12)
const hour = 60 * 60 * 1000
const created = ApiKey.ApiKeyCreated.make({
  keyId: "k1",
  owner: "alice",
  name: "gateway",
  model: null,
  tokenLimitPer5h: 1000,
  expiresAt: null,
  secretHash: "h",
  createdAt: t0 - 90 * 24 * hour
})
const window = ApiKey.UsageRecorded.make({ tokens: 120, at: t0 - hour, windowStart: t0 - hour })
const carried = ApiKey.UsageCarriedOver.make({ lifetimeTokens: 987_654, lastUsed: t0 - 10 * 60_000 })
const stateOf = (events: ReadonlyArray<ApiKey.ApiKeyEvent>) => events.reduce(ApiKey.evolve, ApiKey.decider.initialState) as ApiKey.ActiveKey

describe("API keys: usage carried over from an old service", () => {
  test("the lifetime total and last use are the old service's, the windows it kept still count", () => {
    const key = stateOf([created, window, carried])
    expect(key).toMatchObject({ lifetimeTokens: 987_654, lastUsed: t0 - 10 * 60_000, windows: [{ start: t0 - hour, tokens: 120 }] })
    expect(ApiKey.currentUsage(key, t0)).toBe(120)
  })

  test("usage after the import adds to the carried-over total, in the window that was open", () => {
    DeciderSpec.for(ApiKey.decider).given([created, window, carried])
      .when(ApiKey.RecordUsage.make({ keyId: "k1", tokens: 30, at: t0, enforceQuota: true }))
      .then([ApiKey.UsageRecorded.make({ tokens: 30, at: t0, windowStart: t0 - hour })])
    const key = stateOf([created, window, carried, ApiKey.UsageRecorded.make({ tokens: 30, at: t0, windowStart: t0 - hour })])
    expect(key).toMatchObject({ lifetimeTokens: 987_684, lastUsed: t0, windows: [{ start: t0 - hour, tokens: 150 }] })
  })

  test("a key never used keeps no last use", () => {
    expect(stateOf([created, ApiKey.UsageCarriedOver.make({ lifetimeTokens: 0, lastUsed: null })])).toMatchObject({ lifetimeTokens: 0, lastUsed: null })
  })
})
