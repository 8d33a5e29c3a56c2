/** Shared preview links (cms/collections/preview-links): from a token to the document it shows. */
import type { Payload } from 'payload'
import { isPreviewCollection, type PreviewCollection } from './load'
import { idOfToken, tokenMatches } from '../../../cms/preview/tokens'

/** The link's document, or null for an unknown, expired or revoked link — never saying which. */
export async function resolveSharedLink(payload: Payload, token: string): Promise<{ collection: PreviewCollection; id: string } | null> {
  const id = idOfToken(token)
  if (!id) return null
  const link = await payload.findByID({ collection: 'preview-links', id, depth: 0, overrideAccess: true, showHiddenFields: true }).catch(() => null)
  if (!link?.salt || !tokenMatches(payload.secret, token, link.id, link.salt)) return null
  if (link.revoked || !link.expiresAt || new Date(link.expiresAt).getTime() <= Date.now()) return null
  if (!isPreviewCollection(link.collectionSlug)) return null
  return { collection: link.collectionSlug, id: String(link.documentId) }
}
