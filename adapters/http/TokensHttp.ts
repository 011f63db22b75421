import { HttpApiBuilder } from "effect/http-api"
import { Effect, Redacted } from "effect"
import * as Tokens from "../../application/features/Tokens.ts"
import { StrataApi, type TokenInput } from "./Api.ts"
import { metadata, owner } from "./Auth.ts"
import { Problem } from "./Problem.ts"
import { expectedVersion, nextOf } from "./Requests.ts"
import { orProblem } from "./toProblem.ts"

const input = (payload: typeof TokenInput.Type): Tokens.TokenInput => ({
  accessToken: Redacted.make(payload.accessToken),
  refreshToken: Redacted.make(payload.refreshToken),
  expiresIn: payload.expiresIn,
  obtainmentTimestamp: payload.obtainmentTimestamp,
  scopes: "scopes" in payload ? payload.scopes : payload.scope
})

export const TokensLive = HttpApiBuilder.group(StrataApi, "tokens", (handlers) =>
  handlers
    .handle("save", ({ params, payload }) =>
      Effect.gen(function*() {
        return yield* Tokens.save(yield* owner, params.name, input(payload), yield* metadata).pipe(orProblem())
      }))
    .handle("refresh", ({ headers, params, payload }) =>
      Effect.gen(function*() {
        const version = yield* expectedVersion(headers["if-match"])
        if (version === undefined) {
          return yield* Problem.preconditionRequired("a refresh names the version it read in If-Match")
        }
        return yield* Tokens.refresh(yield* owner, params.name, version, input(payload), yield* metadata).pipe(
          orProblem({ ifMatch: true })
        )
      }))
    .handle("get", ({ params }) =>
      Effect.gen(function*() {
        const token = yield* Tokens.get(yield* owner, params.name).pipe(orProblem())
        return {
          ...token,
          accessToken: Redacted.value(token.accessToken),
          refreshToken: Redacted.value(token.refreshToken)
        }
      }))
    .handle("list", ({ query }) =>
      Effect.gen(function*() {
        const forOwner = yield* owner
        const page = yield* Tokens.list(forOwner, query).pipe(orProblem())
        // A page past the last is empty, yet the owner may have tokens.
        const hasAny = page.items.length > 0 || (query.after !== undefined && (yield* Tokens.hasAny(forOwner).pipe(orProblem())))
        return { hasAny, tokens: page.items, ...nextOf(page) }
      }))
    .handle("delete", ({ headers, params }) =>
      Effect.gen(function*() {
        const version = yield* expectedVersion(headers["if-match"])
        yield* Tokens.remove(yield* owner, params.name, version, yield* metadata).pipe(orProblem({ ifMatch: version !== undefined }))
      })))
