/**
 * The console's only way to the server: the admin API, with the token the operator typed
 * in, sent as `Authorization: Bearer` and nowhere else — never in a URL, never logged. It
 * lives in this tab's sessionStorage (gone when the tab closes) and in memory.
 */

const tokenKey = "strata.console.token"

let token: string | undefined = sessionStorage.getItem(tokenKey) ?? undefined

export const signedIn = () => token !== undefined

let signedOutListener: (() => void) | undefined

/** Called when the server no longer takes the token (a 401): the console asks for it again. */
export const onSignedOut = (listener: () => void) => {
  signedOutListener = listener
}

export const signOut = () => {
  token = undefined
  sessionStorage.removeItem(tokenKey)
}

/** A problem the server answered (RFC 9457), or a request that did not reach it. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string) {
    super(`${status} ${title}: ${detail}`)
  }
}

export interface CallOptions {
  readonly body?: unknown
  /** Acts for this owner (`X-Strata-Owner`), on the owner's endpoints. */
  readonly owner?: string
  readonly signal?: AbortSignal
  /** Sent as `X-Request-Id`: the events the call causes carry it as their correlation id. */
  readonly requestId?: string
}

const headersOf = (options: CallOptions): Record<string, string> => ({
  ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
  ...(options.body === undefined ? {} : { "content-type": "application/json" }),
  ...(options.owner === undefined ? {} : { "x-strata-owner": options.owner }),
  ...(options.requestId === undefined ? {} : { "x-request-id": options.requestId })
})

/** Errors the console met, newest first, for the Overview's "recent errors". */
export const recentErrors: Array<{ readonly at: Date; readonly request: string; readonly message: string }> = []

const remember = (request: string, error: ApiError) => {
  recentErrors.unshift({ at: new Date(), request, message: error.message })
  recentErrors.splice(20)
}

export const call = async <A>(method: string, path: string, options: CallOptions = {}): Promise<A> => {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers: headersOf(options),
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
      credentials: "omit",
      cache: "no-store"
    })
  } catch (cause) {
    if (options.signal?.aborted) throw cause
    const error = new ApiError(0, "Unreachable", "the server did not answer")
    remember(`${method} ${path}`, error)
    throw error
  }
  const text = await response.text()
  const body = text === "" ? undefined : (response.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : text
  if (!response.ok) {
    const error = new ApiError(response.status, body?.title ?? response.statusText, body?.detail ?? "")
    if (response.status !== 401) remember(`${method} ${path.split("?")[0]}`, error)
    if (response.status === 401) {
      signOut()
      signedOutListener?.()
    }
    throw error
  }
  return body as A
}

/** Checks the token against an admin-only endpoint, and keeps it if it opens it. */
export const signIn = async (candidate: string) => {
  token = candidate.trim()
  try {
    await call("GET", "/v1/admin/audit?limit=1")
    sessionStorage.setItem(tokenKey, token)
  } catch (error) {
    signOut()
    throw error
  }
}

export const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(name, String(value))
  const text = search.toString()
  return text === "" ? "" : `?${text}`
}

export interface ServerSentEvent {
  readonly id: string | undefined
  readonly event: string
  readonly data: string
}

/**
 * A `text/event-stream`, read with fetch: an EventSource cannot send the Authorization
 * header (the token would have to go in the URL). Yields each event; returns when the
 * server ends the stream.
 */
export async function* serverSentEvents(path: string, signal: AbortSignal): AsyncGenerator<ServerSentEvent> {
  const response = await fetch(path, { headers: { ...headersOf({}), accept: "text/event-stream" }, signal, credentials: "omit", cache: "no-store" })
  if (!response.ok || response.body === null) {
    const body = await response.json().catch(() => undefined) as { title?: string; detail?: string } | undefined
    throw new ApiError(response.status, body?.title ?? response.statusText, body?.detail ?? "")
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ""
  while (true) {
    const { done, value } = await reader.read()
    if (done) return
    buffer += value.replace(/\r\n?/g, "\n")
    let end: number
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      let id: string | undefined
      let event = "message"
      const data: Array<string> = []
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) continue
        const colon = line.indexOf(":")
        const field = colon < 0 ? line : line.slice(0, colon)
        const content = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "")
        if (field === "id") id = content
        else if (field === "event") event = content
        else if (field === "data") data.push(content)
      }
      if (data.length > 0 || id !== undefined) yield { id, event, data: data.join("\n") }
    }
  }
}

/** An event of the log, as the audit and the live log answer it. */
export interface LogEvent {
  readonly position: number
  readonly eventId: string
  readonly streamId: string
  readonly version: number
  readonly type: string
  readonly schemaVersion: number
  readonly data: unknown
  readonly metadata: { readonly actor?: string; readonly correlationId?: string; readonly causationId?: string }
  readonly recordedAt: string
}

export interface Page<A> {
  readonly events: ReadonlyArray<A>
  readonly next?: number
}
