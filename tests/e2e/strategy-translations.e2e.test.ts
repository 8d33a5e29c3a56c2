/**
 * Issue 20, phase B for strategies and priorities, as `npm start` runs it: an editor publishes the
 * Polish version of a strategy, and only then does /pl/strategies/<slug>/ exist, in Polish,
 * crediting its translator and named by the English strategy's hreflang; a priority's translation
 * gets /pl/strategies/<slug>/<priority>/ with its measures left in English. An unpublished
 * translation — a first draft, or a newer draft over the published one — never reaches any built
 * file (HTML, RSS, the Pagefind index, the sitemap) nor the anonymous REST API. The strategy's
 * and the priority's sidebars show editors each language's state; with STRATEGY_LANGUAGES_SCREENSHOT
 * set, the test saves them to docs/screenshots/admin-{strategy,priority}-languages.png.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/chromium'
import { throwawayEnv } from '../helpers/env'
import { freePort } from '../helpers/ports'
import { startProduct, stopProduct, type Product } from '../helpers/product'
import { PASSWORD, restClient, type Session } from '../helpers/rest'
import { filesWith as filesIn, rebuiltAfter as rebuiltAfterIn } from '../helpers/site-output'
import { paragraph } from '../helpers/lexical'

const DRAFT = 'Szkic strategii żurawia 4412'
const PUBLISHED = 'Opublikowana strategia żurawia 4412'
const NEWER_DRAFT = 'Nowszy szkic strategii żurawia 4412'
const PRIORITY_DRAFT = 'Szkic priorytetu żurawia 4412'
const PRIORITY_PUBLISHED = 'Opublikowany priorytet żurawia 4412'

let product: Product
let site = ''
let cms = ''
let dist = ''
let api: ReturnType<typeof restClient>
let admin: Session
let editor: Session
let strategy: { id: number; slug: string }
let priority: { id: number; slug: string }
let strategyT = 0
let priorityT = 0

const filesWith = (text: string) => filesIn(dist, text)
const status = async (route: string) => (await fetch(site + route)).status
const html = async (route: string) => (await fetch(site + route)).text()

const rebuiltAfter = (change: () => Promise<unknown>) => rebuiltAfterIn(api, admin, change)
const republishEnglish = () => api.call(admin, 'PATCH', `/strategies/${strategy.id}`, { _status: 'published' })
const anonymousRoutes = () => [
  '/strategy-translations', '/strategy-translations?draft=true', `/strategy-translations/${strategyT}`, `/strategy-translations/${strategyT}?draft=true`, '/strategy-translations/versions',
  '/priority-translations', '/priority-translations?draft=true', `/priority-translations/${priorityT}?draft=true`, '/priority-translations/versions', `/strategies/${strategy.id}?depth=2`,
]

beforeAll(async () => {
  const [cmsPort, sitePort] = [await freePort(), await freePort()]
  const base = throwawayEnv('strategy-translations')
  dist = path.join(base.TEST_DIR, 'dist')
  product = await startProduct({ ...base, CMS_PORT: String(cmsPort), SITE_PORT: String(sitePort), CMS_PUBLIC_URL: `http://127.0.0.1:${cmsPort}`, SITE_DIST_DIR: dist, SITE_REBUILD_DEBOUNCE_MS: '300' })
  site = `http://127.0.0.1:${sitePort}`
  cms = `http://127.0.0.1:${cmsPort}`
  api = restClient(cms)
  admin = await api.admin()
  await api.call(admin, 'POST', '/users', { name: 'Strategy translator', email: 'strategy-translations@example.org', password: PASSWORD, role: 'editor' })
  editor = await api.login('strategy-translations@example.org', PASSWORD)
  // A seeded strategy with priorities, and its first priority.
  const p = (await api.call(admin, 'GET', '/priorities?limit=1&sort=order&depth=1&where[order][equals]=1')).json.docs[0]
  priority = { id: p.id, slug: p.slug }
  strategy = { id: p.strategy.id, slug: p.strategy.slug }
}, 400_000)

afterAll(async () => {
  await stopProduct(product)
})

describe('a Polish version of a strategy and its priority', () => {
  it('as drafts: no pages, and nothing of them in any built file or the anonymous API', async () => {
    const created = await api.call(editor, 'POST', '/strategy-translations?draft=true', { strategy: strategy.id, language: 'pl', title: DRAFT, summary: `${DRAFT} streszczenie`, body: paragraph(`${DRAFT} treść`), translator: 'Zespół tłumaczy', lastChecked: '2026-11-20', _status: 'draft' })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    strategyT = created.json.doc.id
    const p = await api.call(editor, 'POST', '/priority-translations?draft=true', { priority: priority.id, language: 'pl', title: PRIORITY_DRAFT, goal: `${PRIORITY_DRAFT} cel`, translator: 'Zespół tłumaczy', lastChecked: '2026-11-20', _status: 'draft' })
    expect(p.status, JSON.stringify(p.json)).toBe(201)
    priorityT = p.json.doc.id
    expect((await rebuiltAfter(republishEnglish)).status).toBe('succeeded')

    expect(await status(`/pl/strategies/${strategy.slug}/`)).toBe(404)
    expect(await status(`/pl/strategies/${strategy.slug}/${priority.slug}/`)).toBe(404)
    expect(await filesWith(DRAFT)).toEqual([])
    expect(await filesWith(PRIORITY_DRAFT)).toEqual([])
    for (const route of anonymousRoutes()) {
      const body = JSON.stringify((await api.call({}, 'GET', route)).json)
      expect(body, route).not.toContain(DRAFT)
      expect(body, route).not.toContain(PRIORITY_DRAFT)
    }
  })

  it('published: /pl/strategies/<slug>/ exists in Polish, named by the English page, searchable under pl; the priority too once its translation is published', async () => {
    await api.call(editor, 'PATCH', `/strategy-translations/${strategyT}?draft=true`, { title: PUBLISHED, summary: `${PUBLISHED} streszczenie`, body: paragraph(`${PUBLISHED} treść`) })
    expect((await rebuiltAfter(() => api.call(editor, 'PATCH', `/strategy-translations/${strategyT}`, { _status: 'published' }))).status).toBe('succeeded')

    const polish = await html(`/pl/strategies/${strategy.slug}/`)
    expect(polish).toMatch(/<html[^>]* lang="pl"/)
    expect(polish).toMatch(new RegExp(`<h1[^>]*>${PUBLISHED}</h1>`))
    expect(polish).toContain('Tłumaczenie: Zespół tłumaczy')
    // Its priority is not translated yet: linked to the English page, marked as English.
    expect(polish).toMatch(new RegExp(`<a href="/strategies/${strategy.slug}/${priority.slug}/" hreflang="en"[^>]*><span lang="en"[^>]*>`))
    expect(await status(`/pl/strategies/${strategy.slug}/${priority.slug}/`)).toBe(404)
    const english = await html(`/strategies/${strategy.slug}/`)
    expect(english).toContain(`<link rel="alternate" hreflang="pl" href="/pl/strategies/${strategy.slug}/">`)
    expect(english).not.toContain(`hreflang="ro" href="/ro/strategies/`)
    // The Polish home lists it under its Polish title; the other languages' homes link to the English page, marked as English.
    const polishHome = await html('/pl/')
    expect(polishHome).toMatch(new RegExp(`<a href="/pl/strategies/${strategy.slug}/"[^>]*>${PUBLISHED}</a>`))
    expect(polishHome).toContain('<h2 id="strategies-title">Strategie bezpieczeństwa społeczności</h2>')
    expect(await html('/ro/')).toMatch(new RegExp(`<a href="/strategies/${strategy.slug}/" lang="en" hreflang="en"[^>]*>[^<]+<span lang="ro" class="in-english"[^>]*>\\(în engleză\\)</span>`))
    // The English priority page names no Polish copy yet: only the strategy is translated.
    const englishPriority = () => html(`/strategies/${strategy.slug}/${priority.slug}/`)
    expect(await englishPriority()).not.toContain(`hreflang="pl" href="/pl/strategies/`)
    const found = await filesWith(PUBLISHED)
    expect(found.filter((f) => !f.startsWith('pagefind/')).sort()).toEqual(['pl/index.html', `pl/strategies/${strategy.slug}/index.html`])
    expect(found.some((f) => f.startsWith('pagefind/') && f.includes('pl'))).toBe(true)
    expect(await html('/sitemap-0.xml')).toContain(`/pl/strategies/${strategy.slug}/`)
    expect(await filesWith(PRIORITY_DRAFT)).toEqual([])

    await api.call(editor, 'PATCH', `/priority-translations/${priorityT}?draft=true`, { title: PRIORITY_PUBLISHED, goal: `${PRIORITY_PUBLISHED} cel`, approach: paragraph(`${PRIORITY_PUBLISHED} podejście`) })
    expect((await rebuiltAfter(() => api.call(editor, 'PATCH', `/priority-translations/${priorityT}`, { _status: 'published' }))).status).toBe('succeeded')
    const page = await html(`/pl/strategies/${strategy.slug}/${priority.slug}/`)
    expect(page).toMatch(new RegExp(`<h1[^>]*>${PRIORITY_PUBLISHED}</h1>`))
    // Its own section headings are Polish (interface strings); measures stay English, and say so.
    expect(page).toContain('<h2>Nasze podejście</h2>')
    expect(page).not.toContain('Our approach')
    expect(page).toMatch(/<section aria-labelledby="measures" lang="en"[^>]*>/)
    expect(await html(`/pl/strategies/${strategy.slug}/`)).toContain(`href="/pl/strategies/${strategy.slug}/${priority.slug}/"`)
    // The English priority page now names its Polish copy, in hreflang and the switcher; no other language.
    const englishNow = await englishPriority()
    expect(englishNow).toContain(`<link rel="alternate" hreflang="pl" href="/pl/strategies/${strategy.slug}/${priority.slug}/">`)
    expect(englishNow).toContain(`<link rel="alternate" hreflang="x-default" href="/strategies/${strategy.slug}/${priority.slug}/">`)
    expect(englishNow).toMatch(new RegExp(`<a href="/pl/strategies/${strategy.slug}/${priority.slug}/" lang="pl" hreflang="pl"`))
    expect(englishNow).not.toContain(`hreflang="ro" href="/ro/strategies/`)
    expect(englishNow).toMatch(/<a href="\/ro\/" lang="ro" hreflang="ro"/)
  })

  it('a newer draft over the published version reaches no built file; the published text stays', async () => {
    await api.call(editor, 'PATCH', `/strategy-translations/${strategyT}?draft=true`, { title: NEWER_DRAFT, summary: `${NEWER_DRAFT} streszczenie` })
    expect((await rebuiltAfter(republishEnglish)).status).toBe('succeeded')
    expect(await filesWith(NEWER_DRAFT)).toEqual([])
    expect(await html(`/pl/strategies/${strategy.slug}/`)).toMatch(new RegExp(`<h1[^>]*>${PUBLISHED}</h1>`))
    for (const route of anonymousRoutes()) expect(JSON.stringify((await api.call({}, 'GET', route)).json), route).not.toContain(NEWER_DRAFT)
  })
})

describe('what editors see', () => {
  it('the strategy’s and the priority’s sidebars show each language, and which are out of date once the English changes', async () => {
    // The English strategy's summary changes and is published: the Polish version was checked against the old text.
    expect((await rebuiltAfter(() => api.call(admin, 'PATCH', `/strategies/${strategy.id}`, { summary: 'An updated English summary of the strategy.', _status: 'published' }))).status).toBe('succeeded')
    expect((await api.call(editor, 'GET', `/strategy-translations/${strategyT}`)).json.englishChanged).toBe(true)
    expect((await api.call(editor, 'GET', `/priority-translations/${priorityT}`)).json.englishChanged).toBe(false)
    const browser = await launchChromium()
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
      await signIn(page)
      for (const [collection, id, state, shot] of [
        ['strategies', strategy.id, 'out-of-date', 'admin-strategy-languages.png'],
        ['priorities', priority.id, 'published', 'admin-priority-languages.png'],
      ] as const) {
        await page.goto(`${cms}/admin/collections/${collection}/${id}`)
        const panel = page.locator(`[data-languages="${collection === 'strategies' ? 'strategy' : 'priority'}-translations"]`)
        await panel.waitFor()
        expect(await panel.locator('[data-language="pl"]').getAttribute('data-state'), collection).toBe(state)
        expect(await panel.locator('[data-language="ro"]').getAttribute('data-state'), collection).toBe('none')
        if (state === 'out-of-date') expect(await panel.locator('[data-language="pl"]').textContent()).toContain('English changed since')
        if (process.env.STRATEGY_LANGUAGES_SCREENSHOT) {
          await panel.scrollIntoViewIfNeeded()
          await page.waitForTimeout(500)
          await page.screenshot({ path: `docs/screenshots/${shot}` })
        }
      }
    } finally {
      await browser.close()
    }
  })
})

async function signIn(page: Page) {
  await page.goto(`${cms}/admin/login`)
  await page.locator('#field-email').fill('strategy-translations@example.org')
  await page.locator('#field-password').fill(PASSWORD)
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login')), page.locator('#field-password').press('Enter')])
}
