import "uplot/dist/uPlot.min.css"
import "./console.css"
import { render } from "preact"
import { useEffect, useState } from "preact/hooks"
import { call, type LogEvent, onSignedOut, type Page, signedIn, signIn, signOut } from "./api.ts"
import { Cutover } from "./screens/Cutover.tsx"
import { Keys } from "./screens/Keys.tsx"
import { LiveTail } from "./screens/LiveTail.tsx"
import { Overview } from "./screens/Overview.tsx"
import { Streams } from "./screens/Streams.tsx"
import { Trace } from "./screens/Trace.tsx"
import { Confirm, type Pending } from "./ui.tsx"

const screens = [
  ["overview", "Overview"],
  ["cutover", "Cutover"],
  ["streams", "Streams and events"],
  ["trace", "Trace"],
  ["keys", "Keys and usage"],
  ["live", "Live tail"]
] as const
type Screen = typeof screens[number][0]

/** The screen is in the URL's fragment (so that a reload keeps it); nothing else is. */
const screenOf = (hash: string): Screen => screens.find(([name]) => `#${name}` === hash)?.[0] ?? "overview"

function Login({ done }: { readonly done: () => void }) {
  const [token, setToken] = useState("")
  const [error, setError] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await signIn(token)
      setToken("")
      done()
    } catch (caught) {
      setError((caught as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <main class="login">
      <form onSubmit={submit}>
        <h1>strata console</h1>
        <p class="muted">The admin token (<code>STRATA_ADMIN_TOKEN</code>, or <code>admin.token</code> beside an embedded database). It stays in this tab and is sent only as a bearer token.</p>
        <label>
          admin token
          <input type="password" name="token" autocomplete="off" required value={token} onInput={(e) => setToken((e.target as HTMLInputElement).value)} />
        </label>
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" class="primary" disabled={busy}>{busy ? "Checking…" : "Sign in"}</button>
      </form>
    </main>
  )
}

function App() {
  const [authenticated, setAuthenticated] = useState(signedIn())
  const [screen, setScreen] = useState<Screen>(screenOf(location.hash))
  const [pending, setPending] = useState<Pending | undefined>(undefined)
  const [stream, setStream] = useState<string | undefined>(undefined)
  const [trace, setTrace] = useState<string | undefined>(undefined)
  const [owners, setOwners] = useState<ReadonlyArray<string>>([])
  useEffect(() => onSignedOut(() => setAuthenticated(false)), [])
  useEffect(() => {
    const changed = () => setScreen(screenOf(location.hash))
    addEventListener("hashchange", changed)
    return () => removeEventListener("hashchange", changed)
  }, [])
  useEffect(() => {
    if (!authenticated) return
    // Owners with keys, for the Keys screen: from the keys' creation events.
    call<Page<LogEvent>>("GET", "/v1/admin/audit?type=ApiKeyCreated&limit=1000")
      .then((page) => setOwners([...new Set(page.events.map((event) => (event.data as { owner: string }).owner))].sort()))
      .catch(() => setAuthenticated(signedIn()))
  }, [authenticated])
  if (!authenticated) return <Login done={() => setAuthenticated(true)} />
  const go = (next: Screen) => (location.hash = next)
  const openStream = (id: string | undefined) => {
    setStream(id)
    go("streams")
  }
  const openTrace = (id: string) => {
    setTrace(id)
    go("trace")
  }
  return (
    <>
      <header>
        <strong class="brand">strata</strong>
        <nav>
          {screens.map(([name, label]) => (
            <a key={name} href={`#${name}`} class={screen === name ? "active" : ""}>{label}</a>
          ))}
        </nav>
        <button type="button" class="link" onClick={() => { signOut(); setAuthenticated(false) }}>Sign out</button>
      </header>
      <main>
        {screen === "overview" && <Overview confirm={setPending} />}
        {screen === "cutover" && <Cutover confirm={setPending} />}
        {screen === "streams" && <Streams stream={stream} openStream={openStream} openTrace={openTrace} />}
        {screen === "trace" && <Trace initial={trace} openStream={(id) => openStream(id)} />}
        {screen === "keys" && <Keys owners={owners} />}
        {screen === "live" && <LiveTail openStream={(id) => openStream(id)} />}
      </main>
      <Confirm pending={pending} close={() => setPending(undefined)} />
    </>
  )
}

render(<App />, document.getElementById("app")!)
