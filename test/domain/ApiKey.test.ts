import { describe, expect, test } from "bun:test"
import * as ApiKey from "../../domain/ApiKey.ts"
import { DeciderSpec } from "../../domain/DeciderSpec.ts"

const t0 = Date.UTC(2026, 0, 1, 12)
const hour = 60 * 60 * 1000
const created = ApiKey.ApiKeyCreated.make({
  keyId: "k1",
  owner: "alice",
  name: "gateway",
  model: "glm-4.6",
  tokenLimitPer5h: 1000,
  expiresAt: t0 + 48 * hour,
  secretHash: "h",
  createdAt: t0
})
const usage = (tokens: number, at: number, windowStart: number) => ApiKey.UsageRecorded.make({ tokens, at, windowStart })
const record = (tokens: number, at: number, enforceQuota = true) => ApiKey.RecordUsage.make({ keyId: "k1", tokens, at, enforceQuota })
const keys = DeciderSpec.for(ApiKey.decider)

describe("API keys", () => {
  test("a key is created with a limit > 0 and a name", () => {
    const create = { keyId: "k1", owner: "alice", name: "gateway", model: "glm-4.6", expiresAt: t0 + 48 * hour, secretHash: "h", at: t0, by: "admin" as const }
    keys.given([]).when(ApiKey.CreateApiKey.make({ ...create, tokenLimitPer5h: 1000 })).then([created])
    keys.given([]).when(ApiKey.CreateApiKey.make({ ...create, tokenLimitPer5h: 0 }))
      .thenRefused(new ApiKey.InvalidApiKey({ reason: "the token limit must be a whole number > 0" }))
    keys.given([]).when(ApiKey.CreateApiKey.make({ ...create, tokenLimitPer5h: 1.5 }))
      .thenRefused(new ApiKey.InvalidApiKey({ reason: "the token limit must be a whole number > 0" }))
    // Whole, but past what a double holds exactly: the event's schema could not record it, so the decider refuses it.
    for (const tokenLimitPer5h of [2 ** 53, 1e21, 1e308]) {
      keys.given([]).when(ApiKey.CreateApiKey.make({ ...create, tokenLimitPer5h }))
        .thenRefused(new ApiKey.InvalidApiKey({ reason: "the token limit must be a whole number > 0" }))
      keys.given([created]).when(ApiKey.UpdateApiKey.make({ keyId: "k1", by: "admin", tokenLimitPer5h }))
        .thenRefused(new ApiKey.InvalidApiKey({ reason: "the token limit must be a whole number > 0" }))
      keys.given([created]).when(record(tokenLimitPer5h, t0, false))
        .thenRefused(new ApiKey.InvalidApiKey({ reason: "tokens must be a whole number ≥ 0" }))
    }
    keys.given([]).when(ApiKey.CreateApiKey.make({ ...create, name: "", tokenLimitPer5h: 10 }))
      .thenRefused(new ApiKey.InvalidApiKey({ reason: "the name is empty" }))
    keys.given([created]).when(ApiKey.CreateApiKey.make({ ...create, tokenLimitPer5h: 10 }))
      .thenRefused(new ApiKey.ApiKeyExists({ keyId: "k1" }))
  })

  test("updates are validated; an empty update records nothing", () => {
    keys.given([created]).when(ApiKey.UpdateApiKey.make({ keyId: "k1", by: "admin", tokenLimitPer5h: 500, model: null }))
      .then([ApiKey.ApiKeyUpdated.make({ tokenLimitPer5h: 500, model: null })])
    keys.given([created]).when(ApiKey.UpdateApiKey.make({ keyId: "k1", by: "admin", tokenLimitPer5h: -1 }))
      .thenRefused(new ApiKey.InvalidApiKey({ reason: "the token limit must be a whole number > 0" }))
    keys.given([created]).when(ApiKey.UpdateApiKey.make({ keyId: "k1", by: "admin" })).then([])
  })

  test("an owner's key may narrow a key, never widen it: no new key, no higher limit, no longer life", () => {
    const asOwner = (change: Omit<typeof ApiKey.UpdateApiKey.Type, "_tag" | "keyId" | "by">) =>
      ApiKey.UpdateApiKey.make({ keyId: "k1", by: "owner", ...change })
    const create = { keyId: "k2", owner: "alice", name: "mine", model: null, expiresAt: null, secretHash: "h2", at: t0, tokenLimitPer5h: 1 }
    keys.given([]).when(ApiKey.CreateApiKey.make({ ...create, by: "owner" }))
      .thenRefused(new ApiKey.KeyChangeForbidden({ keyId: "k2", reason: "an owner's key cannot create keys" }))
    const raise = new ApiKey.KeyChangeForbidden({ keyId: "k1", reason: "an owner's key cannot raise a key's token limit" })
    const extend = new ApiKey.KeyChangeForbidden({ keyId: "k1", reason: "an owner's key cannot extend a key's life" })
    keys.given([created]).when(asOwner({ tokenLimitPer5h: 1001 })).thenRefused(raise)
    keys.given([created]).when(asOwner({ name: "x", tokenLimitPer5h: 1e12 })).thenRefused(raise)
    keys.given([created]).when(asOwner({ expiresAt: null })).thenRefused(extend)
    keys.given([created]).when(asOwner({ expiresAt: t0 + 48 * hour + 1 })).thenRefused(extend)
    keys.given([created]).when(asOwner({ name: "renamed", model: null, tokenLimitPer5h: 1000, expiresAt: t0 + 48 * hour }))
      .then([ApiKey.ApiKeyUpdated.make({ name: "renamed", model: null, tokenLimitPer5h: 1000, expiresAt: t0 + 48 * hour })])
    keys.given([created]).when(asOwner({ tokenLimitPer5h: 10, expiresAt: t0 + hour }))
      .then([ApiKey.ApiKeyUpdated.make({ tokenLimitPer5h: 10, expiresAt: t0 + hour })])
    // A key that never expired may be given an end by its owner.
    const forever = ApiKey.ApiKeyCreated.make({ ...created, expiresAt: null })
    keys.given([forever]).when(asOwner({ expiresAt: t0 })).then([ApiKey.ApiKeyUpdated.make({ expiresAt: t0 })])
    // The admin decides limits and expiry.
    keys.given([created]).when(ApiKey.UpdateApiKey.make({ keyId: "k1", by: "admin", tokenLimitPer5h: 1e6, expiresAt: null }))
      .then([ApiKey.ApiKeyUpdated.make({ tokenLimitPer5h: 1e6, expiresAt: null })])
  })

  test("usage opens a window and counts in it for 5 hours", () => {
    keys.given([created]).when(record(10, t0 + hour)).then([usage(10, t0 + hour, t0 + hour)])
    keys.given([created, usage(10, t0 + hour, t0 + hour)]).when(record(20, t0 + 5 * hour)).then([usage(20, t0 + 5 * hour, t0 + hour)])
    keys.given([created, usage(10, t0 + hour, t0 + hour)]).when(record(20, t0 + 6 * hour)).then([usage(20, t0 + 6 * hour, t0 + 6 * hour)])
  })

  test("tokens must be a whole number ≥ 0; zero is a usage too", () => {
    keys.given([created]).when(record(-1, t0)).thenRefused(new ApiKey.InvalidApiKey({ reason: "tokens must be a whole number ≥ 0" }))
    keys.given([created]).when(record(0, t0)).then([usage(0, t0, t0)])
  })

  test("usage past the limit is refused with what remains and when the window frees up", () => {
    keys.given([created, usage(900, t0, t0)]).when(record(101, t0 + hour))
      .thenRefused(new ApiKey.QuotaExceeded({ keyId: "k1", requested: 101, remainingTokens: 100, resetsAt: t0 + 5 * hour }))
    keys.given([created, usage(900, t0, t0)]).when(record(100, t0 + hour)).then([usage(100, t0 + hour, t0)])
  })

  test("without enforcement, usage past the limit is only counted", () => {
    keys.given([created, usage(900, t0, t0)]).when(record(500, t0 + hour, false)).then([usage(500, t0 + hour, t0)])
  })

  test("an expired key refuses usage", () => {
    keys.given([created]).when(record(1, t0 + 48 * hour)).thenRefused(new ApiKey.ApiKeyExpired({ keyId: "k1", expiredAt: t0 + 48 * hour }))
  })

  test("a deleted key refuses usage, updates and deletion", () => {
    const deleted = [created, ApiKey.ApiKeyDeleted.make({})]
    keys.given(deleted).when(record(1, t0)).thenRefused(new ApiKey.ApiKeyNotFound({ keyId: "k1" }))
    keys.given(deleted).when(ApiKey.UpdateApiKey.make({ keyId: "k1", by: "admin", name: "x" })).thenRefused(new ApiKey.ApiKeyNotFound({ keyId: "k1" }))
    keys.given(deleted).when(ApiKey.DeleteApiKey.make({ keyId: "k1" })).thenRefused(new ApiKey.ApiKeyNotFound({ keyId: "k1" }))
  })

  test("the state keeps lifetime tokens, last use and recent windows", () => {
    const state = [created, usage(10, t0, t0), usage(5, t0 + hour, t0), usage(7, t0 + 6 * hour, t0 + 6 * hour)]
      .reduce(ApiKey.evolve, ApiKey.decider.initialState) as ApiKey.ActiveKey
    expect(state.lifetimeTokens).toBe(22)
    expect(state.lastUsed).toBe(t0 + 6 * hour)
    expect(state.windows).toEqual([{ start: t0 + 6 * hour, tokens: 7 }, { start: t0, tokens: 15 }])
    expect(ApiKey.currentUsage(state, t0 + 7 * hour)).toBe(7)
    expect(ApiKey.remainingTokens(state, t0 + 12 * hour)).toBe(1000)
  })
})

