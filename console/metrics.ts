/** One sample of Prometheus' text format: a name, its labels, a value. */
export interface Sample {
  readonly name: string
  readonly labels: Readonly<Record<string, string>>
  readonly value: number
}

/** Reads `/metrics` (text format 0.0.4): comments skipped, escaped label values undone. */
export const parseMetrics = (text: string): ReadonlyArray<Sample> => {
  const samples: Array<Sample> = []
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line)
    if (match === null) continue
    const labels: Record<string, string> = {}
    for (const label of (match[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[label[1]!] = label[2]!.replace(/\\n/g, "\n").replace(/\\(.)/g, "$1")
    }
    samples.push({ name: match[1]!, labels, value: Number(match[3]) })
  }
  return samples
}
