import { HttpApiBuilder } from "effect/http-api"
import { Effect } from "effect"
import * as Sessions from "../../application/features/Sessions.ts"
import { StrataApi } from "./Api.ts"
import { metadata, owner } from "./Auth.ts"
import { iso, isoOrNull, nextOf } from "./Requests.ts"
import { orProblem } from "./toProblem.ts"

const sessionView = (session: Sessions.SessionView) => ({
  ...session,
  joinedAt: Object.fromEntries(Object.entries(session.joinedAt).map(([member, at]) => [member, iso(at)])),
  createdAt: iso(session.createdAt)
})

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
    .handle("list", ({ query }) =>
      Effect.gen(function*() {
        const page = yield* Sessions.listMine(yield* owner, query).pipe(orProblem())
        return { sessions: page.items.map(sessionView), ...nextOf(page) }
      }))
    .handle("get", ({ params }) =>
      Effect.gen(function*() {
        return sessionView(yield* Sessions.get(yield* owner, params.sessionId).pipe(orProblem()))
      }))
    .handle("rename", ({ params, payload }) =>
      Effect.gen(function*() {
        return sessionView(yield* Sessions.rename(yield* owner, params.sessionId, payload.title, yield* metadata).pipe(orProblem()))
      }))
    .handle("archive", ({ params }) =>
      Effect.gen(function*() {
        return sessionView(yield* Sessions.archive(yield* owner, params.sessionId, yield* metadata).pipe(orProblem()))
      }))
    .handle("addMember", ({ params, payload }) =>
      Effect.gen(function*() {
        return sessionView(yield* Sessions.addMember(yield* owner, params.sessionId, params.member, payload.role, yield* metadata).pipe(orProblem()))
      }))
    .handle("removeMember", ({ params }) =>
      Effect.gen(function*() {
        return sessionView(yield* Sessions.removeMember(yield* owner, params.sessionId, params.member, yield* metadata).pipe(orProblem()))
      }))
    .handle("post", ({ params, payload }) =>
      Effect.gen(function*() {
        const message = yield* Sessions.post(yield* owner, params.sessionId, { type: payload.type ?? "text", content: payload.content }, yield* metadata)
          .pipe(orProblem())
        return messageView(message)
      }))
    .handle("history", ({ params, query }) =>
      Effect.gen(function*() {
        const page = yield* Sessions.history(yield* owner, params.sessionId, {
          ...(query.order === undefined ? {} : { order: query.order }),
          ...(query.after === undefined ? {} : { after: query.after }),
          ...(query.limit === undefined ? {} : { limit: query.limit })
        }).pipe(orProblem())
        return { messages: page.messages.map(messageView), ...(page.next === undefined ? {} : { next: page.next }) }
      }))
    .handle("edit", ({ params, payload }) =>
      Effect.gen(function*() {
        return messageView(yield* Sessions.edit(yield* owner, params.sessionId, params.messageId, payload.content, yield* metadata).pipe(orProblem()))
      }))
    .handle("deleteMessage", ({ params }) =>
      Effect.gen(function*() {
        yield* Sessions.deleteMessage(yield* owner, params.sessionId, params.messageId, yield* metadata).pipe(orProblem())
      })))
