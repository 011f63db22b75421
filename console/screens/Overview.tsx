import { useRef, useState } from "preact/hooks"
import { call, recentErrors } from "../api.ts"
import { Chart, pushPoint } from "../Chart.tsx"
import { parseMetrics } from "../metrics.ts"
import { ErrorLine, type Pending, usePoll } from "../ui.tsx"

interface Readiness {
  readonly status: "ready"
  readonly head: number
  readonly database?: string
  readonly cutover?: { readonly id: string; readonly phase: string; readonly target: string; readonly mirroring: boolean }
}

const capacity = 120

/** After a switch the target serves (as `domain/Cutover.ts`'s `primary` says). */
const servingFrom = (readiness: Readiness) =>
  readiness.cutover && ["switched", "rollingBack", "finished"].includes(readiness.cutover.phase)
    ? readiness.cutover.target
    : readiness.database ?? "(not said)"

/**
 * The log's head and write rate (from `/ready`, every second), each projection's lag (from
 * `/metrics`) with a rebuild, readiness and what failed lately: the server's problems by
 * route (counted in `/metrics`) and the console's own.
 */
export function Overview({ confirm }: { readonly confirm: (pending: Pending) => void }) {
  const [rate, setRate] = useState<ReadonlyArray<ReadonlyArray<number | null>>>([[], []])
  const last = useRef<{ head: number; at: number } | undefined>(undefined)
  const ready = usePoll(async (signal) => {
    const readiness = await call<Readiness>("GET", "/ready", { signal })
    const now = Date.now() / 1000
    const before = last.current
    if (before !== undefined && now > before.at) {
      setRate((data) => pushPoint(data, [now, Math.max(0, (readiness.head - before.head) / (now - before.at))], capacity))
    }
    last.current = { head: readiness.head, at: now }
    return readiness
  }, 1000)
  const metrics = usePoll(async (signal) => parseMetrics(await call<string>("GET", "/metrics", { signal })), 2000)
  const projections = (metrics.value ?? []).filter((sample) => sample.name === "strata_projection_lag_events")
  const failures = (metrics.value ?? [])
    .filter((sample) => sample.name === "strata_http_requests_total" && Number(sample.labels.status) >= 400 && sample.value > 0)
    .sort((a, b) => b.value - a.value)
  const latestRate = rate[1]![rate[1]!.length - 1]
  const rebuild = (name: string) =>
    confirm({
      action: `Rebuild ${name}`,
      what: (
        <p>
          Starts a fresh generation of the <code>{name}</code> projection and fills it from the whole log, in the
          background (<code>POST /v1/admin/projections/{name}/rebuild</code>). The current generation keeps answering
          queries until the new one is live; its lag is shown here meanwhile.
        </p>
      ),
      run: () => call("POST", `/v1/admin/projections/${encodeURIComponent(name)}/rebuild`).then(metrics.reload)
    })
  return (
    <section>
      <h2>Overview</h2>
      <div class="cards">
        <div class="card">
          <div class="label">readiness</div>
          <div class={`value ${ready.error ? "bad" : "good"}`} data-testid="readiness">{ready.error ? "not ready" : ready.value ? "ready" : "…"}</div>
          <ErrorLine error={ready.error} />
        </div>
        <div class="card">
          <div class="label">head position</div>
          <div class="value" data-testid="head">{ready.value?.head ?? "…"}</div>
        </div>
        <div class="card">
          <div class="label">write rate</div>
          <div class="value" data-testid="rate">{latestRate === undefined || latestRate === null ? "…" : `${latestRate.toFixed(1)} events/s`}</div>
        </div>
        <div class="card">
          <div class="label">serving from</div>
          <div class="value small" data-testid="database">{ready.value ? servingFrom(ready.value) : "…"}</div>
          {ready.value?.cutover && <div class="muted">cutover {ready.value.cutover.phase}</div>}
        </div>
      </div>
      <Chart title="Writes (events/s)" lines={[{ label: "events/s", stroke: "#2a6fdb" }]} data={rate} height={180} />
      <h3>Projections</h3>
      <ErrorLine error={metrics.error} />
      <table>
        <thead><tr><th>projection</th><th>status</th><th>lag (events)</th><th /></tr></thead>
        <tbody>
          {projections.map((sample) => (
            <tr key={sample.labels.projection} data-projection={sample.labels.projection}>
              <td><code>{sample.labels.projection}</code></td>
              <td>{sample.labels.status}</td>
              <td class="num">{sample.value}</td>
              <td><button type="button" onClick={() => rebuild(sample.labels.projection!)}>Rebuild…</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Recent errors</h3>
      {failures.length === 0 && recentErrors.length === 0 && <p class="muted">None since this server started.</p>}
      {failures.length > 0 && (
        <table>
          <thead><tr><th>route</th><th>method</th><th>status</th><th>count</th></tr></thead>
          <tbody>
            {failures.slice(0, 15).map((sample) => (
              <tr key={`${sample.labels.route} ${sample.labels.method} ${sample.labels.status}`}>
                <td><code>{sample.labels.route}</code></td><td>{sample.labels.method}</td>
                <td class="num">{sample.labels.status}</td><td class="num">{sample.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {recentErrors.length > 0 && (
        <ul class="errors">
          {recentErrors.map((error, index) => <li key={index}>{error.at.toLocaleTimeString()} — {error.request}: {error.message}</li>)}
        </ul>
      )}
    </section>
  )
}
