import { resolve } from "node:path"
import { Config, Data, Effect, Option, Redacted, Result, Schema } from "effect"

/** Which backend, and where: read from `STRATA_DATABASE_URL` or `--database`. */
export type DatabaseUrl = Data.TaggedEnum<{
  Sqlite: { readonly filename: string }
  Postgres: { readonly url: Redacted.Redacted<string> }
  /**
   * `url` never holds the auth token: a URL's `?authToken=` is taken out of it at parse,
   * so that the URL can be shown; the token goes to the client on its own.
   */
  Libsql: { readonly url: string; readonly authToken?: Redacted.Redacted<string> }
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
        ? Result.succeed(libsql(url))
        : Result.fail(new InvalidDatabaseUrl({ scheme }))
    case "memory:":
      return Result.succeed(DatabaseUrl.Memory())
    default:
      return Result.fail(new InvalidDatabaseUrl({ scheme }))
  }
}

/** The query parameter @libsql/client reads a token from: the only way it had until `STRATA_LIBSQL_AUTH_TOKEN`. */
const authTokenParameter = "authToken"

const libsql = (url: string): DatabaseUrl => {
  const query = url.indexOf("?")
  if (query === -1) return DatabaseUrl.Libsql({ url })
  const parameters = new URLSearchParams(url.slice(query + 1))
  const token = parameters.get(authTokenParameter)
  if (token === null) return DatabaseUrl.Libsql({ url })
  parameters.delete(authTokenParameter)
  const rest = parameters.toString()
  return DatabaseUrl.Libsql({
    url: rest === "" ? url.slice(0, query) : `${url.slice(0, query)}?${rest}`,
    ...(token === "" ? {} : { authToken: Redacted.make(token) })
  })
}

/** A LibSQL server's URL (Turso, sqld): what an auth token is for. */
export const isRemote = (url: DatabaseUrl) => url._tag === "Libsql" && !url.url.startsWith("file:")

/**
 * The LibSQL auth token from configuration: `STRATA_LIBSQL_AUTH_TOKEN`, else
 * `TURSO_AUTH_TOKEN` (the name Turso's own tooling and deployments use).
 */
export const authTokenFromConfig = Config.Redacted("STRATA_LIBSQL_AUTH_TOKEN").pipe(
  Config.orElse(() => Config.Redacted("TURSO_AUTH_TOKEN")),
  Config.option
)

/**
 * A remote LibSQL URL without a token of its own gets the configured one. A URL's own
 * token wins: a cutover's target, read from its record, carries the token it was started
 * with, whatever this process's setting is for its own database.
 */
export const withConfiguredToken = (url: DatabaseUrl) =>
  url._tag !== "Libsql" || url.authToken !== undefined || !isRemote(url)
    ? Effect.succeed(url)
    : Effect.map(authTokenFromConfig, Option.match({
      onNone: () => url,
      onSome: (authToken) => DatabaseUrl.Libsql({ url: url.url, authToken })
    }))

/** `parse`, then the configured LibSQL token: how every command and server reads a URL. */
export const fromString = (raw: string) =>
  Effect.flatMap(Effect.fromResult(parse(raw)), withConfiguredToken)

/**
 * The URL as every process must read it — a file path made absolute, since another process
 * may run elsewhere than the shell that named it. Undefined for the in-memory store, which
 * no other process can reach.
 */
export const shared = (url: DatabaseUrl): string | undefined => {
  switch (url._tag) {
    case "Sqlite":
      return `sqlite:${resolve(url.filename)}`
    case "Libsql": {
      if (url.url.startsWith("file:")) return `file:${resolve(url.url.slice("file:".length))}`
      // The token travels inside the URL, as a Postgres password does: the URL is sealed
      // where it is kept (a cutover's record) and only ever shown through \`label\`.
      if (url.authToken === undefined) return url.url
      const separator = url.url.includes("?") ? "&" : "?"
      return `${url.url}${separator}${authTokenParameter}=${encodeURIComponent(Redacted.value(url.authToken))}`
    }
    case "Postgres":
      return Redacted.value(url.url)
    case "Memory":
      return undefined
  }
}

/**
 * Query parameters whose values are shown: settings, never secrets. Every other value is
 * replaced, whatever its name (`authToken`, `password`, `sslpassword`, `token`, `key`, and
 * whatever a driver reads tomorrow): a list of what is harmless fails closed, a list of
 * what is secret would leak the first parameter it does not know. The names stay, so that
 * an operator still recognises the URL.
 */
const harmlessParameters = new Set([
  "sslmode",
  "tls",
  "query_timeout",
  "connect_timeout",
  "application_name",
  "dbname",
  "host",
  "port",
  "user"
])

const hidden = "redacted"

/**
 * A URL without its credentials — user info dropped, every query value that is not
 * known to be harmless replaced: for records, logs, errors and the operator's screen.
 * What does not parse as a URL loses its query and anything before an `@` in it.
 */
export const withoutCredentials = (raw: string) => {
  if (!URL.canParse(raw)) {
    const query = raw.indexOf("?")
    const withoutQuery = query === -1 ? raw : `${raw.slice(0, query)}?${hidden}`
    return withoutQuery.replace(/\/\/[^/?#]*@/, "//")
  }
  const url = new URL(raw)
  url.username = ""
  url.password = ""
  for (const name of new Set(url.searchParams.keys())) {
    if (!harmlessParameters.has(name.toLowerCase())) url.searchParams.set(name, hidden)
  }
  // Opaque URLs (`file:`, `sqlite:`) keep their own spelling when there is nothing to hide.
  return url.toString() === new URL(raw).toString() ? raw : url.toString()
}

/** A parsed URL as it may be shown: its shared form without credentials. */
export const label = (url: DatabaseUrl) =>
  url._tag === "Sqlite" ? `sqlite:${url.filename}` : url._tag === "Memory" ? "memory:" : withoutCredentials(shared(url) ?? "")
