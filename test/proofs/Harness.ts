import type { Subprocess } from "bun"
import { closeSync, openSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { freePort } from "../support/freePort.ts"

/**
 * What the proofs under faults share: a `strata serve` process of its own, a mixed load of
 * writes over HTTP that remembers every request it made (by its `X-Request-Id`, which the
 * server records as the events' correlation id), and the checks that every acknowledged
 * write is in the log exactly once. Used by the bounded tests beside this file and by the
 * longer scripts under `scripts/`.
 */

export const root = join(import.meta.dir, "../..")

export const adminToken = "proof-admin-token-0123456789abcdef"
/** 32 bytes, base64: Postgres requires a configured master key. */
export const masterKey = Buffer.alloc(32, 7).toString("base64")

export interface Served {
  readonly url: string
  readonly process: Subprocess
  readonly pid: number
  readonly logFile: string
}

const env = (extra: Record<string, string> = {}) => ({
  ...process.env,
  STRATA_ADMIN_TOKEN: adminToken,
  STRATA_MASTER_KEY: masterKey,
  STRATA_LOG_LEVEL: "warning",
  ...extra
})

/**
 * Starts `strata serve` on a free port; resolves once `/ready` answers 200 (`/health` answers
 * as soon as it listens, before its database is open). Output goes to `logFile`.
 */
export const serve = async (options: {
  readonly database: string
  readonly directory: string
  readonly port?: number
  readonly env?: Record<string, string>
  readonly timeoutMs?: number
}): Promise<Served> => {
  const port = options.port ?? await freePort()
  const logFile = join(options.directory, `serve-${port}-${Date.now()}.log`)
  const fd = openSync(logFile, "a")
  const child = Bun.spawn(
    [process.execPath, join(root, "main.ts"), "serve", "--database", options.database, "--port", String(port)],
    { cwd: options.directory, env: env(options.env), stdout: fd, stderr: fd, stdin: "ignore" }
  )
  closeSync(fd)
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + (options.timeoutMs ?? 45_000)
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`strata serve exited ${child.exitCode}: ${readFileSync(logFile, "utf8").slice(-2000)}`)
    const up = await fetch(`${url}/ready`).then((response) => response.ok, () => false)
    if (up) return { url, process: child, pid: child.pid, logFile }
    await Bun.sleep(100)
  }
  child.kill("SIGKILL")
  throw new Error(`strata serve was not ready in time: ${readFileSync(logFile, "utf8").slice(-2000)}`)
}

/** Runs a `strata` command to its end. */
export const strata = async (args: ReadonlyArray<string>, directory: string) => {
  const child = Bun.spawn([process.execPath, join(root, "main.ts"), ...args], {
    cwd: directory,
    env: env(),
    stdout: "pipe",
    stderr: "pipe",
    stdin: "ignore"
  })
  const [stdout, stderr, code] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited])
  return { code, stdout, stderr }
}

export interface AuditEvent {
  readonly position: number
  readonly streamId: string
  readonly type: string
  readonly version: number
  readonly data: unknown
  readonly metadata: { readonly correlationId?: string }
}

/** The whole log, read page by page through `strata audit --format ndjson`. */
export const readLog = async (database: string, directory: string): Promise<Array<AuditEvent>> => {
  const events: Array<AuditEvent> = []
  const limit = 20_000
  for (let after = 0; ;) {
    const { code, stdout, stderr } = await strata(["audit", "--database", database, "--format", "ndjson", "--limit", String(limit), "--after", String(after)], directory)
    if (code !== 0) throw new Error(`strata audit failed (${code}): ${stderr}`)
    const page = stdout.split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as AuditEvent)
    events.push(...page)
    if (page.length < limit) return events
    after = page[page.length - 1]!.position
  }
}

// The load

export type Operation = "save" | "refresh" | "usage" | "message" | "sandbox" | "transition"

export interface Sent {
  readonly requestId: string
  readonly operation: Operation
  /** 0: no answer (connection refused or cut). */
  readonly status: number
  readonly latencyMs: number
  readonly body: unknown
  /** What the request asked for, for the checks (usage tokens, token values, …). */
  readonly detail: Record<string, unknown>
  readonly retryAfter: string | null
  readonly contentType: string | null
}

export interface Owner {
  readonly owner: string
  readonly secret: string
  readonly keyId: string
  readonly sessionId: string
  readonly sandboxes: Array<{ id: string; version: number; status: string }>
}

const json = async (response: Response) => {
  const text = await response.text()
  try {
    return JSON.parse(text) as any
  } catch {
    return text
  }
}

