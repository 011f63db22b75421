import { resolve } from "node:path"
import { Data, Redacted, Result, Schema } from "effect"

/** Which backend, and where: read from `STRATA_DATABASE_URL` or `--database`. */
export type DatabaseUrl = Data.TaggedEnum<{
  Sqlite: { readonly filename: string }
  Postgres: { readonly url: Redacted.Redacted<string> }
  Libsql: { readonly url: string }
  Memory: {}
}>
export const DatabaseUrl = Data.taggedEnum<DatabaseUrl>()

export const defaultUrl = "sqlite:./data/strata.db"

export const acceptedForms =
  "sqlite:./path.db, sqlite:/absolute/path.db, postgres://…, libsql://…, http(s)://… or file:… (LibSQL), memory:"

export class InvalidDatabaseUrl extends Schema.TaggedError<InvalidDatabaseUrl>()("InvalidDatabaseUrl", {
  /** The scheme only: the rest of a URL may hold a password. */
  scheme: Schema.String
}) {
  override get message() {
    return `unsupported database URL (${this.scheme || "empty"}); accepted: ${acceptedForms}`
  }
}

export const parse = (raw: string): Result.Result<DatabaseUrl, InvalidDatabaseUrl> => {
  const url = raw.trim()
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase() ?? ""
  switch (scheme) {
    case "sqlite:": {
      const filename = url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "")
      return filename.length === 0 || filename === ":memory:"
        ? Result.fail(new InvalidDatabaseUrl({ scheme }))
        : Result.succeed(DatabaseUrl.Sqlite({ filename }))
    }
    case "postgres:":
    case "postgresql:":
      return URL.canParse(url)
        ? Result.succeed(DatabaseUrl.Postgres({ url: Redacted.make(url) }))
        : Result.fail(new InvalidDatabaseUrl({ scheme }))
    case "libsql:":
    case "http:":
    case "https:":
    case "file:":
      return url.length > scheme.length
        ? Result.succeed(DatabaseUrl.Libsql({ url }))
        : Result.fail(new InvalidDatabaseUrl({ scheme }))
    case "memory:":
      return Result.succeed(DatabaseUrl.Memory())
    default:
      return Result.fail(new InvalidDatabaseUrl({ scheme }))
  }
}

/**
 * The URL as every process must read it — a file path made absolute, since another process
 * may run elsewhere than the shell that named it. Undefined for the in-memory store, which
 * no other process can reach.
 */
export const shared = (url: DatabaseUrl): string | undefined => {
  switch (url._tag) {
    case "Sqlite":
      return `sqlite:${resolve(url.filename)}`
    case "Libsql":
      return url.url.startsWith("file:") ? `file:${resolve(url.url.slice("file:".length))}` : url.url
    case "Postgres":
      return Redacted.value(url.url)
    case "Memory":
      return undefined
  }
}

/** A URL without its credentials: for records, logs and the operator's screen. */
export const withoutCredentials = (raw: string) => {
  if (!URL.canParse(raw)) return raw
  const url = new URL(raw)
  if (url.username === "" && url.password === "") return raw
  url.username = ""
  url.password = ""
  return url.toString()
}
