import { Effect, Result, Schema, Stream } from "effect"
import * as Session from "../../domain/Session.ts"
import { streamOf } from "../eventsourcing/Aggregate.ts"
import { EventStore, type EventMetadata, ExpectedVersion, type NewEvent } from "../ports/EventStore.ts"
import { derivedId, type Invalid, validate, validator } from "./Import.ts"
import { LegacyInstant } from "./LegacyTime.ts"
import { SessionAggregate } from "../features/Sessions.ts"

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

/** A message as its events need it. */
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

/** A message with the session it goes to. */
export interface RoomMessage {
  readonly sessionId: string
  readonly message: ChatMessage
}

/**
 * A session to write: its opening events (creation, members), then its messages, which
 * arrive apart (`importChat`), in their original order. The counts are the source's as
 * validated: an import that finds `events` in the stream has nothing left to write.
 */
export interface ChatRoom {
  readonly record: string
  readonly sessionId: string
  readonly opening: ReadonlyArray<Session.SessionEvent>
  readonly members: number
  readonly messages: number
  readonly events: number
}

/** A message's events: posted, then edited and soft-deleted as it was. */
const messageEvents = (sessionId: string, message: ChatMessage, seq: number): ReadonlyArray<Session.SessionEvent> => {
  const messageId = derivedId("chat-message", sessionId, message.id)
  const { author, content } = message
  const events: Array<Session.SessionEvent> = [
    Session.MessagePosted.make({ messageId, seq, author, type: message.type, content, postedAt: message.postedAt })
  ]
  if (message.editedAt !== null) events.push(Session.MessageEdited.make({ messageId, content, editedAt: message.editedAt }))
  // Who deleted it the old service did not keep: the author, as far as strata can tell.
  if (message.deletedAt !== null) events.push(Session.MessageDeleted.make({ messageId, by: author, deletedAt: message.deletedAt }))
  return events
}

const eventsOf = (message: { readonly editedAt: number | null; readonly deletedAt: number | null }) =>
  1 + (message.editedAt === null ? 0 : 1) + (message.deletedAt === null ? 0 : 1)

