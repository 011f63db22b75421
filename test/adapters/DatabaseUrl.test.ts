import { describe, expect, test } from "bun:test"
import { ConfigProvider, Effect, Redacted, Result } from "effect"
import * as DatabaseUrl from "../../adapters/DatabaseUrl.ts"

const parsed = (url: string) => Result.getOrThrow(DatabaseUrl.parse(url))

describe("STRATA_DATABASE_URL picks the backend", () => {
  test("sqlite: relative and absolute paths", () => {
    expect(parsed("sqlite:./data/strata.db")).toMatchObject({ _tag: "Sqlite", filename: "./data/strata.db" })
    expect(parsed("sqlite:/var/lib/strata.db")).toMatchObject({ _tag: "Sqlite", filename: "/var/lib/strata.db" })
    expect(parsed("sqlite:///var/lib/strata.db")).toMatchObject({ _tag: "Sqlite", filename: "/var/lib/strata.db" })
    expect(parsed(DatabaseUrl.defaultUrl)._tag).toBe("Sqlite")
  })

  test("postgres keeps its URL redacted", () => {
    const url = parsed("postgres://strata:s3cret@db.internal:5432/strata")
    expect(url._tag).toBe("Postgres")
    if (url._tag !== "Postgres") return
    expect(Redacted.value(url.url)).toBe("postgres://strata:s3cret@db.internal:5432/strata")
    expect(String(url.url)).not.toContain("s3cret")
    expect(parsed("postgresql://localhost/strata")._tag).toBe("Postgres")
  })

  test("libsql, http(s) and file URLs go to LibSQL", () => {
    for (const url of ["libsql://db-org.turso.io", "https://db.example.com", "http://127.0.0.1:8080", "file:./local.db"]) {
      expect(parsed(url)).toMatchObject({ _tag: "Libsql", url })
    }
  })

  test("memory:", () => {
    expect(parsed("memory:")._tag).toBe("Memory")
  })

  test("anything else is one line naming the accepted forms, without echoing credentials", () => {
    for (const url of ["mysql://root:hunter2@localhost/db", "", "strata.db", "sqlite:", "postgres://[bad"]) {
      const error = Result.getFailure(DatabaseUrl.parse(url))
      expect(error._tag).toBe("Some")
      if (error._tag !== "Some") continue
      expect(error.value.message).toContain("accepted: sqlite:./path.db")
      expect(error.value.message).not.toContain("hunter2")
      expect(error.value.message).not.toContain("\n")
    }
  })
})

describe("a URL is never shown with its credentials", () => {
  const secrets = ["s3cret", "SECRET-TOKEN", "sslpw", "hunter2", "k3y"]
  const shown = (raw: string) => {
    const text = DatabaseUrl.withoutCredentials(raw)
    for (const secret of secrets) expect(text).not.toContain(secret)
    return text
  }

  test("user info and every query value not known to be harmless are left out", () => {
    expect(shown("postgres://strata:s3cret@db.internal:5432/strata?sslmode=require&sslpassword=sslpw&password=hunter2"))
      .toBe("postgres://db.internal:5432/strata?sslmode=require&sslpassword=redacted&password=redacted")
    expect(shown("libsql://db-org.turso.io?authToken=SECRET-TOKEN")).toBe("libsql://db-org.turso.io?authToken=redacted")
    expect(shown("https://u:s3cret@db.example.com/?token=SECRET-TOKEN&key=k3y&tls=1"))
      .toBe("https://db.example.com/?token=redacted&key=redacted&tls=1")
    // A name in another case is still not on the list of harmless ones.
    expect(shown("libsql://h?AUTHTOKEN=SECRET-TOKEN")).toBe("libsql://h?AUTHTOKEN=redacted")
  })

  test("what has nothing to hide is shown as written; what does not parse loses its query and user info", () => {
    expect(shown("sqlite:./data/strata.db")).toBe("sqlite:./data/strata.db")
    expect(shown("postgres://db.internal/strata?query_timeout=60000")).toBe("postgres://db.internal/strata?query_timeout=60000")
    expect(shown("postgres://strata:s3cret@[bad/x?password=hunter2")).toBe("postgres://[bad/x?redacted")
  })

  test("a LibSQL URL's auth token is taken out of it and kept redacted", () => {
    const url = parsed("libsql://db-org.turso.io?authToken=SECRET-TOKEN")
    expect(url._tag).toBe("Libsql")
    if (url._tag !== "Libsql") return
    expect(url.url).toBe("libsql://db-org.turso.io")
    expect(url.authToken && Redacted.value(url.authToken)).toBe("SECRET-TOKEN")
    expect(String(url.authToken)).not.toContain("SECRET")
    expect(JSON.stringify(url)).not.toContain("SECRET")
    expect(DatabaseUrl.label(url)).toBe("libsql://db-org.turso.io?authToken=redacted")
    // Other processes (a cutover's target, sealed in its record) read it with its token.
    expect(DatabaseUrl.shared(url)).toBe("libsql://db-org.turso.io?authToken=SECRET-TOKEN")
    expect(parsed("https://db.example.com/?tls=1&authToken=SECRET-TOKEN")).toMatchObject({ url: "https://db.example.com/?tls=1" })
  })

  test("STRATA_LIBSQL_AUTH_TOKEN, else TURSO_AUTH_TOKEN, gives a remote LibSQL URL without a token of its own its token", async () => {
    const read = (raw: string, env: Record<string, string>) =>
      Effect.runPromise(DatabaseUrl.fromString(raw).pipe(Effect.provide(ConfigProvider.layer(ConfigProvider.fromUnknown(env)))))
    const tokenOf = (url: DatabaseUrl.DatabaseUrl) => url._tag === "Libsql" && url.authToken ? Redacted.value(url.authToken) : undefined
    expect(tokenOf(await read("libsql://db-org.turso.io", { STRATA_LIBSQL_AUTH_TOKEN: "strata-token", TURSO_AUTH_TOKEN: "turso-token" }))).toBe("strata-token")
    expect(tokenOf(await read("libsql://db-org.turso.io", { TURSO_AUTH_TOKEN: "turso-token" }))).toBe("turso-token")
    expect(tokenOf(await read("libsql://db-org.turso.io?authToken=own", { STRATA_LIBSQL_AUTH_TOKEN: "strata-token" }))).toBe("own")
    expect(tokenOf(await read("file:./local.db", { STRATA_LIBSQL_AUTH_TOKEN: "strata-token" }))).toBeUndefined()
    expect(tokenOf(await read("libsql://db-org.turso.io", {}))).toBeUndefined()
  })
})
