import { connect } from "node:net"
import fc from "fast-check"

/**
 * Requests generated from strata's own `/openapi.json`, valid and not, sent to a running
 * server, each answer judged: never a 5xx, never no answer, every 4xx a problem+json that
 * neither quotes a large input back nor shows a stack trace or a secret. The suite runs a
 * bounded number with a fixed seed (`test/proofs/Fuzz.test.ts`); `scripts/fuzz.ts` runs many.
 *
 * Not sent: what Bun's HTTP parser refuses before any handler sees it — a method it does not
 * know, control characters in a header, a space in the path, a malformed `Content-Length`;
 * it answers those (or closes) itself.
 */

type JsonSchema = { readonly [keyword: string]: any }

export interface Operation {
  readonly method: string
  /** The template, `{name}` for a path parameter. */
  readonly path: string
  readonly pathParams: ReadonlyArray<string>
  readonly query: ReadonlyArray<{ readonly name: string; readonly schema: JsonSchema }>
  readonly body: JsonSchema | undefined
}

export const operations = (doc: JsonSchema): ReadonlyArray<Operation> =>
  Object.entries(doc.paths as Record<string, Record<string, JsonSchema>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const parameters = (operation.parameters ?? []) as Array<JsonSchema>
      return {
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === "path").map((p) => p.name as string),
        query: parameters.filter((p) => p.in === "query").map((p) => ({ name: p.name as string, schema: p.schema ?? {} })),
        body: operation.requestBody?.content?.["application/json"]?.schema
      }
    })
  )

/** The callers every request is tried as. */
export type Caller = "none" | "bad" | "other" | "owner" | "admin"

/** What exists on the server before the run: two owners, each with resources and secrets. */
export interface Fixture {
  readonly adminToken: string
  readonly owners: Record<"alice" | "bob", {
    /** The key the requests authenticate with (never named in a path: a DELETE would lock the caller out). */
    readonly key: string
    /** Ids to put in paths. */
    readonly keyId: string
    readonly sandboxId: string
    readonly sessionId: string
    readonly messageId: string
    /** Plaintext that only this owner (or the admin) may ever be shown. */
    readonly secrets: ReadonlyArray<string>
  }>
}

/** Creates the fixture through the API itself. */
export const makeFixture = async (url: string, adminToken: string): Promise<Fixture> => {
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    const json = await response.json() as any
    if (response.status >= 300) throw new Error(`fixture: ${method} ${path} answered ${response.status} ${JSON.stringify(json)}`)
    return json
  }
  const owner = async (name: "alice" | "bob") => {
    const key = await call("POST", "/v1/admin/keys", adminToken, { owner: name, name: `${name}-auth`, tokenLimitPer5h: 1_000_000_000 })
    const spare = await call("POST", "/v1/admin/keys", adminToken, { owner: name, name: `${name}-spare`, tokenLimitPer5h: 1000 })
    const secrets = [`${name}-access-${crypto.randomUUID()}`, `${name}-refresh-${crypto.randomUUID()}`, `${name}-github-${crypto.randomUUID()}`]
    await call("PUT", "/v1/tokens/bot", key.secret, {
      accessToken: secrets[0],
      refreshToken: secrets[1],
      expiresIn: 3600,
      obtainmentTimestamp: 1_700_000_000_000,
      scopes: ["chat:read"]
    })
    await call("PUT", "/v1/credentials/github", key.secret, { secret: secrets[2] })
    const sandbox = await call("POST", "/v1/sandboxes", key.secret, { name: `${name}-box`, tierId: "small", flavorId: "node" })
    const session = await call("POST", "/v1/sessions", key.secret, { title: `${name}-session` })
    const message = await call("POST", `/v1/sessions/${session.sessionId}/messages`, key.secret, { content: `${name}-message` })
    return {
      key: key.secret as string,
      keyId: spare.keyId as string,
      sandboxId: sandbox.sandboxId as string,
      sessionId: session.sessionId as string,
      messageId: message.messageId as string,
      secrets: [key.secret as string, spare.secret as string, ...secrets]
    }
  }
  return { adminToken, owners: { alice: await owner("alice"), bob: await owner("bob") } }
}

