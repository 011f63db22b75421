import { useState } from "preact/hooks"
import { call, type LogEvent, type Page, query } from "../api.ts"
import { Chart } from "../Chart.tsx"
import { ErrorLine, time, usePoll } from "../ui.tsx"

interface KeySummary {
  readonly keyId: string
  readonly name: string
  readonly model: string | null
  readonly tokenLimitPer5h: number
  readonly expiresAt: string | null
  readonly createdAt: string
}

interface KeyStats extends KeySummary {
  readonly isExpired: boolean
  readonly currentUsage: number
  readonly remainingTokens: number
  readonly lifetimeTokens: number
  readonly lastUsed: string | null
}

const hours = 6
/** A busy key's usage events are many: at most this many pages (of 1,000) are read per key and refresh. */
const mostPages = 20
const bucketSeconds = 15 * 60
const colors = ["#2a6fdb", "#d9480f", "#2b8a3e", "#862e9c", "#e67700", "#0b7285"]

/**
 * An owner's keys (`GET /v1/keys` for them, with `X-Strata-Owner`), each with its limit,
 * expiry and remaining quota (`/stats`), and the tokens used over the last hours, read from
 * the keys' `UsageRecorded` events in the audit, a bar per quarter hour.
 */
export function Keys({ owners }: { readonly owners: ReadonlyArray<string> }) {
  const [owner, setOwner] = useState("")
  const [shown, setShown] = useState<string | undefined>(undefined)
  const keys = usePoll(async (signal) => {
    if (shown === undefined) return undefined
    const list = await call<{ keys: ReadonlyArray<KeySummary> }>("GET", "/v1/keys?limit=50", { owner: shown, signal })
    const stats = await Promise.all(list.keys.map((key) => call<KeyStats>("GET", `/v1/keys/${key.keyId}/stats`, { owner: shown, signal })))
    const since = Math.floor(Date.now() / 1000 / bucketSeconds) * bucketSeconds - (hours * 3600 - bucketSeconds)
    const buckets = Array.from({ length: (hours * 3600) / bucketSeconds }, (_, index) => since + index * bucketSeconds)
    let partial = false
    const usage = await Promise.all(list.keys.slice(0, colors.length).map(async (key) => {
      const tokens = buckets.map(() => 0)
      let after: number | undefined = 0
      for (let pages = 0; after !== undefined; pages++) {
        if (pages === mostPages) {
          partial = true
          break
        }
        const page: Page<LogEvent> = await call<Page<LogEvent>>(
          "GET",
          `/v1/admin/audit${query({ stream: `apikey-${key.keyId}`, type: "UsageRecorded", from: new Date(since * 1000).toISOString(), after, limit: 1000 })}`,
          { signal }
        )
        for (const event of page.events) {
          const index = Math.floor((Date.parse(event.recordedAt) / 1000 - since) / bucketSeconds)
          if (index >= 0 && index < tokens.length) tokens[index]! += (event.data as { tokens: number }).tokens
        }
        after = page.next
      }
      return tokens
    }))
    return { stats, partial, data: [buckets, ...usage] as ReadonlyArray<ReadonlyArray<number>> }
  }, 15_000, [shown])
  return (
    <section>
      <h2>Keys and usage</h2>
      <form class="inline" onSubmit={(e) => { e.preventDefault(); if (owner.trim() !== "") setShown(owner.trim()) }}>
        <label>
          owner <input name="owner" list="owners" value={owner} onInput={(e) => setOwner((e.target as HTMLInputElement).value)} />
        </label>
        <datalist id="owners">{owners.map((name) => <option key={name} value={name} />)}</datalist>
        <button type="submit" class="primary">Show</button>
        {owners.length > 0 && (
          <span class="muted">
            owners with keys:{" "}
            {owners.slice(0, 12).map((name) => (
              <a key={name} href="#" class="chip" onClick={(e) => { e.preventDefault(); setOwner(name); setShown(name) }}>{name}</a>
            ))}
          </span>
        )}
      </form>
      <ErrorLine error={keys.error} />
      {shown && keys.value && (
        <>
          <table data-testid="keys">
            <thead>
              <tr><th>key</th><th>model</th><th>limit / 5 h</th><th>used (window)</th><th>remaining</th><th>lifetime</th><th>expires</th><th>last used</th></tr>
            </thead>
            <tbody>
              {keys.value.stats.map((key) => (
                <tr key={key.keyId} class={key.isExpired ? "expired" : ""}>
                  <td>{key.name}<br /><code class="muted">{key.keyId}</code></td>
                  <td>{key.model ?? "any"}</td>
                  <td class="num">{key.tokenLimitPer5h}</td>
                  <td class="num">{key.currentUsage}</td>
                  <td class="num">
                    <meter min={0} max={key.tokenLimitPer5h} value={key.remainingTokens} /> {key.remainingTokens}
                  </td>
                  <td class="num">{key.lifetimeTokens}</td>
                  <td>{key.expiresAt === null ? "never" : `${time(key.expiresAt)}${key.isExpired ? " (expired)" : ""}`}</td>
                  <td>{key.lastUsed === null ? "never" : time(key.lastUsed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {keys.value.stats.length > 0 && (
            <Chart
              key={shown}
              title={`Tokens used by ${shown}'s keys, last ${hours} hours (per 15 minutes)`}
              lines={keys.value.stats.slice(0, colors.length).map((key, index) => ({ label: key.name, stroke: colors[index]! }))}
              data={keys.value.data}
              height={220}
              yLabel="tokens"
              bars
            />
          )}
          {keys.value.partial && <p class="muted">A key used more than {mostPages * 1000} times in {hours} hours: the chart shows its first {mostPages * 1000} uses.</p>}
        </>
      )}
    </section>
  )
}
