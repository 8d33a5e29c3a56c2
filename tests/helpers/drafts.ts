/**
 * Unpublished content added to the browser tests' database after seeding: a draft news story and
 * a draft directory entry with marker words, so the privacy tests can prove drafts never reach dist/.
 * Issue 20, phase B: a draft Polish translation of a published story with the same marker words,
 * and a published Urdu one (right to left), so every test that crawls the built pages (axe,
 * reflow, HTML validity, layout stability, privacy) also covers a translated story's page. The
 * Urdu text is a test fixture ("a test translation, for testing only"), never a real translation.
 * The same for a strategy and one of its priorities: a draft Polish strategy translation with the
 * marker words, and published Urdu ones, so the crawling tests cover translated strategy and
 * priority pages too. And a directory entry: a draft Polish translation of the seeded refuge with
 * the marker words, and a published Urdu one, so the crawling tests cover a translated service
 * page (right to left, with the refuge's confidential-location notice).
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
  const story = (await payload.find({ collection: 'news', where: { _status: { equals: 'published' } }, sort: '-date', limit: 1, depth: 0 })).docs[0]!
  const text = (words: string) => ({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, children: [{ type: 'text', version: 1, text: words, format: 0, detail: 0, mode: 'normal', style: '' }] }] } })
  await payload.create({
    collection: 'news-translations',
    draft: true,
    data: { story: story.id, language: 'pl', title: `${DRAFT_MARKER} translation`, summary: `${DRAFT_MARKER} translated summary`, body: text(`${DRAFT_MARKER} translated body`), translator: 'Test fixture', lastChecked: '2026-01-01', _status: 'draft' } as never,
  })
  await payload.create({
    collection: 'news-translations',
    data: { story: story.id, language: 'ur', title: 'آزمائشی ترجمہ', summary: 'یہ صرف جانچ کے لیے ہے۔', body: text('یہ صرف جانچ کے لیے ہے۔'), translator: 'Test fixture', lastChecked: '2026-01-01', _status: 'published' } as never,
  })
  const strategy = (await payload.find({ collection: 'strategies', where: { _status: { equals: 'published' } }, sort: 'slug', limit: 1, depth: 0 })).docs[0]!
  const priority = (await payload.find({ collection: 'priorities', where: { and: [{ strategy: { equals: strategy.id } }, { _status: { equals: 'published' } }] }, sort: 'order', limit: 1, depth: 0 })).docs[0]!
  await payload.create({
    collection: 'strategy-translations',
    draft: true,
    data: { strategy: strategy.id, language: 'pl', title: `${DRAFT_MARKER} strategy translation`, summary: `${DRAFT_MARKER} translated strategy summary`, translator: 'Test fixture', lastChecked: '2026-01-01', _status: 'draft' } as never,
  })
  await payload.create({
    collection: 'strategy-translations',
    data: { strategy: strategy.id, language: 'ur', title: 'آزمائشی حکمت عملی', summary: 'یہ صرف جانچ کے لیے ہے۔', body: text('یہ صرف جانچ کے لیے ہے۔'), translator: 'Test fixture', lastChecked: '2026-01-01', _status: 'published' } as never,
  })
  await payload.create({
    collection: 'priority-translations',
    data: { priority: priority.id, language: 'ur', title: 'آزمائشی ترجیح', goal: 'یہ صرف جانچ کے لیے ہے۔', approach: text('یہ صرف جانچ کے لیے ہے۔'), translator: 'Test fixture', lastChecked: '2026-01-01', _status: 'published' } as never,
  })
  const refuge = (await payload.find({ collection: 'services', where: { and: [{ slug: { equals: 'barking-and-dagenham-refuge-accommodation' } }, { _status: { equals: 'published' } }] }, limit: 1, depth: 0 })).docs[0]!
  await payload.create({
    collection: 'service-translations',
    draft: true,
    data: { service: refuge.id, language: 'pl', name: `${DRAFT_MARKER} service translation`, description: `${DRAFT_MARKER} translated service description`, eligibility: `${DRAFT_MARKER} translated eligibility`, translator: 'Test fixture', lastChecked: '2026-01-01', _status: 'draft' } as never,
  })
  await payload.create({
    collection: 'service-translations',
    data: { service: refuge.id, language: 'ur', name: 'آزمائشی خدمت', description: 'یہ صرف جانچ کے لیے ہے۔', howToAccess: 'یہ صرف جانچ کے لیے ہے۔', translator: 'Test fixture', lastChecked: '2026-01-01', _status: 'published' } as never,
  })
}
