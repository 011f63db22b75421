import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import pg from "pg"
import * as Backends from "../../support/backends.ts"
import { adminToken, type Running, startServer } from "./server.ts"

describe("when Postgres goes away", () => {
  let server: Running
  let database: string
  beforeAll(async () => {
    server = await startServer(Backends.postgres)
    const key = await server.call("GET", "/v1/admin/audit?limit=1", { token: adminToken })
    expect(key.status).toBe(200)
    database = new URL(Backends.postgresLastUrl()).pathname.slice(1)
  }, 60_000)
  afterAll(async () => {
    await admin(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`)
    await server.close()
  })

  const admin = async (statement: string) => {
    const url = new URL(Backends.postgresLastUrl())
    url.pathname = "/postgres"
    const client = new pg.Client({ connectionString: url.toString() })
    await client.connect()
    await client.query(statement).finally(() => client.end())
  }

  test("requests answer 503 with Retry-After, and readiness says so; health stays up", async () => {
    await admin(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`)
    await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`)
    const audit = await server.call("GET", "/v1/admin/audit?limit=1", { token: adminToken })
    expect(audit.status).toBe(503)
    expect(audit.headers.get("retry-after")).toBe("5")
    expect(audit.headers.get("content-type")).toBe("application/problem+json")
    expect(audit.text).not.toContain("at ")
    expect((await server.call("GET", "/ready")).status).toBe(503)
    expect((await server.call("GET", "/health")).status).toBe(200)
    await admin(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`)
    expect((await server.call("GET", "/ready")).status).toBe(200)
  }, 60_000)
})
