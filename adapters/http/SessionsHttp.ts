import { HttpApiBuilder } from "@effect/platform"
import { Effect } from "effect"
import * as Sessions from "../../application/Sessions.ts"
import { StrataApi } from "./Api.ts"
import { metadata, owner } from "./Auth.ts"
import { iso, isoOrNull } from "./Requests.ts"
import { orProblem } from "./toProblem.ts"

const sessionView = (session: Sessions.SessionView) => ({ ...session, createdAt: iso(session.createdAt) })

const messageView = (message: Sessions.MessageView) => ({
  ...message,
  postedAt: iso(message.postedAt),
  editedAt: isoOrNull(message.editedAt),
  deletedAt: isoOrNull(message.deletedAt)
})

export const SessionsLive = HttpApiBuilder.group(StrataApi, "sessions", (handlers) =>
  handlers
    .handle("create", ({ payload }) =>
      Effect.gen(function*() {
        const session = yield* Sessions.create(yield* owner, { title: payload.title, sandboxId: payload.sandboxId ?? null }, yield* metadata)
          .pipe(orProblem())
        return sessionView(session)
      }))
    .handle("list", () =>
      Effect.gen(function*() {
        return { sessions: (yield* Sessions.listMine(yield* owner).pipe(orProblem())).map(sessionView) }
      }))
    .handle("get", ({ path }) =>
      Effect.gen(function*() {
        return sessionView(yield* Sessions.get(yield* owner, path.sessionId).pipe(orProblem()))
      }))
    .handle("rename", ({ path, payload }) =>
      Effect.gen(function*() {
        return sessionView(yield* Sessions.rename(yield* owner, path.sessionId, payload.title, yield* metadata).pipe(orProblem()))
      }))
    .handle("archive", ({ path }) =>
      Effect.gen(function*() {
        return sessionView(yield* Sessions.archive(yield* owner, path.sessionId, yield* metadata).pipe(orProblem()))
      }))
    .handle("addMember", ({ path, payload }) =>
      Effect.gen(function*() {
        return sessionView(yield* Sessions.addMember(yield* owner, path.sessionId, path.member, payload.role, yield* metadata).pipe(orProblem()))
      }))
    .handle("removeMember", ({ path }) =>
      Effect.gen(function*() {
        return sessionView(yield* Sessions.removeMember(yield* owner, path.sessionId, path.member, yield* metadata).pipe(orProblem()))
      }))
    .handle("post", ({ path, payload }) =>
      Effect.gen(function*() {
        const message = yield* Sessions.post(yield* owner, path.sessionId, { type: payload.type ?? "text", content: payload.content }, yield* metadata)
          .pipe(orProblem())
        return messageView(message)
      }))
    .handle("history", ({ path, urlParams }) =>
      Effect.gen(function*() {
        const page = yield* Sessions.history(yield* owner, path.sessionId, {
          ...(urlParams.order === undefined ? {} : { order: urlParams.order }),
          ...(urlParams.after === undefined ? {} : { after: urlParams.after }),
          ...(urlParams.limit === undefined ? {} : { limit: urlParams.limit })
        }).pipe(orProblem())
        return { messages: page.messages.map(messageView), ...(page.next === undefined ? {} : { next: page.next }) }
      }))
    .handle("edit", ({ path, payload }) =>
      Effect.gen(function*() {
        return messageView(yield* Sessions.edit(yield* owner, path.sessionId, path.messageId, payload.content, yield* metadata).pipe(orProblem()))
      }))
    .handle("deleteMessage", ({ path }) =>
      Effect.gen(function*() {
        yield* Sessions.deleteMessage(yield* owner, path.sessionId, path.messageId, yield* metadata).pipe(orProblem())
      })))
