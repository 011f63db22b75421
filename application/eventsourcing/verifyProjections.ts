import { Effect } from "effect"
import { type DocumentMap, overlayDocuments } from "./DocumentOverlay.ts"
import { EventStore } from "../ports/EventStore.ts"
import { eachPage } from "./LogDigest.ts"
import type { Document } from "./Projection.ts"
import { InlineProjections, Projection } from "./Projection.ts"
import { ProjectionStore } from "../ports/ProjectionStore.ts"

export interface ProjectionCheck {
  readonly name: string
  readonly documents: number
  /** Keys whose document differs from a fresh replay (missing on either side included). */
  readonly differing: ReadonlyArray<string>
}

const canonical = (document: Document | undefined) =>
  document === undefined ? "absent" : JSON.stringify([document.partition, document.sort, document.doc])

/**
 * Replays the log through each projection into memory and compares the result with its
 * live documents. Appends during the check can show as differences: run it on a quiet
 * store, or run it again.
 */
export const verifyProjections = Effect.gen(function*() {
  const head = yield* Effect.flatMap(EventStore, (store) => store.head)
  const store = yield* ProjectionStore
  const checks: Array<ProjectionCheck> = []
  for (const projection of yield* InlineProjections) {
    const base: DocumentMap = new Map()
    const overlay = new Map<string, Document | null>()
    const documents = overlayDocuments(base, overlay)
    yield* eachPage(head, (page) =>
      Effect.forEach(page, (event) =>
        Projection.handles(projection, event.type) ? Projection.applyEvent(projection, event, documents) : Effect.void, { discard: true }))
    const replayed = new Map<string, Document>()
    for (const [key, document] of overlay) if (document !== null) replayed.set(key, document)
    const live = new Map((yield* store.liveDocuments(projection.name)).map((document) => [document.key, document]))
    const keys = new Set([...replayed.keys(), ...live.keys()])
    const differing = [...keys].filter((key) => canonical(replayed.get(key)) !== canonical(live.get(key))).sort()
    checks.push({ name: projection.name, documents: replayed.size, differing })
  }
  return checks
})
