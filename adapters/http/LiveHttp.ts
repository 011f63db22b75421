import { Context, Effect, Exit, Layer } from "effect"
import { HttpServerRequest, HttpServerResponse } from "effect/http"
import { HttpApiBuilder } from "effect/http-api"
import * as LiveLog from "../../application/eventsourcing/LiveLog.ts"
import * as SessionFeed from "../../application/features/SessionFeed.ts"
import type { ApiKeyCache } from "../../application/ports/ApiKeyCache.ts"
import type { ReadModels } from "../../application/ports/ReadModels.ts"
import type { EventStore, RecordedEvent } from "../../application/ports/EventStore.ts"
import { StrataApi } from "./Api.ts"
import { AdminToken, authenticate, bearerOf, owner, requireAdmin } from "./Auth.ts"
import { Problem } from "./Problem.ts"
import { orProblem } from "./toProblem.ts"

/**
 * The live endpoints: the log, and a session, as server-sent events. Each response is a
 * stream read by Bun as the client takes it (a pull stream: Bun asks for the next chunk
 * only when the socket has room), so what waits for a slow client is in the kernel's
 * buffers and in the `LiveLog`'s bounded queue, which tells a reader that fell too far
 * behind where to resume, and ends its stream.
 */

/**
 * How often an idle stream sends a comment, so that proxies and clients keep it open — and
 * Bun, which closes a connection that moved nothing for 10 s (its `idleTimeout`). A client
 * that stops reading moves nothing either: Bun closes it after those 10 s, if the live log
 * has not told it first that it fell behind. Either way it resumes from its last id.
 */
export const heartbeatInterval = Context.Reference<number>("strata/http/LiveHeartbeatMillis", { defaultValue: () => 5_000 })

type Item<E> = { readonly _tag: "Event"; readonly event: E } | { readonly _tag: "Behind"; readonly position: number }

interface Feed<E> {
  readonly next: Effect.Effect<ReadonlyArray<Item<E>>, unknown>
  readonly close: () => void
}

const encoder = new TextEncoder()

const render = <E extends { readonly position: number }>(items: ReadonlyArray<Item<E>>) =>
  items.map((item) =>
    item._tag === "Event"
      ? `id: ${item.event.position}\ndata: ${JSON.stringify(item.event)}\n\n`
      : `id: ${item.position}\nevent: behind\ndata: ${JSON.stringify({ position: item.position })}\n\n`
  ).join("")

/**
 * The feed as a `text/event-stream` body. A read of the feed is never interrupted for a
 * heartbeat: it goes on, and the next pull waits for the same one (an interrupted read
 * could have taken events from the queue and dropped them).
 */
const eventStream = <E extends { readonly position: number }>(feed: Feed<E>, heartbeat: number) => {
  let pending: Promise<Exit.Exit<ReadonlyArray<Item<E>>, unknown>> | undefined
  let ended = false
  const end = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    ended = true
    feed.close()
    controller.close()
  }
  return new ReadableStream<Uint8Array>(
    {
      // At once: the client has its headers, and knows it is connected, before the first event.
      start(controller) {
        controller.enqueue(encoder.encode(": connected\n\n"))
      },
      async pull(controller) {
        if (ended) return
        pending ??= Effect.runPromiseExit(feed.next)
        let timer: ReturnType<typeof setTimeout> | undefined
        const beat = new Promise<"heartbeat">((resolve) => (timer = setTimeout(() => resolve("heartbeat"), heartbeat)))
        const first = await Promise.race([pending, beat])
        clearTimeout(timer)
        if (first === "heartbeat") return controller.enqueue(encoder.encode(": heartbeat\n\n"))
        pending = undefined
        // A read that failed (the database away): the stream ends, and the reader resumes from its last id.
        if (Exit.isFailure(first) || first.value.length === 0) return end(controller)
        controller.enqueue(encoder.encode(render(first.value)))
        if (first.value.some((item) => item._tag === "Behind")) end(controller)
      },
      cancel() {
        ended = true
        feed.close()
      }
    },
    { highWaterMark: 0 }
  )
}

/**
 * The caller, asked again before each batch goes out: a stream outlives its request, and a
 * key deleted or expired since opens nothing more — its stream ends (its events stay
 * unsent). Any failure to tell (the store away) ends it too; the reader resumes by position.
 */
const whileAuthorized = <E>(feed: Feed<E>) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const adminToken = yield* AdminToken
    const context = yield* Effect.context<ReadModels | ApiKeyCache>()
    const authorized = authenticate(adminToken, bearerOf(request.headers.authorization), request.headers["x-strata-owner"]).pipe(
      Effect.as(true),
      Effect.orElseSucceed(() => false),
      Effect.provideContext(context)
    )
    return {
      next: Effect.flatMap(feed.next, (items) =>
        items.length === 0 ? Effect.succeed(items) : Effect.map(authorized, (still) => {
          if (still) return items
          feed.close()
          return []
        })),
      close: feed.close
    } satisfies Feed<E>
  })

const respond = <E extends { readonly position: number }>(unguarded: Feed<E>) =>
  Effect.gen(function*() {
    const feed = yield* whileAuthorized(unguarded)
    const heartbeat = yield* heartbeatInterval
    return HttpServerResponse.raw(eventStream(feed, heartbeat), {
      contentType: "text/event-stream",
      headers: { "cache-control": "no-store", "x-accel-buffering": "no" }
    })
  })

/** Where to resume: `Last-Event-ID` (an EventSource's reconnect) over `after`; neither: undefined (from the head). */
const resumeFrom = (lastEventId: string | undefined, after: number | undefined) => {
  if (lastEventId === undefined) return Effect.succeed(after)
  return /^\d{1,15}$/.test(lastEventId.trim())
    ? Effect.succeed(Number(lastEventId.trim()))
    : Effect.fail(Problem.badRequest("Last-Event-ID is the position of the last event received: a whole number ≥ 0"))
}

const logEvent = (event: RecordedEvent) => ({
  position: event.position,
  eventId: event.eventId,
  streamId: event.streamId,
  version: event.version,
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: event.data,
  metadata: event.metadata,
  recordedAt: event.recordedAt
})

export const LiveLive = HttpApiBuilder.group(StrataApi, "live", (handlers) =>
  handlers
    .handle("log", ({ headers, query }) =>
      Effect.gen(function*() {
        yield* requireAdmin
        const after = yield* resumeFrom(headers["last-event-id"], query.after)
        const subscription = yield* (yield* LiveLog.LiveLog).subscribe(after, {
          ...(query.stream === undefined ? {} : { streamPrefix: query.stream }),
          ...(query.type === undefined ? {} : { type: query.type })
        }).pipe(orProblem())
        return yield* respond({
          next: Effect.map(subscription.next, (items) =>
            items.map((item) => (item._tag === "Event" ? { _tag: "Event" as const, event: logEvent(item.event) } : item))),
          close: subscription.close
        })
      }))
    .handle("session", ({ headers, params, query }) =>
      Effect.gen(function*() {
        const user = yield* owner
        const after = yield* resumeFrom(headers["last-event-id"], query.after)
        const feed = yield* SessionFeed.subscribe(user, params.sessionId, after).pipe(orProblem())
        return yield* respond(feed)
      }))
)

/** The live log shared by the process's readers, over its store. */
export const liveLogLayer: Layer.Layer<LiveLog.LiveLog, never, EventStore> = LiveLog.layer()
