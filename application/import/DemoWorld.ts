import { Clock, Effect, Redacted } from "effect"
import type { ReferenceData } from "../../domain/ReferenceData.ts"
import type * as Session from "../../domain/Session.ts"
import * as ApiKeys from "../features/ApiKeys.ts"
import { EventStore } from "../ports/EventStore.ts"
import type { CommandMetadata } from "../eventsourcing/Idempotency.ts"
import * as ProviderCredentials from "../features/ProviderCredentials.ts"
import * as Sandboxes from "../features/Sandboxes.ts"
import * as Sessions from "../features/Sessions.ts"
import * as Tokens from "../features/Tokens.ts"

/**
 * A small believable world for a first look (`strata seed`): a few owners with API keys and
 * usage spread over the last hours, OAuth tokens, sandboxes in every state, provider
 * credentials, and chat sessions with members and a few hundred messages — some edited,
 * some deleted. Everything goes through the use cases, under their rules, each at its own
 * time of the last hours. Random but repeatable: the same seed makes the same world.
 */

const hour = 3_600_000

const clockAt = (millis: number): Clock.Clock => ({
  currentTimeMillisUnsafe: () => millis,
  currentTimeMillis: Effect.succeed(millis),
  monotonicTimeNanosUnsafe: () => BigInt(millis) * 1_000_000n,
  monotonicTimeNanos: Effect.succeed(BigInt(millis) * 1_000_000n),
  currentTimeNanosUnsafe: () => BigInt(millis) * 1_000_000n,
  currentTimeNanos: Effect.succeed(BigInt(millis) * 1_000_000n),
  sleep: () => Effect.void
})

/** Runs `effect` as if it were `millis`: the use case records that time. */
const at = (millis: number) => <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.provideService(effect, Clock.Clock, clockAt(millis))