export interface FuzzRequest {
  readonly caller: Caller
  readonly method: string
  /** Path and query, as sent (percent-encoded, or raw bytes written on a socket). */
  readonly target: string
  readonly headers: Record<string, string>
  readonly body: Uint8Array | undefined
  /** Written on a socket: lets invalid UTF-8 through the request line and headers. */
  readonly raw: boolean
  /** What was generated, for the report. */
  readonly label: string
}

// Values

const resolve = (doc: JsonSchema, schema: JsonSchema): JsonSchema =>
  typeof schema.$ref === "string" ? { ...resolve(doc, doc.components.schemas[schema.$ref.split("/").pop()!]), ...schema, $ref: undefined } : schema

const nastyStrings = [
  "", " ", "\u0000", "\uFEFF", "\uD800", "💥", "a".repeat(5000), "../../etc/passwd", "%ff", "%00", "null", "true", "[]", "{}",
  "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x}", "__proto__", "constructor", "\\", "\"", "\r\n"
]
const nastyNumbers = [0, -0, -1, 1, 0.5, 1e21, 1e308, -1e308, 5e-324, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 2 ** 31, 2 ** 32, 1700000000000]

const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...nastyStrings) }
)
const anyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(...nastyNumbers),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map((n) => Number(n))
)
const anyJson = fc.jsonValue({ maxDepth: 4 })

/** `arbitrary` once in `n` draws, else undefined. */
const onceIn = <T>(n: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: n - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary })

/** Percent-encoded; a lone surrogate (which has no UTF-8) becomes U+FFFD first. */
const encode = (text: string) => encodeURIComponent((text as string & { toWellFormed(): string }).toWellFormed())

/** Values that exist, for the properties that name reference data: more requests get past validation. */
const hints: Record<string, fc.Arbitrary<unknown>> = {
  tierId: fc.constantFrom("small", "medium"),
  flavorId: fc.constant("node"),
  addonIds: fc.constantFrom([], ["redis"]),
  tokens: fc.integer({ min: 1, max: 1000 }),
  tokenLimitPer5h: fc.integer({ min: 1, max: 1_000_000 })
}

/** A value for a JSON Schema (as OpenAPI 3.1 writes them), mostly valid, now and then anything. */
const valueOf = (doc: JsonSchema, input: JsonSchema, depth = 0): fc.Arbitrary<unknown> => {
  const schema = resolve(doc, input)
  const typed = ((): fc.Arbitrary<unknown> => {
    if (schema.const !== undefined) return fc.constant(schema.const)
    if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum)
    const alternatives = schema.anyOf ?? schema.oneOf
    if (Array.isArray(alternatives)) return fc.oneof(...alternatives.map((s: JsonSchema) => valueOf(doc, s, depth + 1)))
    switch (schema.type) {
      case "string":
        return Array.isArray(schema.examples) ? fc.oneof(fc.constantFrom(...schema.examples), anyString) : anyString
      case "integer":
        return fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 100_000 }) }, { weight: 1, arbitrary: anyNumber })
      case "number":
        return fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 2_000_000_000_000 }) }, { weight: 1, arbitrary: anyNumber })
      case "boolean":
        return fc.boolean()
      case "null":
        return fc.constant(null)
      case "array":
        return depth > 6 ? fc.constant([]) : fc.array(valueOf(doc, schema.items ?? {}, depth + 1), { maxLength: 4 })
      case "object": {
        const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
        if (depth > 6) return fc.constant({})
        return fc.record(
          Object.fromEntries(Object.entries(properties).map(([name, s]) => [
            name,
            name in hints ? fc.oneof({ weight: 3, arbitrary: hints[name]! }, { weight: 1, arbitrary: valueOf(doc, s, depth + 1) }) : valueOf(doc, s, depth + 1)
          ])),
          { requiredKeys: (schema.required ?? []) as Array<string> }
        )
      }
      default:
        return anyJson
    }
  })()
  return fc.oneof({ weight: 12, arbitrary: typed }, { weight: 1, arbitrary: anyJson })
}

/** `[{"a":[{"a":…`, `[[[…` or `{"a":{"a":…`, from a little past the limit to far past it. */
const deepJson = fc.tuple(fc.integer({ min: 20, max: 20_000 }), fc.constantFrom("[{\"a\":", "[", "{\"a\":")).map(([levels, open]) => {
  const close = open === "[" ? "]" : open === "{\"a\":" ? "}" : "}]"
  return `${open.repeat(levels)}1${close.repeat(levels)}`
})

