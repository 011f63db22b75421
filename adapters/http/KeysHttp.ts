import { HttpApiBuilder } from "effect/http-api"
import { Config, Context, Effect, Layer, Redacted } from "effect"
import * as ApiKeys from "../../application/features/ApiKeys.ts"
import type { Authority } from "../../domain/ApiKey.ts"
import { StrataApi } from "./Api.ts"
import { CurrentPrincipal, metadata, owner } from "./Auth.ts"
import { Problem } from "./Problem.ts"
import { expectedVersion, iso, isoOrNull, millisOrNull, nextOf } from "./Requests.ts"
import { orProblem } from "./toProblem.ts"

const summaryView = (key: ApiKeys.KeyView) => ({
  keyId: key.keyId,
  name: key.name,
  model: key.model,
  tokenLimitPer5h: key.tokenLimitPer5h,
  expiresAt: isoOrNull(key.expiresAt),
  createdAt: iso(key.createdAt)
})

export const keyView = (key: ApiKeys.KeyView & { readonly version: number }) => ({ ...summaryView(key), version: key.version })

export const statsView = (stats: ApiKeys.KeyStats) => ({
  ...keyView(stats),
  isExpired: stats.isExpired,
  currentUsage: stats.currentUsage,
  remainingTokens: stats.remainingTokens,
  lifetimeTokens: stats.lifetimeTokens,
  lastUsed: isoOrNull(stats.lastUsed),
  windows: stats.windows.map((window) => ({ start: iso(window.start), end: iso(window.end), tokens: window.tokens }))
})

/** Who asks for a change to keys: the admin, or an owner through one of their keys (see `ApiKey.Authority`). */
const authority = Effect.map(Effect.service(CurrentPrincipal), (principal): Authority => principal._tag === "Admin" ? "admin" : "owner")

export const createKey = (
  forOwner: string,
  payload: { name: string; model?: string | null | undefined; tokenLimitPer5h: number; expiresAt?: string | null | undefined }
) =>
  Effect.gen(function*() {
    const expiresAt = (yield* millisOrNull("expiresAt", payload.expiresAt)) ?? null
    const created = yield* ApiKeys.create(forOwner, {
      name: payload.name,
      model: payload.model ?? null,
      tokenLimitPer5h: payload.tokenLimitPer5h,
      expiresAt
    }, yield* metadata, yield* authority).pipe(orProblem())
    return { ...keyView(created), secret: Redacted.value(created.secret) }
  })

/** `/v1/usage` is for API keys: the key that authenticates is the key that is used. */
const usingKey = Effect.flatMap(Effect.service(CurrentPrincipal), (principal) =>
  principal._tag === "Owner"
    ? Effect.succeed(principal)
    : Effect.fail(Problem.forbidden("usage is recorded with the API key itself as the bearer token"))
)

/** Quota enforcement is on unless `STRATA_ENFORCE_QUOTA=false`: read once, when the server starts. */
export const QuotaEnforced = Context.Reference<boolean>("strata/http/QuotaEnforced", { defaultValue: () => true })

export const quotaEnforcedLayer = Layer.effect(
  QuotaEnforced,
  Effect.gen(function*() {
    return yield* Config.Boolean("STRATA_ENFORCE_QUOTA").pipe(Config.withDefault(true))
  })
)

// The two handlers below run on every request of a gateway: plain combinators, no generator.

/** `POST /v1/usage`, also served natively (see `NativeRoutes`). */
export const recordUsage = ({ payload }: { readonly payload: { readonly tokens: number } }) =>
  Effect.flatMap(usingKey, (key) =>
    Effect.flatMap(Effect.service(QuotaEnforced), (enforceQuota) =>
      Effect.flatMap(metadata, (recorded) =>
        ApiKeys.recordUsage(key.keyId, payload.tokens, { enforceQuota, metadata: recorded }).pipe(
          orProblem(),
          Effect.map(statsView)
        ))))

/** `GET /v1/usage`, also served natively (see `NativeRoutes`). */
export const usage = () =>
  Effect.flatMap(usingKey, (key) => ApiKeys.stats(key.owner, key.keyId).pipe(orProblem(), Effect.map(statsView)))

export const KeysLive = HttpApiBuilder.group(StrataApi, "keys", (handlers) =>
  handlers
    .handle("create", ({ payload }) => Effect.flatMap(owner, (forOwner) => createKey(forOwner, payload)))
    .handle("list", ({ query }) =>
      Effect.gen(function*() {
        const page = yield* ApiKeys.list(yield* owner, query).pipe(orProblem())
        return { keys: page.items.map(summaryView), ...nextOf(page) }
      }))
    .handle("get", ({ params }) =>
      Effect.gen(function*() {
        const forOwner = yield* owner
        const key = yield* ApiKeys.get(forOwner, params.keyId).pipe(orProblem())
        const stats = yield* ApiKeys.stats(forOwner, params.keyId).pipe(orProblem())
        return keyView({ ...key, version: stats.version })
      }))
    .handle("update", ({ headers, params, payload }) =>
      Effect.gen(function*() {
        const version = yield* expectedVersion(headers["if-match"])
        const expiresAt = yield* millisOrNull("expiresAt", payload.expiresAt)
        const updated = yield* ApiKeys.update(yield* owner, params.keyId, {
          ...(payload.name === undefined ? {} : { name: payload.name }),
          ...(payload.model === undefined ? {} : { model: payload.model }),
          ...(payload.tokenLimitPer5h === undefined ? {} : { tokenLimitPer5h: payload.tokenLimitPer5h }),
          ...(expiresAt === undefined ? {} : { expiresAt })
        }, version, yield* metadata, yield* authority).pipe(orProblem({ ifMatch: version !== undefined }))
        return keyView(updated)
      }))
    .handle("delete", ({ params }) =>
      Effect.gen(function*() {
        yield* ApiKeys.remove(yield* owner, params.keyId, yield* metadata).pipe(orProblem())
      }))
    .handle("stats", ({ params }) =>
      Effect.gen(function*() {
        return statsView(yield* ApiKeys.stats(yield* owner, params.keyId).pipe(orProblem()))
      }))
    .handle("recordUsage", recordUsage)
    .handle("usage", usage))
