import { Context, Effect, type Fiber, Layer, Schedule, Scope, Stream } from "effect"
import { EventStore, type RecordedEvent } from "../ports/EventStore.ts"
import type { StoreUnavailable } from "../ports/StoreError.ts"

/**
 * The log as it happens, for many readers at once (the live endpoints over HTTP): each
 * reader starts from a position of its own, reads the log until it has caught up, then
 * takes new events from one follower of the log that the process shares among its
 * readers — a hundred readers wait on one follower, not on a hundred.
 *
 * *Memory.* A reader that does not read is not kept up with: past `bufferSize` events
 * waiting for it, it gets none more, and is told it fell behind (`Behind`) with the
 * position to resume from once it has taken what was waiting. Catching up reads the log
 * a page at a time, and only when the reader asks for more: a slow reader there costs
 * the database its reads, not the process its memory.
 *
 * *Positions.* Every item a reader gets comes after the position it asked from, in
 * position order, once; a resumed reader (from a `Behind`, or a reconnect) passes the
 * last position it received and loses nothing. The follower is `EventStore.follow`,
 * which follows a cutover's switch by position (see `ServingStore`).
 */

/** Which events a reader wants. */
export interface Filter {
  /** This stream only: caught up by the audit's stream query (an index), not by reading the whole log. */
  readonly streamId?: string
  readonly streamPrefix?: string
  readonly type?: string
}

export type Item =
  | { readonly _tag: "Event"; readonly event: RecordedEvent }
  /** No more events: resume after `position` (every event up to it that the filter wants was given). */
  | { readonly _tag: "Behind"; readonly position: number }

export interface Subscription {
  /** The next items, waiting for at least one; empty once the subscription has ended (after a `Behind`, or the process stopping). */
  readonly next: Effect.Effect<ReadonlyArray<Item>, StoreUnavailable>
  /** Stops it: its follower forgets it. */
  readonly close: () => void
  /** Whether it has caught up with the log and takes new events from the shared follower. */
  readonly following: () => boolean
}

export interface LiveLogService {
  /**
   * A reader from `after`; with none, from the log's head: it follows from the moment this
   * answers (it joins the follower here, where one that catches up joins at its first read).
   */
  readonly subscribe: (after: number | undefined, filter: Filter) => Effect.Effect<Subscription, StoreUnavailable>
}

export class LiveLog extends Context.Service<LiveLog, LiveLogService>()("strata/LiveLog") {}

export interface Options {
  /** Events a reader may leave waiting before it is told it fell behind. */
  readonly bufferSize: number
  /**
   * Events per item batch: read per page while a reader catches up, and taken at most from
   * its queue at a time. A batch is what a reader's connection holds, written out, while
   * the client does not read: it bounds what a slow reader costs beside its queue.
   */
  readonly pageSize: number
  /** Recent events kept for readers who finish catching up while the follower moves on. */
  readonly recent: number
}

export const defaults: Options = { bufferSize: 1_000, pageSize: 100, recent: 1_000 }

const matches = (filter: Filter) => (event: RecordedEvent) =>
  (filter.streamId === undefined || event.streamId === filter.streamId) &&
  (filter.streamPrefix === undefined || event.streamId.startsWith(filter.streamPrefix)) &&
  (filter.type === undefined || event.type === filter.type)

interface Reader {
  /** The last position considered for it: what the follower gives it must come after. */
  cursor: number
  readonly wants: (event: RecordedEvent) => boolean
  readonly waiting: Array<RecordedEvent>
  /** Set when it fell behind: where to resume. */
  behind: number | undefined
  wake: (() => void) | undefined
}

