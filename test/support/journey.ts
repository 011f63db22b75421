import { freePort } from "./freePort.ts"
import { serve, type Server, sharedEnv } from "./processes.ts"

/**
 * What a journey's user holds: real `strata serve` processes, and a client that speaks
 * JSON to them with a bearer token, as curl or a service's HTTP client would.
 */

export interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly body: any
}

export const call = async (
  url: string,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<Answer> => {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = text === "" ? undefined : JSON.parse(text)
  } catch {
    // Not JSON: kept as text.
  }
  return { status: response.status, headers: response.headers, body: parsed }
}

/** A client bound to one server and one bearer token. */
export const client = (url: string, token: string) =>
  (method: string, path: string, body?: unknown, headers?: Record<string, string>) => call(url, token, method, path, body, headers)

export const adminToken = sharedEnv.STRATA_ADMIN_TOKEN

/** `count` servers on one database, listening. */
export const servers = async (database: string, count: number, cwd: string, env: Record<string, string | undefined> = sharedEnv) => {
  const started: Array<Server> = []
  for (let index = 0; index < count; index++) started.push(serve(database, await freePort(), cwd, env))
  await Promise.all(started.map((server) => server.up))
  return started
}

/** Stops a server as a deploy does (SIGTERM), and waits for it to end. */
export const stop = async (server: Server) => {
  server.process.kill("SIGTERM")
  const killer = setTimeout(() => server.process.kill("SIGKILL"), 45_000)
  const code = await server.process.exited
  clearTimeout(killer)
  return code
}

export const stopAll = (started: ReadonlyArray<Server>) =>
  Promise.all(started.map((server) => (server.process.exitCode === null ? stop(server) : Promise.resolve(server.process.exitCode))))
