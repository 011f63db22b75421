import { describe, expect, test } from "bun:test"
import { DeciderSpec } from "../../domain/DeciderSpec.ts"
import { Added, decider, limit, OverLimit, Reset } from "../support/Tally.ts"

const tally = DeciderSpec.for(decider)

describe("Given / When / Then over a decider", () => {
  test("then: the new events", () => {
    tally.given([Added.make({ amount: 2 })]).when({ _tag: "Add", amount: 3 }).then([Added.make({ amount: 3 })])
  })

  test("thenRefused: the refusal", () => {
    tally.given([Added.make({ amount: limit })]).when({ _tag: "Add", amount: 1 }).thenRefused(new OverLimit({ total: limit }))
  })

  test("no events is an answer too", () => {
    tally.given([Added.make({ amount: 2 }), Reset.make({})]).when({ _tag: "Reset" }).then([])
  })

  test("a mismatch fails the test, naming what was expected and what came", () => {
    expect(() => tally.given([]).when({ _tag: "Add", amount: 1 }).then([Added.make({ amount: 2 })])).toThrow(
      /expected events .*"amount":2.* got .*"amount":1/
    )
    expect(() => tally.given([]).when({ _tag: "Add", amount: 1 }).thenRefused(new OverLimit({ total: 0 }))).toThrow(
      /expected a refusal/
    )
    expect(() => tally.given([Added.make({ amount: limit })]).when({ _tag: "Add", amount: 1 }).then([])).toThrow(
      /got refusal/
    )
  })
})
