/**
 * Previews of translations (issue 20, phase B): a draft news, strategy or priority translation at
 * /preview/<collection>/<id>, rendered by the component the built /<language>/… page uses, in its
 * language and direction, with the preview banner; staff only (anonymous 401, partner 404); shared
 * links as for every document; and nothing of the draft in the built site. Against the running
 * test CMS, on records of the test's own.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../helpers/chromium'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { paragraph } from '../helpers/lexical'
import { PASSWORD, restClient, type Session } from '../helpers/rest'
import { filesIn } from '../helpers/site-pages'

const cms = inject('cmsUrl')
const siteDir = inject('siteDir')
const { call, login, admin } = restClient(cms)
const stamp = Date.now()
const NEWS_DRAFT = `مسودہ خبر ${stamp} بلبل`
const STRATEGY_DRAFT = `Szkic podglądu strategii ${stamp} czapla`
const STRATEGY_PUBLISHED = `Opublikowana strategia podglądu ${stamp} czapla`
const PRIORITY_DRAFT = `Szkic podglądu priorytetu ${stamp} czapla`
const strings = (code: string) => JSON.parse(readFileSync(path.resolve('content/languages', `${code}.json`), 'utf8')) as Record<string, Record<string, string>>

let browser: Browser
let root: Session
let editor: Session
let partner: Session
let story: { id: number; slug: string }
let strategy: { id: number; slug: string }
let priority: { id: number; slug: string }
let organisation: { id: number }
const translations: Array<[string, number]> = []
const users: number[] = []
const links: number[] = []
let newsT = 0
let strategyT = 0
let priorityT = 0

const preview = (route: string, session?: Session) => fetch(`${cms}/preview/${route}`, { headers: session?.token ? { Authorization: `JWT ${session.token}` } : {}, redirect: 'manual' })
async function create(session: Session, collection: string, body: Record<string, unknown>) {
  const made = await call(session, 'POST', `/${collection}${body._status === 'draft' ? '?draft=true' : ''}`, body)
  expect(made.status, JSON.stringify(made.json)).toBe(201)
  return made.json.doc
}

beforeAll(async () => {
  browser = await launchChromium()
  root = await admin()
  const redbridge = (await call(root, 'GET', '/partnerships?where[slug][equals]=redbridge-csp&depth=0')).json.docs[0]
  story = await create(root, 'news', { title: `Translation preview story ${stamp}`, date: '2026-11-01T00:00:00.000Z', summary: 'The English summary.', body: paragraph('The English body.'), _status: 'published' })
  strategy = await create(root, 'strategies', {
    title: `Translation preview strategy ${stamp}`, partnership: redbridge.id, periodStart: 2024, periodEnd: 2027, status: 'adopted', summary: 'The English summary.', body: paragraph('English body.'), _status: 'published',
  })
  priority = await create(root, 'priorities', { title: `Translation preview priority ${stamp}`, strategy: strategy.id, order: 1, goal: 'The English goal.', measures: [{ direction: 'reduce', description: 'Repeat incidents' }], _status: 'published' })
  organisation = await create(root, 'organisations', { name: `Translation preview organisation ${stamp}`, type: 'charity', _status: 'published' })
  for (const [role, org] of [['editor', undefined], ['partner', organisation.id]] as const) {
    const email = `preview-translations-${role}-${stamp}@example.org`
    users.push((await create(root, 'users', { name: `Preview translations ${role}`, email, password: PASSWORD, role, organisation: org })).id)
  }
  editor = await login(`preview-translations-editor-${stamp}@example.org`, PASSWORD)
  partner = await login(`preview-translations-partner-${stamp}@example.org`, PASSWORD)
  newsT = (await create(editor, 'news-translations', { story: story.id, language: 'ur', title: NEWS_DRAFT, summary: `${NEWS_DRAFT} خلاصہ`, body: paragraph(`${NEWS_DRAFT} متن`), translator: 'مترجم ٹیم', lastChecked: '2026-11-20', _status: 'draft' })).id
  translations.push(['news-translations', newsT])
  strategyT = (await create(editor, 'strategy-translations', { strategy: strategy.id, language: 'pl', title: STRATEGY_DRAFT, summary: `${STRATEGY_DRAFT} streszczenie`, body: paragraph(`${STRATEGY_DRAFT} treść`), translator: 'Zespół tłumaczy', lastChecked: '2026-11-20', _status: 'draft' })).id
  translations.push(['strategy-translations', strategyT])
  priorityT = (await create(editor, 'priority-translations', { priority: priority.id, language: 'pl', title: PRIORITY_DRAFT, goal: `${PRIORITY_DRAFT} cel`, translator: 'Zespół tłumaczy', lastChecked: '2026-11-20', _status: 'draft' })).id
  translations.push(['priority-translations', priorityT])
})

afterAll(async () => {
  await browser?.close()
  for (const id of links) await call(root, 'DELETE', `/preview-links/${id}`)
  for (const [collection, id] of translations.reverse()) await call(root, 'DELETE', `/${collection}/${id}`)
  if (priority) await call(root, 'DELETE', `/priorities/${priority.id}`)
  if (strategy) await call(root, 'DELETE', `/strategies/${strategy.id}`)
  if (story) await call(root, 'DELETE', `/news/${story.id}`)
  if (organisation) await call(root, 'DELETE', `/organisations/${organisation.id}`)
  for (const id of users) await call(root, 'DELETE', `/users/${id}`)
})

describe('an editor previews a draft translation', () => {
  it('a news story in Urdu: the draft, right to left, in Urdu, as /ur/news/<slug>/ will show it; the public API still has none', async () => {
    const response = await preview(`news-translations/${newsT}`, editor)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const html = await response.text()
    expect(html).toMatch(/<html lang="ur" dir="rtl"/)
    expect(html).toMatch(new RegExp(`<h1[^>]*>${NEWS_DRAFT}</h1>`))
    expect(html).toContain('Preview — not published')
    expect(html).toMatch(new RegExp(`<code[^>]*>/ur/news/${story.slug}/</code>`))
    const ur = strings('ur')
    expect(html).toContain(ur.translation!.credit!.replace('{name}', 'مترجم ٹیم'))
    expect(html).toContain(ur.quickExit!.button)
    // It links to the English story, and its switcher and hreflang name the Urdu copy.
    expect(html).toContain(`<a href="/news/${story.slug}/" hreflang="en"`)
    expect(html).toContain(`<link rel="alternate" hreflang="ur" href="/ur/news/${story.slug}/">`)
    expect(JSON.stringify((await call({}, 'GET', `/news-translations/${newsT}?draft=true`)).json)).not.toContain(NEWS_DRAFT)
  })

  it('a strategy in Polish, with its priority linked to the English page as English while that is untranslated', async () => {
    const response = await preview(`strategy-translations/${strategyT}`, editor)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/<html lang="pl" dir="ltr"/)
    expect(html).toMatch(new RegExp(`<h1[^>]*>${STRATEGY_DRAFT}</h1>`))
    expect(html).toMatch(new RegExp(`<code[^>]*>/pl/strategies/${strategy.slug}/</code>`))
    expect(html).toMatch(new RegExp(`<a href="/strategies/${strategy.slug}/${priority.slug}/" hreflang="en"[^>]*><span lang="en"[^>]*>`))
  })

  it('a priority: refused with the reason while its strategy has no published Polish version, then shown with its measures marked English', async () => {
    const refused = await preview(`priority-translations/${priorityT}`, editor)
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('publish the strategy')
    const published = await call(editor, 'PATCH', `/strategy-translations/${strategyT}`, { title: STRATEGY_PUBLISHED, _status: 'published' })
    expect(published.status, JSON.stringify(published.json)).toBe(200)
    const response = await preview(`priority-translations/${priorityT}`, editor)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/<html lang="pl" dir="ltr"/)
    expect(html).toMatch(new RegExp(`<h1[^>]*>${PRIORITY_DRAFT}</h1>`))
    expect(html).toMatch(new RegExp(`<code[^>]*>/pl/strategies/${strategy.slug}/${priority.slug}/</code>`))
    expect(html).toMatch(/<section aria-labelledby="measures" lang="en"[^>]*>/)
    // The breadcrumb names the strategy's published Polish version.
    expect(html).toContain(`>${STRATEGY_PUBLISHED}</a>`)
  })
})

describe('who may preview a translation', () => {
  it('without credentials: 401; a partner: 404, for each of the three', async () => {
    for (const route of [`news-translations/${newsT}`, `strategy-translations/${strategyT}`, `priority-translations/${priorityT}`]) {
      expect((await preview(route)).status, route).toBe(401)
      const refused = await preview(route, partner)
      expect(refused.status, route).toBe(404)
      const body = await refused.text()
      for (const text of [NEWS_DRAFT, STRATEGY_DRAFT, PRIORITY_DRAFT]) expect(body).not.toContain(text)
    }
  })

  it('a shared link shows the draft translation without an account, until it is revoked', async () => {
    const made = await call(editor, 'POST', '/preview-links', { label: `Translator check ${stamp}`, collectionSlug: 'news-translations', documentId: String(newsT) })
    expect(made.status, JSON.stringify(made.json)).toBe(201)
    links.push(made.json.doc.id)
    const url = cms + new URL((await call(editor, 'GET', `/preview-links/${made.json.doc.id}`)).json.url as string).pathname
    const shared = await fetch(url)
    expect(shared.status).toBe(200)
    const html = await shared.text()
    expect(html).toContain(NEWS_DRAFT)
    expect(html).toMatch(/<html lang="ur" dir="rtl"/)
    await call(editor, 'PATCH', `/preview-links/${made.json.doc.id}`, { revoked: true })
    expect((await fetch(url)).status).toBe(404)
    // Partners may not share one.
    expect((await call(partner, 'POST', '/preview-links', { label: 'x', collectionSlug: 'news-translations', documentId: String(newsT) })).status).toBe(403)
  })
})

describe('live preview beside a translation’s form', () => {
  it('shows the draft in its language, and updates after a save', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
    await context.addCookies([{ name: 'payload-token', value: editor.token!, url: cms }])
    const page = await context.newPage()
    await page.goto(`${cms}/admin/collections/news-translations/${newsT}`)
    await page.locator('#live-preview-toggler').click()
    const frame = page.frameLocator('iframe#live-preview-iframe')
    await frame.getByText(`${NEWS_DRAFT} خلاصہ`).waitFor({ timeout: 30_000 })
    expect(await frame.locator('html').getAttribute('dir')).toBe('rtl')
    const next = `محفوظ شدہ خلاصہ ${stamp}`
    await page.locator('#field-summary').fill(next)
    await page.getByRole('button', { name: /save draft/i }).click()
    await frame.getByText(next).waitFor({ timeout: 30_000 })
    await context.close()
  })
})

describe('nothing of a translation preview reaches the built site', () => {
  it('no built file holds this test’s draft text', () => {
    for (const file of filesIn(siteDir)) {
      const text = readFileSync(file, 'utf8')
      for (const draft of [NEWS_DRAFT, STRATEGY_DRAFT, PRIORITY_DRAFT]) expect(text.includes(draft), `${file} holds ${draft}`).toBe(false)
    }
  })
})
