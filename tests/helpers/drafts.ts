/**
 * Unpublished content added to the browser tests' database after seeding: a draft news story and
 * a draft directory entry with marker words, so the privacy tests can prove drafts never reach dist/.
 */
import type { Payload } from 'payload'

export const DRAFT_MARKER = 'Zebrafinch unpublished draft'

export async function seedDrafts(payload: Payload) {
  await payload.create({
    collection: 'news',
    draft: true,
    data: { title: `${DRAFT_MARKER} news story`, slug: 'zebrafinch-draft-news', summary: `${DRAFT_MARKER} summary`, date: '2026-01-01', _status: 'draft' } as never,
  })
  const org = await payload.find({ collection: 'organisations', limit: 1, depth: 0 })
  await payload.create({
    collection: 'services',
    draft: true,
    data: {
      name: `${DRAFT_MARKER} service`,
      slug: 'zebrafinch-draft-service',
      organisation: org.docs[0]!.id,
      description: `${DRAFT_MARKER} description`,
      categories: ['domestic-abuse'],
      audiences: ['everyone'],
      areas: ['newham'],
      _status: 'draft',
    } as never,
  })
}
