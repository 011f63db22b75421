import { existsSync } from "node:fs"

/**
 * Debian's Chromium, as the browser tests run it: `.ci/run` installs it (no npm package may
 * bring a browser here). Undefined where it is missing: the tests that need it say so and skip.
 */
export const chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path))

/**
 * Headless, offline, quiet: without the background-networking switches Chromium keeps
 * reaching for Google's hosts, which this machine's closed network refuses many at a time.
 */
export const chromiumFlags: ReadonlyArray<string> = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
]
