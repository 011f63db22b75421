import { HashMap, Option, Result, Schema } from "effect"
import type { Decider } from "./Decider.ts"

/**
 * Chat sessions (seeds 001, 002): members with roles, messages that only members post,
 * that their author edits and their author or an admin deletes (softly: the marker
 * stays, the content goes). An archived session is read-only, but for deletions.
 */

export const Role = Schema.Literals(["admin", "member"])
export type Role = typeof Role.Type
export const MessageType = Schema.Literals(["text", "image", "file"])
/** Milliseconds since the epoch. */
const Instant = Schema.Number

// Commands

export const CreateSession = Schema.TaggedStruct("CreateSession", {
  sessionId: Schema.String,
  owner: Schema.String,
  title: Schema.String,
  sandboxId: Schema.NullOr(Schema.String),
  at: Instant
})
export const AddMember = Schema.TaggedStruct("AddMember", { sessionId: Schema.String, by: Schema.String, member: Schema.String, role: Role })
export const RemoveMember = Schema.TaggedStruct("RemoveMember", { sessionId: Schema.String, by: Schema.String, member: Schema.String })
export const PostMessage = Schema.TaggedStruct("PostMessage", {
  sessionId: Schema.String,
  messageId: Schema.String,
  author: Schema.String,
  type: MessageType,
  content: Schema.String,
  at: Instant
})
export const EditMessage = Schema.TaggedStruct("EditMessage", {
  sessionId: Schema.String,
  messageId: Schema.String,
  by: Schema.String,
  content: Schema.String,
  at: Instant
})
export const DeleteMessage = Schema.TaggedStruct("DeleteMessage", { sessionId: Schema.String, messageId: Schema.String, by: Schema.String, at: Instant })
export const RenameSession = Schema.TaggedStruct("RenameSession", { sessionId: Schema.String, by: Schema.String, title: Schema.String })
export const ArchiveSession = Schema.TaggedStruct("ArchiveSession", { sessionId: Schema.String, by: Schema.String, at: Instant })
export type SessionCommand =
  | typeof CreateSession.Type
  | typeof AddMember.Type
  | typeof RemoveMember.Type
  | typeof PostMessage.Type
  | typeof EditMessage.Type
  | typeof DeleteMessage.Type
  | typeof RenameSession.Type
  | typeof ArchiveSession.Type

// Events

export const SessionCreated = Schema.TaggedStruct("SessionCreated", {
  owner: Schema.String,
  title: Schema.String,
  sandboxId: Schema.NullOr(Schema.String),
  createdAt: Instant
})
export const MemberAdded = Schema.TaggedStruct("MemberAdded", {
  member: Schema.String,
  role: Role,
  /** When the member joined, where it was not when the event was recorded (an imported room's members). */
  joinedAt: Schema.optional(Instant)
})
export const MemberRemoved = Schema.TaggedStruct("MemberRemoved", { member: Schema.String })
export const MessagePosted = Schema.TaggedStruct("MessagePosted", {
  messageId: Schema.String,
  /** 1 for the session's first message: the order of the history. */
  seq: Schema.Number,
  author: Schema.String,
  type: MessageType,
  content: Schema.String,
  postedAt: Instant
})
export const MessageEdited = Schema.TaggedStruct("MessageEdited", { messageId: Schema.String, content: Schema.String, editedAt: Instant })
export const MessageDeleted = Schema.TaggedStruct("MessageDeleted", { messageId: Schema.String, by: Schema.String, deletedAt: Instant })
export const SessionRenamed = Schema.TaggedStruct("SessionRenamed", { title: Schema.String })
export const SessionArchived = Schema.TaggedStruct("SessionArchived", { archivedAt: Instant })
export const SessionEvent = Schema.Union([
  SessionCreated,
  MemberAdded,
  MemberRemoved,
  MessagePosted,
  MessageEdited,
  MessageDeleted,
  SessionRenamed,
  SessionArchived
])
export type SessionEvent = typeof SessionEvent.Type

// State

const MessageRef = Schema.Struct({ author: Schema.String, deleted: Schema.Boolean })

export const SessionState = Schema.Union([
  Schema.TaggedStruct("Absent", {}),
  Schema.TaggedStruct("Session", {
    owner: Schema.String,
    title: Schema.String,
    archived: Schema.Boolean,
    members: Schema.Record(Schema.String, Role),
    /**
     * What the rules need of each message: who wrote it, and whether it is gone. A
     * persistent map: a post adds one entry and shares the rest, where copying a record
     * cost every post the whole history.
     */
    messages: Schema.HashMap(Schema.String, MessageRef),
    messageCount: Schema.Number
  })
])
export type SessionState = typeof SessionState.Type
type Active = Extract<SessionState, { _tag: "Session" }>

// Errors

export class SessionNotFound extends Schema.TaggedError<SessionNotFound>()("SessionNotFound", { sessionId: Schema.String }) {
  override get message() {
    return `no session ${this.sessionId}`
  }
}

export class SessionExists extends Schema.TaggedError<SessionExists>()("SessionExists", { sessionId: Schema.String }) {
  override get message() {
    return `session ${this.sessionId} exists already`
  }
}

export class NotAllowed extends Schema.TaggedError<NotAllowed>()("NotAllowed", { user: Schema.String, reason: Schema.String }) {
  override get message() {
    return `${this.user} may not do this: ${this.reason}`
  }
}

export class SessionIsArchived extends Schema.TaggedError<SessionIsArchived>()("SessionIsArchived", { sessionId: Schema.String }) {
  override get message() {
    return `session ${this.sessionId} is archived`
  }
}

export class MessageNotFound extends Schema.TaggedError<MessageNotFound>()("MessageNotFound", { messageId: Schema.String }) {
  override get message() {
    return `no message ${this.messageId}`
  }
}

