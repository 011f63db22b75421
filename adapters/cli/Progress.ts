import { Effect } from "effect"

/**
 * Progress of long work on stderr: a bar with rate and ETA on a terminal, a plain line
 * every few seconds otherwise (logs, CI).
 */
export const make = (label: string, total: number) => {
  const started = performance.now()
  const tty = process.stderr.isTTY === true
  let done = 0
  let lastPrinted = 0
  const line = (final: boolean) => {
    const seconds = (performance.now() - started) / 1000
    const rate = seconds > 0 ? done / seconds : 0
    const eta = rate > 0 && total > done ? Math.ceil((total - done) / rate) : 0
    const counts = `${done.toLocaleString("en")}/${total.toLocaleString("en")} (${Math.round(rate).toLocaleString("en")}/s`
    if (tty) {
      const width = 30
      const filled = total === 0 ? width : Math.round((done / total) * width)
      return `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${counts}, ETA ${eta}s)${final ? "\n" : ""}`
    }
    return `${label}: ${counts}, ETA ${eta}s)\n`
  }
  return {
    advance: (count: number) =>
      Effect.sync(() => {
        done += count
        const now = performance.now()
        if (now - lastPrinted >= (tty ? 100 : 2_000)) {
          lastPrinted = now
          process.stderr.write(line(false))
        }
      }),
    finish: Effect.sync(() => {
      process.stderr.write(line(true))
    })
  }
}
