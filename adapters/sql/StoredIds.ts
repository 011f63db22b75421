/**
 * How SQLite and LibSQL store the log's ids (event, correlation and causation ids): a UUID
 * in its canonical form — lowercase, 8-4-4-4-12 hex digits, what strata's own ids and
 * request ids are — as its 16 bytes, a blob; anything else as the text it is. Text of 36
 * characters becomes 16 bytes, in the row and in the event ids' unique index, and the text
 * comes back exactly: a copied log shows the same ids on every backend.
 *
 * The two forms never meet: an id is stored by its text alone, so the same id is always
 * the same value, and a blob never equals a text in SQLite's comparisons.
 */

const canonical = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const hexOctets = Array.from({ length: 256 }, (_, octet) => octet.toString(16).padStart(2, "0"))

const hexValue = (code: number) => (code <= 57 ? code - 48 : code - 87)

/** The value to store (and to compare with) for `id`. */
export const toStored = (id: string): string | Uint8Array => {
  if (id.length !== 36 || !canonical.test(id)) return id
  const bytes = new Uint8Array(16)
  let at = 0
  for (let index = 0; index < 16; index++) {
    if (at === 8 || at === 13 || at === 18 || at === 23) at++
    bytes[index] = (hexValue(id.charCodeAt(at)) << 4) | hexValue(id.charCodeAt(at + 1))
    at += 2
  }
  return bytes
}

/**
 * The id as it was given, from its stored form (bun:sqlite reads blobs as `Uint8Array`,
 * LibSQL as `ArrayBuffer`). Every event read formats one or two, so this is written out
 * (half the time of a loop, a fifth of `Buffer#toString("hex")` and slices).
 */
export const fromStored = (value: string | Uint8Array | ArrayBuffer): string => {
  if (typeof value === "string") return value
  const b = value instanceof Uint8Array ? value : new Uint8Array(value)
  const h = hexOctets
  return h[b[0]!]! + h[b[1]!]! + h[b[2]!]! + h[b[3]!]! + "-" + h[b[4]!]! + h[b[5]!]! + "-" + h[b[6]!]! + h[b[7]!]! + "-" +
    h[b[8]!]! + h[b[9]!]! + "-" + h[b[10]!]! + h[b[11]!]! + h[b[12]!]! + h[b[13]!]! + h[b[14]!]! + h[b[15]!]!
}

/** As `fromStored`, keeping an absent id absent. */
export const fromStoredOrNull = (value: string | Uint8Array | ArrayBuffer | null): string | null =>
  value === null ? null : fromStored(value)
