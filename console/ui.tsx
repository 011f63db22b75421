import type { ComponentChildren } from "preact"
import { useEffect, useRef, useState } from "preact/hooks"
import type { LogEvent } from "./api.ts"

/** Runs `load` now and every `everyMillis`, aborting the one in flight when it is unmounted. */
export const usePoll = <A,>(load: (signal: AbortSignal) => Promise<A>, everyMillis: number, deps: ReadonlyArray<unknown> = []) => {
  const [state, setState] = useState<{ value?: A; error?: Error }>({})
  const [tick, setTick] = useState(0)
  useEffect(() => {
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const run = async () => {
      try {
        const value = await load(controller.signal)
        if (!controller.signal.aborted) setState({ value })
      } catch (error) {
        if (!controller.signal.aborted) setState((previous) => ({ ...previous, error: error as Error }))
      }
      if (!controller.signal.aborted && everyMillis > 0) timer = setTimeout(run, everyMillis)
    }
    void run()
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
  }, [...deps, tick])
  return { ...state, reload: () => setTick((n) => n + 1) }
}

export interface Pending {
  /** The action, as a button says it. */
  readonly action: string
  /** What it will do, said before it is done. */
  readonly what: ComponentChildren
  readonly run: () => Promise<unknown>
  readonly danger?: boolean
}

/** A confirmation that says what the action will do; nothing is done until it is confirmed. */
export function Confirm({ pending, close }: { readonly pending: Pending | undefined; readonly close: () => void }) {
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<string | undefined>(undefined)
  const confirm = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    setError(undefined)
    confirm.current?.focus()
    if (pending === undefined) return
    const escape = (event: KeyboardEvent) => {
      if (event.key === "Escape") close()
    }
    addEventListener("keydown", escape)
    return () => removeEventListener("keydown", escape)
  }, [pending])
  if (pending === undefined) return null
  const go = async () => {
    setRunning(true)
    try {
      await pending.run()
      close()
    } catch (caught) {
      setError((caught as Error).message)
    } finally {
      setRunning(false)
    }
  }
  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="confirm-title">
      <div class="dialog">
        <h3 id="confirm-title">{pending.action}?</h3>
        <div class="what">{pending.what}</div>
        {error && <p class="error">{error}</p>}
        <div class="buttons">
          <button type="button" onClick={close} disabled={running}>Cancel</button>
          <button type="button" ref={confirm} class={pending.danger ? "danger" : "primary"} onClick={go} disabled={running}>
            {running ? "Working…" : pending.action}
          </button>
        </div>
      </div>
    </div>
  )
}

const isSealed = (value: unknown): value is { keyId: string } =>
  typeof value === "object" && value !== null && !Array.isArray(value) &&
  Object.keys(value).sort().join(",") === "ciphertext,iv,keyId" &&
  Object.values(value).every((part) => typeof part === "string")

/**
 * An event's data as JSON, with every sealed secret (`{ keyId, iv, ciphertext }`) shown as
 * sealed: the console never has, nor shows, a secret's plaintext or its ciphertext.
 */
export const withSecretsSealed = (data: unknown): string =>
  JSON.stringify(data, (_, value) => (isSealed(value) ? `‹sealed under data key ${value.keyId.slice(0, 8)}…›` : value), 2)

export const time = (iso: string) => new Date(iso).toLocaleString(undefined, { hour12: false })

export function ErrorLine({ error }: { readonly error: Error | undefined }) {
  return error ? <p class="error" role="alert">{error.message}</p> : null
}

/** A page of events, each opened on a click to its metadata and data. */
export function EventTable({ events, onStream, onTrace }: {
  readonly events: ReadonlyArray<LogEvent>
  readonly onStream?: (streamId: string) => void
  readonly onTrace?: (correlationId: string) => void
}) {
  const [open, setOpen] = useState<number | undefined>(undefined)
  if (events.length === 0) return <p class="muted">No events.</p>
  return (
    <table class="events">
      <thead>
        <tr><th>position</th><th>stream</th><th>version</th><th>type</th><th>actor</th><th>recorded</th></tr>
      </thead>
      <tbody>
        {events.map((event) => [
          <tr key={event.position} class={open === event.position ? "open" : ""} onClick={() => setOpen(open === event.position ? undefined : event.position)}>
            <td class="num">{event.position}</td>
            <td>
              {onStream
                ? <a href="#" onClick={(e) => { e.preventDefault(); e.stopPropagation(); onStream(event.streamId) }}>{event.streamId}</a>
                : event.streamId}
            </td>
            <td class="num">{event.version}</td>
            <td><code>{event.type}</code></td>
            <td>{event.metadata.actor ?? ""}</td>
            <td>{time(event.recordedAt)}</td>
          </tr>,
          open === event.position && (
            <tr key={`${event.position}-detail`} class="detail">
              <td colSpan={6}>
                <dl>
                  <dt>event id</dt><dd><code>{event.eventId}</code></dd>
                  <dt>schema version</dt><dd>{event.schemaVersion}</dd>
                  <dt>correlation id</dt>
                  <dd>
                    {event.metadata.correlationId && onTrace
                      ? <a href="#" onClick={(e) => { e.preventDefault(); onTrace(event.metadata.correlationId!) }}>{event.metadata.correlationId}</a>
                      : event.metadata.correlationId ?? "—"}
                  </dd>
                  <dt>causation id</dt><dd>{event.metadata.causationId ?? "—"}</dd>
                </dl>
                <pre class="data">{withSecretsSealed(event.data)}</pre>
              </td>
            </tr>
          )
        ])}
      </tbody>
    </table>
  )
}