const encoder = new TextEncoder()
const bytes = (text: string) => encoder.encode(text)
const concat = (...parts: Array<Uint8Array>) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) out.set(part, (at += part.length) - part.length)
  return out
}
const invalidUtf8 = fc.constantFrom(
  new Uint8Array([0xff]),
  new Uint8Array([0xc3, 0x28]),
  new Uint8Array([0xe2, 0x28, 0xa1]),
  new Uint8Array([0xed, 0xa0, 0x80]), // an encoded surrogate
  new Uint8Array([0xf0, 0x28, 0x8c, 0xbc]),
  new Uint8Array([0xc0, 0xaf]) // overlong "/"
)

/** A body for an operation: valid, broken in one place, or anything at all. */
const bodyOf = (doc: JsonSchema, schema: JsonSchema | undefined): fc.Arbitrary<{ body: Uint8Array | undefined; label: string }> => {
  const valid = schema === undefined ? anyJson : valueOf(doc, schema)
  const text = (label: string) => (t: string) => ({ body: bytes(t), label })
  return fc.oneof(
    { weight: 10, arbitrary: valid.map((v) => JSON.stringify(v) ?? "null").map(text("schema")) },
    { weight: 2, arbitrary: fc.constant({ body: undefined, label: "no body" }) },
    { weight: 2, arbitrary: anyJson.map((v) => JSON.stringify(v)).map(text("any JSON")) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }).map(text("text")) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((body) => ({ body, label: "random bytes" })) },
    {
      weight: 2,
      arbitrary: fc.tuple(valid, invalidUtf8).map(([v, bad]) => {
        const json = JSON.stringify(v) ?? "null"
        const at = json.indexOf("\"") + 1 || json.length
        return { body: concat(bytes(json.slice(0, at)), bad, bytes(json.slice(at))), label: "invalid UTF-8" }
      })
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.nat()).map(([v, n]) => {
        const json = JSON.stringify(v) ?? "null"
        return { body: bytes(json.slice(0, n % Math.max(1, json.length))), label: "truncated" }
      })
    },
    { weight: 2, arbitrary: deepJson.map(text("deep")) },
    {
      weight: 1,
      arbitrary: fc.tuple(deepJson, fc.constantFrom("name", "title", "tokens", "content", "secret", "accessToken", "tokenLimitPer5h"))
        .map(([deep, field]) => `{"${field}":${deep}}`).map(text("deep field"))
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.integer({ min: 10_000, max: 1_200_000 }), fc.constantFrom("name", "title", "content", "secret", "accessToken"))
        .map(([length, field]) => JSON.stringify({ [field]: "x".repeat(length), tierId: "small", flavorId: "node" })).map(text("huge"))
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom("1e999", "-1e999", "123456789012345678901234567890", "\"\\ud800\"", "{\"a\":1,\"a\":2}", "{\"__proto__\":{\"x\":1}}", "[]", "null", "")
        .map(text("edge JSON"))
    }
  )
}

/** A path parameter: an id that exists (either owner's), or anything. */
const paramOf = (fixture: Fixture, name: string): fc.Arbitrary<string> => {
  const { alice, bob } = fixture.owners
  const known: Record<string, ReadonlyArray<string>> = {
    name: ["bot", "nothing"],
    keyId: [alice.keyId, bob.keyId],
    sandboxId: [alice.sandboxId, bob.sandboxId],
    sessionId: [alice.sessionId, bob.sessionId],
    messageId: [alice.messageId, bob.messageId],
    provider: ["github", "gitlab"],
    member: ["dave", "bob", "alice"],
    action: ["start", "mark-running", "stop", "mark-stopped", "fail", "explode"],
    // Forgetting alice or bob would only make the rest of the run less interesting.
    owner: ["carol"]
  }
  const encoded = fc.oneof(anyString.map(encode), fc.constantFrom("%ff", "%c3%28", "%00", "..", "%2e%2e", "a%2Fb", "%", "%zz"))
  return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(known[name] ?? ["x"])) }, { weight: 1, arbitrary: encoded })
}

