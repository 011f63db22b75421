import { Cause, Config, Console, Effect, Formatter, Layer, Logger, type LogLevel, Option, References, Schema } from "effect"
import { CliError, CliOutput, Command, Flag } from "effect/cli"
import * as DatabaseUrl from "../DatabaseUrl.ts"
import * as HttpServer from "../http/HttpServer.ts"
import * as Cutover from "./Cutover.ts"
import * as MasterKey from "./MasterKey.ts"
import * as Operations from "./Operations.ts"
import * as Compaction from "./Compaction.ts"
import * as ScheduledBackups from "./ScheduledBackups.ts"
import * as WaitForDatabase from "./WaitForDatabase.ts"
import type { Secrets } from "../../application/ports/Secrets.ts"
import { CompactionRefused } from "../../application/retention/compactLog.ts"
import type { ServingStore } from "../../application/cutover/ServingStore.ts"
import type { ServingPorts } from "../../application/ports/Store.ts"
import type { AdminToken } from "../http/Auth.ts"

/** The composition root's wiring for a URL: a backend, and what serving needs around it. */
export type AppLayer = (url: DatabaseUrl.DatabaseUrl) => Layer.Layer<ServingPorts | Secrets | AdminToken | ServingStore, unknown>

export const version = "0.1.0"

/** `--database`, else `STRATA_DATABASE_URL`, else the embedded SQLite default. */
const database = Flag.String("database").pipe(
  Flag.withDescription(`The backend: ${DatabaseUrl.acceptedForms}`),
  Flag.withFallbackConfig(Config.String("STRATA_DATABASE_URL")),
  Flag.withDefault(DatabaseUrl.defaultUrl)
)

const host = Flag.String("host").pipe(
  Flag.withDescription("Interface to listen on"),
  Flag.withFallbackConfig(Config.String("STRATA_HOST")),
  Flag.withDefault("127.0.0.1")
)

const port = Flag.Int("port").pipe(
  Flag.withDescription("Port to listen on"),
  Flag.withFallbackConfig(Config.Int("STRATA_PORT")),
  Flag.withDefault(8787)
)

const logLevels: ReadonlyArray<readonly [string, LogLevel.LogLevel]> = [
  ["all", "All"],
  ["trace", "Trace"],
  ["debug", "Debug"],
  ["info", "Info"],
  ["warning", "Warn"],
  ["error", "Error"],
  ["fatal", "Fatal"],
  ["none", "None"]
]

export class InvalidLogLevel extends Schema.TaggedError<InvalidLogLevel>()("InvalidLogLevel", { value: Schema.String }) {
  override get message() {
    return `invalid STRATA_LOG_LEVEL "${this.value}": expected one of ${logLevels.map(([name]) => name).join(", ")}`
  }
}

/** `STRATA_LOG_LEVEL`: `all`, `debug`, `info` (the default), `warning`, `error` or `none`, in any case. */
const logLevel = Effect.gen(function*() {
  const text = yield* Config.String("STRATA_LOG_LEVEL").pipe(Config.withDefault("info"))
  const level = logLevels.find(([name]) => name === text.trim().toLowerCase())
  if (level === undefined) return yield* new InvalidLogLevel({ value: text })
  return level[1]
})

/**
 * Serve's logs: one JSON object a line, with the fields strata has always written
 * (`logLevel`, not effect 4's `level`), so that log pipelines keep reading them.
 */
const jsonLogger = Logger.formatStructured.pipe(
  Logger.map(({ level, message, ...rest }) => Formatter.formatJson({ message, logLevel: level, ...rest })),
  Logger.withConsoleLog
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
const listening = <A, E, R>(layer: Layer.Layer<A, E, R>, address: string): Layer.Layer<A, E | ListenFailed, R> =>
  Layer.catchCause(layer, (cause) => {
    const error = Cause.squash(cause) as { code?: unknown } | undefined
    const reason = typeof error?.code === "string" ? listenReasons[error.code] : undefined
    return Layer.effectContext<A, E | ListenFailed, never>(
      reason === undefined ? Effect.failCause(cause) : Effect.fail(new ListenFailed({ address, reason }))
    )
  })

const parseUrl = DatabaseUrl.fromString

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
      const compaction = Option.match(yield* Compaction.scheduleFromConfig, {
        onNone: () => Layer.empty,
        onSome: (schedule) => Compaction.scheduleLayer(schedule, url, options.database)
      })
      const waited = WaitForDatabase.layer(app(url), yield* WaitForDatabase.timeoutFromConfig)
      return yield* Layer.mergeAll(Layer.effectDiscard(announce), backups, compaction).pipe(
        Layer.provideMerge(listening(HttpServer.layer({ hostname: options.host, port: options.port, database: DatabaseUrl.label(url) }, waited), address)),
        Layer.launch,
        // No tracer is exported; making spans nobody reads costs a third of a request.
        Effect.withTracerEnabled(false),
        Effect.provide(Logger.layer([jsonLogger])),
        Effect.provideService(References.MinimumLogLevel, level)
      )
    })).pipe(Command.withDescription("Serve the HTTP API (what `npm start` runs)"))

  return Command.make("strata").pipe(
    Command.withDescription("strata: an event-sourced storage core"),
    Command.withSubcommands([serve, ...Operations.make(wiring, database), Cutover.make(wiring, database), MasterKey.make(wiring, database), Compaction.make(wiring, database)])
  )
}

/**
 * Bad usage is one line on stderr, as every other failure, not the help text: the
 * operator asked for something precise and is told what was wrong with it
 * (`strata <command> --help` shows the usage). Help and the version print as usual.
 */
const presenter: CliOutput.Presenter = {
  present: (event) => {
    switch (event._tag) {
      case "InvalidInvocation": {
        const first = event.errors[0]
        return Console.error(`strata: ${(first?.message ?? "invalid usage").split("\n")[0]} (see ${event.commandPath.join(" ")} --help)`)
      }
      case "Version":
        return Console.log(event.version)
      case "Help":
        return CliOutput.defaultPresenter.present(event)
    }
  }
}

/**
 * Runs the commands on these arguments (without the executable and script). Outside
 * `serve`, logs are logfmt lines on stdout, as they always were.
 */
export const run = <Name extends string, Input, ContextInput, E, R>(
  command: Command.Command<Name, Input, ContextInput, E, R>,
  args: ReadonlyArray<string>
) =>
  Command.runWith(command, { version })(args).pipe(
    Effect.provideService(CliOutput.Presenter, presenter),
    Effect.provide(Logger.layer([Logger.consoleLogFmt]))
  )

/**
 * The exit code of a failure, with its one line on stderr: 2 for bad usage, 0 for help
 * shown in place of a command that needs a subcommand, 75 for a compaction refused because
 * the log is another's now (`Compaction.refusedExitCode`), 1 for anything else.
 */
export const reportFailure = (error: unknown) =>
  Effect.gen(function*() {
    if (CliError.isCliError(error)) {
      // The presenter has printed the message already.
      if (error._tag === "ShowHelp") return error.errors.length > 0 ? 2 : 0
      yield* Console.error(`strata: ${error.message.split("\n")[0]}`)
      return 2
    }
    const message = error instanceof Error || (typeof error === "object" && error !== null && "message" in error)
      ? String((error as { message: unknown }).message)
      : String(error)
    yield* Console.error(`strata: ${message.split("\n")[0]}`)
    return error instanceof CompactionRefused ? Compaction.refusedExitCode : 1
  })
