import { Effect } from "effect"
import { Problem } from "./Problem.ts"

/** `If-Match: "5"` (or `5`, or `W/"5"`) → 5; absent → undefined; anything else is a 400. */
export const expectedVersion = (ifMatch: string | undefined) => {
  if (ifMatch === undefined) return Effect.succeed(undefined)
  const version = Number(/^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim())?.[1])
  return Number.isSafeInteger(version)
    ? Effect.succeed(version)
    : Effect.fail(Problem.badRequest(`If-Match must name a version, like "3" (got ${JSON.stringify(ifMatch)})`))
}

export const iso = (millis: number) => new Date(millis).toISOString()
export const isoOrNull = (millis: number | null) => (millis === null ? null : iso(millis))

/** An ISO 8601 time from a request → milliseconds; anything else is a 400 naming the field. */
export const millis = (field: string, value: string) => {
  const parsed = Date.parse(value)
  return Number.isFinite(parsed)
    ? Effect.succeed(parsed)
    : Effect.fail(Problem.badRequest(`${field} must be an ISO 8601 time (got ${JSON.stringify(value)})`))
}

export const millisOrNull = (field: string, value: string | null | undefined) =>
  value === null || value === undefined ? Effect.succeed(value) : millis(field, value)

/** A page's `next` as a list answers it: present only while more remain. */
export const nextOf = (page: { readonly next?: string }) => (page.next === undefined ? {} : { next: page.next })