const queryOf = (doc: JsonSchema, operation: Operation): fc.Arbitrary<string> => {
  const declared = operation.query.map(({ name, schema }) =>
    fc.option(fc.oneof(valueOf(doc, schema).map((v) => (typeof v === "string" ? v : JSON.stringify(v))), anyString), { nil: undefined })
      .map((v) => (v === undefined ? undefined : `${name}=${encode(v)}`))
  )
  const extra = onceIn(8, fc.tuple(anyString, anyString).map(([k, v]) => `${encode(k)}=${encode(v)}`))
  const broken = onceIn(10, fc.constantFrom("limit=%ff", "after=%", "&&&", "=", "limit=1&limit=2", "limit=1e999"))
  return fc.tuple(fc.tuple(...declared), extra, broken).map(([values, e, b]) => {
    const parts = [...values, e, b].filter((part): part is string => part !== undefined)
    return parts.length === 0 ? "" : `?${parts.join("&")}`
  })
}

/** A header value fetch will send: Latin-1, no control characters. */
const headerValue = fc.oneof(
  fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, "")),
  fc.constantFrom("\"1\"", "\"0\"", "*", "W/\"1\"", "\"99999999999999999999\"", "1", "", "é")
)

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=latin1",
  "application/merge-patch+json",
  "text/plain",
  "multipart/form-data",
  "multipart/form-data; boundary=x",
  "application/x-www-form-urlencoded",
  "application/octet-stream",
  "",
  ";;;"
)

const authOf = (fixture: Fixture): fc.Arbitrary<{ caller: Caller; headers: Record<string, string> }> => {
  const { alice, bob } = fixture.owners
  return fc.oneof(
    fc.constant({ caller: "none" as const, headers: {} }),
    fc.oneof(
      fc.constantFrom("Bearer", "Bearer ", "Bearer sk_", "Bearer sk_nope", "Basic YWxpY2U6cw==", "bearer x", `Bearer ${fixture.adminToken}x`, `Bearer ${alice.key.slice(0, -1)}`, "Bearer st_admin_"),
      headerValue.map((v) => `Bearer ${v}`),
      headerValue.map((v) => `Bearer sk_${v}`)
    ).map((authorization) => ({ caller: "bad" as const, headers: { authorization } })),
    fc.constant({ caller: "other" as const, headers: { authorization: `Bearer ${bob.key}` } }),
    fc.constant({ caller: "owner" as const, headers: { authorization: `Bearer ${alice.key}` } }),
    fc.oneof(fc.constant("alice"), fc.constant(undefined), headerValue).map((owner) => ({
      caller: "admin" as const,
      headers: { authorization: `Bearer ${fixture.adminToken}`, ...(owner === undefined ? {} : { "x-strata-owner": owner }) }
    }))
  )
}

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

/** One request: an operation of the document, or now and then a path or a method it does not have. */
export const requests = (doc: JsonSchema, fixture: Fixture): fc.Arbitrary<FuzzRequest> => {
  const perOperation = operations(doc).map((operation) =>
    fc.record({
      operation: fc.constant(operation),
      params: fc.tuple(...operation.pathParams.map((name) => paramOf(fixture, name))),
      query: queryOf(doc, operation),
      body: bodyOf(doc, operation.body),
      method: fc.oneof({ weight: 9, arbitrary: fc.constant(operation.method) }, { weight: 1, arbitrary: fc.constantFrom(...methods) }),
      auth: authOf(fixture),
      contentType: onceIn(5, contentType),
      ifMatch: onceIn(3, headerValue),
      requestId: onceIn(4, fc.oneof({ weight: 9, arbitrary: headerValue }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }).map((n) => "r".repeat(n)) })),
      extraPath: onceIn(20, anyString.map((s) => `/${encode(s)}`)),
      raw: onceIn(12, fc.tuple(invalidUtf8, fc.constantFrom("path", "query", "header")))
    })
  )
  return fc.oneof(...perOperation).map((g): FuzzRequest => {
    let index = 0
    const path = g.operation.path.replace(/\{[^}]+\}/g, () => g.params[index++]!) + (g.extraPath ?? "")
    const sendsBody = g.method !== "GET" && g.method !== "HEAD"
    const headers: Record<string, string> = {
      ...g.auth.headers,
      ...(g.body.body !== undefined && sendsBody ? { "content-type": g.contentType ?? "application/json" } : {}),
      ...(g.ifMatch === undefined ? {} : { "if-match": g.ifMatch }),
      ...(g.requestId === undefined ? {} : { "x-request-id": g.requestId })
    }
    const target = `${path}${g.query}`
    const label = `${g.operation.method} ${g.operation.path} as ${g.auth.caller}, body: ${sendsBody ? g.body.label : "none"}${g.raw ? `, invalid UTF-8 in the ${g.raw[1]}` : ""}`
    const base = { caller: g.auth.caller, method: g.method, headers, body: sendsBody ? g.body.body : undefined, label }
    if (g.raw === undefined) return { ...base, target, raw: false }
    const [bad, where] = g.raw
    const latin1 = new TextDecoder("latin1").decode(bad)
    if (where === "path") return { ...base, target: `${path}${latin1}${g.query}`, raw: true }
    if (where === "query") return { ...base, target: `${path}?q=${latin1}&limit=${latin1}`, raw: true }
    return { ...base, target, headers: { ...headers, "x-request-id": `id-${latin1}`, "x-strata-owner": headers["x-strata-owner"] ?? `o${latin1}` }, raw: true }
  })
}

