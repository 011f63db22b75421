import { useEffect, useState } from "preact/hooks"
import { call, type LogEvent, type Page, query } from "../api.ts"
import { ErrorLine, EventTable } from "../ui.tsx"

const pageSize = 50

interface Search {
  readonly streamPrefix: string
  readonly type: string
  readonly owner: string
  readonly from: string
  readonly to: string
}

const empty: Search = { streamPrefix: "", type: "", owner: "", from: "", to: "" }

/** A datetime-local value as the audit takes it (ISO 8601, the browser's zone applied). */
const instant = (local: string) => (local === "" ? undefined : new Date(local).toISOString())

/**
 * The log searched by stream prefix, type, owner and time (`GET /v1/admin/audit`), and one
 * stream's events in version order, a page at a time with their metadata.
 */
export function Streams({ stream, openStream, openTrace }: {
  readonly stream: string | undefined
  readonly openStream: (streamId: string | undefined) => void
  readonly openTrace: (correlationId: string) => void
}) {
  const [search, setSearch] = useState<Search>(empty)
  const [pages, setPages] = useState<{ events: ReadonlyArray<LogEvent>; next?: number; of: string } | undefined>(undefined)
  const [error, setError] = useState<Error | undefined>(undefined)
  const field = (name: keyof Search) => ({
    name,
    value: search[name],
    onInput: (e: Event) => setSearch({ ...search, [name]: (e.target as HTMLInputElement).value })
  })
  const load = async (params: Record<string, string | number | undefined>, of: string, after?: number) => {
    setError(undefined)
    try {
      const page = await call<Page<LogEvent>>("GET", `/v1/admin/audit${query({ ...params, limit: pageSize, after })}`)
      setPages((previous) => ({
        of,
        events: after === undefined || previous?.of !== of ? page.events : [...previous.events, ...page.events],
        ...(page.next === undefined ? {} : { next: page.next })
      }))
    } catch (caught) {
      setError(caught as Error)
    }
  }
  const searchParams = () => ({
    streamPrefix: search.streamPrefix,
    type: search.type,
    owner: search.owner,
    from: instant(search.from),
    to: instant(search.to)
  })
  const current = stream === undefined ? { params: searchParams(), of: `search ${JSON.stringify(search)}` } : { params: { stream }, of: `stream ${stream}` }
  useEffect(() => {
    if (stream !== undefined) void load({ stream }, `stream ${stream}`)
  }, [stream])
  return (
    <section>
      <h2>Streams and events</h2>
      {stream === undefined
        ? (
          <form class="search" onSubmit={(e) => { e.preventDefault(); void load(current.params, current.of) }}>
            <label>stream prefix <input {...field("streamPrefix")} placeholder="session-" /></label>
            <label>type <input {...field("type")} placeholder="MessagePosted" /></label>
            <label>owner <input {...field("owner")} placeholder="alice" /></label>
            <label>from <input type="datetime-local" step="1" {...field("from")} /></label>
            <label>to <input type="datetime-local" step="1" {...field("to")} /></label>
            <button type="submit" class="primary">Search</button>
          </form>
        )
        : (
          <p>
            <a href="#" onClick={(e) => { e.preventDefault(); setPages(undefined); openStream(undefined) }}>← search</a>{" "}
            Stream <code data-testid="stream">{stream}</code>, in version order; click an event for its metadata.
          </p>
        )}
      <ErrorLine error={error} />
      {pages && pages.of === current.of && (
        <>
          <EventTable events={pages.events} onStream={(id) => { setPages(undefined); openStream(id) }} onTrace={openTrace} />
          {pages.next !== undefined && (
            <button type="button" onClick={() => load(current.params, current.of, pages.next)}>More</button>
          )}
        </>
      )}
    </section>
  )
}
