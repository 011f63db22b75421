import { timingSafeEqual } from "node:crypto"
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Config, Console, Context, Effect, Layer, Option, Redacted, Schema } from "effect"
import { HttpServerRequest } from "effect/http"
import { HttpApiMiddleware, HttpApiSecurity } from "effect/http-api"
import * as Actor from "../../application/eventsourcing/Actor.ts"
import * as ApiKeys from "../../application/features/ApiKeys.ts"
import type { CommandMetadata } from "../../application/eventsourcing/Idempotency.ts"
import { ReadModels } from "../../application/ports/ReadModels.ts"
import { ApiKeyCache, type ApiKeyCacheService } from "../../application/ports/ApiKeyCache.ts"
import { keepOnce } from "../secrets/MasterKeys.ts"
import type { ProjectionNotReady, StoreUnavailable } from "../../application/ports/StoreError.ts"
import type { ApiKeyExpired } from "../../domain/ApiKey.ts"
import * as IdempotencyKey from "./IdempotencyKey.ts"
import { type BadRequest, type Forbidden, Problem, responses, type Unavailable } from "./Problem.ts"
import { toProblem } from "./toProblem.ts"

/** Who is calling: the admin, or an owner through one of their API keys. */
export type Principal =
  | { readonly _tag: "Admin"; readonly actingFor: string | undefined }
  | { readonly _tag: "Owner"; readonly owner: string; readonly keyId: string }

export class CurrentPrincipal extends Context.Service<CurrentPrincipal, Principal>()("strata/http/Principal") {}

/** The admin token from configuration (or generated on first start of the embedded default). */
export class AdminToken extends Context.Service<AdminToken, Redacted.Redacted<string>>()("strata/http/AdminToken") {}

export class AdminTokenMissing extends Schema.TaggedError<AdminTokenMissing>()("AdminTokenMissing", {}) {
  override get message() {
    return "no admin token: set STRATA_ADMIN_TOKEN for this database"
  }
}

/**
 * `STRATA_ADMIN_TOKEN`; where none is configured and `generatedFile` is given (an
 * embedded database), one is generated on first start and kept readable by its owner only.
 * It is shown once, and only on a terminal: where stdout is collected (a service manager,
 * a container's log), the token would be kept by whatever keeps the logs, so only the
 * file's path is printed. `"ephemeral"` (the in-memory store) generates one per process,
 * kept in a file of its own off a terminal.
 */
export const adminTokenLayer = (
  generatedFile: string | "ephemeral" | undefined,
  options: { readonly terminal?: boolean } = {}
) =>
  Layer.effect(
    AdminToken,
    Effect.gen(function*() {
      const configured = yield* Config.option(Config.Redacted("STRATA_ADMIN_TOKEN"))
      if (Option.isSome(configured)) return configured.value
      if (generatedFile === undefined) return yield* new AdminTokenMissing()
      const terminal = options.terminal ?? process.stdout.isTTY === true
      const token = `st_admin_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url")}`
      if (generatedFile === "ephemeral") {
        if (terminal) {
          yield* Console.log(`strata generated an admin token for this process (shown once):\n  ${token}`)
        } else {
          const file = join(mkdtempSync(join(tmpdir(), "strata-")), "admin.token")
          keep(file, token)
          yield* Console.log(`strata generated an admin token for this process: it is in ${file}`)
        }
        return Redacted.make(token)
      }
      // Another process starting at the same moment may have made it first: then it is theirs.
      const kept = keepOnce(generatedFile, () => `${token}\n`)
      if (!kept.made) return Redacted.make(kept.secret.trim())
      yield* Console.log(
        terminal
          ? `strata generated an admin token (shown once; kept in ${generatedFile}):\n  ${token}`
          : `strata generated an admin token: it is in ${generatedFile}`
      )
      return Redacted.make(token)
    })
  )

/** Writes a secret readable by its owner only (the mode is set again: an existing file keeps its own). */
const keep = (file: string, token: string) => {
  writeFileSync(file, `${token}\n`, { mode: 0o600 })
  chmodSync(file, 0o600)
}

/**
 * `Authorization: Bearer <token>`: the admin token, or an API key (strata's `sk_…`, or an
 * imported key of whatever form), which authenticates its owner. The admin acts for an
 * owner by naming them in `X-Strata-Owner`.
 */
export class Authorization extends HttpApiMiddleware.Service<Authorization, { provides: CurrentPrincipal }>()("Authorization", {
  error: [responses.Unauthorized, responses.Forbidden, responses.Unavailable],
  security: { bearer: HttpApiSecurity.bearer }
}) {}

const digest = (text: string) => new Uint8Array(new Bun.CryptoHasher("sha256").update(text).digest())

/** Compared in constant time, over digests so that lengths do not leak either. */
const sameSecret = (a: Redacted.Redacted<string>, b: Redacted.Redacted<string>) =>
  timingSafeEqual(digest(Redacted.value(a)), digest(Redacted.value(b)))

/** The token of `Authorization: Bearer <token>`; empty when there is none. */
export const bearerOf = (authorization: string | null | undefined) => {
  const value = authorization ?? ""
  return value.slice(0, 7).toLowerCase() === "bearer " ? value.slice(7).trim() : ""
}

/** The lookup's failures other than a key not found: an expired key (403), or the store's not being there now. */
const refusal = (error: ApiKeyExpired | StoreUnavailable | ProjectionNotReady) => toProblem(error) as Forbidden | Unavailable

const unauthorized = Problem.unauthorized("a valid bearer token is required: the admin token or an API key")

