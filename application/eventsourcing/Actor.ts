/**
 * Who did it, as the log records it (`EventMetadata.actor`): an owner through one of their
 * API keys, `bob (key <keyId>)`; the admin acting for an owner, `admin (for bob)`; the admin
 * for nobody, `admin`; or a process's own name (`cutover`, `import`). The owner is part of
 * the text, not a field of its own, so that events keep their stored shape and a copied
 * log stays byte-identical; the audit finds an owner's events by these forms.
 *
 * Events the admin wrote for an owner before this form existed say only `admin`: they are
 * found by `actor: "admin"`, not by their owner.
 */

export const admin = "admin"

export const ofKey = (owner: string, keyId: string) => `${owner} (key ${keyId})`

export const adminFor = (owner: string) => `admin (for ${owner})`

/** What every actor of an owner's keys begins with. */
export const keyPrefix = (owner: string) => `${owner} (key `

/** What every actor of a key ends with. */
export const keySuffix = (keyId: string) => ` (key ${keyId})`

/**
 * Done by this owner, through any of their keys, or by the admin for them. A key id has no
 * space (they are UUIDs), so what follows an owner's prefix has none either: an owner named
 * `bob (key x)` is not bob. Case counts, as in owner names everywhere.
 */
export const isOwners = (actor: string, owner: string) =>
  actor === adminFor(owner) ||
  (actor.startsWith(keyPrefix(owner)) && !actor.slice(keyPrefix(owner).length).includes(" "))

/** Done through this key. */
export const isKeys = (actor: string, keyId: string) => actor.endsWith(keySuffix(keyId))

/** A text's length as SQL counts it (characters, not UTF-16 units). */
export const characters = (text: string) => [...text].length
