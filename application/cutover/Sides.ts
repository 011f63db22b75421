import { type Context, Effect } from "effect"
import { EventStore } from "../ports/EventStore.ts"
import type { InlineProjections } from "../eventsourcing/Projection.ts"
import type { Secrets } from "../ports/Secrets.ts"
import type { Store } from "../ports/Store.ts"

/**
 * The two backends of a cutover, each as the services of its own database: the cutover
 * runs every effect on one side or the other, never on a merged context, so that nothing
 * can read one side's log while meaning the other's.
 */

/** A backend as the cutover sees it: its store and the projections registered on it. */
export type SideContext = Context.Context<Store | InlineProjections | Secrets>

export interface Sides {
  readonly origin: SideContext
  readonly target: SideContext
}

/** Runs `effect` on one side. */
export const on = <A, E>(side: SideContext, effect: Effect.Effect<A, E, Store | InlineProjections | Secrets>) =>
  Effect.provide(effect, side)

/** One side's head. */
export const head = (side: SideContext) => on(side, Effect.flatMap(EventStore, (store) => store.head))

/** Both sides' heads, the origin's read first: `[origin, target]`. */
export const heads = (sides: Sides) => Effect.all([head(sides.origin), head(sides.target)])
