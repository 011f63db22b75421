import { Command, Options, ValidationError } from "@effect/cli"
import { HttpMiddleware } from "@effect/platform"
import { Cause, Config, ConfigError, Console, Effect, Either, Layer, Logger, LogLevel, Option, Schema } from "effect"
import * as DatabaseUrl from "../DatabaseUrl.ts"
import * as HttpServer from "../http/HttpServer.ts"
import * as Cutover from "./Cutover.ts"
import * as Operations from "./Operations.ts"
import * as ScheduledBackups from "./ScheduledBackups.ts"
import type { Secrets } from "../../application/Secrets.ts"
import type { Serving } from "../../application/ServingStore.ts"
import type { Store } from "../../application/Store.ts"
import type { AdminToken } from "../http/Auth.ts"

/** The composition root's wiring for a URL: a backend, and what serving needs around it. */
export type AppLayer = (url: DatabaseUrl.DatabaseUrl) => Layer.Layer<Store | Secrets | AdminToken | Serving, unknown>

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

/** The server could not take its address: the one thing an operator must change. */
export class ListenFailed extends Schema.TaggedError<ListenFailed>()("ListenFailed", {
  address: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `cannot listen on ${this.address}: ${this.reason}`
  }
}

const listenReasons: Record<string, string> = {
  EADDRINUSE: "the address is already in use (another server on this port?)",
  EACCES: "permission denied (ports below 1024 need privileges)",
  EADDRNOTAVAIL: "no interface of this machine has that address"
}

/**
 * Bun.serve throws when it cannot listen, which reaches us as a defect of the server's
 * layer; it is told apart by its code and becomes a failure that names the address.
 */
const listening = <A, E, R>(layer: Layer.Layer<A, E, R>, address: string) =>
  Layer.catchAllCause(layer, (cause): Layer.Layer<A, E | ListenFailed> => {
    const error = Cause.squash(cause) as { code?: unknown; message?: unknown }
    const reason = typeof error?.code === "string" ? listenReasons[error.code] : undefined
    return reason === undefined ? Layer.failCause(cause) : Layer.fail(new ListenFailed({ address, reason }))
  })

const parseUrl = (raw: string) =>
  Either.match(DatabaseUrl.parse(raw), { onLeft: Effect.fail, onRight: Effect.succeed })

/** The commands of the `strata` executable; the backends come from the composition root. */
export const make = (app: AppLayer, wiring: Operations.Wiring) => {
  const serve = Command.make("serve", { database, host, port }, (options) =>
    Effect.gen(function*() {
      const url = yield* parseUrl(options.database)
      const address = `http://${options.host}:${options.port}`
      const announce = Console.log(`strata listening on ${address} (${url._tag.toLowerCase()})`)
      const level = yield* logLevel
      const backups = Option.match(yield* ScheduledBackups.fromConfig, {
        onNone: () => Layer.empty,
        onSome: ScheduledBackups.layer
      })
      return yield* Layer.effectDiscard(announce).pipe(
        Layer.provideMerge(listening(HttpServer.layer({ hostname: options.host, port: options.port }), address)),
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
    Command.withSubcommands([serve, ...Operations.make(wiring, database), Cutover.make(wiring, database)])
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
