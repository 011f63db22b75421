import { Effect, Option } from "effect"
import type { Document, DocumentQuery, Documents } from "./Projection.ts"

/**
 * Documents held in a map, written through an overlay that a commit applies: the
 * in-memory store's read models, and the scratch space of a projection check.
 */

export type DocumentMap = Map<string, Document>

/** Values go through JSON as they would through a database, so memory behaves like SQL. */
export const viaJson = <A>(value: A): A => JSON.parse(JSON.stringify(value))

/** The documents of one generation, seen through the uncommitted writes of a transaction. */
export const overlayDocuments = (base: DocumentMap, overlay: Map<string, Document | null>): Documents => {
  const current = (key: string) => (overlay.has(key) ? overlay.get(key) ?? undefined : base.get(key))
  return {
    get: (key) => Effect.sync(() => Option.map(Option.fromNullishOr(current(key)), (document) => viaJson(document.doc))),
    put: (key, doc, index) =>
      Effect.sync(() => {
        overlay.set(key, { key, partition: index?.partition ?? null, sort: index?.sort ?? "", doc: viaJson(doc) })
      }),
    delete: (key) => Effect.sync(() => void overlay.set(key, null)),
    list: (query) =>
      Effect.sync(() => {
        const keys = new Set([...base.keys(), ...overlay.keys()])
        const documents = [...keys].flatMap((key) => {
          const document = current(key)
          return document === undefined ? [] : [document]
        })
        return listDocuments(documents, query)
      })
  }
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export const listDocuments = (documents: ReadonlyArray<Document>, query: DocumentQuery): ReadonlyArray<Document> => {
  const descending = query.order === "desc"
  const sorted = documents
    .filter((document) => document.partition === query.partition)
    .filter((document) =>
      query.after === undefined || (descending ? document.sort < query.after : document.sort > query.after)
    )
    .sort((a, b) => (byteOrder(a.sort, b.sort) || byteOrder(a.key, b.key)) * (descending ? -1 : 1))
  return viaJson(query.limit === undefined ? sorted : sorted.slice(0, query.limit))
}

