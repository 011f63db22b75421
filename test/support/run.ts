import { Effect, type Layer, type Scope } from "effect"
import type { NewEvent } from "../../application/ports/EventStore.ts"

/** Runs an effect against a freshly built layer, releasing it afterwards. */
export const runWith = <A, E, R, LE>(
  layer: Layer.Layer<R, LE>,
  effect: Effect.Effect<A, E, R | Scope.Scope>
): Promise<A> => Effect.runPromise(Effect.scoped(Effect.provide(effect, layer)))

export const event = (type: string, data: unknown = {}, metadata?: NewEvent["metadata"]): NewEvent => ({
  eventId: Bun.randomUUIDv7(),
  type,
  data,
  ...(metadata ? { metadata } : {})
})

export const events = (count: number, type = "Happened"): Array<NewEvent> =>
  Array.from({ length: count }, (_, index) => event(type, { index }))
