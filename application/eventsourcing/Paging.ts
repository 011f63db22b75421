import { Effect } from "effect"

import { ReadModels } from "../ports/ReadModels.ts"

/**
 * Keyset paging, one shape for every list: up to `limit` items after the cursor `after`,
 * and `next` — the last item's sort key — to pass as `after` while more remain. A cursor
 * names a place in the order, not an offset, so a page never repeats or skips an item
 * because others were added or removed before it.
 */

export interface PageRequest {
  readonly after?: string | undefined
  readonly limit?: number | undefined
}

export interface Page<A> {
  readonly items: ReadonlyArray<A>
  /** Pass as `after` for the next page; absent on the last one. */
  readonly next?: string
}

export const defaultLimit = 100
export const maxLimit = 500

/** Clamped to 1–`maxLimit`; NaN would slip through min and max, so a limit that is not a number is the default. */
export const limitOf = (request: PageRequest, fallback = defaultLimit) =>
  Number.isFinite(request.limit) ? Math.min(Math.max(Math.trunc(request.limit!), 1), maxLimit) : fallback

/** A page of a projection's partition, in its sort keys' order (one item more is read to know if more remain). */
export const documents = (
  projection: string,
  partition: string,
  request: PageRequest,
  options: { readonly order?: "asc" | "desc"; readonly defaultLimit?: number } = {}
) =>
  Effect.gen(function*() {
    const limit = limitOf(request, options.defaultLimit)
    const found = yield* (yield* ReadModels).list(projection, {
      partition,
      order: options.order ?? "asc",
      limit: limit + 1,
      ...(request.after === undefined ? {} : { after: request.after })
    })
    return pageOf(found, limit, (document) => document.sort)
  })

/** A page of items already in memory, sorted by `keyOf` (bytes order, as the backends compare sort keys). */
export const inMemory = <A>(sorted: ReadonlyArray<A>, keyOf: (item: A) => string, request: PageRequest): Page<A> => {
  const limit = limitOf(request)
  const after = request.after
  const rest = after === undefined ? sorted : sorted.filter((item) => Buffer.compare(Buffer.from(keyOf(item)), Buffer.from(after)) > 0)
  return pageOf(rest.slice(0, limit + 1), limit, keyOf)
}

const pageOf = <A>(found: ReadonlyArray<A>, limit: number, keyOf: (item: A) => string): Page<A> => {
  const items = found.slice(0, limit)
  const last = items[items.length - 1]
  return found.length > limit && last !== undefined ? { items, next: keyOf(last) } : { items }
}

export const map = <A, B>(page: Page<A>, f: (item: A) => B): Page<B> =>
  page.next === undefined ? { items: page.items.map(f) } : { items: page.items.map(f), next: page.next }

