import { describe, expect, test } from "bun:test"
import { Result, Schema } from "effect"
import * as LegacyTime from "../../../application/import/LegacyTime.ts"

/** A legacy service's times come as whatever its driver wrote; each is read as what it is, or refused. */

const at = Date.UTC(2024, 0, 2, 3, 4, 5)
const read = (value: unknown) => Result.getOrUndefined(LegacyTime.read(value))
const refusal = (value: unknown) => Result.isFailure(LegacyTime.read(value)) ? (LegacyTime.read(value) as Result.Failure<number, string>).failure : undefined

describe("legacy times", () => {
  test("Unix seconds (Drizzle's integer timestamp mode) are read as seconds, by their magnitude", () => {
    expect(read(at / 1000)).toBe(at)
    expect(read(String(at / 1000))).toBe(at)
    expect(read(1_700_000_000.25)).toBe(1_700_000_000_250)
    expect(read(BigInt(at / 1000))).toBe(at)
  })

  test("Unix milliseconds are read as milliseconds", () => {
    expect(read(at)).toBe(at)
    expect(read(String(at))).toBe(at)
  })

  test("ISO 8601 text, with a zone, in UTC, or as a date alone", () => {
    expect(read("2024-01-02T03:04:05.000Z")).toBe(at)
    expect(read("2024-01-02T05:04:05+02:00")).toBe(at)
    expect(read("2024-01-01T22:04:05-0500")).toBe(at)
    expect(read("2024-01-02T03:04:05")).toBe(at)
    expect(read("2024-01-02T03:04:05.123Z")).toBe(at + 123)
    expect(read("2024-01-02")).toBe(Date.UTC(2024, 0, 2))
  })

  test("SQL TIMESTAMP text (SQLite's CURRENT_TIMESTAMP is UTC; Postgres' timestamptz carries its offset)", () => {
    expect(read("2024-01-02 03:04:05")).toBe(at)
    expect(read("2024-01-02 03:04:05.5")).toBe(at + 500)
    expect(read("2024-01-02 04:04:05.123456+01")).toBe(at + 123)
    expect(read("2024-01-02 03:04:05+00:00")).toBe(at)
  })

  test("a Date from a database driver is read as it is", () => {
    expect(read(new Date(at))).toBe(at)
  })

  test("what is ambiguous or impossible is refused, saying why", () => {
    // Between the ranges of seconds and milliseconds of 2000–2100: neither reading is a time.
    expect(refusal(50_000_000_000)).toContain("neither Unix seconds nor milliseconds")
    expect(refusal(0)).toContain("neither Unix seconds nor milliseconds")
    expect(refusal(-1_700_000_000)).toBeDefined()
    expect(refusal(Number.NaN)).toBeDefined()
    expect(refusal(Number.POSITIVE_INFINITY)).toBeDefined()
    // Day-first or month-first, and names of months: which is meant cannot be told.
    expect(refusal("01/02/2024")).toContain("not a time")
    expect(refusal("Jan 2 2024")).toContain("not a time")
    // Dates that never were.
    expect(refusal("2024-02-30")).toContain("no such date")
    expect(refusal("2023-02-29 00:00:00")).toContain("no such date")
    expect(refusal("2024-01-02T24:00:00Z")).toContain("no such date")
    expect(refusal("2024-01-02T03:60:00Z")).toContain("no such date")
    expect(refusal("2024-01-02T03:04:05+25:00")).toContain("no such date")
    expect(refusal("")).toBeDefined()
    expect(refusal("   ")).toBeDefined()
    expect(refusal(null)).toBeDefined()
    expect(refusal(true)).toBeDefined()
    expect(refusal(new Date(Number.NaN))).toBeDefined()
  })

  test("as a Schema, a refusal is an issue naming the value", () => {
    const decoded = Schema.decodeUnknownResult(Schema.Struct({ window_start: LegacyTime.LegacyInstant }))({ window_start: "2024-02-30" })
    expect(Result.isFailure(decoded)).toBe(true)
    expect(String(Result.isFailure(decoded) ? decoded.failure : "")).toContain("2024-02-30")
    expect(Schema.decodeUnknownSync(LegacyTime.LegacyInstant)(at / 1000)).toBe(at)
  })
})