/** mulberry32: small, seeded, good enough to scatter a demo (and a simulation: the same seed, the same run). */
export const random = (seed: number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export const owners = ["ada", "grace", "linus", "margaret"] as const

const lines = [
  "morning! anyone looked at the build?",
  "the cache was cold, it is green now",
  "can we ship the release today?",
  "after the migration finishes, yes",
  "I moved the staging sandbox to the large tier",
  "the quota on the gateway key is almost used up",
  "raising it is for the admin",
  "lunch?",
  "the postgres add-on is up",
  "who owns the incident doc?",
  "I do; notes are in the channel",
  "rollback rehearsal at 3",
  "LGTM",
  "one more test and we are done",
  "the replay took 40 seconds on the copy"
]

export interface Planted {
  readonly owners: number
  readonly keys: number
  readonly usages: number
  readonly tokens: number
  readonly sandboxes: number
  readonly credentials: number
  readonly sessions: number
  readonly messages: number
}

/** Whether the log holds anything but the reference data: then `strata seed` asks before adding to it. */
export const isEmpty = Effect.map(
  Effect.flatMap(EventStore, (store) => store.readAll({ after: 0, limit: 100 })),
  (events) => events.every((event) => event.type === "ReferenceDataPublished")
)

export const plant = (options: { readonly now: number; readonly referenceData: ReferenceData; readonly seed?: number; readonly messages?: number }) =>
  Effect.gen(function*() {
    const { now } = options
    const next = random(options.seed ?? 42)
    const pick = <A>(items: ReadonlyArray<A>) => items[Math.floor(next() * items.length)]!
    const metadata: CommandMetadata = { actor: "seed" }
    const counts = { owners: owners.length, keys: 0, usages: 0, tokens: 0, sandboxes: 0, credentials: 0, sessions: 0, messages: 0 }
    yield* at(now - 13 * hour)(Sandboxes.publishReferenceData(options.referenceData, metadata))

    // Keys, each used now and then over the last 12 hours: the windows of the last 5 show as current usage.
    for (const owner of owners) {
      for (const name of owner === "ada" ? ["gateway", "laptop"] : ["gateway"]) {
        const limit = pick([50_000, 100_000, 200_000])
        const key = yield* at(now - 12 * hour)(ApiKeys.create(owner, { name, model: pick(["glm-4.6", "gpt-4.1", null]), tokenLimitPer5h: limit, expiresAt: null }, metadata))
        counts.keys++
        const times = Array.from({ length: 10 + Math.floor(next() * 30) }, () => now - Math.floor(next() * 12 * hour)).sort((a, b) => a - b)
        for (const time of times) {
          const used = yield* at(time)(ApiKeys.recordUsage(key.keyId, 200 + Math.floor(next() * 4_000), { enforceQuota: true, metadata })).pipe(
            Effect.as(1),
            // A demo gateway hits its quota like a real one: the refusal is part of the picture.
            Effect.catchTag("QuotaExceeded", () => Effect.succeed(0))
          )
          counts.usages += used
        }
      }
      yield* at(now - 6 * hour)(Tokens.save(owner, "twitch", {
        accessToken: Redacted.make(`demo-access-${owner}-${Math.floor(next() * 1e9).toString(36)}`),
        refreshToken: Redacted.make(`demo-refresh-${owner}-${Math.floor(next() * 1e9).toString(36)}`),
        expiresIn: 14_400,
        obtainmentTimestamp: now - 6 * hour,
        scopes: ["chat:read", "chat:edit"]
      }, metadata))
      counts.tokens++
      yield* at(now - 8 * hour)(ProviderCredentials.set(owner, "github", Redacted.make(`demo-ghp-${Math.floor(next() * 1e12).toString(36)}`), metadata))
      counts.credentials++
    }

    // A sandbox in every state, each reached by the lifecycle's own steps.
    const paths: ReadonlyArray<readonly [string, ReadonlyArray<Sandboxes.Action>]> = [
      ["pending", []],
      ["starting", ["start"]],
      ["running", ["start", "mark-running"]],
      ["stopping", ["start", "mark-running", "stop"]],
      ["stopped", ["start", "mark-running", "stop", "mark-stopped"]],
      ["failed", ["start", "fail"]],
      ["deleted", ["delete"]]
    ]
    const choices = [
      { tierId: "small", flavorId: "node", addonIds: ["redis"] },
      { tierId: "medium", flavorId: "python", addonIds: ["postgres", "vscode"] },
      { tierId: "large", flavorId: "gpu-python", addonIds: ["browser"] }
    ]
    for (const [index, [status, steps]] of paths.entries()) {
      const owner = owners[index % owners.length]!
      const created = now - (10 - index) * hour
      const sandbox = yield* at(created)(Sandboxes.create(owner, { name: `${status}-box`, ...pick(choices) }, metadata))
      for (const [step, action] of steps.entries()) {
        yield* at(created + (step + 1) * 60_000)(Sandboxes.transition(owner, sandbox.sandboxId, action, {
          metadata,
          ...(action === "fail" ? { reason: "image pull failed: registry timed out" } : {})
        }))
      }
      counts.sandboxes++
    }

    // Sessions with members and a few hundred messages over the last hours.
    const rooms = [
      { title: "Release planning", owner: "ada", members: ["grace", "linus", "margaret"] },
      { title: "Incident 42", owner: "grace", members: ["ada", "margaret"] },
      { title: "Coffee", owner: "linus", members: ["ada", "grace"] }
    ] as const
    const total = options.messages ?? 300
    for (const [index, room] of rooms.entries()) {
      const opened = now - (11 - index) * hour
      const session = yield* at(opened)(Sessions.create(room.owner, { title: room.title, sandboxId: null }, metadata))
      for (const [rank, member] of room.members.entries()) {
        yield* at(opened + (rank + 1) * 60_000)(Sessions.addMember(room.owner, session.sessionId, member, rank === 0 ? "admin" : "member", metadata))
      }
      counts.sessions++
      const people = [room.owner, ...room.members]
      const count = Math.round(total / rooms.length)
      const times = Array.from({ length: count }, () => opened + 10 * 60_000 + Math.floor(next() * (now - opened - 10 * 60_000))).sort((a, b) => a - b)
      for (const time of times) {
        const author = pick(people)
        const type: typeof Session.MessageType.Type = next() < 0.06 ? "image" : next() < 0.04 ? "file" : "text"
        const content = type === "image"
          ? `https://example.com/demo/${Math.floor(next() * 1e6).toString(36)}.png`
          : type === "file"
          ? `https://example.com/demo/notes-${Math.floor(next() * 1e6).toString(36)}.pdf`
          : pick(lines)
        const message = yield* at(time)(Sessions.post(author, session.sessionId, { type, content }, metadata))
        counts.messages++
        const fate = next()
        if (fate < 0.05) yield* at(time + 30_000)(Sessions.edit(author, session.sessionId, message.messageId, `${content} (edited)`, metadata))
        else if (fate < 0.08) yield* at(time + 45_000)(Sessions.deleteMessage(author, session.sessionId, message.messageId, metadata))
      }
    }
    return counts satisfies Planted
  })
