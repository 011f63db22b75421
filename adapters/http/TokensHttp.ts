import { HttpApiBuilder } from "effect/http-api"
import { Effect, Redacted } from "effect"
import * as Tokens from "../../application/Tokens.ts"
import { StrataApi, type TokenInput } from "./Api.ts"
import { metadata, owner } from "./Auth.ts"
import { Problem } from "./Problem.ts"
import { expectedVersion } from "./Requests.ts"
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
    .handle("list", () =>
      Effect.gen(function*() {
        const tokens = yield* Tokens.list(yield* owner).pipe(orProblem())
        return { hasAny: tokens.length > 0, tokens }
      }))
    .handle("delete", ({ headers, params }) =>
      Effect.gen(function*() {
        const version = yield* expectedVersion(headers["if-match"])
        yield* Tokens.remove(yield* owner, params.name, version, yield* metadata).pipe(orProblem({ ifMatch: version !== undefined }))
      })))
