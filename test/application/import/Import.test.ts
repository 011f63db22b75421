import { describe, expect, test } from "bun:test"
import * as Import from "../../../application/import/Import.ts"

/** What a legacy record becomes before anything is written: its times read as what they are, or the record refused. */

const at = Date.UTC(2026, 0, 22, 10)
const key = (fields: Record<string, unknown>) => ({ key: "sk-legacy-0001", name: "gateway", token_limit_per_5h: 100, created_at: at, ...fields })

describe("legacy API key records", () => {
  test("times in seconds, milliseconds, ISO and SQL TIMESTAMP text are read as the same instants", () => {
    const forms = [at / 1000, at, new Date(at).toISOString(), "2026-01-22 10:00:00", String(at / 1000)]
    const parsed = Import.validate(Import.LegacyApiKey, forms.map((form, index) => ({
      record: `form ${index}`,
      raw: key({ created_at: form, expiry_date: form, last_used: form, usage_windows: [{ window_start: form, tokens_used: 1 }] })
    })))
    expect(parsed.invalid).toEqual([])
    for (const { value } of parsed.valid) {
      expect(value).toMatchObject({ created_at: at, expiry_date: at, last_used: at, usage_windows: [{ window_start: at, tokens_used: 1 }] })
    }
  })

  test("an ambiguous or impossible time makes the record invalid, naming the field", () => {
    const parsed = Import.validate(Import.LegacyApiKey, [
      { record: "between", raw: key({ usage_windows: [{ window_start: 50_000_000_000, tokens_used: 1 }] }) },
      { record: "day-first", raw: key({ last_used: "22/01/2026" }) },
      { record: "never was", raw: key({ expiry_date: "2026-02-30 00:00:00" }) }
    ])
    expect(parsed.valid).toEqual([])
    expect(parsed.invalid.map(({ reason, record }) => `${record}: ${reason}`)).toEqual([
      "between: usage_windows.0.window_start: 50000000000 is neither Unix seconds nor milliseconds of a time between 2000 and 2100",
      "day-first: last_used: \"22/01/2026\" is not a time: expected Unix seconds or milliseconds, ISO 8601 or SQL TIMESTAMP text",
      "never was: expiry_date: \"2026-02-30 00:00:00\" is no such date"
    ])
  })

  test("a lifetime total below what the windows hold is invalid; above it, it is kept as it was", () => {
    const parsed = Import.validate(Import.LegacyApiKey, [
      { record: "less", raw: key({ total_lifetime_tokens: 5, usage_windows: [{ window_start: at, tokens_used: 120 }] }) },
      { record: "more", raw: key({ total_lifetime_tokens: 987_654, usage_windows: [{ window_start: at, tokens_used: 120 }] }) }
    ])
    expect(parsed.invalid).toEqual([{ record: "less", reason: "total_lifetime_tokens: 5 is less than its usage windows hold (120)" }])
    expect(parsed.valid.map(({ value }) => value.total_lifetime_tokens)).toEqual([987_654])
  })
})
