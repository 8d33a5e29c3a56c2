/**
 * Domestic homicide reviews in the admin (issue 21), in Chromium against the shared test CMS, on
 * this file's own fictional records: an editor's Publish is refused with the reason until the
 * family's consultation is recorded, then goes through; a partner updates their organisation's
 * recommendation through "Submit for review", and the live record waits for an editor.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../helpers/chromium'
import { PASSWORD, restClient, type Session } from '../helpers/rest'
import { sections } from '../helpers/review-fixtures'

const cms = inject('cmsUrl')
const { call, login, admin } = restClient(cms)
const stamp = Date.now()
const anonymous: Session = {}

let browser: Browser
let root: Session
let editor: Session
let partner: Session
let org: number
let reviewId: number
let recommendationId: number
const users: number[] = []

beforeAll(async () => {
  browser = await launchChromium()
  root = await admin()
  const madeOrg = await call(root, 'POST', '/organisations', { name: `Reviews admin test organisation ${stamp}`, type: 'charity', _status: 'published' })
  expect(madeOrg.status, JSON.stringify(madeOrg.json)).toBe(201)
  org = madeOrg.json.doc.id
  for (const [role, organisation] of [['editor', undefined], ['partner', org]] as const) {
    const made = await call(root, 'POST', '/users', { name: `Reviews admin ${role}`, email: `reviews-admin-${role}-${stamp}@example.org`, password: PASSWORD, role, organisation })
    expect(made.status, JSON.stringify(made.json)).toBe(201)
    users.push(made.json.doc.id)
  }
  editor = await login(`reviews-admin-editor-${stamp}@example.org`, PASSWORD)
  partner = await login(`reviews-admin-partner-${stamp}@example.org`, PASSWORD)
  const partnership = (await call(root, 'GET', '/partnerships?limit=1&depth=0&sort=id')).json.docs[0].id
  // Everything but the outcome of the family's consultation.
  const review = await call(editor, 'POST', '/reviews?draft=true', {
    pseudonym: `Adult Admin (test fixture) ${stamp}`, year: 2026, reviewType: 'domestic-homicide', partnership, status: 'published',
    executiveSummary: sections(['Summary', 'Fictional admin test summary.']), qaLetterReceivedOn: '2026-03-02T00:00:00.000Z',
    publicationChecks: { familyConsultedOn: '2026-03-10T00:00:00.000Z', criminalProceedings: 'none', inquest: 'concluded' }, _status: 'draft',
  })
  expect(review.status, JSON.stringify(review.json)).toBe(201)
  reviewId = review.json.doc.id
})

afterAll(async () => {
  await browser?.close()
  // Let go of the locks the forms took, then remove this file's records.
  for (const id of users) {
    const locks = (await call(root, 'GET', `/payload-locked-documents?where[user.value][equals]=${id}&depth=0&limit=100`)).json?.docs ?? []
    for (const lock of locks) await call(root, 'DELETE', `/payload-locked-documents/${lock.id}`)
  }
  if (recommendationId) await call(root, 'DELETE', `/recommendations/${recommendationId}`)
  if (reviewId) await call(root, 'DELETE', `/reviews/${reviewId}`)
  for (const id of users) await call(root, 'DELETE', `/users/${id}`)
  if (org) await call(root, 'DELETE', `/organisations/${org}`)
})

async function signedIn(session: Session): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
  await context.addCookies([{ name: 'payload-token', value: session.token!, url: cms }])
  return { context, page: await context.newPage() }
}

describe('an editor publishing a review', () => {
  it('is refused with the reason while the family’s view is not recorded, and publishes once it is', async () => {
    const { context, page } = await signedIn(editor)
    await page.goto(`${cms}/admin/collections/reviews/${reviewId}`)
    await page.locator('#field-pseudonym').waitFor()
    await page.getByRole('button', { name: 'Publish changes', exact: true }).click()
    const toast = page.locator('.payload-toast-container')
    await expect.poll(async () => (await toast.textContent()) ?? '', { timeout: 30_000 }).toMatch(/record the outcome of the consultation with the family/)
    expect((await call(anonymous, 'GET', `/reviews/${reviewId}`)).status).toBe(404)
    // The README's picture, once the notice has finished sliding in.
    if (process.env.REVIEW_SCREENSHOTS) await page.waitForTimeout(800).then(() => page.screenshot({ path: 'docs/screenshots/admin-review-publish-refused.png' }))

    const outcome = page.locator('#field-publicationChecks__familyOutcome')
    await outcome.scrollIntoViewIfNeeded()
    await outcome.fill('Fictional: the family agreed to publication under this pseudonym.')
    await page.getByRole('button', { name: 'Publish changes', exact: true }).click()
    await expect.poll(async () => (await call(anonymous, 'GET', `/reviews/${reviewId}`)).status, { timeout: 30_000 }).toBe(200)
    const seen = (await call(anonymous, 'GET', `/reviews/${reviewId}`)).json
    expect(seen.publicationChecks).toBeUndefined()
    await context.close()
  })
})

describe('a partner updating their recommendation', () => {
  it('submits the progress for review from the form; the live record waits for an editor', async () => {
    const rec = await call(editor, 'POST', '/recommendations', { homicideReview: reviewId, recommendation: `Fictional admin recommendation ${stamp}`, organisation: org, status: 'not-started', dueDate: '2027-03-31T00:00:00.000Z', _status: 'published' })
    expect(rec.status, JSON.stringify(rec.json)).toBe(201)
    recommendationId = rec.json.doc.id
    const { context, page } = await signedIn(partner)
    await page.goto(`${cms}/admin/collections/recommendations/${recommendationId}`)
    const note = page.locator('#field-statusNote')
    await note.waitFor()
    await note.fill(`Fictional: training booked ${stamp}`)
    await page.getByRole('button', { name: 'Submit for review', exact: true }).click()
    await expect
      .poll(async () => (await call(editor, 'GET', `/recommendations/${recommendationId}?draft=true`)).json.statusNote, { timeout: 30_000 })
      .toBe(`Fictional: training booked ${stamp}`)
    const draft = (await call(editor, 'GET', `/recommendations/${recommendationId}?draft=true`)).json
    expect(draft.review.state).toBe('pending')
    expect((await call(anonymous, 'GET', `/recommendations/${recommendationId}`)).json.statusNote ?? null).toBeNull()
    // The wording is the comms team's: the partner's form shows it read-only.
    expect(await page.locator('#field-recommendation').isDisabled()).toBe(true)
    await context.close()
    // It waits in the editors' review queue, like a directory entry.
    const desk = await signedIn(editor)
    await desk.page.goto(`${cms}/admin/review`)
    const row = desk.page.locator('.csp-review__table tr', { hasText: `Fictional admin recommendation ${stamp}` })
    await row.waitFor({ timeout: 30_000 })
    expect(await row.textContent()).toContain('Review recommendation progress')
    await desk.context.close()
  })

  it('lists the partner’s recommendations on their own review page, with progress, due date and the update awaiting review', async () => {
    const { context, page } = await signedIn(partner)
    await page.goto(`${cms}/admin/review`)
    const row = page.locator('.csp-review__recommendations tr', { hasText: `Fictional admin recommendation ${stamp}` })
    await row.waitFor({ timeout: 30_000 })
    const cells = (await row.locator('td').allTextContents()).map((t) => t.trim())
    // Their saved progress, its due date, and that the update awaits an editor.
    expect(cells.slice(1, 4)).toEqual(['Not started', '31 Mar 2027', 'Awaiting review'])
    expect(await row.locator('a').getAttribute('href')).toBe(`/admin/collections/recommendations/${recommendationId}`)
    // Their directory entries stay on the same page.
    expect(await page.getByRole('heading', { name: 'Your directory entries' }).count()).toBe(1)
    await context.close()
  })
})