describe("API keys' usage folding away", () => {
  test("a summary lands on the state the folded usage made, whatever state before it it is applied to", () => {
    // 40 usages over three days, windows opening as the domain opens them, a change of limit among them.
    const events: Array<ApiKey.ApiKeyEvent> = [created]
    let windowStart = t0
    for (let index = 0; index < 40; index++) {
      const at = t0 + index * 2 * hour
      if (at >= windowStart + ApiKey.windowMs) windowStart = at
      events.push(usage(index + 1, at, windowStart))
      if (index === 17) events.push(ApiKey.ApiKeyUpdated.make({ tokenLimitPer5h: 500 }))
    }
    const fold = (list: ReadonlyArray<ApiKey.ApiKeyEvent>, from: ApiKey.ApiKeyState = ApiKey.decider.initialState) =>
      list.reduce(ApiKey.evolve, from)
    const whole = fold(events)
    const summary = ApiKey.usageSummary(whole)
    expect(summary).toMatchObject({ lifetimeTokens: (40 * 41) / 2 })
    // Kept events (created, updated) stay; the usage goes; the summary stands where the last usage was.
    const kept = events.filter((event) => !ApiKey.foldsAway(event._tag))
    expect(fold([...kept, summary])).toEqual(whole)
    // From a state taken anywhere before it (a snapshot, a process's cache), the same state after it.
    for (let cut = 1; cut < events.length; cut++) {
      expect(fold([...events.slice(cut).filter((event) => !ApiKey.foldsAway(event._tag)), summary], fold(events.slice(0, cut)))).toEqual(whole)
    }
    expect(ApiKey.foldsAway("UsageRecorded") && ApiKey.foldsAway("UsageFolded")).toBe(true)
    expect(ApiKey.foldsAway("ApiKeyUpdated") || ApiKey.foldsAway("UsageCarriedOver")).toBe(false)
  })
})
