import { Clock, Effect, Option, Schema } from "effect"
import * as Session from "../../domain/Session.ts"
import * as Aggregate from "../eventsourcing/Aggregate.ts"
import * as Idempotency from "../eventsourcing/Idempotency.ts"
import type { CommandMetadata } from "../eventsourcing/Idempotency.ts"
import * as Paging from "../eventsourcing/Paging.ts"
import { Projection } from "../eventsourcing/Projection.ts"
import { ReadModels } from "../ports/ReadModels.ts"
import * as Sandboxes from "./Sandboxes.ts"
import type { EventStore } from "../ports/EventStore.ts"
import type { ProjectionFailed, StoreUnavailable } from "../ports/StoreError.ts"

/** Chat sessions: members, messages, paged history. */

export const SessionAggregate: Aggregate.Aggregate<Session.SessionCommand, Session.SessionEvent, Session.SessionState, Session.SessionRefusal> = {
  category: "session",
  decider: Session.decider,
  events: Session.SessionEvent,
  // Snapshots are JSON: the state's messages map as an array of pairs.
  state: Schema.toCodecJson(Session.SessionState),
  // 2: messages became a persistent map (revision 1 snapshots are ignored and replaced).
  snapshotRevision: 2,
  snapshotEvery: 100
}

export const SessionDocument = Schema.Struct({
  sessionId: Schema.String,
  owner: Schema.String,
  title: Schema.String,
  sandboxId: Schema.NullOr(Schema.String),
  archived: Schema.Boolean,
  members: Schema.Record(Schema.String, Session.Role),
  /** When each member joined (a role change keeps it). */
  joinedAt: Schema.Record(Schema.String, Schema.Number),
  messageCount: Schema.Number,
  createdAt: Schema.Number,
  version: Schema.Number
})
export type SessionView = typeof SessionDocument.Type

export const MessageDocument = Schema.Struct({
  messageId: Schema.String,
  seq: Schema.Number,
  author: Schema.String,
  type: Session.MessageType,
  /** Null once deleted: a deleted message's content is not served. */
  content: Schema.NullOr(Schema.String),
  postedAt: Schema.Number,
  editedAt: Schema.NullOr(Schema.Number),
  deletedAt: Schema.NullOr(Schema.Number)
})
export type MessageView = typeof MessageDocument.Type

const sessionDoc = (sessionId: string) => `session/${sessionId}`
/** One document per membership, filed under the member: "my sessions" is one partition. */
const membershipDoc = (member: string, sessionId: string) => `member/${member}/${sessionId}`
export const messageDoc = (sessionId: string, messageId: string) => `message/${sessionId}/${messageId}`
const historyPartition = (sessionId: string) => `history/${sessionId}`
/** Sort keys compare as text: fixed width keeps message 10 after message 9. */
const seqKey = (seq: number) => String(seq).padStart(12, "0")