/**
 * Who a bearer token is: the admin (acting for the owner named in `X-Strata-Owner`, if
 * any) or the owner of an API key. Anything else is a 401 that says nothing more — but a
 * key that could not be looked up (the database is down, the projection not ready) is not
 * an invalid key: that is a 503 with Retry-After, as any request that cannot reach the store.
 * An expired key is known but opens nothing: a 403 that says when it expired.
 */
export const authenticate = (adminToken: Redacted.Redacted<string>, token: string, actingFor: string | undefined) => {
  if (token === "") return Effect.fail(unauthorized)
  // Any other token is an API key, whatever its form: imported keys keep the form their old service gave them.
  if (sameSecret(Redacted.make(token), adminToken)) {
    return Effect.succeed<Principal>({ _tag: "Admin", actingFor: actingFor === undefined || actingFor === "" ? undefined : actingFor })
  }
  return ApiKeys.authenticate(Redacted.make(token)).pipe(
    Effect.map((key): Principal => ({ _tag: "Owner", owner: key.owner, keyId: key.keyId })),
    Effect.catch((error) => Effect.fail(error._tag === "ApiKeyNotFound" ? unauthorized : refusal(error)))
  )
}

/**
 * `authenticate` in the calling turn, for the caller it can answer without the store: an
 * API key the process's key cache holds fresh. `undefined` for everyone else (the admin, a
 * key not cached, no key): then `authenticate` answers, and says what a refusal is.
 */
export const principalNow = (keyCache: ApiKeyCacheService, token: string): Principal | undefined => {
  if (token === "") return undefined
  const key = ApiKeys.peek(keyCache, Redacted.make(token), Date.now())
  return key === undefined ? undefined : { _tag: "Owner", owner: key.owner, keyId: key.keyId }
}

export const AuthorizationLive = Layer.effect(
  Authorization,
  Effect.gen(function*() {
    const adminToken = yield* AdminToken
    const readModels = yield* ReadModels
    const keyCache = yield* ApiKeyCache
    return {
      // The token as the native routes read it (`bearerOf`), not as the platform decodes
      // the scheme: both doors must tell the same callers apart.
      bearer: (httpEffect) =>
        Effect.flatMap(Effect.service(HttpServerRequest.HttpServerRequest), (request) =>
          authenticate(adminToken, bearerOf(request.headers.authorization), request.headers["x-strata-owner"]).pipe(
            Effect.provideService(ReadModels, readModels),
            Effect.provideService(ApiKeyCache, keyCache),
            Effect.flatMap((principal) => Effect.provideService(httpEffect, CurrentPrincipal, principal))
          ))
    }
  })
)

/** The request's id: from `X-Request-Id`, or made up; it becomes the events' correlation id. */
export const currentRequestId = Context.Reference<string>("strata/http/RequestId", { defaultValue: () => "" })

/** The owner a request acts for; the admin must name one. */
export const owner: Effect.Effect<string, BadRequest, CurrentPrincipal> = Effect.flatMap(Effect.service(CurrentPrincipal), (principal) => {
  if (principal._tag === "Owner") return Effect.succeed(principal.owner)
  return principal.actingFor === undefined
    ? Effect.fail(Problem.badRequest("an admin request names the owner it acts for in X-Strata-Owner"))
    : Effect.succeed(principal.actingFor)
})

/** Admin endpoints refuse owners. */
export const requireAdmin: Effect.Effect<void, Forbidden, CurrentPrincipal> = Effect.flatMap(Effect.service(CurrentPrincipal), (principal) =>
  principal._tag === "Admin" ? Effect.void : Effect.fail(Problem.forbidden("this endpoint is for the admin"))
)

/**
 * The owner an admin endpoint acts on when it names them itself (a key made for them, their
 * forgetting) rather than by `X-Strata-Owner`: recorded as whom the admin acted for, so that
 * the audit finds it by owner. Only the actor: the idempotency scope stays the caller's.
 */
export const adminActsOn = Context.Reference<string | undefined>("strata/http/AdminActsOn", { defaultValue: () => undefined })

/** The request's `Idempotency-Key`, checked, with its fingerprint; none for most requests. */
export const currentRequestKey = Context.Reference<IdempotencyKey.RequestKey | undefined>("strata/http/RequestKey", {
  defaultValue: () => undefined
})

/** Whose keys a request's key is among: an API key's, or the admin's for the owner it acts for. */
const callerOf = (principal: Principal) =>
  principal._tag === "Admin"
    ? `admin for ${JSON.stringify(principal.actingFor ?? null)}`
    : `owner ${JSON.stringify(principal.owner)} key ${JSON.stringify(principal.keyId)}`

/**
 * Who did it and in which request: recorded with every event the request appends; and the
 * request's idempotency key, from which its events' ids are derived.
 */
export const metadata: Effect.Effect<CommandMetadata, never, CurrentPrincipal> = Effect.flatMap(
  Effect.zip(Effect.service(CurrentPrincipal), Effect.service(adminActsOn)),
  ([principal, actsOn]) =>
    Effect.zipWith(Effect.service(currentRequestId), Effect.service(currentRequestKey), (requestId, requestKey): CommandMetadata => ({
      actor: principal._tag === "Owner"
        ? Actor.ofKey(principal.owner, principal.keyId)
        : (actsOn ?? principal.actingFor) === undefined
        ? Actor.admin
        : Actor.adminFor((actsOn ?? principal.actingFor)!),
      ...(requestId === "" ? {} : { correlationId: requestId }),
      ...(requestKey === undefined ? {} : { idempotency: IdempotencyKey.forCaller(requestKey, callerOf(principal)) })
    }))
)
