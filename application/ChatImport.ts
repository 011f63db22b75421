import { Effect, Result, Schema } from "effect"
import * as Session from "../domain/Session.ts"
import { streamOf } from "./Aggregate.ts"
import { EventStore, type EventMetadata, ExpectedVersion, type NewEvent } from "./EventStore.ts"
import { derivedId, type Invalid, validate, validator } from "./Import.ts"
import { LegacyInstant } from "./LegacyTime.ts"
import { SessionAggregate } from "./Sessions.ts"

/**
 * seed 002's chat (`users`, `rooms`, `room_members`, `messages`) as chat sessions: a room
 * is a session, its members keep their roles and join times, its messages their authors,
 * types, times, edits and soft deletions, in their original order. A user is known in
 * strata by their `username` (else their `id`): the name an owner's API key is made for.
 * Users' profiles have no home in strata and are left behind (the report says so).
 */

const Text = Schema.NonEmptyString
const LegacyId = Schema.Union([Schema.Number, Text])

export const LegacyUser = Schema.Struct({
  id: Text,
  username: Schema.NullOr(Schema.String).pipe(Schema.withDecodingDefault(Effect.succeed(null)))
})

export const LegacyRoom = Schema.Struct({
  id: LegacyId,
  name: Schema.NullOr(Schema.String).pipe(Schema.withDecodingDefault(Effect.succeed(null))),
  type: Schema.NullOr(Schema.Literals(["direct", "group"])).pipe(Schema.withDecodingDefault(Effect.succeed(null))),
  created_by: Schema.NullOr(Text).pipe(Schema.withDecodingDefault(Effect.succeed(null))),
  created_at: LegacyInstant
})

export const LegacyMember = Schema.Struct({
  room_id: LegacyId,
  user_id: Text,
  role: Schema.NullOr(Session.Role).pipe(Schema.withDecodingDefault(Effect.succeed(null))),
  joined_at: LegacyInstant
})

export const LegacyMessage = Schema.Struct({
  id: LegacyId,
  room_id: LegacyId,
  user_id: Text,
  content: Schema.NullOr(Schema.String),
  type: Schema.NullOr(Session.MessageType).pipe(Schema.withDecodingDefault(Effect.succeed(null))),
  created_at: LegacyInstant,
  edited_at: Schema.NullOr(LegacyInstant).pipe(Schema.withDecodingDefault(Effect.succeed(null))),
  deleted_at: Schema.NullOr(LegacyInstant).pipe(Schema.withDecodingDefault(Effect.succeed(null)))
})

/** The profile fields seed 002 keeps that strata has no place for. */
export const leftBehind = ["email", "name", "avatar_url", "image", "emailVerified", "password_hash", "auth_id"] as const

/** A message as it is kept until written: the little its events need. */
export interface ChatMessage {
  /** The legacy id: the message's id in strata derives from it. */
  readonly id: string
  readonly author: string
  readonly type: typeof Session.MessageType.Type
  readonly content: string
  readonly postedAt: number
  readonly editedAt: number | null
  readonly deletedAt: number | null
}

/** A session to write: its opening events (creation, members), then its messages in order. */
export interface ChatRoom {
  readonly record: string
  readonly sessionId: string
  readonly opening: ReadonlyArray<Session.SessionEvent>
  readonly messages: ReadonlyArray<ChatMessage>
  readonly members: number
}

/** The room's events, made as they are written: a million messages are never a million events at once. */
export function* roomEvents(room: ChatRoom): Generator<Session.SessionEvent> {
  yield* room.opening
  let seq = 0
  for (const message of room.messages) {
    const messageId = derivedId("chat-message", room.sessionId, message.id)
    const { author, content } = message
    yield Session.MessagePosted.make({ messageId, seq: ++seq, author, type: message.type, content, postedAt: message.postedAt })
    if (message.editedAt !== null) yield Session.MessageEdited.make({ messageId, content, editedAt: message.editedAt })
    // Who deleted it the old service did not keep: the author, as far as strata can tell.
    if (message.deletedAt !== null) yield Session.MessageDeleted.make({ messageId, by: author, deletedAt: message.deletedAt })
  }
}