// Sending

export interface Answer {
  readonly status: number
  readonly contentType: string
  readonly text: string
}

const timeoutMs = 20_000

/**
 * A live endpoint's answer (server-sent events) does not end: what it sends in this long
 * is its body, judged like any other (no secret, no stack trace).
 */
const streamedMs = 300

const isStream = (contentType: string) => contentType.startsWith("text/event-stream")

const readFor = async (body: ReadableStream<Uint8Array>, ms: number) => {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let text = ""
  const stop = Bun.sleep(ms).then(() => undefined)
  for (;;) {
    const chunk = await Promise.race([reader.read(), stop])
    if (chunk === undefined || chunk.done) break
    text += decoder.decode(chunk.value, { stream: true })
  }
  await reader.cancel().catch(() => undefined)
  return text
}

const sendFetch = async (url: string, request: FuzzRequest): Promise<Answer> => {
  const response = await fetch(`${url}${request.target}`, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    signal: AbortSignal.timeout(timeoutMs)
  })
  const contentType = response.headers.get("content-type") ?? ""
  const text = isStream(contentType) && response.body !== null ? await readFor(response.body, streamedMs) : await response.text()
  return { status: response.status, contentType, text }
}

/** HTTP/1.1 on a socket, byte for byte: `Connection: close`, read to the end. */
const sendRaw = (url: string, request: FuzzRequest): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url)
    const head = [
      `${request.method} ${request.target} HTTP/1.1`,
      `host: ${hostname}:${port}`,
      "connection: close",
      ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`),
      ...(request.body === undefined ? [] : [`content-length: ${request.body.length}`]),
      "",
      ""
    ].join("\r\n")
    const socket = connect(Number(port), hostname)
    const chunks: Array<Buffer> = []
    const timer = setTimeout(() => (socket.destroy(), reject(new Error(`no answer within ${timeoutMs} ms`))), timeoutMs)
    let streaming = false
    socket.on("data", (chunk: Buffer) => {
      chunks.push(chunk)
      if (streaming) return
      const received = Buffer.concat(chunks)
      const end = received.indexOf("\r\n\r\n")
      if (end >= 0 && /^content-type:\s*text\/event-stream/im.test(received.subarray(0, end).toString("latin1"))) {
        streaming = true
        setTimeout(() => socket.destroy(), streamedMs)
      }
    })
    socket.on("error", (error) => (clearTimeout(timer), reject(error)))
    socket.on("close", () => {
      clearTimeout(timer)
      const all = Buffer.concat(chunks)
      const end = all.indexOf("\r\n\r\n")
      if (end < 0) return reject(new Error(`the connection closed without an answer (${all.length} bytes)`))
      const lines = all.subarray(0, end).toString("latin1").split("\r\n")
      const header = (name: string) =>
        lines.find((line) => line.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? ""
      let body = all.subarray(end + 4)
      if (header("transfer-encoding").toLowerCase() === "chunked") {
        const parts: Array<Buffer> = []
        for (let at = 0;;) {
          const eol = body.indexOf("\r\n", at)
          const size = parseInt(body.subarray(at, eol).toString("latin1"), 16)
          if (!(size > 0)) break
          parts.push(body.subarray(eol + 2, eol + 2 + size))
          at = eol + 2 + size + 2
        }
        body = Buffer.concat(parts)
      }
      resolve({ status: Number(lines[0]!.split(" ")[1]), contentType: header("content-type"), text: body.toString("utf8") })
    })
    socket.write(request.body === undefined ? Buffer.from(head, "latin1") : Buffer.concat([Buffer.from(head, "latin1"), request.body]))
  })

export const send = (url: string, request: FuzzRequest): Promise<Answer> => (request.raw ? sendRaw : sendFetch)(url, request)

// Judging

const stackTrace = /\n\s+at\s|\bat .+:\d+:\d+|\.tsx?:\d+|node_modules\//

/** What is wrong with an answer, or undefined. */
export const judge = (fixture: Fixture, request: FuzzRequest, answer: Answer): string | undefined => {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 300)}`
  if (answer.status < 200) return `answered ${answer.status}`
  if (stackTrace.test(answer.text)) return `a stack trace in the body: ${answer.text.slice(0, 300)}`
  if (answer.text.includes(fixture.adminToken)) return "the admin token in the body"
  for (const [name, owner] of Object.entries(fixture.owners)) {
    const mayRead = answer.status < 400 &&
      (request.caller === "admin" || (request.caller === "owner" ? name === "alice" : request.caller === "other" && name === "bob"))
    if (!mayRead && owner.secrets.some((secret) => answer.text.includes(secret))) return `${name}'s secret in a body for ${request.caller}`
  }
  if (answer.status < 400) return undefined
  if (!answer.contentType.startsWith("application/problem+json")) return `a ${answer.status} as ${answer.contentType || "no content type"}: ${answer.text.slice(0, 200)}`
  if (request.method === "HEAD") return undefined
  if (answer.text.length > 8192) return `a ${answer.status} of ${answer.text.length} characters: it quotes the input back`
  let problem: any
  try {
    problem = JSON.parse(answer.text)
  } catch {
    return `a ${answer.status} whose body is not JSON: ${answer.text.slice(0, 200)}`
  }
  const shaped = problem !== null && typeof problem === "object" && problem.status === answer.status &&
    typeof problem.type === "string" && problem.type.startsWith("urn:strata:problem:") &&
    typeof problem.title === "string" && typeof problem.detail === "string"
  return shaped ? undefined : `a ${answer.status} that is not a problem: ${answer.text.slice(0, 200)}`
}