export class InvalidSession extends Schema.TaggedError<InvalidSession>()("InvalidSession", { reason: Schema.String }) {
  override get message() {
    return `invalid: ${this.reason}`
  }
}

export type SessionRefusal = SessionNotFound | SessionExists | NotAllowed | SessionIsArchived | MessageNotFound | InvalidSession

// Rules

const refuse = (error: SessionRefusal) => Result.fail(error)
const accept = (...events: Array<SessionEvent>) => Result.succeed(events)

const isAdmin = (state: Active, user: string) => state.members[user] === "admin"

const liveMessage = (state: Active, messageId: string) =>
  Option.getOrUndefined(Option.filter(HashMap.get(state.messages, messageId), (message) => !message.deleted))

export const decide = (command: SessionCommand, state: SessionState): Result.Result<ReadonlyArray<SessionEvent>, SessionRefusal> => {
  if (command._tag === "CreateSession") {
    if (state._tag !== "Absent") return refuse(new SessionExists({ sessionId: command.sessionId }))
    if (command.title.trim() === "") return refuse(new InvalidSession({ reason: "the title is empty" }))
    const { at, owner, sandboxId, title } = command
    return accept(SessionCreated.make({ owner, title, sandboxId, createdAt: at }), MemberAdded.make({ member: owner, role: "admin" }))
  }
  if (state._tag === "Absent") return refuse(new SessionNotFound({ sessionId: command.sessionId }))
  switch (command._tag) {
    case "AddMember":
      if (!isAdmin(state, command.by)) return refuse(new NotAllowed({ user: command.by, reason: "only admins add members" }))
      return state.members[command.member] === command.role ? accept() : accept(MemberAdded.make({ member: command.member, role: command.role }))
    case "RemoveMember":
      if (!isAdmin(state, command.by)) return refuse(new NotAllowed({ user: command.by, reason: "only admins remove members" }))
      if (command.member === state.owner) return refuse(new NotAllowed({ user: command.by, reason: "the owner stays a member" }))
      return state.members[command.member] === undefined ? accept() : accept(MemberRemoved.make({ member: command.member }))
    case "PostMessage":
      if (state.members[command.author] === undefined) {
        return refuse(new NotAllowed({ user: command.author, reason: "only members post" }))
      }
      if (state.archived) return refuse(new SessionIsArchived({ sessionId: command.sessionId }))
      if (command.content.trim() === "") return refuse(new InvalidSession({ reason: "the message is empty" }))
      if (HashMap.has(state.messages, command.messageId)) return accept()
      return accept(MessagePosted.make({
        messageId: command.messageId,
        seq: state.messageCount + 1,
        author: command.author,
        type: command.type,
        content: command.content,
        postedAt: command.at
      }))
    case "EditMessage": {
      const message = liveMessage(state, command.messageId)
      if (message === undefined) return refuse(new MessageNotFound({ messageId: command.messageId }))
      if (message.author !== command.by) return refuse(new NotAllowed({ user: command.by, reason: "only the author edits a message" }))
      if (state.archived) return refuse(new SessionIsArchived({ sessionId: command.sessionId }))
      if (command.content.trim() === "") return refuse(new InvalidSession({ reason: "the message is empty" }))
      return accept(MessageEdited.make({ messageId: command.messageId, content: command.content, editedAt: command.at }))
    }
    case "DeleteMessage": {
      const message = liveMessage(state, command.messageId)
      if (message === undefined) return refuse(new MessageNotFound({ messageId: command.messageId }))
      if (message.author !== command.by && !isAdmin(state, command.by)) {
        return refuse(new NotAllowed({ user: command.by, reason: "only the author or an admin deletes a message" }))
      }
      return accept(MessageDeleted.make({ messageId: command.messageId, by: command.by, deletedAt: command.at }))
    }
    case "RenameSession":
      if (!isAdmin(state, command.by)) return refuse(new NotAllowed({ user: command.by, reason: "only admins rename a session" }))
      if (command.title.trim() === "") return refuse(new InvalidSession({ reason: "the title is empty" }))
      return accept(SessionRenamed.make({ title: command.title }))
    case "ArchiveSession":
      if (!isAdmin(state, command.by)) return refuse(new NotAllowed({ user: command.by, reason: "only admins archive a session" }))
      return state.archived ? accept() : accept(SessionArchived.make({ archivedAt: command.at }))
  }
}

export const evolve = (state: SessionState, event: SessionEvent): SessionState => {
  if (event._tag === "SessionCreated") {
    return { _tag: "Session", owner: event.owner, title: event.title, archived: false, members: {}, messages: HashMap.empty(), messageCount: 0 }
  }
  if (state._tag !== "Session") return state
  switch (event._tag) {
    case "MemberAdded":
      return { ...state, members: { ...state.members, [event.member]: event.role } }
    case "MemberRemoved": {
      const members = { ...state.members }
      delete members[event.member]
      return { ...state, members }
    }
    case "MessagePosted":
      return {
        ...state,
        messages: HashMap.set(state.messages, event.messageId, { author: event.author, deleted: false }),
        messageCount: event.seq
      }
    case "MessageEdited":
      return state
    case "MessageDeleted": {
      return HashMap.has(state.messages, event.messageId)
        ? { ...state, messages: HashMap.modify(state.messages, event.messageId, (message) => ({ ...message, deleted: true })) }
        : state
    }
    case "SessionRenamed":
      return { ...state, title: event.title }
    case "SessionArchived":
      return { ...state, archived: true }
  }
}

export const decider: Decider<SessionCommand, SessionEvent, SessionState, SessionRefusal> = {
  initialState: { _tag: "Absent" },
  decide,
  evolve
}
