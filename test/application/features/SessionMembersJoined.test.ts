import { describe, expect, test } from "bun:test"
import { Effect } from "effect"
import * as Sessions from "../../../application/features/Sessions.ts"
import * as Backends from "../../support/backends.ts"
import { appLayer } from "../../support/app.ts"
import { runWith } from "../../support/run.ts"

/** A session says when each member joined: a role change keeps it, leaving forgets it. */

const timeout = 60_000

describe("sessions: when members joined", () => {
  test("each member's join time is when they were added; a role change keeps it; a member who leaves has none", async () => {
    const before = Date.now()
    const result = await runWith(appLayer(Backends.memory), Effect.gen(function*() {
      const { sessionId } = yield* Sessions.create("alice", { title: "Planning", sandboxId: null })
      yield* Sessions.addMember("alice", sessionId, "bob", "member")
      yield* Sessions.addMember("alice", sessionId, "carol", "member")
      const joined = (yield* Sessions.get("alice", sessionId)).joinedAt
      yield* Effect.sleep("5 millis")
      yield* Sessions.addMember("alice", sessionId, "bob", "admin")
      yield* Sessions.removeMember("alice", sessionId, "carol")
      return { joined, after: yield* Sessions.get("alice", sessionId) }
    }))
    expect(Object.keys(result.joined).sort()).toEqual(["alice", "bob", "carol"])
    for (const at of Object.values(result.joined)) expect(at).toBeGreaterThanOrEqual(before - 1_000)
    expect(result.after.members).toEqual({ alice: "admin", bob: "admin" })
    expect(result.after.joinedAt).toEqual({ alice: result.joined.alice!, bob: result.joined.bob! })
  }, timeout)
})