// Running

export interface Failure {
  readonly request: string
  readonly failure: string
}

export interface Report {
  readonly tried: number
  readonly byStatus: Record<string, number>
  readonly failures: ReadonlyArray<Failure>
}

const describe = (request: FuzzRequest) =>
  `${request.label} → ${request.method} ${request.target.slice(0, 160)} headers ${JSON.stringify(request.headers).slice(0, 300)} body ${
    request.body === undefined ? "none" : JSON.stringify(new TextDecoder().decode(request.body.subarray(0, 160)))
  }${request.body !== undefined && request.body.length > 160 ? ` (${request.body.length} bytes)` : ""}`

/**
 * Sends `count` requests drawn with `seed`, `concurrency` at a time, and judges each. The
 * same seed draws the same requests (against a server in the same state, the same run).
 */
export const run = async (options: {
  readonly url: string
  readonly doc: JsonSchema
  readonly fixture: Fixture
  readonly count: number
  readonly seed: number
  readonly concurrency?: number
  readonly onProgress?: (report: Report) => void
}): Promise<Report> => {
  const arbitrary = requests(options.doc, options.fixture)
  const byStatus: Record<string, number> = {}
  const failures: Array<Failure> = []
  let tried = 0
  const batch = 500
  for (let start = 0; start < options.count; start += batch) {
    const drawn = fc.sample(arbitrary, { seed: options.seed + start, numRuns: Math.min(batch, options.count - start) })
    let next = 0
    const worker = async () => {
      while (next < drawn.length) {
        const request = drawn[next++]!
        let failure: string | undefined
        try {
          const answer = await send(options.url, request)
          byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1
          failure = judge(options.fixture, request, answer)
        } catch (error) {
          failure = `no answer: ${error instanceof Error ? error.message : String(error)}`
        }
        tried++
        if (failure !== undefined) failures.push({ request: describe(request), failure })
      }
    }
    await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker))
    options.onProgress?.({ tried, byStatus, failures })
  }
  return { tried, byStatus, failures }
}
