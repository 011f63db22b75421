import { Context, Effect } from "effect"
import { KeyRing } from "../ports/Secrets.ts"
import type { SideContext } from "./Sides.ts"

/** Makes `to`'s key ring what `from`'s is: new keys copied, re-wrapped ones updated, shredded ones destroyed. */
export const syncKeyRing = (from: SideContext, to: SideContext) =>
  Effect.gen(function*() {
    const source = Context.get(from, KeyRing)
    const sink = Context.get(to, KeyRing)
    const wanted = yield* source.all
    const wantedById = new Map(wanted.map((key) => [key.keyId, key]))
    for (const key of yield* sink.all) {
      if (!wantedById.has(key.keyId)) yield* sink.destroy(key.owner)
    }
    const present = new Map((yield* sink.all).map((key) => [key.keyId, key]))
    for (const key of wanted) {
      const there = present.get(key.keyId)
      if (there === undefined) yield* sink.insert(key)
      else if (there.wrapped !== key.wrapped || there.masterKeyId !== key.masterKeyId) {
        yield* sink.rewrap(key.keyId, key.masterKeyId, key.wrapped)
      }
    }
  })