/** A room of messages at hand (seed 001's chats) and its messages, as `importChat` takes them. */
export const roomOf = (room: Omit<ChatRoom, "messages" | "events">, messages: ReadonlyArray<ChatMessage>) => ({
  room: {
    ...room,
    messages: messages.length,
    events: room.opening.length + messages.reduce((count, message) => count + eventsOf(message), 0)
  } satisfies ChatRoom,
  messages: messages.map((message): RoomMessage => ({ sessionId: room.sessionId, message }))
})

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
 * invalid rows, as an API key comes without its invalid windows.
 *
 * Messages may be millions, so they are read twice and never held: `check` validates each
 * and counts it into its room (the report, and what a finished room holds); `accept` reads
 * each again as it is written, and passes the valid ones on with their session.
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
  const counted = new Map<string, { messages: number; events: number }>()
  for (const { value } of rooms.valid) {
    membersOf.set(String(value.id), [])
    counted.set(String(value.id), { messages: 0, events: 0 })
  }
  const orphan = (room: unknown) => badRooms.has(String(room)) ? `room_id: room ${String(room)} is invalid` : `room_id: no room ${String(room)}`
  for (const { record, value } of members.valid) {
    const own = membersOf.get(String(value.room_id))
    if (own === undefined) invalid.push({ record, reason: orphan(value.room_id) })
    else if (!nameOf.has(value.user_id)) invalid.push({ record, reason: `user_id: no user ${value.user_id}` })
    else own.push(value)
  }
  const checkMessage = validator(LegacyMessage)

  /** The message and the room it belongs to, or why it is invalid. */
  const read = (raw: Row): Result.Result<{ readonly room: string; readonly message: ChatMessage }, string> => {
    const checked = checkMessage(raw)
    if (Result.isFailure(checked)) return Result.fail(checked.failure)
    const value = checked.success
    const room = String(value.room_id)
    const author = nameOf.get(value.user_id)
    if (!counted.has(room)) return Result.fail(orphan(value.room_id))
    if (author === undefined) return Result.fail(`user_id: no user ${value.user_id}`)
    if (value.deleted_at === null && (value.content === null || value.content.trim() === "")) return Result.fail("content: is empty")
    return Result.succeed({
      room,
      message: {
        id: String(value.id),
        author,
        type: value.type ?? "text",
        content: value.content ?? "",
        postedAt: value.created_at,
        editedAt: value.edited_at,
        deletedAt: value.deleted_at
      }
    })
  }

  const invalidMessages: Array<Invalid> = []
  let index = 0
  const check = (raw: Row) => {
    index++
    Result.match(read(raw), {
      onFailure: (reason) => invalidMessages.push({ record: `message ${String(raw.id ?? `#${index}`)}`, reason }),
      onSuccess: ({ message, room }) => {
        const count = counted.get(room)!
        count.messages++
        count.events += eventsOf(message)
      }
    })
  }

  const sessionOf = new Map<string, string>()
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
      const opening = [
        Session.SessionCreated.make({ owner, title, sandboxId: null, createdAt: room.created_at }),
        ...joined.map((m) => Session.MemberAdded.make({ member: nameOf.get(m.user_id)!, role: m.role ?? "member", joinedAt: m.joined_at }))
      ]
      const count = counted.get(key)!
      sessionOf.set(key, sessionId)
      parsed.push({ record, sessionId, opening, members: joined.length, messages: count.messages, events: opening.length + count.events })
    }
    return { rooms: parsed, users: users.valid.length, invalid: all }
  }

  /** After `finish`: a message read again, with its session; nothing for an invalid one (reported already). */
  const accept = (raw: Row): RoomMessage | undefined => {
    const found = read(raw)
    if (Result.isFailure(found)) return undefined
    const sessionId = sessionOf.get(found.success.room)
    return sessionId === undefined ? undefined : { sessionId, message: found.success.message }
  }

  return { check, finish, accept }
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
 * Each room is one stream, written a page at a time at the exact version the page follows.
 * Messages come as one stream in their original order, whatever their room: a room's page
 * is written once full, so what is held is a page per room, not the source. A run that
 * stopped midway continues where each room stopped (the events' ids derive from the source,
 * and the events before the stream's version are made again and passed over); a room
 * written whole is already present. The source must not change between the two readings.
 */
export const importChat = <E, R>(
  rooms: ReadonlyArray<ChatRoom>,
  messages: Stream.Stream<RoomMessage, E, R>,
  options: { readonly metadata?: EventMetadata; readonly progress?: (events: number) => Effect.Effect<void> } = {}
) =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const outcome = { sessions: 0, members: 0, messages: 0, alreadyPresent: 0 }
    const progress = options.progress ?? (() => Effect.void)
    interface Writing {
      readonly room: ChatRoom
      readonly streamId: string
      version: number
      made: number
      seq: number
      pending: Array<NewEvent>
    }
    const writing = new Map<string, Writing>()

    const flush = (room: Writing) =>
      Effect.gen(function*() {
        if (room.pending.length === 0) return
        const events = room.pending
        room.pending = []
        yield* store.append(room.streamId, events, ExpectedVersion.exact(room.version))
        room.version += events.length
        yield* progress(events.length)
      })

    // Plain code per event, an effect only to write a full page: this runs a million times.
    const encode = Schema.encodeSync(Session.SessionEvent)
    /** Whether the room's page is full. */
    const offer = (room: Writing, event: Session.SessionEvent) => {
      const index = room.made++
      if (index < room.version) return false
      const { _tag, ...data } = encode(event)
      room.pending.push({
        eventId: derivedId("chat-event", room.room.sessionId, String(index)),
        type: _tag,
        data,
        ...(options.metadata ? { metadata: options.metadata } : {})
      })
      return room.pending.length >= page
    }

    for (const room of rooms) {
      const streamId = streamOf(SessionAggregate, room.sessionId)
      const version = yield* store.streamVersion(streamId)
      if (version >= room.events) {
        outcome.alreadyPresent++
        yield* progress(room.events)
        continue
      }
      // What was written before counts as done.
      yield* progress(version)
      const state: Writing = { room, streamId, version, made: 0, seq: 0, pending: [] }
      writing.set(room.sessionId, state)
      for (const event of room.opening) if (offer(state, event)) yield* flush(state)
    }
    yield* Stream.runForEach(messages, ({ message, sessionId }) => {
      const room = writing.get(sessionId)
      if (room === undefined) return Effect.void
      let full = false
      for (const event of messageEvents(sessionId, message, ++room.seq)) full = offer(room, event) || full
      return full ? flush(room) : Effect.void
    })
    for (const room of writing.values()) {
      yield* flush(room)
      outcome.sessions++
      outcome.members += room.room.members
      outcome.messages += room.room.messages
    }
    return outcome satisfies ChatOutcome
  })