const call = async (url: string, method: string, path: string, auth: string, body?: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${auth}`, "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  return { status: response.status, body: await json(response), headers: response.headers }
}

/** An owner with an API key, a session and a sandbox, made through the API. */
export const makeOwner = async (url: string, owner: string): Promise<Owner> => {
  const key = await call(url, "POST", "/v1/admin/keys", adminToken, { owner, name: "proof", tokenLimitPer5h: 1_000_000_000 })
  if (key.status !== 201) throw new Error(`creating ${owner}'s key: ${key.status} ${JSON.stringify(key.body)}`)
  const secret = key.body.secret as string
  const session = await call(url, "POST", "/v1/sessions", secret, { title: `${owner}'s session` })
  if (session.status !== 201) throw new Error(`creating ${owner}'s session: ${session.status} ${JSON.stringify(session.body)}`)
  return { owner, secret, keyId: key.body.keyId, sessionId: session.body.sessionId, sandboxes: [] }
}

/** Records the answers of a load; `sent` holds every request that was made. */
export class Load {
  readonly sent: Array<Sent> = []
  private stopped = false
  private counter = 0
  /** Token versions last acknowledged, per owner and name: the If-Match of the next refresh. */
  private readonly versions = new Map<string, number>()

  constructor(private url: string, readonly owners: ReadonlyArray<Owner>, readonly tokenNames = ["github", "twitch", "google"]) {}

  /** Points the load at another server (after a restart on another port). */
  retarget(url: string) {
    this.url = url
  }

  stop() {
    this.stopped = true
  }

  /** Runs `workers` loops of mixed writes until `stop`, `until` returns true, or `durationMs` passes. */
  async run(options: { readonly workers: number; readonly durationMs?: number; readonly until?: () => boolean }) {
    this.stopped = false
    const deadline = options.durationMs === undefined ? Infinity : Date.now() + options.durationMs
    const done = () => this.stopped || Date.now() >= deadline || (options.until?.() ?? false)
    await Promise.all(Array.from({ length: options.workers }, async (_, worker) => {
      while (!done()) {
        const owner = this.owners[(worker + this.counter) % this.owners.length]!
        await this.one(owner)
        // Refused connections answer at once: do not spin while the server is down.
        if (this.sent[this.sent.length - 1]?.status === 0) await Bun.sleep(20)
      }
    }))
  }

  /** One write, picked round robin across the operations. */
  async one(owner: Owner) {
    const n = ++this.counter
    const pick = n % 10
    const operation: Operation = pick < 2 ? "save" : pick < 4 ? "refresh" : pick < 6 ? "usage" : pick < 8 ? "message" : pick < 9 ? "sandbox" : "transition"
    const requestId = `proof-${process.pid}-${n}-${Math.random().toString(36).slice(2, 8)}`
    const name = this.tokenNames[n % this.tokenNames.length]!
    const tokenKey = `${owner.owner}/${name}`
    const values = (kind: string) => ({
      accessToken: `at-${kind}-${requestId}`,
      refreshToken: `rt-${requestId}`,
      expiresIn: 14400,
      obtainmentTimestamp: 1_700_000_000_000 + n,
      scopes: ["chat:read"]
    })
    let method = "POST"
    let path = ""
    let body: unknown
    let headers: Record<string, string> = {}
    let detail: Record<string, unknown> = {}
    switch (operation) {
      case "save":
        method = "PUT", path = `/v1/tokens/${name}`, body = values("save"), detail = { name, owner: owner.owner }
        break
      case "refresh": {
        const version = this.versions.get(tokenKey)
        if (version === undefined) return this.record(requestId, "save", 0, 0, "skipped", {}, null, null, true)
        method = "POST", path = `/v1/tokens/${name}/refresh`, body = values("refresh"), headers = { "if-match": `"${version}"` }
        detail = { name, owner: owner.owner }
        break
      }
      case "usage": {
        const tokens = 1 + (n % 97)
        path = "/v1/usage", body = { tokens }, detail = { tokens, owner: owner.owner }
        break
      }
      case "message":
        path = `/v1/sessions/${owner.sessionId}/messages`, body = { content: `message ${requestId}` }, detail = { owner: owner.owner }
        break
      case "sandbox":
        path = "/v1/sandboxes", body = { name: `sb-${n}`, tierId: "medium", flavorId: "node", addonIds: ["redis"] }, detail = { owner: owner.owner }
        break
      case "transition": {
        const sandbox = owner.sandboxes.find((candidate) => candidate.status === "pending")
        if (sandbox === undefined) return this.record(requestId, "transition", 0, 0, "skipped", {}, null, null, true)
        sandbox.status = "starting?"
        path = `/v1/sandboxes/${sandbox.id}/start`, body = {}, headers = { "if-match": `"${sandbox.version}"` }, detail = { sandboxId: sandbox.id }
        break
      }
    }
    const started = performance.now()
    try {
      const response = await fetch(`${this.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${owner.secret}`, "content-type": "application/json", "x-request-id": requestId, ...headers },
        body: JSON.stringify(body)
      })
      const answer = await json(response)
      const latency = performance.now() - started
      if (response.status >= 200 && response.status < 300) {
        if (operation === "save" || operation === "refresh") {
          const previous = this.versions.get(tokenKey) ?? 0
          if (answer.version > previous) this.versions.set(tokenKey, answer.version)
        }
        if (operation === "sandbox") owner.sandboxes.push({ id: answer.sandboxId, version: answer.version, status: answer.status })
        if (operation === "transition") {
          const sandbox = owner.sandboxes.find((candidate) => candidate.id === detail.sandboxId)!
          sandbox.status = answer.status, sandbox.version = answer.version
        }
      } else if (operation === "refresh" && response.status === 412 && typeof answer?.currentVersion === "number") {
        this.versions.set(tokenKey, answer.currentVersion)
      }
      this.record(requestId, operation, response.status, latency, answer, detail, response.headers.get("retry-after"), response.headers.get("content-type"))
    } catch (error) {
      this.record(requestId, operation, 0, performance.now() - started, String(error), detail, null, null)
    }
  }

  private record(
    requestId: string,
    operation: Operation,
    status: number,
    latencyMs: number,
    body: unknown,
    detail: Record<string, unknown>,
    retryAfter: string | null,
    contentType: string | null,
    skipped = false
  ) {
    if (skipped) return
    this.sent.push({ requestId, operation, status, latencyMs, body, detail, retryAfter, contentType })
  }

  get acknowledged() {
    return this.sent.filter((sent) => sent.status >= 200 && sent.status < 300)
  }
}