export const projection = Projection.make({
  name: "sessions",
  // 2: members' join times.
  version: 2,
  eventTypes: ["SessionCreated", "MemberAdded", "MemberRemoved", "MessagePosted", "MessageEdited", "MessageDeleted", "SessionRenamed", "SessionArchived"],
  reads: (event) => {
    if (event.type === "SessionCreated") return []
    const sessionId = event.streamId.slice(`${SessionAggregate.category}-`.length)
    const messageId = (event.data as { readonly messageId?: unknown }).messageId
    return event.type === "MessageEdited" || event.type === "MessageDeleted"
      ? [sessionDoc(sessionId), ...(typeof messageId === "string" ? [messageDoc(sessionId, messageId)] : [])]
      : [sessionDoc(sessionId)]
  },
  apply: (event, documents) =>
    Effect.gen(function*() {
      const decoded = yield* Aggregate.decodeEvent(SessionAggregate, event)
      const sessionId = event.streamId.slice(`${SessionAggregate.category}-`.length)
      if (decoded._tag === "SessionCreated") {
        const doc: SessionView = {
          sessionId,
          owner: decoded.owner,
          title: decoded.title,
          sandboxId: decoded.sandboxId,
          archived: false,
          members: {},
          joinedAt: {},
          messageCount: 0,
          createdAt: decoded.createdAt,
          version: event.version
        }
        return yield* documents.put(sessionDoc(sessionId), doc)
      }
      const found = yield* documents.get(sessionDoc(sessionId))
      if (Option.isNone(found)) return
      const session = { ...(found.value as SessionView), version: event.version }
      switch (decoded._tag) {
        case "MemberAdded":
          session.members = { ...session.members, [decoded.member]: decoded.role }
          session.joinedAt = {
            ...session.joinedAt,
            [decoded.member]: session.joinedAt[decoded.member] ?? decoded.joinedAt ?? Date.parse(event.recordedAt)
          }
          yield* documents.put(membershipDoc(decoded.member, sessionId), { sessionId }, {
            partition: `member/${decoded.member}`,
            sort: `${session.createdAt}|${sessionId}`
          })
          break
        case "MemberRemoved": {
          const members = { ...session.members }
          delete members[decoded.member]
          session.members = members
          const joinedAt = { ...session.joinedAt }
          delete joinedAt[decoded.member]
          session.joinedAt = joinedAt
          yield* documents.delete(membershipDoc(decoded.member, sessionId))
          break
        }
        case "MessagePosted": {
          session.messageCount = decoded.seq
          const message: MessageView = {
            messageId: decoded.messageId,
            seq: decoded.seq,
            author: decoded.author,
            type: decoded.type,
            content: decoded.content,
            postedAt: decoded.postedAt,
            editedAt: null,
            deletedAt: null
          }
          yield* documents.put(messageDoc(sessionId, decoded.messageId), message, {
            partition: historyPartition(sessionId),
            sort: seqKey(decoded.seq)
          })
          break
        }
        case "MessageEdited":
        case "MessageDeleted": {
          const key = messageDoc(sessionId, decoded.messageId)
          const message = yield* documents.get(key)
          if (Option.isNone(message)) break
          const previous = message.value as MessageView
          const next: MessageView = decoded._tag === "MessageEdited"
            ? { ...previous, content: decoded.content, editedAt: decoded.editedAt }
            : { ...previous, content: null, deletedAt: decoded.deletedAt }
          yield* documents.put(key, next, { partition: historyPartition(sessionId), sort: seqKey(previous.seq) })
          break
        }
        case "SessionRenamed":
          session.title = decoded.title
          break
        case "SessionArchived":
          session.archived = true
          break
      }
      yield* documents.put(sessionDoc(sessionId), session)
    })
})


/** Every write but a creation is for members: `by` must see the session (checked unless it is a resend). */
const handle = (sessionId: string, command: Session.SessionCommand, metadata: CommandMetadata | undefined, by: string) =>
  Aggregate.handle(SessionAggregate, sessionId, command, { retries: 10, metadata, guard: get(by, sessionId) })

/** A session's document as a write answers it (see `Idempotency.documentAnswer`). */
const answer = <A, E, R>(
  sessionId: string,
  handled: Aggregate.Handled<unknown, unknown>,
  key: string,
  live: Effect.Effect<A, E, R>
): Effect.Effect<A, E | Session.SessionNotFound | ProjectionFailed | StoreUnavailable, R | EventStore> =>
  Idempotency.documentAnswer(
    projection,
    Aggregate.streamOf(SessionAggregate, sessionId),
    handled,
    key,
    live,
    () => new Session.SessionNotFound({ sessionId })
  )

const sessionAnswer = (user: string, sessionId: string, handled: Aggregate.Handled<unknown, unknown>) =>
  answer(sessionId, handled, sessionDoc(sessionId), get(user, sessionId))

export const CreateInput = Schema.Struct({
  title: Schema.String,
  sandboxId: Schema.NullOr(Schema.String).pipe(Schema.withDecodingDefault(Effect.succeed(null)))
})
export type CreateInput = typeof CreateInput.Type

/**
 * A session may name one of its owner's sandboxes: another owner's is not found, as a
 * read of it would be (a 201 would tell that it exists, and tie the session to it).
 */
export const create = (owner: string, input: CreateInput, metadata?: CommandMetadata) =>
  Effect.gen(function*() {
    const sessionId = yield* Idempotency.newId(metadata, "session")
    const at = yield* Clock.currentTimeMillis
    const handled = yield* Aggregate.handle(
      SessionAggregate,
      sessionId,
      Session.CreateSession.make({ sessionId, owner, title: input.title, sandboxId: input.sandboxId, at }),
      {
        retries: 10,
        metadata,
        guard: input.sandboxId === null ? Effect.void : Sandboxes.get(owner, input.sandboxId)
      }
    )
    return yield* sessionAnswer(owner, sessionId, handled)
  })

/** The session, for its members; to anyone else it does not exist. */
export const get = (user: string, sessionId: string) =>
  Effect.gen(function*() {
    const found = yield* (yield* ReadModels).get(projection.name, sessionDoc(sessionId))
    if (Option.isNone(found) || (found.value as SessionView).members[user] === undefined) {
      return yield* new Session.SessionNotFound({ sessionId })
    }
    return found.value as SessionView
  })

