import { Data, Either, Redacted, Schema } from "effect"

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

export const parse = (raw: string): Either.Either<DatabaseUrl, InvalidDatabaseUrl> => {
  const url = raw.trim()
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase() ?? ""
  switch (scheme) {
    case "sqlite:": {
      const filename = url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "")
      return filename.length === 0 || filename === ":memory:"
        ? Either.left(new InvalidDatabaseUrl({ scheme }))
        : Either.right(DatabaseUrl.Sqlite({ filename }))
    }
    case "postgres:":
    case "postgresql:":
      return URL.canParse(url)
        ? Either.right(DatabaseUrl.Postgres({ url: Redacted.make(url) }))
        : Either.left(new InvalidDatabaseUrl({ scheme }))
    case "libsql:":
    case "http:":
    case "https:":
    case "file:":
      return url.length > scheme.length
        ? Either.right(DatabaseUrl.Libsql({ url }))
        : Either.left(new InvalidDatabaseUrl({ scheme }))
    case "memory:":
      return Either.right(DatabaseUrl.Memory())
    default:
      return Either.left(new InvalidDatabaseUrl({ scheme }))
  }
}
