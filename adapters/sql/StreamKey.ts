import { createHash } from "node:crypto"

/**
 * Where the log keeps a stream's name in its first row (SQLite and LibSQL, see
 * ARCHITECTURE.md, "The log"): the id a stream takes when its first event is written, read
 * off its name — the first 52 bits of the name's SHA-256, above 2^52. An append finds its
 * stream's id without a table of names to ask or to write: a new stream costs its event
 * row and nothing more.
 *
 * Two names may share a key (one chance in 10,000 among a million streams): the first
 * stream written takes it, the other is listed with an id of its own (`strata_streams`),
 * as every stream written before this layout is. Listed ids are below 2^52, keys at or
 * above it and below 2^53 (a JavaScript number holds them exactly): the two never meet.
 *
 * What a name hashes to must never change: the log's rows are keyed by it.
 */
export type StreamKey = (name: string) => number

export const lowestKey = 2 ** 52

export const streamKey: StreamKey = (name) => {
  const digest = createHash("sha256").update(name, "utf8").digest()
  let bits = 0
  for (let index = 0; index < 6; index++) bits = bits * 256 + digest[index]!
  return lowestKey + bits * 16 + (digest[6]! >> 4)
}