export const make = (options: Options = defaults) =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const scope = yield* Scope.Scope
    const attached = new Set<Reader>()
    /** The follower's last position and its most recent events (consecutive positions). */
    let head = 0
    let recent: Array<RecordedEvent> = []
    let running = false
    let follower: Fiber.Fiber<unknown, unknown> | undefined
    let stopped = false

    const wake = (reader: Reader) => {
      const resume = reader.wake
      reader.wake = undefined
      resume?.()
    }

    const give = (reader: Reader, events: ReadonlyArray<RecordedEvent>) => {
      for (const event of events) {
        if (event.position <= reader.cursor) continue
        if (reader.wants(event)) {
          if (reader.waiting.length >= options.bufferSize) {
            reader.behind = reader.cursor
            attached.delete(reader)
            break
          }
          reader.waiting.push(event)
        }
        reader.cursor = event.position
      }
      wake(reader)
    }

    const distribute = (events: ReadonlyArray<RecordedEvent>) => {
      const fresh = events.filter((event) => event.position > head)
      if (fresh.length === 0) return
      head = fresh[fresh.length - 1]!.position
      recent.push(...fresh)
      if (recent.length > 2 * options.recent) recent = recent.slice(-options.recent)
      for (const reader of attached) give(reader, fresh)
    }

    /** Each start of the follower: a fiber forked for an earlier one is interrupted. */
    let generation = 0

    const startFollower = Effect.suspend(() => {
      const started = generation
      const followed = Stream.suspend(() => store.follow(head)).pipe(
        Stream.runForEachArray((events) => Effect.sync(() => distribute(events))),
        Effect.tapCause((cause) => Effect.logWarning("the live log's follower failed; following again", cause)),
        Effect.retry(Schedule.min([Schedule.exponential("100 millis"), Schedule.spaced("2 seconds")]))
      )
      return Effect.map(Effect.forkIn(followed, scope), (fiber) => {
        if (running && generation === started) follower = fiber
        else fiber.interruptUnsafe()
      })
    })

    /** With its last reader gone, the follower stops: nobody's appends wake it for nothing. */
    const stopFollower = () => {
      if (attached.size > 0 || !running) return
      running = false
      generation++
      follower?.interruptUnsafe()
      follower = undefined
    }

    /**
     * Joins the follower once the reader has read the log up to `scanned`: at once when the
     * follower is not past it, or when the events it is past by are still among the recent
     * ones. Synchronous, so that nothing is distributed between the check and the join.
     */
    const attach = (reader: Reader, scanned: number): "joined" | "start" | "not yet" => {
      if (!running) {
        running = true
        head = scanned
        recent = []
        reader.cursor = scanned
        attached.add(reader)
        return "start"
      }
      if (head > scanned) {
        const first = recent[0]?.position
        if (first === undefined || first > scanned + 1) return "not yet"
        attached.add(reader)
        reader.cursor = scanned
        give(reader, recent)
        return "joined"
      }
      reader.cursor = scanned
      attached.add(reader)
      return "joined"
    }

    yield* Scope.addFinalizer(
      scope,
      Effect.sync(() => {
        stopped = true
        running = false
        follower = undefined
        for (const reader of attached) wake(reader)
        attached.clear()
      })
    )

    const subscribe = (after: number | undefined, filter: Filter) => Effect.gen(function*() {
      const from = after ?? (yield* store.head)
      const reader: Reader = { cursor: from, wants: matches(filter), waiting: [], behind: undefined, wake: undefined }
      let phase: "catching up" | "following" | "ended" = "catching up"
      let closed = false

      /** One page of the log after the reader's cursor: the events it wants, and how far the log was read. */
      const page = filter.streamId === undefined
        ? Effect.suspend(() =>
          Effect.map(store.readAll({ after: reader.cursor, limit: options.pageSize }), (events) => ({
            events: events.filter(reader.wants),
            scanned: events.length === 0 ? reader.cursor : events[events.length - 1]!.position,
            done: events.length === 0
          }))
        )
        : Effect.gen(function*() {
          // Read first: every event up to it is committed (positions follow commits), so
          // a short answer means the stream has nothing more up to it.
          const upTo = yield* store.head
          const events = (yield* store.query({ streamId: filter.streamId!, after: reader.cursor, limit: options.pageSize }))
            .filter(reader.wants)
          const full = events.length === options.pageSize
          return {
            events,
            // An event appended since `upTo` may be in the answer: the reader is past it too.
            scanned: full ? events[events.length - 1]!.position : Math.max(upTo, reader.cursor, events[events.length - 1]?.position ?? 0),
            done: !full
          }
        })

      const catchUp: Effect.Effect<ReadonlyArray<Item>, StoreUnavailable> = Effect.gen(function*() {
        while (!closed && !stopped) {
          const read = yield* page
          reader.cursor = read.scanned
          if (read.events.length > 0) return read.events.map((event): Item => ({ _tag: "Event", event }))
          if (!read.done || closed || stopped) continue
          const joined = attach(reader, read.scanned)
          if (joined === "not yet") continue
          phase = "following"
          if (joined === "start") yield* startFollower
          return yield* following
        }
        phase = "ended"
        return []
      })

      const following: Effect.Effect<ReadonlyArray<Item>> = Effect.suspend(() => {
        if (reader.waiting.length > 0) {
          return Effect.succeed(reader.waiting.splice(0, options.pageSize).map((event): Item => ({ _tag: "Event", event })))
        }
        if (reader.behind !== undefined) {
          phase = "ended"
          return Effect.succeed([{ _tag: "Behind", position: reader.behind }])
        }
        if (closed || stopped) {
          phase = "ended"
          return Effect.succeed([])
        }
        return Effect.andThen(
          Effect.callback<void>((resume) => {
            reader.wake = () => resume(Effect.void)
            return Effect.sync(() => void (reader.wake = undefined))
          }),
          following
        )
      })

      if (after === undefined && !stopped) {
        const joined = attach(reader, from)
        if (joined !== "not yet") phase = "following"
        if (joined === "start") yield* startFollower
      }

      return {
        next: Effect.suspend(() => (phase === "catching up" ? catchUp : phase === "following" ? following : Effect.succeed([]))),
        following: () => phase === "following",
        close: () => {
          closed = true
          attached.delete(reader)
          wake(reader)
          stopFollower()
        }
      } satisfies Subscription
    })

    return { subscribe } satisfies LiveLogService
  })

export const layer = (options: Options = defaults) => Layer.effect(LiveLog, make(options))
