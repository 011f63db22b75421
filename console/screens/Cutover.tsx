import { useRef, useState } from "preact/hooks"
import { ApiError, call } from "../api.ts"
import { Chart, pushPoint } from "../Chart.tsx"
import { ErrorLine, type Pending, time, usePoll } from "../ui.tsx"

export interface CutoverView {
  readonly id: string
  readonly phase: string
  readonly target: string
  readonly startedAt: string
  readonly updatedAt: string
  readonly originHead: number
  readonly targetHead: number
  readonly copy?: { readonly done: number; readonly total: number; readonly perSecond: number; readonly etaSeconds: number }
  readonly lag?: { readonly events: number; readonly seconds: number }
  readonly mirrorHolder?: string
  readonly pauseMillis?: number
}

interface Verification {
  readonly upTo: number
  readonly identical: boolean
  readonly firstDifference?: number
  readonly origin: { readonly count: number; readonly hash: string }
  readonly target: { readonly count: number; readonly hash: string }
  readonly projections?: ReadonlyArray<{ readonly name: string; readonly documents: number; readonly differing: ReadonlyArray<string> }>
}

type Step = "verify" | "switch" | "rollback" | "finish" | "abort"

/** Which steps the phase allows (as `domain/Cutover.ts` plans them; the server decides). */
const allowed: Record<Step, ReadonlyArray<string>> = {
  verify: ["mirroring", "switched"],
  switch: ["mirroring", "switching"],
  rollback: ["copying", "mirroring", "switching", "switched", "rollingBack"],
  finish: ["switched"],
  abort: ["copying", "mirroring"]
}

