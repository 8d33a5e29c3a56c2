/**
 * Preview of domestic homicide reviews (issue 21), against the running test CMS over HTTP. The
 * fictional Adult T (tests/helpers/review-fixtures.ts) is in the built site; the same review is made
 * here in the running CMS, through the REST API as an editor would, so its preview can be compared
 * with the built page — and so can the preview of the priority its recommendation answers, which
 * lists the review learning. Then: a draft's text previewed while the live review is unchanged; a
 * draft holding one of its redaction terms previews only the reason; staff only (partners never),
 * shared links as for every other document.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { REVIEW_FIXTURES as F, fixturePdf, sections } from '../helpers/review-fixtures'
import { PASSWORD, restClient, type Session } from '../helpers/rest'

const cms = inject('cmsUrl')
const siteDir = inject('siteDir')
const { call, login, admin } = restClient(cms)
const stamp = Date.now()
const DRAFT_TEXT = `Review preview draft ${stamp} marigold-otter`

let root: Session
let editor: Session
let partner: Session
let review: { id: number }
let priority: { id: number; slug: string; strategy: { slug: string } }
let letter: { id: number }
const recommendations: number[] = []
const users: number[] = []
const links: number[] = []

const preview = (route: string, session?: Session) =>
  fetch(`${cms}/preview/${route}`, { headers: session?.token ? { Authorization: `JWT ${session.token}` } : {}, redirect: 'manual' })

/** As in preview.e2e.test.ts: the preview's banner and head, bundle links, inline scripts and the CSP meta set aside. */
const comparable = (html: string) =>
  html
    .replace(/<div class="preview-banner".*?<\/div>/s, '')
    .replace(/<meta name="robots" content="noindex, nofollow"[^>]*>/, '')
    .replace(/<meta name="preview-version"[^>]*>/, '')
    .replace(/<meta http-equiv="content-security-policy"[^>]*>/i, '')
    .replace(/<link rel="stylesheet"[^>]*>/g, '')
    .replace(/<style>.*?<\/style>/gs, '')
    .replace(/<script\b[^>]*>.*?<\/script>/gs, '')

const first = async (route: string) => {
  const { status, json } = await call(root, 'GET', route)
  expect(status, JSON.stringify(json)).toBe(200)
  return json.docs as { id: number; slug: string; name?: string; strategy: { slug: string } }[]
}

beforeAll(async () => {
  root = await admin()
  // The owners Adult T has in the built site (review-fixtures.ts: the first partnership, the first
  // two published organisations and the first published priority, by slug) — among content/'s
  // records: other test files add records to this shared CMS, and one whose slug sorts first made
  // the preview name another owner than the built page (CI, full suite).
  const seeded = `where[createdAt][less_than_equal]=${encodeURIComponent(inject('cmsSeededAt'))}`
  const [partnership] = await first(`/partnerships?${seeded}&sort=slug&limit=1&depth=0`)
  const orgs = await first(`/organisations?${seeded}&where[_status][equals]=published&sort=slug&limit=2&depth=0`)
  ;[priority] = (await first(`/priorities?${seeded}&where[_status][equals]=published&sort=slug&limit=1&depth=1`)) as (typeof priority)[]
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(fixturePdf('Test fixture: not a real quality-assurance letter'))], { type: 'application/pdf' }), 'test-fixture-qa-letter.pdf')
  form.append('_payload', JSON.stringify({ alt: 'Test fixture PDF' }))
  const uploaded = await fetch(`${cms}/api/media`, { method: 'POST', headers: { Authorization: `JWT ${root.token}` }, body: form })
  expect(uploaded.status, await uploaded.clone().text()).toBe(201)
  letter = (await uploaded.json()).doc
  const made = await call(root, 'POST', '/reviews', {
    ...F.live,
    year: 2026, reviewType: 'domestic-homicide', partnership: partnership!.id, status: 'published',
    qaLetterReceivedOn: '2026-02-02T00:00:00.000Z',
    publicationChecks: { familyConsultedOn: '2026-02-16T00:00:00.000Z', familyOutcome: `${F.staffMarker}: family view`, criminalProceedings: 'concluded', inquest: 'concluded' },
    executiveSummary: sections(['About this test fixture', 'A fictional summary written for the automated tests.'], ['What the fixture shows', 'Headings become the contents list.']),
    report: sections(['Terms of reference', 'Fictional terms of reference.'], ['Findings', 'Fictional findings.']),
    qaLetter: letter.id, qaLetterTitle: F.qaLetterTitle, redactionTerms: [{ term: F.term }], _status: 'published',
  })
  expect(made.status, JSON.stringify(made.json)).toBe(201)
  review = made.json.doc
  for (const rec of [
    { recommendation: F.recommendation, organisation: orgs[0]!.id, status: 'in-progress', statusNote: 'Test fixture: training booked', priority: priority!.id, order: 1, dueDate: '2026-12-31T00:00:00.000Z' },
    { recommendation: 'Test fixture recommendation: a fictional policy is reviewed', organisation: orgs[1]!.id, status: 'done', order: 2 },
    { recommendation: 'Test fixture recommendation: a fictional pilot', organisation: orgs[1]!.id, status: 'not-accepted', statusNote: 'Test fixture: funded elsewhere', order: 3 },
  ]) {
    const r = await call(root, 'POST', '/recommendations', { ...rec, homicideReview: review.id, _status: 'published' })
    expect(r.status, JSON.stringify(r.json)).toBe(201)
    recommendations.push(r.json.doc.id)
  }
  // An editor, and a partner of the organisation that owns a recommendation of this review.
  for (const [role, organisation] of [['editor', undefined], ['partner', orgs[0]!.id]] as const) {
    const email = `review-preview-${role}-${stamp}@example.org`
    const user = await call(root, 'POST', '/users', { name: `Review preview ${role}`, email, password: PASSWORD, role, organisation })
    expect(user.status, JSON.stringify(user.json)).toBe(201)
    users.push(user.json.doc.id)
  }
  editor = await login(`review-preview-editor-${stamp}@example.org`, PASSWORD)
  partner = await login(`review-preview-partner-${stamp}@example.org`, PASSWORD)
})