/** The sessions the user is a member of, oldest first. */
/** A member-only read: the caller must see the session first. */
const asMember = <A, E, R>(user: string, sessionId: string, effect: Effect.Effect<A, E, R>) =>
  Effect.andThen(get(user, sessionId), effect)

/** The sessions the user is a member of, a page at a time (see `Paging`). */
export const listMine = (user: string, request: Paging.PageRequest = {}) =>
  Effect.gen(function*() {
    const memberships = yield* Paging.documents(projection.name, `member/${user}`, request)
    const sessions = yield* Effect.forEach(memberships.items, ({ doc }) => get(user, (doc as { sessionId: string }).sessionId))
    return { ...memberships, items: sessions }
  })

/** Answers the session as the member who asked sees it (removing oneself leaves nothing to see: it is answered as it was). */
export const addMember = (by: string, sessionId: string, member: string, role: Session.Role, metadata?: CommandMetadata) =>
  Effect.flatMap(
    handle(sessionId, Session.AddMember.make({ sessionId, by, member, role }), metadata, by),
    (handled) => sessionAnswer(by, sessionId, handled)
  )

export const removeMember = (by: string, sessionId: string, member: string, metadata?: CommandMetadata) =>
  Effect.flatMap(
    handle(sessionId, Session.RemoveMember.make({ sessionId, by, member }), metadata, by),
    (handled) => sessionAnswer(by, sessionId, handled)
  )

export const PostInput = Schema.Struct({
  type: Session.MessageType.pipe(Schema.withDecodingDefault(Effect.succeed("text" as const))),
  content: Schema.String
})
export type PostInput = typeof PostInput.Type

export const post = (author: string, sessionId: string, input: PostInput, metadata?: CommandMetadata) =>
  Effect.gen(function*() {
    const messageId = yield* Idempotency.newId(metadata, "message")
    const at = yield* Clock.currentTimeMillis
    const handled = yield* handle(
      sessionId,
      Session.PostMessage.make({ sessionId, messageId, author, type: input.type, content: input.content, at }),
      metadata,
      author
    )
    return yield* answer(sessionId, handled, messageDoc(sessionId, messageId), message(sessionId, messageId))
  })

const message = (sessionId: string, messageId: string) =>
  Effect.gen(function*() {
    const found = yield* (yield* ReadModels).get(projection.name, messageDoc(sessionId, messageId))
    if (Option.isNone(found)) return yield* new Session.MessageNotFound({ messageId })
    return found.value as MessageView
  })

export const edit = (by: string, sessionId: string, messageId: string, content: string, metadata?: CommandMetadata) =>
  Effect.gen(function*() {
    const at = yield* Clock.currentTimeMillis
    const handled = yield* handle(sessionId, Session.EditMessage.make({ sessionId, messageId, by, content, at }), metadata, by)
    return yield* answer(sessionId, handled, messageDoc(sessionId, messageId), message(sessionId, messageId))
  })

export const deleteMessage = (by: string, sessionId: string, messageId: string, metadata?: CommandMetadata) =>
  Effect.gen(function*() {
    const at = yield* Clock.currentTimeMillis
    yield* handle(sessionId, Session.DeleteMessage.make({ sessionId, messageId, by, at }), metadata, by)
  })

export const rename = (by: string, sessionId: string, title: string, metadata?: CommandMetadata) =>
  Effect.flatMap(handle(sessionId, Session.RenameSession.make({ sessionId, by, title }), metadata, by), (handled) =>
    sessionAnswer(by, sessionId, handled))

export const archive = (by: string, sessionId: string, metadata?: CommandMetadata) =>
  Effect.gen(function*() {
    const at = yield* Clock.currentTimeMillis
    const handled = yield* handle(sessionId, Session.ArchiveSession.make({ sessionId, by, at }), metadata, by)
    return yield* sessionAnswer(by, sessionId, handled)
  })

export interface HistoryPage {
  readonly messages: ReadonlyArray<MessageView>
  /** Pass as `after` for the next page; absent on the last one. */
  readonly next?: string
}

/** A page of the history, newest first (`desc`) or oldest first (`asc`). */
export const history = (
  user: string,
  sessionId: string,
  options: { readonly order?: "asc" | "desc"; readonly after?: string; readonly limit?: number } = {}
) =>
  asMember(
    user,
    sessionId,
    Effect.gen(function*() {
      const page = yield* Paging.documents(projection.name, historyPartition(sessionId), options, {
        order: options.order ?? "desc",
        defaultLimit: 50
      })
      return {
        messages: page.items.map(({ doc }) => doc as MessageView),
        ...(page.next === undefined ? {} : { next: page.next })
      } satisfies HistoryPage
    })
  )
