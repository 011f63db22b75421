import { Effect } from "effect"
import { hashedId } from "../ports/EventIds.ts"
import { EventStore, ExpectedVersion } from "../ports/EventStore.ts"
import type { Recorded } from "./CutoverRecord.ts"
import { on, type SideContext } from "./Sides.ts"

/**
 * The cutover's own events (`CutoverStarted`, `CutoverSwitched`, …), on the log of the side
 * that serves, in the stream `cutover-<id>`: the log tells the cutover's history as it
 * tells any other.
 */

/** An event id derived from the cutover and its step: a step run again writes its event once. */
const stepEventId = (cutoverId: string, step: number) => hashedId(`${cutoverId}/${step}`)

export const recordStepEvent = (side: SideContext, current: Recorded, type: string, data: Record<string, unknown>) =>
  on(side, Effect.flatMap(EventStore, (store) =>
    store.append(`cutover-${current.record.id}`, [{
      eventId: stepEventId(current.record.id, current.record.step),
      type,
      data: { target: current.record.targetLabel, ...data },
      metadata: { actor: "cutover", correlationId: current.record.id }
    }], ExpectedVersion.any)))
