import { useEffect, useState } from "preact/hooks"
import { call, type LogEvent, type Page, query } from "../api.ts"
import { ErrorLine, EventTable } from "../ui.tsx"

/** At most this many events of one request are shown (the audit pages by 1,000). */
const most = 5_000

/**
 * A request id → every event the request caused, across streams: the events' correlation
 * id is the `X-Request-Id` of the request that wrote them.
 */
export function Trace({ initial, openStream }: { readonly initial: string | undefined; readonly openStream: (streamId: string) => void }) {
  const [id, setId] = useState(initial ?? "")
  const [found, setFound] = useState<{ of: string; events: ReadonlyArray<LogEvent> } | undefined>(undefined)
  const [error, setError] = useState<Error | undefined>(undefined)
  const trace = async (correlationId: string) => {
    setError(undefined)
    const events: Array<LogEvent> = []
    try {
      let after: number | undefined = 0
      while (after !== undefined && events.length < most) {
        const page: Page<LogEvent> = await call<Page<LogEvent>>("GET", `/v1/admin/audit${query({ correlationId, after, limit: 1000 })}`)
        events.push(...page.events)
        after = page.next
      }
      setFound({ of: correlationId, events })
    } catch (caught) {
      setError(caught as Error)
    }
  }
  useEffect(() => {
    if (initial) {
      setId(initial)
      void trace(initial)
    }
  }, [initial])
  const streams = new Set(found?.events.map((event) => event.streamId))
  return (
    <section>
      <h2>Trace</h2>
      <form class="inline" onSubmit={(e) => { e.preventDefault(); if (id.trim() !== "") void trace(id.trim()) }}>
        <label>request id (correlation id) <input name="correlationId" value={id} size={40} onInput={(e) => setId((e.target as HTMLInputElement).value)} /></label>
        <button type="submit" class="primary">Trace</button>
      </form>
      <ErrorLine error={error} />
      {found && (
        <>
          <p data-testid="trace-summary">
            Request <code>{found.of}</code> caused {found.events.length} event{found.events.length === 1 ? "" : "s"} in {streams.size} stream{streams.size === 1 ? "" : "s"}.
          </p>
          <EventTable events={found.events} onStream={openStream} />
        </>
      )}
    </section>
  )
}
