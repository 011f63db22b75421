import { Context, Effect, LogLevel, Metric, References } from "effect"
import { flushAppendCount } from "../../application/eventsourcing/appendRules.ts"
import { EventStore } from "../../application/ports/EventStore.ts"
import { ProjectionStore } from "../../application/ports/ProjectionStore.ts"
import { cutoverReadiness } from "./OperationsHttp.ts"

/** Metrics kept with Effect's `Metric`, served in the Prometheus text format. */

const requests = {
  name: "strata_http_requests_total",
  description: "HTTP requests by route, method and status"
}

const latency = {
  name: "strata_http_request_duration_seconds",
  boundaries: Metric.exponentialBoundaries({ start: 0.0005, factor: 2, count: 14 }),
  description: "HTTP request latency by route, method and status"
}

/**
 * Records one request, in the metrics and as an access log line with its id: the route is
 * the endpoint's path template, so the label set stays small.
 */
export const recordRequest = (route: string, method: string, status: number, seconds: number, requestId: string) =>
  Effect.andThen(
    Effect.sync(() => countRequest(route, method, status, seconds)),
    // Building a log entry's annotations costs more than the rest of this; skip it when
    // the access log is off (STRATA_LOG_LEVEL above info).
    Effect.flatMap(Effect.service(References.MinimumLogLevel), (minimum) =>
      LogLevel.isGreaterThan(minimum, "Info") ? Effect.void : logRequest(route, method, status, seconds, requestId))
  )

/** The access log line of a request. */
export const logRequest = (route: string, method: string, status: number, seconds: number, requestId: string) =>
  Effect.logInfo("request").pipe(Effect.annotateLogs({
    requestId,
    method,
    route,
    status,
    ms: Math.round(seconds * 10_000) / 10
  }))

/**
 * The two metrics of a label set, made once: each keeps its series' key, so an update is a
 * lookup in the registry. (`Metric.withAttributes` would add the labels to a context on
 * every update and build the key again: 8% of a sandbox read answered from SQLite.)
 */
const perLabels = new Map<string, { readonly count: Metric.Counter<number>; readonly time: Metric.Histogram<number> }>()

/** Counts one request and its latency. */
export const countRequest = (route: string, method: string, status: number, seconds: number) => {
  const key = `${route} ${method} ${status}`
  let metrics = perLabels.get(key)
  if (metrics === undefined) {
    const attributes = { route, method, status: String(status) }
    metrics = {
      count: Metric.counter(requests.name, { description: requests.description, incremental: true, attributes }),
      time: Metric.histogram(latency.name, { description: latency.description, boundaries: latency.boundaries, attributes })
    }
    perLabels.set(key, metrics)
  }
  metrics.count.updateUnsafe(1, noContext)
  metrics.time.updateUnsafe(seconds, noContext)
}

/** Metrics are kept in the registry every fiber reads unless one is provided (none is). */
const noContext = Context.empty()

const labels = (attributes: Metric.Metric.AttributeSet | undefined, extra: Record<string, string> = {}) => {
  const all = [...Object.entries(attributes ?? {}), ...Object.entries(extra)]
  return all.length === 0 ? "" : `{${all.map(([key, value]) => `${key}="${value.replace(/["\\\n]/g, "\\$&")}"`).join(",")}}`
}

/** The registry in Prometheus text, plus the log's head and each projection's lag, read at scrape time. */
export const render = Effect.gen(function*() {
  const lines: Array<string> = []
  const described = new Set<string>()
  const header = (name: string, type: string, help: string | undefined) => {
    if (described.has(name)) return
    described.add(name)
    if (help) lines.push(`# HELP ${name} ${help}`)
    lines.push(`# TYPE ${name} ${type}`)
  }
  yield* flushAppendCount
  for (const metric of yield* Metric.snapshot) {
    const name = metric.id
    const help = metric.description
    switch (metric.type) {
      case "Counter":
        header(name, "counter", help)
        lines.push(`${name}${labels(metric.attributes)} ${metric.state.count}`)
        break
      case "Gauge":
        header(name, "gauge", help)
        lines.push(`${name}${labels(metric.attributes)} ${metric.state.value}`)
        break
      case "Histogram": {
        const state = metric.state
        header(name, "histogram", help)
        for (const [bound, count] of state.buckets) {
          lines.push(`${name}_bucket${labels(metric.attributes, { le: Number.isFinite(bound) ? String(bound) : "+Inf" })} ${count}`)
        }
        const last = state.buckets[state.buckets.length - 1]
        if (last === undefined || Number.isFinite(last[0])) {
          lines.push(`${name}_bucket${labels(metric.attributes, { le: "+Inf" })} ${state.count}`)
        }
        lines.push(`${name}_sum${labels(metric.attributes)} ${state.sum}`)
        lines.push(`${name}_count${labels(metric.attributes)} ${state.count}`)
        break
      }
    }
  }
  const head = yield* Effect.flatMap(Effect.service(EventStore), (store) => store.head).pipe(Effect.option)
  if (head._tag === "Some") {
    header("strata_log_head", "gauge", "The position of the last event in the log")
    lines.push(`strata_log_head ${head.value}`)
    const statuses = yield* Effect.flatMap(Effect.service(ProjectionStore), (store) => store.status).pipe(Effect.orElseSucceed(() => []))
    header("strata_projection_lag_events", "gauge", "Events of the log a projection has not applied yet (0 when live)")
    for (const status of statuses) {
      const lag = status.status === "live" ? 0 : Math.max(0, head.value - status.checkpoint)
      lines.push(`strata_projection_lag_events${labels(undefined, { projection: status.name, status: status.status })} ${lag}`)
    }
  }
  const cutover = yield* cutoverReadiness
  if (cutover !== undefined) {
    header("strata_cutover_phase", "gauge", "The phase of the cutover this process follows (1 for the current one)")
    lines.push(`strata_cutover_phase${labels(undefined, { phase: cutover.phase })} 1`)
    header("strata_cutover_mirroring", "gauge", "1 while this process holds the mirror's lease and runs it")
    lines.push(`strata_cutover_mirroring ${cutover.mirroring ? 1 : 0}`)
    if (cutover.lag) {
      header("strata_cutover_mirror_lag_events", "gauge", "Events the mirror's target is behind the side that serves")
      lines.push(`strata_cutover_mirror_lag_events ${cutover.lag.events}`)
      header("strata_cutover_mirror_lag_seconds", "gauge", "Age of the oldest event the mirror's target has not received")
      lines.push(`strata_cutover_mirror_lag_seconds ${cutover.lag.seconds}`)
    }
  }
  return `${lines.join("\n")}\n`
})
