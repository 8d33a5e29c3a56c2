/**
 * axe-core (WCAG 2.0/2.1/2.2 A and AA) in Chromium on every admin screen partners and editors use
 * (issue 16), signed in as a partner of one organisation and as an editor. Fails on any critical
 * or serious violation, except the few listed in KNOWN below, each with the reason it cannot be
 * fixed from outside Payload's admin. Also: the partner's list and edit form reflow at 320 px.
 *
 * With ADMIN_AXE_REPORT=<file> the raw counts (per screen, per rule, every impact) are written
 * there, for the README's record.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../helpers/chromium'
import { PASSWORD, restClient, type Session } from '../helpers/rest'
import { renderWholePage } from '../helpers/admin-form'

const cms = inject('cmsUrl')
const api = restClient(cms)
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const FAILING = new Set(['critical', 'serious'])

/**
 * Known exceptions: violations in Payload's own components that neither configuration, CSS nor a
 * custom component can reach. Each names the screen (a pattern over the screen's name), the axe
 * rule, the element (a pattern over its selector) and why. Keep this list as short as possible.
 */
type Known = { screen: RegExp; rule: string; selector: RegExp; reason: string }
const KNOWN: Known[] = []

type Node = { target: string[]; failureSummary: string; html: string }
type Violation = { id: string; impact: string; help: string; nodes: Node[] }
type Screen = { name: string; path: string }

const stamp = Date.now()
let browser: Browser
let admin: Session
let partner: Session
let editor: Session
let orgId: number
let serviceId: number
let editorServiceId: number
let versionId: string
let mediaId: number | undefined
let reviewId: number | undefined
let translationId: number | undefined
let strategyTranslationId: number | undefined
let priorityTranslationId: number | undefined
let serviceTranslationId: number | undefined
let recommendationId: number | undefined
const counts: Record<string, Record<string, { impact: string; nodes: number }>> = {}

async function signedIn(session: Session | undefined, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  if (session?.token) await context.addCookies([{ name: 'payload-token', value: session.token, url: cms }])
  return { context, page: await context.newPage() }
}

/** Opens the screen and waits for Payload's client to settle: forms and lists render after hydration. */
async function open(page: Page, path: string) {
  const response = await page.goto(cms + path, { waitUntil: 'networkidle' })
  expect(response?.status(), path).toBeLessThan(400)
  // Generous: other e2e files rebuild the site on the same two cores, and a page can wait for them.
  await page.waitForSelector('.template-default, .template-minimal', { timeout: 90_000 }).catch((error: Error) => {
    throw new Error(`${path} did not show an admin page: ${error.message.split('\n')[0]}`)
  })
  // The admin's names are repaired in the browser (cms/components/a11y), from hydration on and
  // then in the same microtask as each change: wait until the admin has hydrated.
  await page.waitForFunction(() => document.documentElement.dataset.a11yRepaired === 'true', null, { timeout: 90_000 }).catch((error: Error) => {
    throw new Error(`${path} did not hydrate: ${error.message.split('\n')[0]}`)
  })
  await renderWholePage(page)
}

/**
 * The screen's failures once it has settled: parts of a screen render after hydration (a list's
 * rows, a drawer's fields) and axe can look between two of Payload's renders, so a screen with
 * failures is looked at again, every 2 s for up to 30 s. A failure that stays that long fails.
 */
async function checked(page: Page, screen: string): Promise<string> {
  let found = failures(screen, await axe(page))
  for (let attempt = 0; found && attempt < 15; attempt++) {
    await page.waitForTimeout(2_000)
    found = failures(screen, await axe(page))
  }
  return found
}

/** Lets go of the document locks a user's screens took (Payload keeps them 5 minutes otherwise). */
async function releaseLocks(session: Session) {
  const locks = (await api.call(admin, 'GET', `/payload-locked-documents?where[user.value][equals]=${session.id}&depth=0&limit=100`)).json.docs as { id: number }[]
  for (const lock of locks ?? []) await api.call(admin, 'DELETE', `/payload-locked-documents/${lock.id}`)
}

