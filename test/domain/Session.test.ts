import { describe, test } from "bun:test"
import { DeciderSpec } from "../../domain/DeciderSpec.ts"
import * as Session from "../../domain/Session.ts"

const sessionId = "s1"
const t = 1_800_000_000_000
const created = [
  Session.SessionCreated.make({ owner: "alice", title: "Planning", sandboxId: null, createdAt: t }),
  Session.MemberAdded.make({ member: "alice", role: "admin" })
]
const withBob = [...created, Session.MemberAdded.make({ member: "bob", role: "member" })]
const posted = Session.MessagePosted.make({ messageId: "m1", seq: 1, author: "bob", type: "text", content: "hi", postedAt: t })
const sessions = DeciderSpec.for(Session.decider)

describe("sessions", () => {
  test("creating a session makes its owner an admin member", () => {
    sessions.given([]).when(Session.CreateSession.make({ sessionId, owner: "alice", title: "Planning", sandboxId: null, at: t })).then(created)
    sessions.given([]).when(Session.CreateSession.make({ sessionId, owner: "alice", title: " ", sandboxId: null, at: t }))
      .thenRefused(new Session.InvalidSession({ reason: "the title is empty" }))
  })

  test("admins add members; members do not", () => {
    sessions.given(created).when(Session.AddMember.make({ sessionId, by: "alice", member: "bob", role: "member" }))
      .then([Session.MemberAdded.make({ member: "bob", role: "member" })])
    sessions.given(withBob).when(Session.AddMember.make({ sessionId, by: "bob", member: "eve", role: "member" }))
      .thenRefused(new Session.NotAllowed({ user: "bob", reason: "only admins add members" }))
  })

  test("only members post, with a type and content; messages are numbered", () => {
    sessions.given(withBob).when(Session.PostMessage.make({ sessionId, messageId: "m1", author: "bob", type: "text", content: "hi", at: t }))
      .then([posted])
    sessions.given([...withBob, posted]).when(Session.PostMessage.make({ sessionId, messageId: "m2", author: "alice", type: "image", content: "img://1", at: t }))
      .then([Session.MessagePosted.make({ messageId: "m2", seq: 2, author: "alice", type: "image", content: "img://1", postedAt: t })])
    sessions.given(withBob).when(Session.PostMessage.make({ sessionId, messageId: "m1", author: "eve", type: "text", content: "hi", at: t }))
      .thenRefused(new Session.NotAllowed({ user: "eve", reason: "only members post" }))
  })

  test("an author edits their own message, and no one else's", () => {
    sessions.given([...withBob, posted]).when(Session.EditMessage.make({ sessionId, messageId: "m1", by: "bob", content: "hello", at: t + 1 }))
      .then([Session.MessageEdited.make({ messageId: "m1", content: "hello", editedAt: t + 1 })])
    sessions.given([...withBob, posted]).when(Session.EditMessage.make({ sessionId, messageId: "m1", by: "alice", content: "x", at: t + 1 }))
      .thenRefused(new Session.NotAllowed({ user: "alice", reason: "only the author edits a message" }))
  })

  test("the author or an admin deletes a message; a deleted message is gone for edits", () => {
    const deleted = Session.MessageDeleted.make({ messageId: "m1", by: "alice", deletedAt: t + 2 })
    sessions.given([...withBob, posted]).when(Session.DeleteMessage.make({ sessionId, messageId: "m1", by: "alice", at: t + 2 })).then([deleted])
    sessions.given([...withBob, posted]).when(Session.DeleteMessage.make({ sessionId, messageId: "m1", by: "bob", at: t + 2 }))
      .then([Session.MessageDeleted.make({ messageId: "m1", by: "bob", deletedAt: t + 2 })])
    sessions.given([...withBob, Session.MemberAdded.make({ member: "carol", role: "member" }), posted])
      .when(Session.DeleteMessage.make({ sessionId, messageId: "m1", by: "carol", at: t + 2 }))
      .thenRefused(new Session.NotAllowed({ user: "carol", reason: "only the author or an admin deletes a message" }))
    sessions.given([...withBob, posted, deleted]).when(Session.EditMessage.make({ sessionId, messageId: "m1", by: "bob", content: "x", at: t + 3 }))
      .thenRefused(new Session.MessageNotFound({ messageId: "m1" }))
  })

  test("admins rename and archive; an archived session takes no posts or edits", () => {
    const archived = [...withBob, posted, Session.SessionArchived.make({ archivedAt: t + 5 })]
    sessions.given(withBob).when(Session.RenameSession.make({ sessionId, by: "alice", title: "Retro" })).then([Session.SessionRenamed.make({ title: "Retro" })])
    sessions.given(withBob).when(Session.RenameSession.make({ sessionId, by: "bob", title: "Mine" }))
      .thenRefused(new Session.NotAllowed({ user: "bob", reason: "only admins rename a session" }))
    sessions.given(withBob).when(Session.ArchiveSession.make({ sessionId, by: "alice", at: t + 5 })).then([Session.SessionArchived.make({ archivedAt: t + 5 })])
    sessions.given(archived).when(Session.PostMessage.make({ sessionId, messageId: "m2", author: "bob", type: "text", content: "late", at: t + 6 }))
      .thenRefused(new Session.SessionIsArchived({ sessionId }))
    sessions.given(archived).when(Session.EditMessage.make({ sessionId, messageId: "m1", by: "bob", content: "late", at: t + 6 }))
      .thenRefused(new Session.SessionIsArchived({ sessionId }))
  })
})
