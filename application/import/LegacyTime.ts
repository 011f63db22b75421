import { Effect, Result, Schema, SchemaIssue, SchemaTransformation } from "effect"

/**
 * A legacy service's times, as milliseconds since the epoch. They arrive as whatever its
 * driver wrote: Unix seconds (Drizzle's `integer(..., { mode: "timestamp" })`), Unix
 * milliseconds (`Date.now()`), ISO 8601 text, SQL `TIMESTAMP` text (`2024-01-02 03:04:05`),
 * or a `Date` from a database driver. Each is read as what it is; what cannot be told apart
 * or never was a time is refused, never guessed.
 */

const earliest = Date.UTC(2000, 0, 1)
const latest = Date.UTC(2100, 0, 1)

/**
 * A number is seconds or milliseconds by its magnitude: the times of 2000–2100 as seconds
 * (9.5e8 to 4.1e9) and as milliseconds (9.5e11 to 4.1e12) are a thousandfold apart, so no
 * number in either range could be the other. A number outside both would need a guess.
 */
const fromNumber = (n: number): Result.Result<number, string> =>
  !Number.isFinite(n)
    ? Result.fail(`${n} is not a time`)
    : n * 1000 >= earliest && n * 1000 < latest
    ? Result.succeed(Math.round(n * 1000))
    : n >= earliest && n < latest
    ? Result.succeed(Math.round(n))
    : Result.fail(`${n} is neither Unix seconds nor milliseconds of a time between 2000 and 2100`)

/**
 * ISO 8601 (`T`) and SQL (space) date-times share one shape. A time without an offset is UTC:
 * SQLite's `CURRENT_TIMESTAMP` and `datetime()` write UTC without saying so; Postgres'
 * `timestamptz` text carries its offset (`+00`, `+05:30`).
 */
const dateTime =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?: ?(Z|[+-]\d{2}(?::?\d{2})?))?)?$/i

const numeric = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i

const fromText = (text: string): Result.Result<number, string> => {
  const trimmed = text.trim()
  if (numeric.test(trimmed)) return fromNumber(Number(trimmed))
  const parts = dateTime.exec(trimmed)
  if (parts === null) {
    return Result.fail(`${JSON.stringify(text.slice(0, 64))} is not a time: expected Unix seconds or milliseconds, ISO 8601 or SQL TIMESTAMP text`)
  }
  const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "", zone = "Z"] = parts
  const fields = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number]
  const [y, mo, d, h, mi, s] = fields
  const local = Date.UTC(y, mo - 1, d, h, mi, s)
  const checked = new Date(local)
  const offsetParts = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)
  const offsetMinutes = offsetParts === null ? 0 : (offsetParts[1] === "-" ? -1 : 1) * (Number(offsetParts[2]) * 60 + Number(offsetParts[3] ?? 0))
  // Date.UTC rolls impossible fields over (February 30th becomes March 1st): read back, they differ.
  if (
    checked.getUTCFullYear() !== y || checked.getUTCMonth() !== mo - 1 || checked.getUTCDate() !== d ||
    checked.getUTCHours() !== h || checked.getUTCMinutes() !== mi || checked.getUTCSeconds() !== s ||
    Math.abs(offsetMinutes) > 14 * 60 || (offsetParts !== null && Number(offsetParts[3] ?? 0) > 59)
  ) {
    return Result.fail(`${JSON.stringify(text.slice(0, 64))} is no such date`)
  }
  const millis = fraction === "" ? 0 : Math.round(Number(`0.${fraction}`) * 1000)
  return Result.succeed(local + millis - offsetMinutes * 60_000)
}

/** The time `value` stands for, in milliseconds since the epoch, or why it is not one. */
export const read = (value: unknown): Result.Result<number, string> => {
  if (typeof value === "number") return fromNumber(value)
  if (typeof value === "bigint") return fromNumber(Number(value))
  if (typeof value === "string") return fromText(value)
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? Result.fail("an invalid date") : Result.succeed(value.getTime())
  return Result.fail(`${value === null ? "null" : typeof value} is not a time`)
}

/** `read` as a Schema: a legacy record's time, decoded to milliseconds since the epoch. */
export const LegacyInstant = Schema.Unknown.pipe(Schema.decodeTo(
  Schema.Number,
  SchemaTransformation.transformEffect({
    decode: (value, options) =>
      Result.match(read(value), {
        onFailure: (reason) => Effect.fail(new SchemaIssue.InvalidValue({ message: reason }, value, options)),
        onSuccess: Effect.succeed
      }),
    encode: (millis) => Effect.succeed(millis)
  })
))
