import { describe, expect, test } from "bun:test"
import { Redacted, Result } from "effect"
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
