import createClient from "openapi-fetch"
import type { paths } from "./generated/strata"

/**
 * A full scenario through a client that nobody on this team wrote: openapi-fetch, typed
 * by openapi-typescript from strata's own `/openapi.json`. It compiles only if the
 * document describes these calls, and it runs only if the server answers as described.
 */
export const scenario = async (baseUrl: string, adminToken: string) => {
  const admin = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${adminToken}` } })
  const created = await admin.POST("/v1/admin/keys", { body: { owner: "zoe", name: "client key", tokenLimitPer5h: 100 } })
  if (created.data === undefined) throw new Error(`creating a key failed: ${JSON.stringify(created.error)}`)
  const zoe = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${created.data.secret}` } })

  const saved = await zoe.PUT("/v1/tokens/{name}", {
    params: { path: { name: "bot" } },
    body: { accessToken: "a1", refreshToken: "r1", expiresIn: 3600, obtainmentTimestamp: Date.now(), scopes: ["read"] }
  })
  const refreshed = await zoe.POST("/v1/tokens/{name}/refresh", {
    params: { path: { name: "bot" }, header: { "if-match": `"${saved.data?.version}"` } },
    body: { accessToken: "a2", refreshToken: "r2", expiresIn: 3600, obtainmentTimestamp: Date.now(), scopes: ["read"] }
  })
  const stale = await zoe.POST("/v1/tokens/{name}/refresh", {
    params: { path: { name: "bot" }, header: { "if-match": `"${saved.data?.version}"` } },
    body: { accessToken: "a3", refreshToken: "r3", expiresIn: 3600, obtainmentTimestamp: Date.now(), scopes: [] }
  })
  const token = await zoe.GET("/v1/tokens/{name}", { params: { path: { name: "bot" } } })

  const usage = await zoe.POST("/v1/usage", { body: { tokens: 60 } })
  const overQuota = await zoe.POST("/v1/usage", { body: { tokens: 41 } })

  const sandbox = await zoe.POST("/v1/sandboxes", { body: { name: "dev", tierId: "medium", flavorId: "python", addonIds: ["postgres"] } })
  const sandboxId = sandbox.data?.sandboxId ?? ""
  const started = await zoe.POST("/v1/sandboxes/{sandboxId}/{action}", { params: { path: { sandboxId, action: "start" } }, body: {} })
  const illegal = await zoe.DELETE("/v1/sandboxes/{sandboxId}", { params: { path: { sandboxId }, header: {} } })

  const session = await zoe.POST("/v1/sessions", { body: { title: "Generated" } })
  const sessionId = session.data?.sessionId ?? ""
  await zoe.POST("/v1/sessions/{sessionId}/messages", { params: { path: { sessionId } }, body: { content: "first" } })
  await zoe.POST("/v1/sessions/{sessionId}/messages", { params: { path: { sessionId } }, body: { type: "file", content: "file://x" } })
  const history = await zoe.GET("/v1/sessions/{sessionId}/messages", { params: { path: { sessionId }, query: { order: "asc" } } })

  const audit = await admin.GET("/v1/admin/audit", { params: { query: { type: "TokenRefreshed" } } })

  return {
    savedVersion: saved.data?.version,
    refreshedVersion: refreshed.data?.version,
    staleStatus: stale.response.status,
    staleProblem: stale.error,
    refreshToken: token.data?.refreshToken,
    remaining: usage.data?.remainingTokens,
    overQuotaStatus: overQuota.response.status,
    startedStatus: started.data?.status,
    illegalStatus: illegal.response.status,
    history: history.data?.messages.map((message) => [message.type, message.content]),
    auditedTypes: audit.data?.events.map((event) => event.type)
  }
}
