import { Effect, Redacted, Result, Schema, SchemaTransformation } from "effect"
import * as Credentials from "../../domain/ProviderCredentials.ts"
import type { ReferenceData } from "../../domain/ReferenceData.ts"
import { unfit } from "../../domain/ReferenceData.ts"
import * as Sandbox from "../../domain/Sandbox.ts"
import * as Session from "../../domain/Session.ts"
import { streamOf } from "../eventsourcing/Aggregate.ts"
import { type ChatMessage, type ChatRoom, roomOf, type RoomMessage } from "./ChatImport.ts"
import { EventStore, type EventMetadata } from "../ports/EventStore.ts"
import { appendOnce, derivedId, type Invalid, validate } from "./Import.ts"
import { LegacyInstant } from "./LegacyTime.ts"
import { CredentialsAggregate } from "../features/ProviderCredentials.ts"
import { SandboxAggregate } from "../features/Sandboxes.ts"
import { Secrets } from "../ports/Secrets.ts"

/**
 * seed 001's sandboxes, per-user provider credentials and assistant chats (`sandboxes`,
 * `provider_credentials`, `chat_sessions`, `chat_messages`). An owner is the legacy user id.
 * A sandbox comes with its status, reached by the lifecycle's own steps; a credential is
 * opened with the operator's legacy key and sealed under the owner's data key on the way
 * in (its plaintext is never printed, logged or stored); a chat session keeps its sandbox,
 * title, time and messages in order.
 */

const Text = Schema.NonEmptyString
const LegacyId = Schema.Union([Schema.Number, Text])

/** Add-ons as seed 001 kept them: a JSON array of ids, or ids separated by commas. */
const AddonList = Schema.Union([Schema.Array(Schema.String), Schema.Null, Schema.String]).pipe(
  Schema.decodeTo(
    Schema.Array(Schema.String),
    SchemaTransformation.transform({
      decode: (raw): ReadonlyArray<string> => {
        if (raw === null) return []
        if (typeof raw !== "string") return raw
        const text = raw.trim()
        if (text.startsWith("[")) {
          try {
            const parsed = JSON.parse(text) as unknown
            if (Array.isArray(parsed) && parsed.every((id) => typeof id === "string")) return parsed as Array<string>
          } catch {
            // Not JSON after all: read as a list below, where an id like "[x" is refused by the reference data.
          }
        }
        return text.split(",").map((id) => id.trim()).filter((id) => id !== "")
      },
      encode: (ids) => ids
    })
  )
)

export const LegacySandbox = Schema.Struct({
  id: LegacyId,
  user_id: Text,
  name: Text,
  tier_id: Text,
  flavor_id: Text,
  addons: AddonList.pipe(Schema.withDecodingDefault(Effect.succeed([] as ReadonlyArray<string>))),
  status: Sandbox.Status,
  error_message: Schema.NullOr(Schema.String).pipe(Schema.withDecodingDefault(Effect.succeed(null))),
  created_at: LegacyInstant
})

export const LegacyCredential = Schema.Struct({
  id: LegacyId,
  user_id: Text,
  provider_id: Text,
  encrypted_value: Text
})

export const LegacyChatSession = Schema.Struct({
  id: LegacyId,
  user_id: Text,
  sandbox_id: Schema.NullOr(LegacyId).pipe(Schema.withDecodingDefault(Effect.succeed(null))),
  title: Schema.NullOr(Schema.String).pipe(Schema.withDecodingDefault(Effect.succeed(null))),
  created_at: LegacyInstant
})

export const LegacyChatMessage = Schema.Struct({
  id: LegacyId,
  session_id: LegacyId,
  role: Text,
  content: Schema.NullOr(Schema.String),
  created_at: LegacyInstant
})

/** Opens a legacy ciphertext with the operator's key: the plaintext, or why not (never quoting either). */
export type OpenLegacySecret = (ciphertext: string) => Result.Result<string, string>

export interface ImportedSandbox {
  readonly sandboxId: string
  readonly events: ReadonlyArray<Sandbox.SandboxEvent>
}

export interface OwnerCredentials {
  readonly owner: string
  readonly credentials: ReadonlyArray<{ readonly provider: string; readonly secret: Redacted.Redacted<string> }>
}

export interface ParsedSandboxes {
  readonly sandboxes: ReadonlyArray<ImportedSandbox>
  readonly credentials: ReadonlyArray<OwnerCredentials>
  readonly chats: ReadonlyArray<ChatRoom>
  readonly chatMessages: ReadonlyArray<RoomMessage>
  readonly invalid: ReadonlyArray<Invalid>
}

