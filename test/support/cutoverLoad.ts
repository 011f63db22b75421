/**
 * A client population for the cutover's acceptance: token refreshes with If-Match, usage
 * against keys near their quota, chat messages — each write with an Idempotency-Key and
 * sent again with the same key, to any server, until its outcome is learned. Then the
 * checks: every acknowledged write is there exactly once, no quota was exceeded, every
 * request got an answer.
 */

export interface Servers {
  readonly urls: ReadonlyArray<string>
  readonly adminToken: string
}

interface Owner {
  readonly name: string
  readonly secret: string
  readonly sessionId: string
  readonly quota: number
}

export interface Tally {
  acknowledged: number
  /** Answered with a 4xx that is an answer (a stale If-Match, a quota): nothing written. */
  refused: number
  /** Sent again after a retryable answer or a lost connection. */
  resent: number
  /** When each 503 was answered (ms, performance.now()): a switch should cost a pause, not these. */
  unavailable: Array<number>
  /** 5xx other than 503, or an answer that is not problem+json. */
  serverErrors: Array<string>
  /** Never learned within the deadline. */
  unknown: number
  /** What the requests that never learned their outcome last heard. */
  unknownDetails: Array<string>
  latencies: Array<number>
  /** When each acknowledged write was answered (ms, performance.now()). */
  completions: Array<number>
  usage: Map<string, number>
  refreshes: Map<string, number>
  messages: Map<string, Set<string>>
}

const newTally = (): Tally => ({
  acknowledged: 0,
  refused: 0,
  resent: 0,
  unavailable: [],
  serverErrors: [],
  unknown: 0,
  unknownDetails: [],
  latencies: [],
  completions: [],
  usage: new Map(),
  refreshes: new Map(),
  messages: new Map()
})

const tokenBody = (access: string) =>
  JSON.stringify({ accessToken: access, refreshToken: `r-${access}`, expiresIn: 14_400, obtainmentTimestamp: Date.now(), scopes: ["chat:read"] })

let rotation = 0
const nextUrl = (servers: Servers) => servers.urls[rotation++ % servers.urls.length]!

interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly body: string
}

/**
 * Sends until the outcome is known: a 503 or a lost connection is sent again with the
 * same Idempotency-Key (to the next server), after the Retry-After it names (at most 1 s).
 */
const send = async (
  servers: Servers,
  tally: Tally,
  request: { readonly method: string; readonly path: string; readonly auth: string; readonly body?: string; readonly headers?: Record<string, string> },
  deadlineMs = 30_000
): Promise<Answer | undefined> => {
  const key = crypto.randomUUID()
  const started = performance.now()
  let first = true
  let last = "nothing"
  while (performance.now() - started < deadlineMs) {
    if (!first) tally.resent++
    first = false
    try {
      const response = await fetch(`${nextUrl(servers)}${request.path}`, {
        method: request.method,
        headers: {
          authorization: `Bearer ${request.auth}`,
          "idempotency-key": key,
          ...(request.body === undefined ? {} : { "content-type": "application/json" }),
          ...request.headers
        },
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: AbortSignal.timeout(10_000)
      })
      const body = await response.text()
      if (response.status === 503 || response.status === 502 || response.status === 504) {
        last = `${response.status} ${body.slice(0, 160)}`
        if (response.status === 503) tally.unavailable.push(performance.now())
        const after = Number(response.headers.get("retry-after") ?? "1")
        await Bun.sleep(Math.min(1_000, Math.max(20, after * 1_000)))
        continue
      }
      if (response.status >= 500 || (response.status >= 400 && !(response.headers.get("content-type") ?? "").includes("problem+json"))) {
        tally.serverErrors.push(`${request.method} ${request.path}: ${response.status} ${body.slice(0, 200)}`)
        await Bun.sleep(50)
        continue
      }
      tally.latencies.push(performance.now() - started)
      if (response.status < 300) tally.completions.push(performance.now())
      return { status: response.status, headers: response.headers, body }
    } catch (error) {
      last = String(error).slice(0, 160)
      await Bun.sleep(50)
    }
  }
  tally.unknown++
  tally.unknownDetails.push(`${request.method} ${request.path}: ${last}`)
  return undefined
}

const admin = async (servers: Servers, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${servers.urls[0]}${path}`, {
    method,
    headers: { authorization: `Bearer ${servers.adminToken}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return response.json() as Promise<Record<string, unknown>>
}

