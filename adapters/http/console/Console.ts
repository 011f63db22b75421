import { join } from "node:path"
import { gzipSync } from "node:zlib"
import { problemHeaders, problemOf } from "../Problem.ts"

/**
 * The operator console at `/console`: a page, one script and one style sheet, bundled from
 * `console/` (the front end's source) by Bun's own bundler at the first request and kept in
 * memory for the life of the process. Nothing is fetched from anywhere else, and the page
 * holds no power of its own: every action it offers is a call of the admin API, with the
 * token the operator typed in, sent as `Authorization: Bearer` only.
 *
 * *Why at first request, not at build time.* strata runs from its source (`bun main.ts`):
 * there is no build step to hang an artifact on, and an artifact in the repository would
 * drift from its source. Bundling takes a fraction of a second once per process; a process
 * whose operators never open the console never pays it.
 */

const source = join(import.meta.dir, "../../../console")

/**
 * Only the console's own files: no inline script or style, no eval, no other origin. uPlot
 * and Preact set styles through the CSSOM (`element.style`), which the policy allows.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join("; ")

const securityHeaders = {
  "content-security-policy": contentSecurityPolicy,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin"
}

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>strata console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/console.css">
<script type="module" src="/console/console.js"></script>
</head>
<body><div id="app"></div></body>
</html>
`

export interface Bundle {
  readonly js: Uint8Array
  readonly css: Uint8Array
}

/** The bundle, and the same gzipped once, for browsers that take it (all do). */
interface Served {
  readonly plain: Bundle
  readonly gzipped: Bundle
}

/** Bundles the console: minified, for browsers, every import (Preact, uPlot and its CSS) inside. */
export const build = async (): Promise<Bundle> => {
  const result = await Bun.build({
    entrypoints: [join(source, "main.tsx")],
    target: "browser",
    format: "esm",
    minify: true,
    sourcemap: "none",
    define: { "process.env.NODE_ENV": '"production"' }
  })
  if (!result.success) throw new AggregateError(result.logs, "the console could not be bundled")
  const js = result.outputs.find((output) => output.kind === "entry-point")
  const css = result.outputs.find((output) => output.path.endsWith(".css"))
  if (js === undefined || css === undefined) throw new Error("the console's bundle lacks its script or its style sheet")
  return { js: new Uint8Array(await js.arrayBuffer()), css: new Uint8Array(await css.arrayBuffer()) }
}

let bundled: Promise<Served> | undefined

/** The bundle, made once per process; a failed bundling is tried again at the next request. */
const bundle = () => {
  bundled ??= build().then((plain) => ({
    plain,
    gzipped: { js: gzipSync(plain.js, { level: 9 }), css: gzipSync(plain.css, { level: 9 }) }
  })).catch((error) => {
    bundled = undefined
    throw error
  })
  return bundled
}

const unavailable = (error: unknown) => {
  console.error("strata console:", error)
  const body = problemOf(503, "unavailable", "Service unavailable", "the console could not be bundled; see the server's log", { retryAfter: 5 })
  return new Response(JSON.stringify(body), { status: 503, headers: { ...problemHeaders(body), ...securityHeaders } })
}

const asset = (part: keyof Bundle, contentType: string) => async (request: Request) => {
  try {
    const served = await bundle()
    const gzip = /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "")
    return new Response(gzip ? served.gzipped[part] : served.plain[part], {
      headers: {
        "content-type": contentType,
        "cache-control": "no-cache",
        vary: "accept-encoding",
        ...(gzip ? { "content-encoding": "gzip" } : {}),
        ...securityHeaders
      }
    })
  } catch (error) {
    return unavailable(error)
  }
}

const index = () =>
  new Response(page, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...securityHeaders } })

/** The console's routes, for Bun's router (beside the native routes, in front of HttpApi). */
export const routes: Record<string, Record<string, (request: Request) => Response | Promise<Response>>> = {
  "/console": { GET: index },
  "/console/": { GET: index },
  "/console/console.js": { GET: asset("js", "text/javascript; charset=utf-8") },
  "/console/console.css": { GET: asset("css", "text/css; charset=utf-8") }
}
