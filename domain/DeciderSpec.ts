import { Equal, Result } from "effect"
import { type Decider, fold } from "./Decider.ts"

/**
 * Given / When / Then over a decider, with no database: given these past events, when
 * this command, then these new events — or this refusal. Framework-agnostic: a mismatch
 * throws, which every test runner reports.
 *
 *   DeciderSpec.for(Counter.decider).given([Incremented]).when(Increment).then([Incremented])
 */
export const DeciderSpec = {
  for: <Command, Event, State, Refusal>(decider: Decider<Command, Event, State, Refusal>) => ({
    given: (history: ReadonlyArray<Event>) => ({
      when: (command: Command) => {
        const outcome = decider.decide(command, fold(decider, history))
        return {
          /** The new events, compared by structure. */
          then: (expected: ReadonlyArray<Event>) => {
            if (Result.isFailure(outcome)) throw new Error(`expected events, got refusal ${show(outcome.failure)}`)
            if (!sameStructure(outcome.success, expected)) {
              throw new Error(`expected events ${show(expected)}, got ${show(outcome.success)}`)
            }
          },
          /** A refusal: an instance of this tagged error, or one that matches these fields. */
          thenRefused: (expected: Refusal | ((refusal: Refusal) => boolean)) => {
            if (Result.isSuccess(outcome)) throw new Error(`expected a refusal, got events ${show(outcome.success)}`)
            const matches = typeof expected === "function"
              ? (expected as (refusal: Refusal) => boolean)(outcome.failure)
              : sameStructure(outcome.failure, expected)
            if (!matches) throw new Error(`expected refusal ${show(expected)}, got ${show(outcome.failure)}`)
          },
          /** The events, for assertions the two above do not cover. */
          outcome
        }
      }
    })
  })
}

const sameStructure = (a: unknown, b: unknown) => Equal.equals(a, b) || show(a) === show(b)

const show = (value: unknown) =>
  JSON.stringify(value, (_, v) => (typeof v === "bigint" ? `${v}n` : v instanceof Error ? { ...v, _message: v.message } : v))