export const eventCount = (room: ChatRoom) =>
  room.opening.length + room.messages.reduce((count, m) => count + 1 + (m.editedAt === null ? 0 : 1) + (m.deletedAt === null ? 0 : 1), 0)

export interface ParsedChat {
  readonly rooms: ReadonlyArray<ChatRoom>
  readonly users: number
  readonly invalid: ReadonlyArray<Invalid>
}

type Row = Record<string, unknown>
const labelled = (kind: string, rows: ReadonlyArray<Row>, label: (row: Row, index: number) => string) =>
  rows.map((raw, index) => ({ record: `${kind} ${label(raw, index)}`, raw }))

/**
 * Validates every row, joins them, and makes each valid room. A member or message naming a
 * room or user that is not there (SQLite enforces foreign keys only when asked) is invalid,
 * as is everything in an invalid room; with `--skip-invalid` a room comes without its
 * invalid rows, as an API key comes without its invalid windows. Messages are handed over
 * one at a time (`message`), in their original order, so that a large source is read as it
 * is validated: only what the events need of each message is kept.
 */
export const chatParser = (tables: {
  readonly users: ReadonlyArray<Row>
  readonly rooms: ReadonlyArray<Row>
  readonly members: ReadonlyArray<Row>
}) => {
  const users = validate(LegacyUser, labelled("user", tables.users, (row, i) => String(row.id ?? `#${i + 1}`)))
  const rooms = validate(LegacyRoom, labelled("room", tables.rooms, (row, i) => String(row.id ?? `#${i + 1}`)))
  const members = validate(LegacyMember, labelled("room member", tables.members, (row) => `${String(row.room_id)}/${String(row.user_id)}`))
  const invalid: Array<Invalid> = [...users.invalid, ...rooms.invalid, ...members.invalid]

  const nameOf = new Map(users.valid.map(({ value }) => [value.id, value.username !== null && value.username.trim() !== "" ? value.username : value.id]))
  const badRooms = new Set(tables.rooms.map((row) => String(row.id)))
  for (const { value } of rooms.valid) badRooms.delete(String(value.id))
  const membersOf = new Map<string, Array<typeof LegacyMember.Type>>()
  const messagesOf = new Map<string, Array<ChatMessage>>()
  for (const { value } of rooms.valid) {
    membersOf.set(String(value.id), [])
    messagesOf.set(String(value.id), [])
  }
  const orphan = (room: unknown) => badRooms.has(String(room)) ? `room_id: room ${String(room)} is invalid` : `room_id: no room ${String(room)}`
  for (const { record, value } of members.valid) {
    const own = membersOf.get(String(value.room_id))
    if (own === undefined) invalid.push({ record, reason: orphan(value.room_id) })
    else if (!nameOf.has(value.user_id)) invalid.push({ record, reason: `user_id: no user ${value.user_id}` })
    else own.push(value)
  }
  const invalidMessages: Array<Invalid> = []
  const checkMessage = validator(LegacyMessage)
  let index = 0

  const message = (raw: Row) => {
    index++
    const record = `message ${String(raw.id ?? `#${index}`)}`
    const checked = checkMessage(raw)
    if (Result.isFailure(checked)) return void invalidMessages.push({ record, reason: checked.failure })
    const value = checked.success
    const own = messagesOf.get(String(value.room_id))
    const author = nameOf.get(value.user_id)
    if (own === undefined) invalidMessages.push({ record, reason: orphan(value.room_id) })
    else if (author === undefined) invalidMessages.push({ record, reason: `user_id: no user ${value.user_id}` })
    else if (value.deleted_at === null && (value.content === null || value.content.trim() === "")) invalidMessages.push({ record, reason: "content: is empty" })
    else {
      own.push({
        id: String(value.id),
        author,
        type: value.type ?? "text",
        content: value.content ?? "",
        postedAt: value.created_at,
        editedAt: value.edited_at,
        deletedAt: value.deleted_at
      })
    }
  }

  const finish = (): ParsedChat => {
    const all = [...invalid, ...invalidMessages]
    const parsed: Array<ChatRoom> = []
    for (const { record, value: room } of rooms.valid) {
      const key = String(room.id)
      const joined = [...membersOf.get(key)!].sort((a, b) => a.joined_at - b.joined_at || a.user_id.localeCompare(b.user_id))
      if (joined.length === 0) {
        all.push({ record, reason: "room_members: the room has no members (nobody could read it)" })
        continue
      }
      // The session's owner is its creator while a member, else its first admin, else its first member.
      const creator = room.created_by === null ? undefined : joined.find((m) => m.user_id === room.created_by)
      const owner = nameOf.get((creator ?? joined.find((m) => m.role === "admin") ?? joined[0]!).user_id)!
      const sessionId = derivedId("chat-room", key, String(room.created_at), room.created_by ?? "")
      const title = room.name !== null && room.name.trim() !== ""
        ? room.name
        : `${room.type === "direct" ? "direct" : "room"}: ${joined.map((m) => nameOf.get(m.user_id)!).join(", ")}`
      parsed.push({
        record,
        sessionId,
        opening: [
          Session.SessionCreated.make({ owner, title, sandboxId: null, createdAt: room.created_at }),
          ...joined.map((m) => Session.MemberAdded.make({ member: nameOf.get(m.user_id)!, role: m.role ?? "member", joinedAt: m.joined_at }))
        ],
        messages: messagesOf.get(key)!,
        members: joined.length
      })
    }
    return { rooms: parsed, users: users.valid.length, invalid: all }
  }

  return { message, finish }
}

