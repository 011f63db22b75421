import { HttpApiBuilder } from "effect/http-api"
import { Context, Effect, Redacted } from "effect"
import { ReadModels } from "../../application/ports/ReadModels.ts"
import * as ProviderCredentials from "../../application/features/ProviderCredentials.ts"
import * as Sandboxes from "../../application/features/Sandboxes.ts"
import { StrataApi } from "./Api.ts"
import { metadata, owner, type Principal } from "./Auth.ts"
import { expectedVersion, nextOf } from "./Requests.ts"
import { orProblem } from "./toProblem.ts"

const view = ({ owner: _owner, ...sandbox }: Sandboxes.SandboxView) => sandbox

/** `GET /v1/sandboxes/:sandboxId`, also served natively (see `NativeRoutes`). */
export const getSandbox = ({ params }: { readonly params: { readonly sandboxId: string } }) =>
  Effect.flatMap(owner, (forOwner) => Effect.map(Sandboxes.get(forOwner, params.sandboxId).pipe(orProblem()), view))

/**
 * `getSandbox` in the calling turn, for an owner whose sandbox can be read without waiting
 * (see `Sandboxes.peek`); `undefined`: `getSandbox` answers.
 */
export const getSandboxNow = (
  context: Context.Context<ReadModels>,
  principal: Principal,
  { params }: { readonly params: { readonly sandboxId: string } }
) => {
  if (principal._tag !== "Owner") return undefined
  const sandbox = Sandboxes.peek(Context.get(context, ReadModels), principal.owner, params.sandboxId)
  return sandbox === undefined ? undefined : view(sandbox)
}

export const SandboxesLive = HttpApiBuilder.group(StrataApi, "sandboxes", (handlers) =>
  handlers
    .handle("create", ({ payload }) =>
      Effect.gen(function*() {
        const created = yield* Sandboxes.create(yield* owner, { ...payload, addonIds: payload.addonIds ?? [] }, yield* metadata)
          .pipe(orProblem())
        return view(created)
      }))
    .handle("list", ({ query }) =>
      Effect.gen(function*() {
        const page = yield* Sandboxes.list(yield* owner, query).pipe(orProblem())
        return { sandboxes: page.items.map(view), ...nextOf(page) }
      }))
    .handle("get", getSandbox)
    .handle("transition", ({ headers, params, payload }) =>
      Effect.gen(function*() {
        const forOwner = yield* owner
        const version = yield* expectedVersion(headers["if-match"])
        const moved = yield* Sandboxes.transition(forOwner, params.sandboxId, params.action, {
          ...(payload.reason === undefined ? {} : { reason: payload.reason }),
          ...(version === undefined ? {} : { expectedVersion: version }),
          metadata: yield* metadata
        }).pipe(orProblem({ ifMatch: version !== undefined }))
        return view(moved!)
      }))
    .handle("delete", ({ headers, params }) =>
      Effect.gen(function*() {
        const version = yield* expectedVersion(headers["if-match"])
        yield* Sandboxes.transition(yield* owner, params.sandboxId, "delete", {
          ...(version === undefined ? {} : { expectedVersion: version }),
          metadata: yield* metadata
        }).pipe(orProblem({ ifMatch: version !== undefined }))
      }))
    .handle("referenceData", () => Sandboxes.currentReferenceData.pipe(orProblem()))
    .handle("setCredential", ({ params, payload }) =>
      Effect.gen(function*() {
        return yield* ProviderCredentials.set(yield* owner, params.provider, Redacted.make(payload.secret), yield* metadata)
          .pipe(orProblem())
      }))
    .handle("listCredentials", ({ query }) =>
      Effect.gen(function*() {
        const page = yield* ProviderCredentials.list(yield* owner, query).pipe(orProblem())
        return { providers: page.items, ...nextOf(page) }
      }))
    .handle("getCredential", ({ params }) =>
      Effect.gen(function*() {
        const credential = yield* ProviderCredentials.get(yield* owner, params.provider).pipe(orProblem())
        return { provider: credential.provider, secret: Redacted.value(credential.secret) }
      }))
    .handle("deleteCredential", ({ params }) =>
      Effect.gen(function*() {
        yield* ProviderCredentials.remove(yield* owner, params.provider, yield* metadata).pipe(orProblem())
      })))
