/**
 * The state of a document's live (main) row, which only a publish or an unpublish writes: Payload's
 * previousDoc may be a newer draft, so hooks that need "was it public before this change?" read
 * the row itself, inside the request's transaction — once per request and document.
 */
import type { CollectionSlug, PayloadRequest } from 'payload'

/** Is the live document of this id published right now? */
export async function isLive(slug: string, id: unknown, req: PayloadRequest): Promise<boolean> {
  if (id == null) return false
  const row = await req.payload.db.findOne<{ id: number | string; _status?: string }>({ collection: slug as CollectionSlug, req, where: { id: { equals: id } } })
  return row?._status === 'published'
}

/**
 * What liveBefore noted, by `collection:id`: one Map under one context key, as Payload copies every
 * key of `req.context` for each Local API call made with the request (cms/publishing/consistency.ts
 * says what a key per document cost).
 */
const NOTED = 'csp-hub.liveBefore'
const noted = (req: PayloadRequest) => (req.context[NOTED] ??= new Map<string, boolean>()) as Map<string, boolean>
const key = (slug: string, id: unknown) => `${slug}:${String(id)}`

/** Before the change is written: was the document live? Read once per operation; later hooks get the noted answer. */
export async function liveBefore(slug: string, id: unknown, req: PayloadRequest): Promise<boolean> {
  const known = noted(req).get(key(slug, id))
  if (typeof known === 'boolean') return known
  const live = await isLive(slug, id, req)
  noted(req).set(key(slug, id), live)
  return live
}

/**
 * After the change: what liveBefore noted (false when nobody asked before the write), forgotten so
 * that the next operation on the document in the same request reads afresh.
 */
export function takeLiveBefore(slug: string, id: unknown, req: PayloadRequest): boolean {
  const known = noted(req).get(key(slug, id)) === true
  noted(req).delete(key(slug, id))
  return known
}