export interface ChatOutcome {
  readonly sessions: number
  readonly members: number
  readonly messages: number
  readonly alreadyPresent: number
}

/** Events per append: a room with a million messages is written a page at a time. */
const page = 1_000

/**
 * Each room is one stream, written a page at a time at the exact version the page follows:
 * a run that stopped midway continues where its room stopped (the events' ids derive from
 * the source), and a room written whole is already present.
 */
export const importChat = (
  rooms: ReadonlyArray<ChatRoom>,
  options: { readonly metadata?: EventMetadata; readonly progress?: (events: number) => Effect.Effect<void> } = {}
) =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const outcome = { sessions: 0, members: 0, messages: 0, alreadyPresent: 0 }
    const encode = Schema.encodeEffect(Session.SessionEvent)
    for (const room of rooms) {
      const streamId = streamOf(SessionAggregate, room.sessionId)
      const total = eventCount(room)
      let version = yield* store.streamVersion(streamId)
      if (version >= total) {
        outcome.alreadyPresent++
        if (options.progress) yield* options.progress(total)
        continue
      }
      const events = roomEvents(room)
      for (let skipped = 0; skipped < version; skipped++) events.next()
      while (version < total) {
        const slice: Array<Session.SessionEvent> = []
        while (slice.length < page) {
          const next = events.next()
          if (next.done) break
          slice.push(next.value)
        }
        const encoded = yield* Effect.forEach(slice, (event, index): Effect.Effect<NewEvent, Schema.SchemaError> =>
          Effect.map(encode(event), ({ _tag, ...data }) => ({
            eventId: derivedId("chat-event", room.sessionId, String(version + index)),
            type: _tag,
            data,
            ...(options.metadata ? { metadata: options.metadata } : {})
          })))
        yield* store.append(streamId, encoded, ExpectedVersion.exact(version))
        if (options.progress) yield* options.progress(slice.length)
        version += slice.length
      }
      outcome.sessions++
      outcome.members += room.members
      outcome.messages += room.messages.length
    }
    return outcome satisfies ChatOutcome
  })
