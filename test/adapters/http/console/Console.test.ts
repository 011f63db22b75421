import { afterAll, beforeAll, describe, expect, test } from "bun:test"
import { gunzipSync } from "node:zlib"
import { contentSecurityPolicy } from "../../../../adapters/http/console/Console.ts"
import * as Backends from "../../../support/backends.ts"
import { type Running, startServer } from "../server.ts"

/** What the console's page is, before any browser runs it (see ConsoleInBrowser for that). */
describe("the console's files", () => {
  let server: Running
  beforeAll(async () => {
    server = await startServer(Backends.memory)
  }, 60_000)
  afterAll(() => server.close())

  test("are served under a strict Content-Security-Policy: only their own script, style and API", async () => {
    expect(contentSecurityPolicy).toContain("default-src 'self'")
    expect(contentSecurityPolicy).toContain("script-src 'self'")
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'")
    expect(contentSecurityPolicy).not.toMatch(/unsafe-|\*|https?:/)
    for (const path of ["/console", "/console/", "/console/console.js", "/console/console.css"]) {
      const response = await fetch(`${server.url}${path}`)
      expect({ path, status: response.status }).toEqual({ path, status: 200 })
      expect(response.headers.get("content-security-policy")).toBe(contentSecurityPolicy)
      expect(response.headers.get("x-content-type-options")).toBe("nosniff")
      expect(response.headers.get("referrer-policy")).toBe("no-referrer")
    }
  }, 60_000)

  test("the page has no inline script, style or handler: one script, by its path", async () => {
    const html = await (await fetch(`${server.url}/console`)).text()
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.map(([, attributes, body]) => ({ attributes: attributes!.trim(), body: body!.trim() }))).toEqual([
      { attributes: 'type="module" src="/console/console.js"', body: "" }
    ])
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=|https?:\/\//i)
  }, 60_000)

  test("the script is bundled whole — nothing fetched from elsewhere, no eval — and served gzipped to who takes it", async () => {
    const plain = await fetch(`${server.url}/console/console.js`, { headers: { "accept-encoding": "identity" }, decompress: false } as RequestInit)
    expect(plain.headers.get("content-type")).toContain("javascript")
    expect(plain.headers.get("content-encoding")).toBeNull()
    const script = await plain.text()
    // No eval, no module left to load (a bundle has no `import`), no address but XML namespaces.
    const found = (pattern: RegExp) => [...script.matchAll(pattern)].map((match) => script.slice(match.index, match.index + 40))
    expect(found(/\beval\(|new Function\(|\bimport\s*\(|\bimport\s*["'{*]|\bimport\s+\w+\s+from\b/g)).toEqual([])
    expect(found(/https?:\/\/(?!www\.w3\.org\/)/g)).toEqual([])
    const gzipped = await fetch(`${server.url}/console/console.js`, { headers: { "accept-encoding": "gzip" }, decompress: false } as RequestInit)
    expect(gzipped.headers.get("content-encoding")).toBe("gzip")
    expect(new TextDecoder().decode(gunzipSync(new Uint8Array(await gzipped.arrayBuffer())))).toBe(script)
    const css = await (await fetch(`${server.url}/console/console.css`)).text()
    expect(css).toContain(".uplot")
    expect(css).not.toMatch(/@import|url\(\s*["']?https?:/)
  }, 60_000)
})
