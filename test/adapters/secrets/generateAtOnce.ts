import { ConfigProvider, Console, Effect, Redacted } from "effect"
import { AdminToken, adminTokenLayer } from "../../../adapters/http/Auth.ts"
import * as MasterKeys from "../../../adapters/secrets/MasterKeys.ts"

/**
 * One of the processes of `GeneratedOnce.test.ts`: for each of `count` fresh directories
 * under `root`, waits for the moment every process was told to start that one at, then
 * generates (or reads) its master key and admin token; prints what it held, or why it failed.
 */
const [root, count, startAt, slotMs] = process.argv.slice(2).map((argument, index) => (index === 0 ? argument : Number(argument))) as [string, number, number, number]
const none = Effect.provideService(ConfigProvider.ConfigProvider, ConfigProvider.fromEnv({ env: {} }))
const quiet = Effect.provideService(Console.Console, { ...console, log: () => {} })

const generate = (directory: string) =>
  Effect.all({
    key: Effect.map(MasterKeys.fromConfig(`${directory}/master.key`), (keys) => Buffer.from(Redacted.value(keys.current.key)).toString("base64")),
    token: Effect.map(AdminToken, Redacted.value).pipe(Effect.provide(adminTokenLayer(`${directory}/admin.token`, { terminal: false })))
  }).pipe(quiet, none)

/** Sleeps to just before `at`, then spins to it: timers alone would spread the processes over a millisecond or more. */
const until = async (at: number) => {
  await Bun.sleep(Math.max(0, at - 3 - Date.now()))
  while (performance.timeOrigin + performance.now() < at) {
    // spin
  }
}

const held: Array<{ key: string; token: string } | { failed: string }> = []
for (let index = 0; index < count; index++) {
  await until(startAt + index * slotMs)
  held.push(await Effect.runPromise(generate(`${root}/${index}`)).catch((error: unknown) => ({ failed: String(error) })))
}
console.log(JSON.stringify(held))