/** Owners with a key near its quota, a token and a session each. */
export const prepare = async (servers: Servers, count: number, quota: number): Promise<Array<Owner>> => {
  const owners: Array<Owner> = []
  for (let index = 0; index < count; index++) {
    const name = `load-${index}-${crypto.randomUUID().slice(0, 8)}`
    const key = await admin(servers, "POST", "/v1/admin/keys", { owner: name, name: "gateway", tokenLimitPer5h: quota })
    const secret = key.secret as string
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${servers.urls[0]}${path}`, {
        method,
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) })
      })
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
      return response.json() as Promise<Record<string, unknown>>
    }
    await call("PUT", "/v1/tokens/main", tokenBody("initial"))
    const session = await call("POST", "/v1/sessions", { title: "load" })
    owners.push({ name, secret, sessionId: (session.id ?? session.sessionId) as string, quota })
  }
  return owners
}

/** Runs `workers` clients until `stop` resolves; returns what they learned. */
export const run = async (servers: Servers, owners: ReadonlyArray<Owner>, workers: number, stop: Promise<void>): Promise<Tally> => {
  const tally = newTally()
  let stopped = false
  void stop.then(() => void (stopped = true))
  const worker = async (index: number) => {
    let sequence = 0
    while (!stopped) {
      const owner = owners[(index + sequence) % owners.length]!
      const kind = sequence++ % 3
      if (kind === 0) {
        const tokens = 1 + Math.floor(Math.random() * 40)
        const answer = await send(servers, tally, { method: "POST", path: "/v1/usage", auth: owner.secret, body: JSON.stringify({ tokens }) })
        if (answer?.status === 200) {
          tally.acknowledged++
          tally.usage.set(owner.name, (tally.usage.get(owner.name) ?? 0) + tokens)
        } else if (answer !== undefined) tally.refused++
      } else if (kind === 1) {
        const current = await send(servers, tally, { method: "GET", path: "/v1/tokens/main", auth: owner.secret })
        const etag = current?.headers.get("etag")
        if (!etag) continue
        const answer = await send(servers, tally, {
          method: "POST",
          path: "/v1/tokens/main/refresh",
          auth: owner.secret,
          body: tokenBody(`a-${index}-${sequence}`),
          headers: { "if-match": etag }
        })
        if (answer?.status === 200) {
          tally.acknowledged++
          tally.refreshes.set(owner.name, (tally.refreshes.get(owner.name) ?? 0) + 1)
        } else if (answer !== undefined) tally.refused++
      } else {
        const content = `m-${index}-${sequence}-${crypto.randomUUID().slice(0, 8)}`
        const answer = await send(servers, tally, {
          method: "POST",
          path: `/v1/sessions/${owner.sessionId}/messages`,
          auth: owner.secret,
          body: JSON.stringify({ content })
        })
        if (answer !== undefined && answer.status < 300) {
          tally.acknowledged++
          const set = tally.messages.get(owner.name) ?? new Set<string>()
          set.add(content)
          tally.messages.set(owner.name, set)
        } else if (answer !== undefined) tally.refused++
      }
    }
  }
  await Promise.all(Array.from({ length: workers }, (_, index) => worker(index)))
  return tally
}

export interface Check {
  readonly problems: ReadonlyArray<string>
  readonly acknowledged: number
}

/** Every acknowledged write exactly once; no quota exceeded; every request answered. */
export const check = async (servers: Servers, owners: ReadonlyArray<Owner>, tally: Tally): Promise<Check> => {
  const problems: Array<string> = [...tally.serverErrors]
  if (tally.unknown > 0) problems.push(`${tally.unknown} requests never learned their outcome: ${tally.unknownDetails.join("; ")}`)
  for (const owner of owners) {
    const get = async (path: string) => {
      const response = await fetch(`${servers.urls[0]}${path}`, { headers: { authorization: `Bearer ${owner.secret}` } })
      return response.json() as Promise<Record<string, unknown>>
    }
    const usage = await get("/v1/usage")
    const want = tally.usage.get(owner.name) ?? 0
    if (usage.lifetimeTokens !== want) problems.push(`${owner.name}: ${usage.lifetimeTokens} tokens recorded, ${want} acknowledged`)
    if ((usage.currentUsage as number) > owner.quota) problems.push(`${owner.name}: usage ${usage.currentUsage} exceeds the quota ${owner.quota}`)
    const token = await get("/v1/tokens/main")
    const refreshes = tally.refreshes.get(owner.name) ?? 0
    if (token.version !== 1 + refreshes) problems.push(`${owner.name}: token at version ${token.version}, ${refreshes} refreshes acknowledged`)
    const seen = new Map<string, number>()
    let cursor: string | undefined
    do {
      const page = await get(`/v1/sessions/${owner.sessionId}/messages?limit=500${cursor ? `&after=${cursor}` : ""}`)
      for (const message of (page.messages as Array<{ content: string }>) ?? []) seen.set(message.content, (seen.get(message.content) ?? 0) + 1)
      cursor = page.next as string | undefined
    } while (cursor !== undefined)
    for (const content of tally.messages.get(owner.name) ?? []) {
      if (seen.get(content) !== 1) problems.push(`${owner.name}: acknowledged message ${content} is there ${seen.get(content) ?? 0} times`)
    }
    for (const [content, count] of seen) if (count > 1) problems.push(`${owner.name}: message ${content} is there ${count} times`)
  }
  return { problems, acknowledged: tally.acknowledged }
}

export const percentile = (values: ReadonlyArray<number>, p: number) => {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** The longest stretch without an acknowledged write between `from` and `to` (performance.now() ms). */
export const longestPause = (completions: ReadonlyArray<number>, from: number, to: number) => {
  const inside = completions.filter((at) => at >= from && at <= to).sort((a, b) => a - b)
  let longest = 0
  let previous = from
  for (const at of inside) {
    longest = Math.max(longest, at - previous)
    previous = at
  }
  return Math.max(longest, to - previous)
}