// The checks

export interface Verdict {
  readonly acknowledged: number
  readonly events: number
  readonly problems: Array<string>
}

/**
 * Every acknowledged write is in the log exactly once (one event with its request id), no
 * request wrote twice, what the API answers agrees with the log (each acknowledged
 * message and sandbox readable, usage summed), and every token decrypts.
 */
export const check = async (url: string, load: Load, log: ReadonlyArray<AuditEvent>): Promise<Verdict> => {
  const problems: Array<string> = []
  const byRequest = new Map<string, Array<AuditEvent>>()
  for (const event of log) {
    const id = event.metadata.correlationId
    if (id === undefined) continue
    const list = byRequest.get(id) ?? []
    list.push(event)
    byRequest.set(id, list)
  }
  const positions = log.map((event) => event.position)
  for (let index = 1; index < positions.length; index++) {
    if (positions[index] !== positions[index - 1]! + 1) problems.push(`positions jump from ${positions[index - 1]} to ${positions[index]}`)
  }
  for (const [id, events] of byRequest) {
    if (id.startsWith("proof-") && events.length !== 1) problems.push(`request ${id} wrote ${events.length} events (${events.map((event) => event.type).join(", ")})`)
  }
  const acknowledged = load.acknowledged
  for (const sent of acknowledged) {
    const events = byRequest.get(sent.requestId) ?? []
    if (events.length !== 1) problems.push(`acknowledged ${sent.operation} ${sent.requestId} (${sent.status}) has ${events.length} events in the log`)
  }
  // Through the API: the read models agree.
  for (const owner of load.owners) {
    const auth = { authorization: `Bearer ${owner.secret}` }
    const messages = new Set<string>()
    for (let after: string | undefined; ;) {
      const page = await fetch(`${url}/v1/sessions/${owner.sessionId}/messages?order=asc&limit=500${after ? `&after=${encodeURIComponent(after)}` : ""}`, { headers: auth })
      const body = await page.json() as any
      if (page.status !== 200) {
        problems.push(`history of ${owner.owner}: ${page.status}`)
        break
      }
      for (const message of body.messages) {
        if (messages.has(message.messageId)) problems.push(`message ${message.messageId} listed twice`)
        messages.add(message.messageId)
      }
      if (body.next === undefined) break
      after = body.next
    }
    const usage = await fetch(`${url}/v1/usage`, { headers: auth }).then((response) => response.json()) as any
    const mine = load.sent.filter((sent) => sent.detail.owner === owner.owner && sent.operation === "usage")
    const acked = mine.filter((sent) => sent.status >= 200 && sent.status < 300).reduce((sum, sent) => sum + (sent.detail.tokens as number), 0)
    const logged = log.filter((event) => event.type === "UsageRecorded" && event.streamId.includes(owner.keyId))
      .reduce((sum, event) => sum + (event.data as { tokens: number }).tokens, 0)
    if (usage.lifetimeTokens !== logged) problems.push(`${owner.owner}'s usage reads ${usage.lifetimeTokens}, the log sums ${logged}`)
    if (logged < acked) problems.push(`${owner.owner}'s usage lost tokens: ${logged} logged < ${acked} acknowledged`)
    for (const sent of load.sent) {
      if (sent.detail.owner !== owner.owner || sent.status < 200 || sent.status >= 300) continue
      if (sent.operation === "message" && !messages.has((sent.body as any).messageId)) problems.push(`acknowledged message ${(sent.body as any).messageId} is not in the history`)
      if (sent.operation === "sandbox") {
        const read = await fetch(`${url}/v1/sandboxes/${(sent.body as any).sandboxId}`, { headers: auth })
        if (read.status !== 200) problems.push(`acknowledged sandbox ${(sent.body as any).sandboxId} reads ${read.status}`)
      }
    }
    for (const name of load.tokenNames) {
      const read = await fetch(`${url}/v1/tokens/${name}`, { headers: auth })
      if (read.status === 404) continue
      const token = await read.json() as any
      if (read.status !== 200) problems.push(`token ${owner.owner}/${name} reads ${read.status}: ${JSON.stringify(token)}`)
      const events = log.filter((event) => event.streamId.endsWith(name) && event.streamId.includes(owner.owner))
      if (events.length > 0 && token.version !== events[events.length - 1]!.version) {
        problems.push(`token ${owner.owner}/${name} is at version ${token.version}, its stream at ${events[events.length - 1]!.version}`)
      }
    }
  }
  return { acknowledged: acknowledged.length, events: log.length, problems }
}