async function axe(page: Page): Promise<Violation[]> {
  await page.evaluate(axeSource)
  return (await page.evaluate(async (tags) => {
    // @ts-expect-error axe is a global once its source has run
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return result.violations
  }, TAGS)) as Violation[]
}

const known = (screen: string, rule: string, node: Node) =>
  KNOWN.some((k) => k.screen.test(screen) && k.rule === rule && k.selector.test(node.target.join(' ')))

/** Every critical or serious violation not covered by a named exception, readable in a failure. */
function failures(screen: string, violations: Violation[]) {
  const lines: string[] = []
  counts[screen] = {}
  for (const v of violations) {
    counts[screen]![v.id] = { impact: v.impact, nodes: v.nodes.length }
    if (!FAILING.has(v.impact)) continue
    for (const node of v.nodes.filter((n) => !known(screen, v.id, n))) {
      lines.push(`${screen}: [${v.impact}] ${v.id} — ${v.help}\n    at ${node.target.join(' ')}\n    ${node.html.slice(0, 160)}`)
    }
  }
  return lines.join('\n')
}

beforeAll(async () => {
  admin = await api.admin()
  // An organisation and entry of this test's own: it holds a lock on the entry, and a lock makes
  // Payload refuse other users' saves (423), so a seeded entry would trip other e2e files.
  const org = await api.call(admin, 'POST', '/organisations', { name: `Accessibility test organisation ${stamp}`, type: 'charity', _status: 'published' })
  expect(org.status, JSON.stringify(org.json)).toBe(201)
  orgId = org.json.doc.id
  const entry = await api.call(admin, 'POST', '/services', {
    name: `Accessibility test service ${stamp}`, organisation: orgId, description: 'A support line for the accessibility test.',
    categories: ['domestic-abuse'], audiences: ['everyone'], areas: ['newham'], _status: 'published',
  })
  expect(entry.status, JSON.stringify(entry.json)).toBe(201)
  const second = await api.call(admin, 'POST', '/services', {
    name: `Accessibility test service (editor's form) ${stamp}`, organisation: orgId, description: 'A second support line for the accessibility test.',
    categories: ['domestic-abuse'], audiences: ['everyone'], areas: ['newham'], _status: 'published',
  })
  expect(second.status, JSON.stringify(second.json)).toBe(201)
  editorServiceId = second.json.doc.id
  const make = async (role: string, email: string, organisation?: number) => {
    const created = await api.call(admin, 'POST', '/users', { name: `${role} ${stamp}`, email, password: PASSWORD, role, ...(organisation ? { organisation } : {}) })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    return api.login(email, PASSWORD)
  }
  partner = await make('partner', `a11y-partner-${stamp}@example.org`, orgId)
  editor = await make('editor', `a11y-editor-${stamp}@example.org`)
  // A version to compare: the partner saves a change to one of their entries (a draft for review).
  const service = (await api.call(partner, 'GET', `/services?where[organisation][equals]=${orgId}&depth=0&limit=1`)).json.docs[0]
  serviceId = service.id
  expect((await api.call(partner, 'PATCH', `/services/${serviceId}?draft=true`, { openingHours: `Monday to Friday, 9am to 5pm (${stamp})` })).status).toBe(200)
  const versions = (await api.call(partner, 'GET', `/services/versions?where[parent][equals]=${serviceId}&sort=-updatedAt&depth=0&limit=1`)).json.docs
  versionId = String(versions[0].id)
  // One upload, so the media edit form has something to show (deleted afterwards).
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 0, g: 110, b: 120 } } }).png().toBuffer()
  const form = new FormData()
  form.append('file', new Blob([png], { type: 'image/png' }), `a11y-${stamp}.png`)
  form.append('_payload', JSON.stringify({ alt: 'A plain teal rectangle for the accessibility test' }))
  const upload = await fetch(`${cms}/api/media`, { method: 'POST', headers: { Authorization: `JWT ${admin.token}` }, body: form })
  if (upload.status === 201) mediaId = ((await upload.json()) as { doc: { id: number } }).doc.id
  // A fictional draft review and one recommendation the partner's organisation owns (issue 21), this test's own.
  const review = await api.call(admin, 'POST', '/reviews?draft=true', { pseudonym: `Adult A11y (test fixture) ${stamp}`, year: 2026, reviewType: 'domestic-homicide', partnership: (await api.call(admin, 'GET', '/partnerships?limit=1&depth=0')).json.docs[0].id, status: 'in-progress', _status: 'draft' })
  expect(review.status, JSON.stringify(review.json)).toBe(201)
  reviewId = review.json.doc.id
  const rec = await api.call(admin, 'POST', '/recommendations?draft=true', { homicideReview: reviewId, recommendation: `Test fixture recommendation for the accessibility test ${stamp}`, organisation: orgId, status: 'not-started', _status: 'draft' })
  expect(rec.status, JSON.stringify(rec.json)).toBe(201)
  recommendationId = rec.json.doc.id
  // A draft Polish translation of a seeded story (issue 20, phase B), this test's own: its form, and the story's language panel.
  const story = (await api.call(admin, 'GET', '/news?limit=1&depth=0&sort=id')).json.docs[0]
  const translation = await api.call(admin, 'POST', '/news-translations?draft=true', { story: story.id, language: 'pl', title: `Tłumaczenie testowe ${stamp}`, summary: 'Test fixture.', translator: 'Test fixture', lastChecked: '2026-11-24', _status: 'draft' })
  expect(translation.status, JSON.stringify(translation.json)).toBe(201)
  translationId = translation.json.doc.id
  // Draft Romanian translations of a strategy and of a priority, this test's own (one per document
  // and language: pick ones no other test translated into Romanian).
  const untranslated = async (collection: 'strategies' | 'priorities', translations: string, field: string) => {
    const taken = new Set(((await api.call(admin, 'GET', `/${translations}?where[language][equals]=ro&depth=0&limit=1000&draft=true`)).json.docs as Record<string, number>[]).map((t) => t[field]))
    const docs = (await api.call(admin, 'GET', `/${collection}?where[_status][equals]=published&depth=0&limit=1000&sort=id`)).json.docs as { id: number }[]
    const doc = docs.find((d) => !taken.has(d.id))
    if (!doc) throw new Error(`every ${collection} record already has a Romanian translation`)
    return doc.id
  }
  const strategyTranslation = await api.call(admin, 'POST', '/strategy-translations?draft=true', { strategy: await untranslated('strategies', 'strategy-translations', 'strategy'), language: 'ro', title: `Traducere de test ${stamp}`, summary: 'Test fixture.', translator: 'Test fixture', lastChecked: '2026-11-24', _status: 'draft' })
  expect(strategyTranslation.status, JSON.stringify(strategyTranslation.json)).toBe(201)
  strategyTranslationId = strategyTranslation.json.doc.id
  const priorityTranslation = await api.call(admin, 'POST', '/priority-translations?draft=true', { priority: await untranslated('priorities', 'priority-translations', 'priority'), language: 'ro', title: `Traducere de test ${stamp}`, goal: 'Test fixture.', translator: 'Test fixture', lastChecked: '2026-11-24', _status: 'draft' })
  expect(priorityTranslation.status, JSON.stringify(priorityTranslation.json)).toBe(201)
  priorityTranslationId = priorityTranslation.json.doc.id
  const serviceTranslation = await api.call(admin, 'POST', '/service-translations?draft=true', { service: editorServiceId, language: 'ro', name: `Traducere de test ${stamp}`, description: 'Test fixture.', translator: 'Test fixture', lastChecked: '2026-11-24', _status: 'draft' })
  expect(serviceTranslation.status, JSON.stringify(serviceTranslation.json)).toBe(201)
  serviceTranslationId = serviceTranslation.json.doc.id
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  if (mediaId) await api.call(admin, 'DELETE', `/media/${mediaId}`)
  for (const session of [partner, editor]) if (session?.id) await api.call(admin, 'DELETE', `/users/${session.id}`)
  if (recommendationId) await api.call(admin, 'DELETE', `/recommendations/${recommendationId}`)
  if (translationId) await api.call(admin, 'DELETE', `/news-translations/${translationId}`)
  if (strategyTranslationId) await api.call(admin, 'DELETE', `/strategy-translations/${strategyTranslationId}`)
  if (priorityTranslationId) await api.call(admin, 'DELETE', `/priority-translations/${priorityTranslationId}`)
  if (serviceTranslationId) await api.call(admin, 'DELETE', `/service-translations/${serviceTranslationId}`)
  if (reviewId) await api.call(admin, 'DELETE', `/reviews/${reviewId}`)
  for (const id of [serviceId, editorServiceId]) if (id) await api.call(admin, 'DELETE', `/services/${id}`)
  if (orgId) await api.call(admin, 'DELETE', `/organisations/${orgId}`)
  if (process.env.ADMIN_AXE_REPORT) writeFileSync(process.env.ADMIN_AXE_REPORT, JSON.stringify(counts, null, 2))
})

