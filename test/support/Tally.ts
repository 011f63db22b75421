import { Result, Schema } from "effect"
import type { Aggregate } from "../../application/eventsourcing/Aggregate.ts"
import type { Decider } from "../../domain/Decider.ts"

/** A small aggregate for testing the machinery: a tally that may not exceed its limit. */
export const Added = Schema.TaggedStruct("Added", { amount: Schema.Number })
export const Reset = Schema.TaggedStruct("Reset", {})
export const TallyEvent = Schema.Union([Added, Reset])
export type TallyEvent = typeof TallyEvent.Type

export type TallyCommand =
  | { readonly _tag: "Add"; readonly amount: number }
  | { readonly _tag: "Reset" }

export class OverLimit extends Schema.TaggedError<OverLimit>()("OverLimit", { total: Schema.Number }) {}

export const TallyState = Schema.Struct({ total: Schema.Number, adds: Schema.Number })
export type TallyState = typeof TallyState.Type

export const limit = 1_000_000_000

export const decider: Decider<TallyCommand, TallyEvent, TallyState, OverLimit> = {
  initialState: { total: 0, adds: 0 },
  decide: (command, state) => {
    switch (command._tag) {
      case "Add":
        return state.total + command.amount > limit
          ? Result.fail(new OverLimit({ total: state.total }))
          : Result.succeed([Added.make({ amount: command.amount })])
      case "Reset":
        return Result.succeed(state.total === 0 ? [] : [Reset.make({})])
    }
  },
  evolve: (state, event) => {
    switch (event._tag) {
      case "Added":
        return { total: state.total + event.amount, adds: state.adds + 1 }
      case "Reset":
        return { total: 0, adds: state.adds }
    }
  }
}

export const Tally: Aggregate<TallyCommand, TallyEvent, TallyState, OverLimit> = {
  category: "tally",
  decider,
  events: TallyEvent,
  state: TallyState,
  snapshotRevision: 1,
  snapshotEvery: 50
}