afterAll(async () => {
  for (const id of links) await call(root, 'DELETE', `/preview-links/${id}`)
  for (const id of recommendations) await call(root, 'DELETE', `/recommendations/${id}`)
  if (review) await call(root, 'DELETE', `/reviews/${review.id}`)
  if (letter) await call(root, 'DELETE', `/media/${letter.id}`)
  for (const id of users) await call(root, 'DELETE', `/users/${id}`)
})

describe('the same page the site builds', () => {
  it('a published review’s preview equals its built page, rendered by the site’s own review component', async () => {
    const response = await preview(`reviews/${review.id}`, editor)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Preview — not published')
    expect(html).not.toContain(F.staffMarker)
    expect(comparable(html)).toBe(comparable(readFileSync(path.join(siteDir, 'reviews', F.live.slug, 'index.html'), 'utf8')))
  })

  it('a priority’s preview lists the review learning it answers, as its built page does', async () => {
    const html = await (await preview(`priorities/${priority.id}`, editor)).text()
    expect(html).toContain('Learning from domestic homicide reviews')
    expect(html).toContain(F.recommendation)
    expect(comparable(html)).toBe(comparable(readFileSync(path.join(siteDir, 'strategies', priority.strategy.slug, priority.slug, 'index.html'), 'utf8')))
  })
})

describe('a review draft', () => {
  it('shows the saved draft; the live review is unchanged', async () => {
    const saved = await call(editor, 'PATCH', `/reviews/${review.id}?draft=true`, { executiveSummary: sections(['Draft heading', DRAFT_TEXT]) })
    expect(saved.status, JSON.stringify(saved.json)).toBe(200)
    const html = await (await preview(`reviews/${review.id}`, editor)).text()
    expect(html).toContain(DRAFT_TEXT)
    const live = await call({}, 'GET', `/reviews/${review.id}`)
    expect(JSON.stringify(live.json.executiveSummary)).not.toContain(DRAFT_TEXT)
  })

  it('holding one of its redaction terms, previews only the reason — the field and the term’s number, never the term or the text', async () => {
    const saved = await call(editor, 'PATCH', `/reviews/${review.id}?draft=true`, { report: sections(['Findings', `${DRAFT_TEXT} names ${F.term}.`]) })
    expect(saved.status, JSON.stringify(saved.json)).toBe(200)
    const link = await call(editor, 'POST', '/preview-links', { label: `Review link ${stamp}`, collectionSlug: 'reviews', documentId: String(review.id) })
    expect(link.status, JSON.stringify(link.json)).toBe(201)
    links.push(link.json.doc.id)
    const url = new URL((await call(editor, 'GET', `/preview-links/${link.json.doc.id}`)).json.url as string).pathname
    for (const response of [await preview(`reviews/${review.id}`, editor), await fetch(cms + url)]) {
      expect(response.status).toBe(422)
      const body = await response.text()
      expect(body).toMatch(/its report: Not published: this field contains redaction term 1 of the review/)
      expect(body).not.toContain(F.term)
      expect(body).not.toContain(DRAFT_TEXT)
      expect(body).not.toContain('Fictional terms of reference')
    }
  })
})

describe('who may preview a review', () => {
  it('staff only: anonymous 401, a partner 404 — even one whose organisation owns a recommendation', async () => {
    expect((await preview(`reviews/${review.id}`)).status).toBe(401)
    const refused = await preview(`reviews/${review.id}`, partner)
    expect([403, 404]).toContain(refused.status)
    expect(await refused.text()).not.toContain(F.live.pseudonym)
    // The partner may not make a shared link either (the collection's access, as for every document).
    expect((await call(partner, 'POST', '/preview-links', { label: 'x', collectionSlug: 'reviews', documentId: String(review.id) })).status).toBe(403)
  })

  it('a shared link shows the draft without an account, and a plain 404 once revoked', async () => {
    const saved = await call(editor, 'PATCH', `/reviews/${review.id}?draft=true`, { report: sections(['Findings', `Clean ${DRAFT_TEXT}`]) })
    expect(saved.status, JSON.stringify(saved.json)).toBe(200)
    const made = await call(editor, 'POST', '/preview-links', { label: `Review link 2 ${stamp}`, collectionSlug: 'reviews', documentId: String(review.id) })
    expect(made.status, JSON.stringify(made.json)).toBe(201)
    links.push(made.json.doc.id)
    const url = new URL((await call(editor, 'GET', `/preview-links/${made.json.doc.id}`)).json.url as string).pathname
    const shown = await fetch(cms + url)
    expect(shown.status).toBe(200)
    const html = await shown.text()
    expect(html).toContain(`Clean ${DRAFT_TEXT}`)
    expect(html).not.toContain(F.staffMarker)
    expect(html).not.toContain(F.term)
    expect((await call(editor, 'PATCH', `/preview-links/${made.json.doc.id}`, { revoked: true })).status).toBe(200)
    expect((await fetch(cms + url)).status).toBe(404)
  })
})
