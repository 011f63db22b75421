import { Command, Options, ValidationError } from "@effect/cli"
import { HttpMiddleware } from "@effect/platform"
import { Config, ConfigError, Console, Effect, Either, Layer, Logger, LogLevel, Option } from "effect"
import * as DatabaseUrl from "../DatabaseUrl.ts"
import * as HttpServer from "../http/HttpServer.ts"
import * as Operations from "./Operations.ts"
import * as ScheduledBackups from "./ScheduledBackups.ts"
import type { Secrets } from "../../application/Secrets.ts"
import type { Store } from "../../application/Store.ts"
import type { AdminToken } from "../http/Auth.ts"

/** The composition root's wiring for a URL: a backend, and what serving needs around it. */
export type AppLayer = (url: DatabaseUrl.DatabaseUrl) => Layer.Layer<Store | Secrets | AdminToken, unknown>

/** `--database`, else `STRATA_DATABASE_URL`, else the embedded SQLite default. */
const database = Options.text("database").pipe(
  Options.withDescription(`The backend: ${DatabaseUrl.acceptedForms}`),
  Options.withFallbackConfig(Config.string("STRATA_DATABASE_URL")),
  Options.withDefault(DatabaseUrl.defaultUrl)
)

const host = Options.text("host").pipe(
  Options.withDescription("Interface to listen on"),
  Options.withFallbackConfig(Config.string("STRATA_HOST")),
  Options.withDefault("127.0.0.1")
)

const port = Options.integer("port").pipe(
  Options.withDescription("Port to listen on"),
  Options.withFallbackConfig(Config.integer("STRATA_PORT")),
  Options.withDefault(8787)
)

const logLevels = ["All", "Trace", "Debug", "Info", "Warning", "Error", "Fatal", "None"] as const

/** `STRATA_LOG_LEVEL`: `all`, `debug`, `info` (the default), `warning`, `error` or `none`, in any case. */
const logLevel = Config.string("STRATA_LOG_LEVEL").pipe(
  Config.withDefault("info"),
  Config.mapOrFail((text) => {
    const literal = logLevels.find((level) => level.toLowerCase() === text.trim().toLowerCase())
    return literal === undefined
      ? Either.left(ConfigError.InvalidData(["STRATA_LOG_LEVEL"], `expected one of ${logLevels.join(", ").toLowerCase()}`))
      : Either.right(LogLevel.fromLiteral(literal))
  })
)

const parseUrl = (raw: string) =>
  Either.match(DatabaseUrl.parse(raw), { onLeft: Effect.fail, onRight: Effect.succeed })

/** The commands of the `strata` executable; the backends come from the composition root. */
export const make = (app: AppLayer, wiring: Operations.Wiring) => {
  const serve = Command.make("serve", { database, host, port }, (options) =>
    Effect.gen(function*() {
      const url = yield* parseUrl(options.database)
      const listening = Console.log(
        `strata listening on http://${options.host}:${options.port} (${url._tag.toLowerCase()})`
      )
      const level = yield* logLevel
      const backups = Option.match(yield* ScheduledBackups.fromConfig, {
        onNone: () => Layer.empty,
        onSome: ScheduledBackups.layer
      })
      return yield* Layer.effectDiscard(listening).pipe(
        Layer.provideMerge(HttpServer.layer({ hostname: options.host, port: options.port })),
        Layer.merge(backups),
        Layer.provide(app(url)),
        // No tracer is exported; making spans nobody reads costs a third of a request.
        HttpMiddleware.withTracerDisabledWhen(() => true),
        Layer.launch,
        Effect.withTracerEnabled(false),
        Effect.provide(Logger.json),
        Logger.withMinimumLogLevel(level)
      )
    })).pipe(Command.withDescription("Serve the HTTP API (what `npm start` runs)"))

  return Command.make("strata").pipe(
    Command.withDescription("strata: an event-sourced storage core"),
    Command.withSubcommands([serve, ...Operations.make(wiring, database)])
  )
}

/**
 * `strata verify --a URL --b URL`: @effect/cli spells one-letter options `-a`, so the
 * documented long forms are translated before parsing.
 */
export const normaliseArgs = (argv: ReadonlyArray<string>) =>
  argv.map((arg) => (arg === "--a" ? "-a" : arg === "--b" ? "-b" : arg.startsWith("--a=") || arg.startsWith("--b=") ? arg.slice(1) : arg))

/** One line on stderr and the exit code: 2 for bad usage, 1 for anything else. */
export const reportFailure = (error: unknown) =>
  Effect.gen(function*() {
    if (ValidationError.isValidationError(error)) {
      // @effect/cli has printed the message and the usage already.
      return 2
    }
    const message = error instanceof Error || (typeof error === "object" && error !== null && "message" in error)
      ? String((error as { message: unknown }).message)
      : String(error)
    yield* Console.error(`strata: ${message.split("\n")[0]}`)
    return 1
  })