const COLLECTIONS = ['services', 'organisations', 'partnerships', 'strategies', 'priorities', 'news', 'news-translations', 'strategy-translations', 'priority-translations', 'service-translations', 'meetings', 'agenda-items', 'reviews', 'recommendations', 'media', 'site-builds', 'emails', 'preview-links', 'backups', 'languages', 'users'] as const
/** Written only by the CMS itself or on demand: the shared test CMS may have none yet. */
const MAYBE_EMPTY = new Set<string>(['site-builds', 'emails', 'preview-links', 'backups'])

describe('admin screens: no critical or serious axe violation', () => {
  it('sign-in, forgot-password and choose-a-password pages', async () => {
    const { context, page } = await signedIn(undefined)
    await open(page, '/admin/login')
    expect(await checked(page, 'sign-in')).toBe('')
    // Payload's own forgot-password page (the email it sends is cms/email).
    await open(page, '/admin/forgot')
    expect(await checked(page, 'forgot password')).toBe('')
    // Where an invitation's or a reset email's link leads (issue 17): Payload's choose-a-password page.
    await open(page, '/admin/reset/an-invitation-token')
    expect(await checked(page, 'choose a password (invitation or reset link)')).toBe('')
    await context.close()
  })

  const partnerScreens = (): Screen[] => [
    { name: 'dashboard', path: '/admin' },
    { name: 'entries list', path: '/admin/collections/services' },
    { name: 'entry edit form', path: `/admin/collections/services/${serviceId}` },
    { name: 'organisation profile', path: `/admin/collections/organisations/${orgId}` },
    { name: 'version comparison', path: `/admin/collections/services/${serviceId}/versions/${versionId}` },
    { name: 'account', path: '/admin/account' },
    { name: 'review queue', path: '/admin/review' },
    { name: 'review recommendations list', path: '/admin/collections/recommendations' },
    { name: 'review recommendation edit form', path: `/admin/collections/recommendations/${recommendationId}` },
  ]

  it('every partner screen', async () => {
    const { context, page } = await signedIn(partner)
    const problems: string[] = []
    for (const screen of partnerScreens()) {
      await open(page, screen.path)
      problems.push(await checked(page, `partner: ${screen.name}`))
    }
    await context.close()
    await releaseLocks(partner)
    expect(problems.filter(Boolean).join('\n')).toBe('')
  }, 600_000)

  it('every editor screen: the partner’s screens, each collection’s list and edit form', async () => {
    const { context, page } = await signedIn(editor)
    const screens = partnerScreens()
    for (const slug of COLLECTIONS) {
      screens.push({ name: `${slug} list`, path: `/admin/collections/${slug}` })
      // Opening a form takes Payload's lock on it, and a lock makes Payload refuse everyone else's
      // saves (423): the directory forms are this test's own records, and each lock is let go
      // after its screen (releaseLocks), so other e2e files writing seeded records are not refused.
      const first =
        slug === 'services' ? { id: editorServiceId }
        : slug === 'organisations' ? { id: orgId }
        : slug === 'reviews' ? { id: reviewId }
        : slug === 'recommendations' ? { id: recommendationId }
        : slug === 'news-translations' ? { id: translationId }
        : slug === 'strategy-translations' ? { id: strategyTranslationId }
        : slug === 'priority-translations' ? { id: priorityTranslationId }
        : slug === 'service-translations' ? { id: serviceTranslationId }
        : (await api.call(editor, 'GET', `/${slug}?limit=1&depth=0&sort=id`)).json.docs?.[0]
      // Site builds are written only by the publishing pipeline; the shared test CMS may have none yet.
      if (first) screens.push({ name: `${slug} edit form`, path: `/admin/collections/${slug}/${first.id}` })
      else if (!MAYBE_EMPTY.has(slug)) throw new Error(`No ${slug} record to open`)
    }
    screens.push({ name: 'invite a person', path: '/admin/invite' })
    // The partner has their entry open meanwhile, as happens every day: the editor's lists show a
    // padlock on it and its form says someone else is editing (Payload's document locking).
    const holder = await signedIn(partner)
    await open(holder.page, `/admin/collections/services/${serviceId}`)
    // The admin takes the lock with the first change to the form (it is not saved).
    await holder.page.locator('#field-name').press('End')
    await holder.page.keyboard.type(' ')
    await expect
      .poll(async () => (await api.call(admin, 'GET', `/payload-locked-documents?where[document.value][equals]=${serviceId}&depth=0`)).json.totalDocs, { timeout: 30_000 })
      .toBeGreaterThan(0)
    const problems: string[] = []
    for (const screen of screens) {
      await open(page, screen.path)
      if (screen.path === '/admin/collections/services') await page.waitForSelector('.locked', { timeout: 30_000 })
      problems.push(await checked(page, `editor: ${screen.name}`))
      await releaseLocks(editor)
    }
    await holder.context.close()
    await context.close()
    expect(problems.filter(Boolean).join('\n')).toBe('')
  }, 600_000)

  it('opens every collection the editor’s navigation offers (a new collection cannot be left out)', async () => {
    const { context, page } = await signedIn(editor)
    await open(page, '/admin')
    const offered = await page.$$eval('a[href*="/admin/collections/"]', (links) =>
      links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.match(/^\/admin\/collections\/([^/]+)\/?$/)?.[1]).filter((slug): slug is string => Boolean(slug)),
    )
    await context.close()
    expect(offered.length).toBeGreaterThan(10)
    expect([...new Set(offered)].filter((slug) => !(COLLECTIONS as readonly string[]).includes(slug))).toEqual([])
  })

  it('site settings (admins only: editors do not see them)', async () => {
    const { context, page } = await signedIn(admin)
    await open(page, '/admin/globals/site-settings')
    const found = await checked(page, 'admin: site settings')
    await releaseLocks(admin)
    expect(found).toBe('')
    await context.close()
  })
})

describe('a phone 320 px wide', () => {
  it('shows the partner’s list and edit form without horizontal scrolling', async () => {
    const { context, page } = await signedIn(partner, 320)
    const widths: Record<string, number> = {}
    for (const path of ['/admin/collections/services', `/admin/collections/services/${serviceId}`]) {
      await open(page, path)
      if (process.env.ADMIN_SHOTS) await page.screenshot({ path: `${process.env.ADMIN_SHOTS}/${path.split('/').pop()}-320.png`, fullPage: true })
      widths[path] = await page.evaluate(() => document.scrollingElement!.scrollWidth)
    }
    await context.close()
    for (const [path, width] of Object.entries(widths)) expect(width, path).toBeLessThanOrEqual(321)
  })
})