const explain = (step: Step, view: CutoverView) => {
  switch (step) {
    case "verify":
      return <p>Compares both logs up to the side behind (SHA-256 of every event's canonical line) and every projection's documents. Reads only; nothing changes.</p>
    case "switch":
      return (
        <p>
          Fences <strong>the origin</strong>: writes are held for a moment (the pause, shown afterwards) while the mirror
          brings <strong>{view.target}</strong> to the origin's last event; then every serving process reads and writes the
          target, and the mirror runs back to the origin so that a rollback stays possible.
        </p>
      )
    case "rollback":
      return view.phase === "copying" || view.phase === "mirroring"
        ? <p>Abandons the cutover before any switch: the origin keeps serving, the target is left as it is.</p>
        : <p>Fences <strong>{view.target}</strong>, brings the origin up to it through the mirror, and has every process serve the origin again. The cutover goes back to mirroring.</p>
    case "finish":
      return <p>Ends the cutover for good: the origin is fenced for ever (its record says where the log went) and the mirror stops. <strong>No rollback after this.</strong></p>
    case "abort":
      return <p>Stops the copy or the mirror and records the cutover as aborted; the origin keeps serving. The target's data stays where it is.</p>
  }
}

/** The switches this tab has run, with their pauses: kept across screens. */
const switches: Array<{ readonly at: Date; readonly step: string; readonly pauseMillis?: number; readonly tookMillis: number }> = []

const capacity = 300

export function Cutover({ confirm }: { readonly confirm: (pending: Pending) => void }) {
  const [lag, setLag] = useState<ReadonlyArray<ReadonlyArray<number | null>>>([[], [], []])
  const [verification, setVerification] = useState<Verification | undefined>(undefined)
  const [to, setTo] = useState("")
  const [, setRuns] = useState(0)
  const lastPhase = useRef<string | undefined>(undefined)
  const status = usePoll(async (signal) => {
    try {
      const view = await call<CutoverView>("GET", "/v1/admin/cutover", { signal })
      if (view.lag) setLag((data) => pushPoint(data, [Date.now() / 1000, view.lag!.events, view.lag!.seconds], capacity))
      lastPhase.current = view.phase
      return view
    } catch (error) {
      // No cutover under way: the start form, not an error.
      if (error instanceof ApiError && error.status === 404) return undefined
      throw error
    }
  }, 500)
  const view = status.value
  const run = (step: Step) => async () => {
    const started = performance.now()
    if (step === "verify") {
      setVerification(await call<Verification>("POST", "/v1/admin/cutover/verify"))
    } else {
      const answer = await call<CutoverView>("POST", `/v1/admin/cutover/${step}`)
      if (step === "switch" || step === "rollback") {
        switches.unshift({ at: new Date(), step, ...(answer.pauseMillis === undefined ? {} : { pauseMillis: answer.pauseMillis }), tookMillis: performance.now() - started })
        setRuns((n) => n + 1)
      }
    }
    status.reload()
  }
  const ask = (step: Step) =>
    confirm({ action: step[0]!.toUpperCase() + step.slice(1), what: explain(step, view!), run: run(step), danger: step !== "verify" })
  const start = () =>
    confirm({
      action: "Start",
      what: (
        <p>
          Opens <code>{to}</code> (migrating it), fences it so that only the mirror writes there, copies the whole log
          and the key ring into it, rebuilds its projections, then mirrors every new event. The origin keeps serving
          throughout; nothing switches until you do.
        </p>
      ),
      run: () => call("POST", "/v1/admin/cutover/start", { body: { to } }).then(status.reload)
    })
  return (
    <section>
      <h2>Cutover</h2>
      <ErrorLine error={status.error} />
      {view === undefined || view.phase === "aborted" || view.phase === "finished"
        ? (
          <form class="inline" onSubmit={(e) => { e.preventDefault(); if (to.trim() !== "") start() }}>
            {view && <p>Last cutover: <strong>{view.phase}</strong> ({view.target}).</p>}
            {!view && <p class="muted" data-testid="no-cutover">No cutover is under way.</p>}
            <label>
              target database URL
              <input name="to" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} placeholder="sqlite:/var/lib/strata/next.db or postgres://…" size={50} />
            </label>
            <button type="submit" class="primary">Start…</button>
          </form>
        )
        : null}
      {view && (
        <>
          <div class="cards">
            <div class="card"><div class="label">phase</div><div class="value" data-testid="phase">{view.phase}</div></div>
            <div class="card"><div class="label">target</div><div class="value small">{view.target}</div></div>
            <div class="card"><div class="label">heads (origin / target)</div><div class="value">{view.originHead} / {view.targetHead}</div></div>
            <div class="card">
              <div class="label">mirror lag</div>
              <div class="value" data-testid="lag">{view.lag ? `${view.lag.events} events, ${view.lag.seconds.toFixed(1)} s` : "—"}</div>
            </div>
            <div class="card"><div class="label">mirror's lease</div><div class="value small" data-testid="holder">{view.mirrorHolder ?? "nobody"}</div></div>
          </div>
          {view.copy && (
            <div class="copy">
              <progress max={view.copy.total} value={view.copy.done} />
              <span>
                copied {view.copy.done} of {view.copy.total} events — {Math.round(view.copy.perSecond)} events/s, ETA{" "}
                {Math.ceil(view.copy.etaSeconds)} s
              </span>
            </div>
          )}
          <p class="muted">Started {time(view.startedAt)}, updated {time(view.updatedAt)} — cutover {view.id}</p>
          <Chart
            title="Mirror lag"
            lines={[{ label: "events", stroke: "#d9480f" }, { label: "seconds", stroke: "#2a6fdb", scale: "y2" }]}
            data={lag}
            height={200}
          />
          <div class="steps">
            {(["verify", "switch", "rollback", "finish", "abort"] as const).map((step) => (
              <button key={step} type="button" data-step={step} disabled={!allowed[step].includes(view.phase)} onClick={() => ask(step)}>
                {step[0]!.toUpperCase() + step.slice(1)}…
              </button>
            ))}
          </div>
        </>
      )}
      {verification && (
        <div class={`verification ${verification.identical ? "good" : "bad"}`} data-testid="verification">
          <strong>{verification.identical ? "Identical" : `Different from position ${verification.firstDifference}`}</strong>{" "}
          up to position {verification.upTo}: origin {verification.origin.hash.slice(0, 16)}…, target {verification.target.hash.slice(0, 16)}…
          {verification.projections?.map((projection) => (
            <div key={projection.name}>{projection.name}: {projection.documents} documents, {projection.differing.length} differing</div>
          ))}
        </div>
      )}
      {switches.length > 0 && (
        <>
          <h3>Switches</h3>
          <table data-testid="switches">
            <thead><tr><th>when</th><th>step</th><th>pause (writes held)</th><th>answered in</th></tr></thead>
            <tbody>
              {switches.map((entry, index) => (
                <tr key={index}>
                  <td>{entry.at.toLocaleTimeString()}</td>
                  <td>{entry.step}</td>
                  <td class="num">{entry.pauseMillis === undefined ? "—" : `${Math.round(entry.pauseMillis)} ms`}</td>
                  <td class="num">{Math.round(entry.tookMillis)} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
