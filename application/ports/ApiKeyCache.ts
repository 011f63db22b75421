import { Clock, Context, Duration, Effect, Option, type Scope } from "effect"
import type { EventStoreService } from "./EventStore.ts"

/** Who a secret belongs to: what authenticating a request needs to know. */
export interface CachedKey {
  readonly keyId: string
  readonly owner: string
  /** Milliseconds since the epoch; null: never. Checked on every request, so not a reason to forget. */
  readonly expiresAt: number | null
}

/**
 * Who each API key's secret belongs to, kept in this process so that authenticating a
 * request reads nothing (it was a lookup by the secret's hash per request). The product rule
 * it keeps:
 *
 * - within the process it is exact: this process's own changes to a key (`ApiKeys.update`,
 *   `ApiKeys.remove`) forget it as they commit, before they answer;
 * - a key deleted or changed by another process stops authenticating from the cache within
 *   `staleAfter` (1 s) of the change's commit. A follower looks in the log for key changes
 *   every `pollInterval`; an entry is trusted only while the follower's last complete look
 *   began less than `staleAfter` ago. A look that began after a commit sees it (positions
 *   follow commit order), so a change older than `staleAfter` has been seen — and a follower
 *   that falls behind (the database slow or away) switches the cache off instead of letting
 *   it answer stale: lookups go to the database, as without a cache.
 *
 * A lookup that went to the database while a key was being forgotten keeps nothing: what it
 * read may predate the change. Nor does one that began before the follower knew where to
 * start from: a change committed meanwhile would be behind the follower's first look. Bounded: past `capacity` the least recently used entry goes.
 * Unknown secrets are not kept (a stream of made-up tokens would only push real keys out).
 * Read models are not cached: this holds only what authentication needs.
 */
export interface ApiKeyCacheService {
  /** The key of a secret's hash: from the cache while it is fresh, else from `load` (then kept). */
  readonly lookup: <E, R>(
    hash: string,
    load: Effect.Effect<Option.Option<CachedKey>, E, R>
  ) => Effect.Effect<Option.Option<CachedKey>, E, R>
  /**
   * The key of a secret's hash when the cache holds it fresh at `now` (milliseconds, the
   * clock `lookup` reads), without a fiber; `undefined` otherwise, and then `lookup` answers.
   */
  readonly peek: (hash: string, now: number) => CachedKey | undefined
  /** Forgets a key at once: this process changed it (called after the change commits). */
  readonly forget: (keyId: string) => void
}

export class ApiKeyCache extends Context.Service<ApiKeyCache, ApiKeyCacheService>()("strata/ApiKeyCache") {}

export interface Options {
  /** The event types that change who a key is, or whether it is. */
  readonly changes: ReadonlyArray<string>
  /** The key an event of `changes` is about. */
  readonly keyOf: (streamId: string) => string
  readonly capacity: number
  readonly pollInterval?: Duration.Input
  readonly staleAfter?: Duration.Input
}

/** The stated bound: a key changed elsewhere stops authenticating from a cache within this. */
export const defaultStaleAfter = Duration.seconds(1)
const defaultPollInterval = Duration.millis(200)
const pageSize = 500

/**
 * A cache over `store`. Its follower starts with the first lookup (a process that never
 * authenticates never polls) and lives in the scope the cache is made in.
 */
export const make = (store: EventStoreService, options: Options): Effect.Effect<ApiKeyCacheService, never, Scope.Scope> =>
  Effect.gen(function*() {
    const scope = yield* Effect.scope
    const staleAfter = Duration.toMillis(Duration.fromInputUnsafe(options.staleAfter ?? defaultStaleAfter))
    const pollInterval = options.pollInterval ?? defaultPollInterval
    const byHash = new Map<string, CachedKey>()
    const hashesOf = new Map<string, Set<string>>()
    /** Bumped by every forget: a load that saw it change keeps nothing. */
    let forgotten = 0
    /** When the follower's last complete look began; the cache is trusted for `staleAfter` after it. */
    let lookedAt = Number.NEGATIVE_INFINITY
    let following = false
    /** The follower knows where it starts: a load from now on is covered by its looks. */
    let ready = false

    const forget = (keyId: string) => {
      forgotten++
      for (const hash of hashesOf.get(keyId) ?? []) byHash.delete(hash)
      hashesOf.delete(keyId)
    }

    const keep = (hash: string, key: CachedKey) => {
      byHash.set(hash, key)
      let hashes = hashesOf.get(key.keyId)
      if (hashes === undefined) hashesOf.set(key.keyId, hashes = new Set())
      hashes.add(hash)
      if (byHash.size > options.capacity) {
        const [oldestHash, oldest] = byHash.entries().next().value!
        byHash.delete(oldestHash)
        hashesOf.get(oldest.keyId)?.delete(oldestHash)
        if (hashesOf.get(oldest.keyId)?.size === 0) hashesOf.delete(oldest.keyId)
      }
    }

    /** Where the follower has looked up to. */
    let cursor = 0

    /** One look at the log: every key change committed before it began is forgotten. */
    const look = Effect.gen(function*() {
      const began = yield* Clock.currentTimeMillis
      const head = yield* store.head
      for (const type of options.changes) {
        let after = cursor
        while (true) {
          const page = yield* store.query({ type, after, limit: pageSize })
          for (const event of page) forget(options.keyOf(event.streamId))
          if (page.length < pageSize) break
          after = page[page.length - 1]!.position
        }
      }
      cursor = head
      lookedAt = began
    })

    // A failed look leaves `lookedAt` where it was: the cache turns itself off once it is stale.
    const follow = Effect.forever(Effect.andThen(Effect.ignoreCause(look), Effect.sleep(pollInterval)))

    const startFollowing = Effect.suspend(() => {
      if (following) return Effect.void
      following = true
      // Changes before the first look cannot matter: nothing was cached before it.
      return store.head.pipe(
        Effect.flatMap((head) => {
          cursor = head
          ready = true
          return Effect.forkIn(follow, scope)
        }),
        Effect.catchCause(() => Effect.sync(() => void (following = false))),
        Effect.asVoid
      )
    })

    const peek: ApiKeyCacheService["peek"] = (hash, now) => {
      const cached = now - lookedAt < staleAfter ? byHash.get(hash) : undefined
      if (cached !== undefined) {
        byHash.delete(hash)
        byHash.set(hash, cached)
      }
      return cached
    }

    const lookup: ApiKeyCacheService["lookup"] = (hash, load) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) => {
        const cached = peek(hash, now)
        if (cached !== undefined) return Effect.succeed(Option.some(cached))
        return Effect.andThen(following ? Effect.void : startFollowing, Effect.suspend(() => {
          // Kept only if nothing was forgotten meanwhile, and only once the follower covers
          // every change committed after this load began.
          const before = forgotten
          const covered = ready
          return Effect.tap(load, (found) =>
            Effect.sync(() => {
              if (Option.isSome(found) && covered && forgotten === before) keep(hash, found.value)
            }))
        }))
      })

    return { lookup, peek, forget }
  })
