import { Context, Effect, Exit, Layer, Redacted, Schema, Scope } from "effect"
import { HttpServer } from "effect/http"
import * as Sandboxes from "../../../application/features/Sandboxes.ts"
import { EventStore, type EventStoreService } from "../../../application/ports/EventStore.ts"
import { AdminToken } from "../../../adapters/http/Auth.ts"
import * as Http from "../../../adapters/http/HttpServer.ts"
import { ReferenceData } from "../../../domain/ReferenceData.ts"
import bundled from "../../../reference/reference-data.json"
import { appLayer } from "../../support/app.ts"
import type { Backend } from "../../support/backends.ts"

export const adminToken = "st_admin_test-token-for-the-suite"

export interface Running {
  readonly url: string
  /** The server's log, to write to it beside the API. */
  readonly log: EventStoreService
  readonly close: () => Promise<void>
  /** fetch with the base URL, a bearer token and JSON in and out. */
  readonly call: (
    method: string,
    path: string,
    options?: { readonly token?: string; readonly body?: unknown; readonly headers?: Record<string, string> }
  ) => Promise<{ status: number; headers: Headers; body: any; text: string }>
}

/**
 * strata's HTTP server on a free port of 127.0.0.1, over a fresh database of the backend;
 * `native: false` serves every endpoint through HttpApi (see `NativeRoutes`).
 */
export const startServer = async (backend: Backend, options: { readonly native?: boolean } = {}): Promise<Running> => {
  const app = appLayer(backend).pipe(
    Layer.merge(Layer.succeed(AdminToken, Redacted.make(adminToken))),
    Layer.tap((context) =>
      Effect.flatMap(Schema.decodeUnknownEffect(ReferenceData)(bundled), Sandboxes.publishReferenceData).pipe(Effect.provide(context))
    )
  )
  const scope = Effect.runSync(Scope.make())
  const context = await Effect.runPromise(
    Layer.buildWithScope(Http.layer({ hostname: "127.0.0.1", port: 0, ...options }, app), scope)
  )
  const address = Context.get(context, HttpServer.HttpServer).address
  const url = `http://127.0.0.1:${"port" in address ? address.port : 0}`
  return {
    url,
    log: Context.get(context, EventStore),
    close: () => Effect.runPromise(Scope.close(scope, Exit.void)),
    call: async (method, path, options = {}) => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.body === undefined ? {} : { "content-type": "application/json" }),
          ...options.headers
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) })
      })
      const text = await response.text()
      let body: unknown = undefined
      try {
        body = text === "" ? undefined : JSON.parse(text)
      } catch {
        body = text
      }
      return { status: response.status, headers: response.headers, body, text }
    }
  }
}
