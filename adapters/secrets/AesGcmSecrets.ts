import { Effect, Layer, Redacted } from "effect"
import type { SealedSecret } from "../../domain/SealedSecret.ts"
import { uuidV7 } from "../../application/ports/EventIds.ts"
import { KeyRing, Secrets, type SecretsService, SecretShredded, SecretUnreadable, type WrappedKey } from "../../application/ports/Secrets.ts"

export interface MasterKey {
  readonly id: string
  /** 32 bytes. */
  readonly key: Redacted.Redacted<Uint8Array>
}

export interface MasterKeys {
  /** Wraps new data keys. */
  readonly current: MasterKey
  /** Still unwrap the data keys they wrapped, until `rotateMasterKey` has re-wrapped them. */
  readonly previous: ReadonlyArray<MasterKey>
}

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64")
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, "base64"))
const utf8 = new TextEncoder()
/** WebCrypto's types want ArrayBuffer-backed views; ours always are. */
const view = (bytes: Uint8Array) => bytes as Uint8Array<ArrayBuffer>

const importKey = (raw: Uint8Array) =>
  Effect.promise(() => crypto.subtle.importKey("raw", view(raw), "AES-GCM", false, ["encrypt", "decrypt"]))

/** AES-256-GCM with a random 96-bit nonce; `context` is authenticated, so a ciphertext only opens where it belongs. */
const encrypt = (key: CryptoKey, plaintext: Uint8Array, context: string) =>
  Effect.promise(async () => {
    const iv = crypto.getRandomValues(new Uint8Array(12))
    const ciphertext = new Uint8Array(
      await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: utf8.encode(context) }, key, view(plaintext))
    )
    return { iv, ciphertext }
  })

const decrypt = (key: CryptoKey, iv: Uint8Array, ciphertext: Uint8Array, context: string) =>
  Effect.tryPromise({
    try: async () =>
      new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv: view(iv), additionalData: utf8.encode(context) }, key, view(ciphertext))),
    catch: () => "authentication failed" as const
  })

const keyContext = (keyId: string, owner: string) => `strata/data-key/${keyId}/${owner}`
const secretContext = (keyId: string, owner: string) => `strata/secret/${keyId}/${owner}`

/** Envelope encryption: per-owner data keys, wrapped by the master key; only the wrapped form is stored. */
export const make = (masterKeys: MasterKeys) =>
  Effect.gen(function*() {
    const keyRing = yield* KeyRing
    const masters = new Map<string, CryptoKey>()
    for (const master of [masterKeys.current, ...masterKeys.previous]) {
      masters.set(master.id, yield* importKey(Redacted.value(master.key)))
    }

    const unwrap = (wrapped: WrappedKey) =>
      Effect.gen(function*() {
        const master = masters.get(wrapped.masterKeyId)
        if (master === undefined) {
          return yield* new SecretUnreadable({
            owner: wrapped.owner,
            reason: `master key ${wrapped.masterKeyId} is not configured`
          })
        }
        const bytes = fromBase64(wrapped.wrapped)
        const raw = yield* decrypt(master, bytes.slice(0, 12), bytes.slice(12), keyContext(wrapped.keyId, wrapped.owner)).pipe(
          Effect.mapError((reason) => new SecretUnreadable({ owner: wrapped.owner, reason: `data key: ${reason}` }))
        )
        return { raw, key: yield* importKey(raw) }
      })

    const wrap = (keyId: string, owner: string, raw: Uint8Array) =>
      Effect.map(
        encrypt(masters.get(masterKeys.current.id)!, raw, keyContext(keyId, owner)),
        ({ ciphertext, iv }) => toBase64(new Uint8Array([...iv, ...ciphertext]))
      )

    const dataKeyOf = (owner: string) =>
      Effect.gen(function*() {
        const existing = yield* keyRing.byOwner(owner)
        if (existing !== undefined) return existing
        const keyId = uuidV7()
        const raw = crypto.getRandomValues(new Uint8Array(32))
        return yield* keyRing.insert({
          keyId,
          owner,
          masterKeyId: masterKeys.current.id,
          wrapped: yield* wrap(keyId, owner, raw),
          createdAt: new Date().toISOString()
        })
      })

    const service: SecretsService = {
      seal: (owner, plaintext) =>
        Effect.gen(function*() {
          const wrapped = yield* dataKeyOf(owner)
          const { key } = yield* unwrap(wrapped).pipe(Effect.orDie)
          const { ciphertext, iv } = yield* encrypt(key, utf8.encode(plaintext), secretContext(wrapped.keyId, owner))
          return { keyId: wrapped.keyId, iv: toBase64(iv), ciphertext: toBase64(ciphertext) } satisfies SealedSecret
        }),
      open: (owner, sealed) =>
        Effect.gen(function*() {
          const wrapped = yield* keyRing.byId(sealed.keyId)
          if (wrapped === undefined) return yield* new SecretShredded({ owner })
          if (wrapped.owner !== owner) {
            return yield* new SecretUnreadable({ owner, reason: "it was sealed for another owner" })
          }
          const { key } = yield* unwrap(wrapped)
          const plaintext = yield* decrypt(key, fromBase64(sealed.iv), fromBase64(sealed.ciphertext), secretContext(sealed.keyId, owner)).pipe(
            Effect.mapError((reason) => new SecretUnreadable({ owner, reason }))
          )
          return Redacted.make(new TextDecoder().decode(plaintext))
        }),
      forget: (owner) => keyRing.destroy(owner),
      rotateMasterKey: Effect.gen(function*() {
        let rotated = 0
        for (const wrapped of yield* keyRing.all) {
          if (wrapped.masterKeyId === masterKeys.current.id) continue
          const { raw } = yield* unwrap(wrapped)
          yield* keyRing.rewrap(wrapped.keyId, masterKeys.current.id, yield* wrap(wrapped.keyId, wrapped.owner, raw))
          rotated++
        }
        return rotated
      }),
      keyStatus: Effect.gen(function*() {
        const byMaster = new Map<string, { dataKeys: number; unreadable: number }>()
        for (const key of yield* keyRing.all) {
          const counts = byMaster.get(key.masterKeyId) ?? { dataKeys: 0, unreadable: 0 }
          byMaster.set(key.masterKeyId, counts)
          counts.dataKeys++
          // A master key of the same name but other bytes opens nothing: try each.
          if (masters.has(key.masterKeyId) && (yield* Effect.isFailure(unwrap(key)))) counts.unreadable++
        }
        return [...byMaster].map(([masterKeyId, counts]) => ({
          masterKeyId,
          ...counts,
          configured: masters.has(masterKeyId),
          current: masterKeyId === masterKeys.current.id
        }))
      })
    }
    return service
  })

export const layer = (masterKeys: MasterKeys) => Layer.effect(Secrets, make(masterKeys))
