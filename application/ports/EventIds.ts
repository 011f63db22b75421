import { createHash } from "node:crypto"
import { Context, Effect } from "effect"

/**
 * Time-ordered event ids (UUIDv7): consecutive ids land next to each other in the unique
 * index, which keeps batched appends several times faster than random UUIDv4 ids.
 */
export const uuidV7 = (now: number = Date.now()): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  let time = now
  for (let index = 5; index >= 0; index--) {
    bytes[index] = time % 256
    time = Math.floor(time / 256)
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  // Every request makes one (its id), so the hex is looked up rather than formatted.
  let text = ""
  for (let index = 0; index < 16; index++) {
    text += hexOctets[bytes[index]!]!
    if (index === 3 || index === 5 || index === 7 || index === 9) text += "-"
  }
  return text
}

const hexOctets = Array.from({ length: 256 }, (_, octet) => octet.toString(16).padStart(2, "0"))

/**
 * A UUID-shaped id (version 8: custom) derived from `text` by SHA-256: the same text names
 * the same id in every process, on every attempt — how a resend, a step run again or a
 * copy recognises what it wrote before.
 */
export const hashedId = (text: string): string => {
  const bytes = createHash("sha256").update(text).digest()
  bytes[6] = (bytes[6]! & 0x0f) | 0x80
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.subarray(0, 16).toString("hex")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

export interface EventIdsService {
  readonly next: Effect.Effect<string>
}

export const EventIds = Context.Reference<EventIdsService>("strata/EventIds", {
  defaultValue: () => ({ next: Effect.sync(() => uuidV7()) })
})
