import { useEffect, useRef, useState } from "preact/hooks"
import { ApiError, call, type LogEvent, query, serverSentEvents } from "../api.ts"
import { ErrorLine, EventTable } from "../ui.tsx"

const shown = 200

/**
 * The log as it is written (`GET /v1/admin/events/live`, server-sent events read with
 * fetch). Pausing closes the stream and keeps the last position; resuming reconnects after
 * it, so nothing written meanwhile is missed. A stream that ends (the server's restart, a
 * reader that fell behind) is resumed the same way.
 */
export function LiveTail({ openStream }: { readonly openStream: (streamId: string) => void }) {
  const [events, setEvents] = useState<ReadonlyArray<LogEvent>>([])
  const [paused, setPaused] = useState(false)
  const [filters, setFilters] = useState({ stream: "", type: "" })
  const [draft, setDraft] = useState({ stream: "", type: "" })
  const [error, setError] = useState<Error | undefined>(undefined)
  const [connected, setConnected] = useState(false)
  const position = useRef<number | undefined>(undefined)
  useEffect(() => {
    if (paused) return
    const controller = new AbortController()
    const follow = async () => {
      while (!controller.signal.aborted) {
        try {
          // From the head when the tail opens; from the last event seen after that.
          position.current ??= (await call<{ head: number }>("GET", "/ready", { signal: controller.signal })).head
          const path = `/v1/admin/events/live${query({ after: position.current, stream: filters.stream, type: filters.type })}`
          setConnected(true)
          setError(undefined)
          for await (const message of serverSentEvents(path, controller.signal)) {
            if (message.event === "behind") {
              position.current = (JSON.parse(message.data) as { position: number }).position
              continue
            }
            const event = JSON.parse(message.data) as LogEvent
            position.current = event.position
            setEvents((previous) => [event, ...previous].slice(0, shown))
          }
        } catch (caught) {
          if (controller.signal.aborted) return
          setError(caught instanceof ApiError ? caught : new Error(`the live log was cut: ${(caught as Error).message}`))
        }
        setConnected(false)
        await new Promise((resolve) => setTimeout(resolve, 1000))
      }
    }
    void follow()
    return () => {
      controller.abort()
      setConnected(false)
    }
  }, [paused, filters])
  return (
    <section>
      <h2>Live tail</h2>
      <form class="inline" onSubmit={(e) => { e.preventDefault(); setEvents([]); setFilters(draft) }}>
        <label>stream prefix <input name="stream" value={draft.stream} onInput={(e) => setDraft({ ...draft, stream: (e.target as HTMLInputElement).value })} /></label>
        <label>type <input name="type" value={draft.type} onInput={(e) => setDraft({ ...draft, type: (e.target as HTMLInputElement).value })} /></label>
        <button type="submit">Filter</button>
        <button type="button" class="primary" data-testid="pause" onClick={() => setPaused(!paused)}>{paused ? "Resume" : "Pause"}</button>
        <span class={`status ${connected ? "good" : "muted"}`} data-testid="tail-status">
          {paused ? `paused at position ${position.current ?? "—"}` : connected ? "following" : "connecting…"}
        </span>
      </form>
      <ErrorLine error={error} />
      <EventTable events={events} onStream={openStream} />
    </section>
  )
}
