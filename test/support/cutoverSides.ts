import { Context, Effect, Layer } from "effect"
import type { SideContext } from "../../application/cutover/Sides.ts"
import { InlineProjections } from "../../application/eventsourcing/Projection.ts"
import { EventStore } from "../../application/ports/EventStore.ts"
import * as AesGcmSecrets from "../../adapters/secrets/AesGcmSecrets.ts"
import { projections } from "../../main.ts"
import type * as Backends from "./backends.ts"

/** One side of a cutover over `backend`, with the application's projections and secrets under `masterKeys`. */
export const side = (backend: Backends.Backend, masterKeys: AesGcmSecrets.MasterKeys) =>
  Layer.build(
    Layer.provideMerge(AesGcmSecrets.layer(masterKeys), backend.layer(projections)).pipe(
      Layer.merge(Layer.succeed(InlineProjections, projections))
    )
  )

/** Waits until `to` has every event of `from`. */
export const caughtUp = (from: SideContext, to: SideContext) =>
  Effect.gen(function*() {
    const want = yield* Context.get(from, EventStore).head
    while ((yield* Context.get(to, EventStore).head) < want) yield* Effect.sleep("10 millis")
  })