/** Nearest-rank percentile of a list of numbers. */
export const percentile = (values: ReadonlyArray<number>, p: number) => {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

/** Resident memory of a process in KiB, from /proc (undefined when gone). */
export const rssKiB = (pid: number) => {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))
    return match ? Number(match[1]) : undefined
  } catch {
    return undefined
  }
}

/** Slope of the least-squares line through the points (y per x unit). */
export const slope = (points: ReadonlyArray<readonly [number, number]>) => {
  const n = points.length
  if (n < 2) return 0
  const mx = points.reduce((sum, [x]) => sum + x, 0) / n
  const my = points.reduce((sum, [, y]) => sum + y, 0) / n
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0)
  const sxy = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0)
  return sxx === 0 ? 0 : sxy / sxx
}

// Crash

export interface CrashReport {
  readonly kills: number
  readonly sent: number
  readonly acknowledged: number
  readonly events: number
  readonly problems: ReadonlyArray<string>
  readonly verify: { readonly code: number; readonly output: string }
}

/**
 * Serves `database`, runs the load, SIGKILLs the server `kills` times while it writes
 * (after `loadMs` of load each time), restarts it, and finally checks the log and the
 * read models against every answer the load got, then runs `strata verify`.
 */
export const crashRun = async (options: {
  readonly database: string
  readonly directory: string
  readonly kills: number
  readonly loadMs: number
  readonly workers?: number
  readonly owners?: number
  readonly onKill?: (kill: number, load: Load) => void
}): Promise<CrashReport> => {
  let served = await serve({ database: options.database, directory: options.directory })
  const owners: Array<Owner> = []
  for (let index = 0; index < (options.owners ?? 2); index++) owners.push(await makeOwner(served.url, `owner-${index}`))
  const load = new Load(served.url, owners)
  const running = load.run({ workers: options.workers ?? 8 })
  try {
    for (let kill = 1; kill <= options.kills; kill++) {
      // Wait until the load has written a fair amount on this incarnation — counted, not
      // timed: a loaded machine writes less in a given time — then a while more.
      const before = load.acknowledged.length
      const deadline = Date.now() + 30_000
      while (load.acknowledged.length < before + 30 && Date.now() < deadline) await Bun.sleep(10)
      await Bun.sleep(options.loadMs * (0.5 + Math.random()))
      served.process.kill("SIGKILL")
      await served.process.exited
      options.onKill?.(kill, load)
      served = await serve({ database: options.database, directory: options.directory })
      load.retarget(served.url)
    }
    // One more stretch of writes on the last incarnation, so that it too is checked.
    const before = load.acknowledged.length
    const deadline = Date.now() + 30_000
    while (load.acknowledged.length < before + 50 && Date.now() < deadline) await Bun.sleep(10)
  } finally {
    load.stop()
    await running
  }
  try {
    const log = await readLog(options.database, options.directory)
    const verdict = await check(served.url, load, log)
    const verify = await strata(["verify", "--database", options.database], options.directory)
    return {
      kills: options.kills,
      sent: load.sent.length,
      acknowledged: verdict.acknowledged,
      events: verdict.events,
      problems: verdict.problems,
      verify: { code: verify.code, output: `${verify.stdout}${verify.stderr}` }
    }
  } finally {
    served.process.kill("SIGTERM")
    await served.process.exited
  }
}
