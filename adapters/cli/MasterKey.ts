import { Console, Effect } from "effect"
import { Command, type Flag } from "effect/cli"
import { Secrets, type MasterKeyStatus } from "../../application/ports/Secrets.ts"
import * as DatabaseUrl from "../DatabaseUrl.ts"
import type { Wiring } from "./Operations.ts"

/**
 * `strata master-key status|rotate`: which master keys wrap the data keys, and re-wrapping
 * them all under the current one. A leaked or ageing master key is replaced in three
 * steps, none of which stops serving: every process is started with the new key as
 * `STRATA_MASTER_KEY` and the old one in `STRATA_PREVIOUS_MASTER_KEYS` (both open, new keys
 * are wrapped by the new one); `rotate` re-wraps the rest; the old key is dropped from the
 * configuration — once no backup still needed is wrapped by it.
 *
 * Each data key is re-wrapped by one statement of its own, so `rotate` runs beside serving
 * processes, and a rotate cut short continues where it stopped when run again (keys wrapped
 * by the current key already are passed over).
 */

const describe = (status: ReadonlyArray<MasterKeyStatus>) =>
  status.length === 0
    ? ["no data keys"]
    : status.map((master) =>
      `${master.masterKeyId}: ${master.dataKeys} data keys` +
      (master.current ? " (current)" : "") +
      (!master.configured ? " — not configured here: they cannot be opened" : master.unreadable > 0 ? ` — ${master.unreadable} do not open with the key configured under that name` : "")
    )

export const make = (wiring: Wiring, database: Flag.Flag<string>) => {
  const withSecrets = <A, E>(raw: string, effect: Effect.Effect<A, E, Secrets>) =>
    Effect.flatMap(Effect.fromResult(DatabaseUrl.parse(raw)), (url) => Effect.scoped(Effect.provide(effect, wiring.storeWithSecrets(url))))

  const status = Command.make("status", { database }, (options) =>
    withSecrets(
      options.database,
      Effect.gen(function*() {
        for (const line of describe(yield* (yield* Secrets).keyStatus)) yield* Console.log(line)
      })
    )).pipe(Command.withDescription("The data keys by the master key that wraps them"))

  const rotate = Command.make("rotate", { database }, (options) =>
    withSecrets(
      options.database,
      Effect.gen(function*() {
        const secrets = yield* Secrets
        const rotated = yield* secrets.rotateMasterKey
        const after = yield* secrets.keyStatus
        yield* Console.log(`re-wrapped ${rotated} data keys under the current master key`)
        for (const line of describe(after)) yield* Console.log(line)
        const others = after.filter((master) => !master.current)
        yield* Console.log(
          others.length === 0
            ? "every data key is wrapped by the current master key: older ones may leave STRATA_PREVIOUS_MASTER_KEYS once every server runs with this one, and no backup to keep is wrapped by them"
            : `data keys remain under ${others.map((master) => master.masterKeyId).join(", ")} (written meanwhile by a process with another current key): run rotate again once every server runs with this one`
        )
      })
    )).pipe(Command.withDescription("Re-wrap every data key under the current master key (STRATA_MASTER_KEY); resumable, safe beside serving processes"))

  return Command.make("master-key").pipe(
    Command.withDescription("The master key that wraps the per-owner data keys: status, rotation"),
    Command.withSubcommands([status, rotate])
  )
}
