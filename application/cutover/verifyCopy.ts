import { Context, Effect, Option } from "effect"
import { EventStore } from "../ports/EventStore.ts"
import { canonicalLine } from "../eventsourcing/LogDigest.ts"
import { type Checkpoint, digestAt } from "../eventsourcing/LogChain.ts"
import { InlineProjections } from "../eventsourcing/Projection.ts"
import { ProjectionStore } from "../ports/ProjectionStore.ts"
import { batchSize } from "./catchUp.ts"
import type { Chains } from "./Chains.ts"
import type { Filling } from "./CopyRecord.ts"
import * as CutoverRecord from "./CutoverRecord.ts"
import { heads, on, type SideContext, type Sides } from "./Sides.ts"

export interface ProjectionComparison {
  readonly name: string
  readonly documents: number
  /** Keys whose documents differ between the two sides (missing on one included). */
  readonly differing: ReadonlyArray<string>
}

export interface Verification {
  /** Both logs were compared up to here (the lower of the two heads). */
  readonly upTo: number
  readonly originHead: number
  readonly targetHead: number
  readonly origin: Checkpoint
  readonly target: Checkpoint
  readonly identical: boolean
  /** The first position where the logs differ, when they do. */
  readonly firstDifference?: number
  /**
   * Compared only at a moment when both heads are equal and stay so while the documents are
   * read: at different heads, read models differ by the mirror's lag.
   */
  readonly projections?: ReadonlyArray<ProjectionComparison>
  /** The cutover is still copying: the target's projections are built after the copy, and are not compared. */
  readonly filling?: Filling
}

const firstDifference = (sides: Sides, upTo: number) =>
  Effect.gen(function*() {
    const left = Context.get(sides.origin, EventStore)
    const right = Context.get(sides.target, EventStore)
    let after = 0
    while (after < upTo) {
      const a = yield* left.readAll({ after, limit: batchSize })
      const b = yield* right.readAll({ after, limit: batchSize })
      for (let index = 0; index < Math.max(a.length, b.length); index++) {
        const x = a[index]
        const y = b[index]
        if (x === undefined || y === undefined || canonicalLine(x) !== canonicalLine(y)) return (x ?? y)!.position
      }
      if (a.length === 0) return after + 1
      after = a[a.length - 1]!.position
    }
    return upTo
  })

const compareProjections = (sides: Sides) =>
  Effect.gen(function*() {
    const comparisons: Array<ProjectionComparison> = []
    for (const projection of Context.get(sides.origin, InlineProjections)) {
      const read = (side: SideContext) =>
        on(side, Effect.flatMap(ProjectionStore, (store) => store.liveDocuments(projection.name)))
      const canonical = (documents: ReadonlyArray<{ key: string; partition?: unknown; sort?: unknown; doc: unknown }>) =>
        new Map(documents.map((document) => [document.key, JSON.stringify([document.partition, document.sort, document.doc])]))
      const a = canonical(yield* read(sides.origin))
      const b = canonical(yield* read(sides.target))
      const keys = new Set([...a.keys(), ...b.keys()])
      comparisons.push({ name: projection.name, documents: a.size, differing: [...keys].filter((key) => a.get(key) !== b.get(key)).sort() })
    }
    return comparisons
  })

/**
 * Read models compared at a still moment: both heads equal before and after the documents
 * are read. A live log may not offer one within a few tries; then nothing is claimed.
 */
const compareWhenStill = (sides: Sides) =>
  Effect.gen(function*() {
    for (let attempt = 0; attempt < 20; attempt++) {
      const [originBefore, targetBefore] = yield* heads(sides)
      if (originBefore === targetBefore) {
        const comparisons = yield* compareProjections(sides)
        const [originAfter, targetAfter] = yield* heads(sides)
        if (originAfter === originBefore && targetAfter === targetBefore) return comparisons
      }
      yield* Effect.sleep("50 millis")
    }
    return undefined
  })

/**
 * Whether the target is a copy of the origin: both logs by count and chained hash up to the
 * lower head (from `chains`, when they are held), and, at a still moment, every projection.
 */
export const verifyCopy = (sides: Sides, options: { readonly projections: boolean; readonly chains?: Chains } = { projections: true }) =>
  Effect.gen(function*() {
    const [originHead, targetHead] = yield* heads(sides)
    const upTo = Math.min(originHead, targetHead)
    // Both at once: one side's reads wait on its database while the other's are hashed.
    const [origin, target] = yield* Effect.all(
      options.chains === undefined
        ? [on(sides.origin, digestAt(upTo)), on(sides.target, digestAt(upTo))]
        : [options.chains.origin.extendTo(upTo), options.chains.target.extendTo(upTo)],
      { concurrency: 2 }
    )
    const identical = origin.hash === target.hash && origin.count === target.count
    const recorded = options.projections ? Option.getOrUndefined(yield* on(sides.origin, CutoverRecord.read)) : undefined
    const filling = recorded?.record.phase === "copying" ? { held: targetHead, total: originHead } : undefined
    const projections = options.projections && identical && filling === undefined ? yield* compareWhenStill(sides) : undefined
    return {
      upTo,
      originHead,
      targetHead,
      origin,
      target,
      identical,
      ...(identical ? {} : { firstDifference: yield* firstDifference(sides, upTo) }),
      ...(projections === undefined ? {} : { projections }),
      ...(filling === undefined ? {} : { filling })
    } satisfies Verification
  })

export const describeMismatch = (verification: Verification) =>
  `the logs differ at position ${verification.firstDifference} (origin: ${verification.originHead} events, target: ${verification.targetHead})`
