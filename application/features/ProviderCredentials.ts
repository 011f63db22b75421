import { Effect, Redacted } from "effect"
import * as Credentials from "../../domain/ProviderCredentials.ts"
import * as Aggregate from "../eventsourcing/Aggregate.ts"
import type { CommandMetadata } from "../eventsourcing/Idempotency.ts"
import * as Paging from "../eventsourcing/Paging.ts"
import { Secrets } from "../ports/Secrets.ts"

/** Per-user provider credentials: provider id → secret, sealed with the user's data key. */

export const CredentialsAggregate: Aggregate.Aggregate<
  Credentials.CredentialCommand,
  Credentials.CredentialEvent,
  Credentials.CredentialsState,
  Credentials.CredentialNotFound | Credentials.InvalidCredential
> = {
  category: "credentials",
  decider: Credentials.decider,
  events: Credentials.CredentialEvent,
  state: Credentials.CredentialsState,
  snapshotRevision: 1,
  snapshotEvery: 50
}

/** One stream per owner: nobody can name another owner's credentials. */
const ownerId = (owner: string) => encodeURIComponent(owner)


/** Sets or replaces the owner's credential for a provider. */
export const set = (owner: string, provider: string, secret: Redacted.Redacted<string>, metadata?: CommandMetadata) =>
  Effect.gen(function*() {
    const sealed = yield* (yield* Secrets).seal(owner, Redacted.value(secret))
    const handled = yield* Aggregate.handle(
      CredentialsAggregate,
      ownerId(owner),
      Credentials.SetCredential.make({ provider, secret: sealed }),
      { retries: 5, metadata }
    )
    return { provider, version: handled.version }
  })

export const get = (owner: string, provider: string) =>
  Effect.gen(function*() {
    const { state } = yield* Aggregate.load(CredentialsAggregate, ownerId(owner))
    const sealed = state.credentials[provider]
    if (sealed === undefined) return yield* new Credentials.CredentialNotFound({ provider })
    return { provider, secret: yield* (yield* Secrets).open(owner, sealed) }
  })

/** The providers the owner has a credential for. */
/** The providers the owner has a credential for, by name, a page at a time (see `Paging`). */
export const list = (owner: string, request: Paging.PageRequest = {}) =>
  Effect.map(Aggregate.load(CredentialsAggregate, ownerId(owner)), ({ state }) =>
    Paging.inMemory(Object.keys(state.credentials).sort(byBytes), (provider) => provider, request))

const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b))

export const remove = (owner: string, provider: string, metadata?: CommandMetadata) =>
  Aggregate.handle(CredentialsAggregate, ownerId(owner), Credentials.DeleteCredential.make({ provider }), {
    retries: 5,
    metadata
  }).pipe(Effect.asVoid)