/** The lifecycle's own steps from pending to each status: the log holds nothing the rules would refuse. */
const stepsTo = (status: Sandbox.Status, reason: string | null): ReadonlyArray<Sandbox.SandboxEvent> => {
  const running = [Sandbox.SandboxStarting.make({}), Sandbox.SandboxRunning.make({})]
  switch (status) {
    case "pending":
      return []
    case "starting":
      return [Sandbox.SandboxStarting.make({})]
    case "running":
      return running
    case "stopping":
      return [...running, Sandbox.SandboxStopping.make({})]
    case "stopped":
      return [...running, Sandbox.SandboxStopping.make({}), Sandbox.SandboxStopped.make({})]
    case "failed":
      return [Sandbox.SandboxStarting.make({}), Sandbox.SandboxFailed.make({ reason: reason ?? "failed before the import" })]
    case "deleted":
      return [Sandbox.SandboxDeleted.make({})]
  }
}

type Row = Record<string, unknown>
const labelled = (kind: string, rows: ReadonlyArray<Row>) => rows.map((raw, index) => ({ record: `${kind} ${String(raw.id ?? `#${index + 1}`)}`, raw }))

export const parseSandboxes = (
  tables: {
    readonly sandboxes: ReadonlyArray<Row>
    readonly credentials: ReadonlyArray<Row>
    readonly chatSessions: ReadonlyArray<Row>
    readonly chatMessages: ReadonlyArray<Row>
  },
  referenceData: ReferenceData,
  open: OpenLegacySecret | undefined
): ParsedSandboxes => {
  const sandboxes = validate(LegacySandbox, labelled("sandbox", tables.sandboxes))
  const credentials = validate(LegacyCredential, labelled("provider credential", tables.credentials))
  const sessions = validate(LegacyChatSession, labelled("chat session", tables.chatSessions))
  const messages = validate(LegacyChatMessage, labelled("chat message", tables.chatMessages))
  const invalid: Array<Invalid> = [...sandboxes.invalid, ...credentials.invalid, ...sessions.invalid, ...messages.invalid]

  const imported: Array<ImportedSandbox> = []
  const sandboxIds = new Map<string, { readonly sandboxId: string; readonly owner: string }>()
  for (const { record, value } of sandboxes.valid) {
    const choice = { tierId: value.tier_id, flavorId: value.flavor_id, addonIds: value.addons }
    const wrong = unfit(referenceData, choice)
    if (wrong !== undefined) {
      invalid.push({ record, reason: `tier_id, flavor_id, addons: ${wrong} in strata's reference data` })
      continue
    }
    const sandboxId = derivedId("sandbox", String(value.id), value.user_id)
    sandboxIds.set(String(value.id), { sandboxId, owner: value.user_id })
    imported.push({
      sandboxId,
      events: [
        Sandbox.SandboxCreated.make({
          sandboxId,
          owner: value.user_id,
          name: value.name,
          ...choice,
          addonIds: [...value.addons],
          referenceDataVersion: referenceData.version,
          createdAt: value.created_at
        }),
        ...stepsTo(value.status, value.error_message)
      ]
    })
  }

  const byOwner = new Map<string, Map<string, Redacted.Redacted<string>>>()
  for (const { record, value } of credentials.valid) {
    if (open === undefined) {
      invalid.push({ record, reason: "encrypted_value: no legacy key to open it (STRATA_LEGACY_SECRET_KEY)" })
      continue
    }
    const opened = open(value.encrypted_value)
    if (Result.isFailure(opened)) {
      invalid.push({ record, reason: `encrypted_value: ${opened.failure}` })
      continue
    }
    const own = byOwner.get(value.user_id) ?? new Map<string, Redacted.Redacted<string>>()
    if (own.has(value.provider_id)) {
      invalid.push({ record, reason: `provider_id: ${value.provider_id} is set twice for this user` })
      continue
    }
    own.set(value.provider_id, Redacted.make(opened.success))
    byOwner.set(value.user_id, own)
  }

  const messagesOf = new Map<string, Array<typeof LegacyChatMessage.Type>>()
  for (const { value } of sessions.valid) messagesOf.set(String(value.id), [])
  for (const { record, value } of messages.valid) {
    const own = messagesOf.get(String(value.session_id))
    if (own === undefined) invalid.push({ record, reason: `session_id: no chat session ${String(value.session_id)}` })
    else if (value.content === null || value.content.trim() === "") invalid.push({ record, reason: "content: is empty" })
    else own.push(value)
  }
  const chats: Array<ChatRoom> = []
  const chatMessages: Array<RoomMessage> = []
  for (const { record, value } of sessions.valid) {
    const sandbox = value.sandbox_id === null ? undefined : sandboxIds.get(String(value.sandbox_id))
    if (value.sandbox_id !== null && (sandbox === undefined || sandbox.owner !== value.user_id)) {
      invalid.push({ record, reason: `sandbox_id: no sandbox ${String(value.sandbox_id)} of this user is imported` })
      continue
    }
    const owner = value.user_id
    const sessionId = derivedId("chat-session", String(value.id), owner)
    const opening = [
      Session.SessionCreated.make({
        owner,
        title: value.title !== null && value.title.trim() !== "" ? value.title : "chat",
        sandboxId: sandbox?.sandboxId ?? null,
        createdAt: value.created_at
      }),
      Session.MemberAdded.make({ member: owner, role: "admin", joinedAt: value.created_at })
    ]
    const posted = messagesOf.get(String(value.id))!.map((message): ChatMessage => ({
      id: String(message.id),
      // The user's own messages are theirs; the assistant's (and the system's) are signed with their role.
      author: message.role === "user" ? owner : message.role,
      type: "text",
      content: message.content!,
      postedAt: message.created_at,
      editedAt: null,
      deletedAt: null
    }))
    const { messages: inRoom, room } = roomOf({ record, sessionId, opening, members: 1 }, posted)
    chats.push(room)
    chatMessages.push(...inRoom)
  }

  return {
    sandboxes: imported,
    credentials: [...byOwner].map(([owner, own]) => ({ owner, credentials: [...own].map(([provider, secret]) => ({ provider, secret })) })),
    chats,
    chatMessages,
    invalid
  }
}

export interface SandboxOutcome {
  readonly sandboxes: { readonly imported: number; readonly alreadyPresent: number }
  readonly credentials: { readonly imported: number; readonly alreadyPresent: number }
}

/**
 * Sandboxes one stream each; an owner's credentials one stream (strata keeps them so): an
 * owner who has credentials in strata already keeps them, and none are imported for them.
 */
export const importSandboxes = (parsed: Pick<ParsedSandboxes, "sandboxes" | "credentials">, metadata?: EventMetadata) =>
  Effect.gen(function*() {
    const secrets = yield* Secrets
    const outcome = { sandboxes: { imported: 0, alreadyPresent: 0 }, credentials: { imported: 0, alreadyPresent: 0 } }
    const withMetadata = metadata ? { metadata } : {}
    for (const sandbox of parsed.sandboxes) {
      const events = yield* Effect.forEach(sandbox.events, (event, index) =>
        Effect.map(Schema.encodeEffect(Sandbox.SandboxEvent)(event), ({ _tag, ...data }) => ({
          eventId: derivedId("sandbox-event", sandbox.sandboxId, String(index)),
          type: _tag,
          data,
          ...withMetadata
        })))
      if (yield* appendOnce(streamOf(SandboxAggregate, sandbox.sandboxId), events)) outcome.sandboxes.imported++
      else outcome.sandboxes.alreadyPresent++
    }
    const store = yield* EventStore
    for (const { credentials, owner } of parsed.credentials) {
      const streamId = streamOf(CredentialsAggregate, encodeURIComponent(owner))
      // Looked at before sealing: sealing for an owner makes their data key.
      if ((yield* store.streamVersion(streamId)) > 0) {
        outcome.credentials.alreadyPresent += credentials.length
        continue
      }
      const events = yield* Effect.forEach(credentials, ({ provider, secret }, index) =>
        Effect.gen(function*() {
          const event = Credentials.CredentialSet.make({ provider, secret: yield* secrets.seal(owner, Redacted.value(secret)) })
          const { _tag, ...data } = yield* Schema.encodeEffect(Credentials.CredentialEvent)(event)
          return { eventId: derivedId("credential-event", owner, provider, String(index)), type: _tag, data, ...withMetadata }
        }))
      if (yield* appendOnce(streamId, events)) outcome.credentials.imported += credentials.length
      else outcome.credentials.alreadyPresent += credentials.length
    }
    return outcome satisfies SandboxOutcome
  })
