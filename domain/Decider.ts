import type { Result } from "effect"

/**
 * An aggregate as a pure decider: `decide` turns a command and the current state into
 * events or a refusal, `evolve` folds one event into the state. No I/O: the application
 * layer loads, decides and appends.
 */
export interface Decider<Command, Event, State, Refusal> {
  readonly initialState: State
  readonly decide: (command: Command, state: State) => Result.Result<ReadonlyArray<Event>, Refusal>
  readonly evolve: (state: State, event: Event) => State
}

/** The state after a history of events. */
export const fold = <Command, Event, State, Refusal>(
  decider: Decider<Command, Event, State, Refusal>,
  events: Iterable<Event>,
  from: State = decider.initialState
): State => {
  let state = from
  for (const event of events) state = decider.evolve(state, event)
  return state
}
