/**
 * Issue 20, phase B in Chromium, as `npm start` runs it: an editor publishes the Polish version of
 * a news story in the admin, and only then does /pl/news/<slug>/ exist, in Polish, crediting its
 * translator, linked from the Polish home page and named by the English story's hreflang. An
 * unpublished translation — a first draft, or a newer draft over the published one — never
 * reaches any built file (HTML, RSS, the Pagefind index, the open-data file, the sitemap) nor the
 * anonymous REST API however it asks; the RSS feed and the open-data file stay English.
 *
 * NEWS_LANGUAGES_SCREENSHOT=1 also saves the story's sidebar language status, with one language
 * out of date, to docs/screenshots/admin-news-languages.png (the README shows it).
 */
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/chromium'
import { throwawayEnv } from '../helpers/env'
import { freePort } from '../helpers/ports'
import { startProduct, stopProduct, type Product } from '../helpers/product'
import { PASSWORD, restClient, type Session } from '../helpers/rest'
import { filesWith as filesIn, rebuiltAfter as rebuiltAfterIn } from '../helpers/site-output'
import { paragraph } from '../helpers/lexical'

const DRAFT = 'Szkic kolibra 7731'
const PUBLISHED = 'Opublikowany kolibr 7731'
const NEWER_DRAFT = 'Nowszy szkic kolibra 7731'

let product: Product
let browser: Browser
let site = ''
let cms = ''
let dist = ''
let api: ReturnType<typeof restClient>
let admin: Session
let editor: Session
const editorEmail = 'translations-editor@example.org'
let story: { id: number; slug: string; title: string }
let translationId = 0

const filesWith = (text: string) => filesIn(dist, text)
const status = async (route: string) => (await fetch(site + route)).status
const html = async (route: string) => (await fetch(site + route)).text()

const rebuiltAfter = (change: () => Promise<unknown>) => rebuiltAfterIn(api, admin, change)
/** Republishes the English story unchanged: a rebuild that reads every translation again. */
const republishEnglish = () => api.call(admin, 'PATCH', `/news/${story.id}`, { _status: 'published' })

beforeAll(async () => {
  const [cmsPort, sitePort] = [await freePort(), await freePort()]
  const base = throwawayEnv('news-translations')
  dist = path.join(base.TEST_DIR, 'dist')
  product = await startProduct({ ...base, CMS_PORT: String(cmsPort), SITE_PORT: String(sitePort), CMS_PUBLIC_URL: `http://127.0.0.1:${cmsPort}`, SITE_DIST_DIR: dist, SITE_REBUILD_DEBOUNCE_MS: '300' })
  site = `http://127.0.0.1:${sitePort}`
  cms = `http://127.0.0.1:${cmsPort}`
  api = restClient(cms)
  admin = await api.admin()
  await api.call(admin, 'POST', '/users', { name: 'Translations editor', email: editorEmail, password: PASSWORD, role: 'editor' })
  editor = await api.login(editorEmail, PASSWORD)
  const newest = (await api.call(admin, 'GET', '/news?limit=1&sort=-date&depth=0')).json.docs[0]
  story = { id: newest.id, slug: newest.slug, title: newest.title }
  browser = await launchChromium()
}, 400_000)

afterAll(async () => {
  await browser?.close()
  await stopProduct(product)
})

describe('a Polish version of a news story', () => {
  it('as a draft: no page, and nothing of it in any built file or the anonymous API', async () => {
    const created = await api.call(editor, 'POST', '/news-translations?draft=true', {
      story: story.id, language: 'pl', title: DRAFT, summary: `${DRAFT} streszczenie`, body: paragraph(`${DRAFT} treść`), translator: 'Zespół tłumaczy', lastChecked: '2026-11-20', _status: 'draft',
    })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    translationId = created.json.doc.id
    expect((await rebuiltAfter(republishEnglish)).status).toBe('succeeded')

    expect(await status(`/pl/news/${story.slug}/`)).toBe(404)
    expect(await filesWith(DRAFT)).toEqual([])
    for (const route of ['/news-translations', '/news-translations?draft=true', `/news-translations/${translationId}`, `/news-translations/${translationId}?draft=true`, '/news-translations/versions', '/news-translations?locale=all&draft=true', '/news-translations?where[language][equals]=pl&draft=true', `/news/${story.id}?depth=2`]) {
      const { json } = await api.call({}, 'GET', route)
      expect(JSON.stringify(json), route).not.toContain(DRAFT)
    }
  })

  it('published by an editor in the admin: /pl/news/<slug>/ exists, in Polish, linked and searchable under pl; RSS and open data stay English', async () => {
    // The editor gives it its final text as a draft, then publishes it in the admin.
    await api.call(editor, 'PATCH', `/news-translations/${translationId}?draft=true`, { title: PUBLISHED, summary: `${PUBLISHED} streszczenie`, body: paragraph(`${PUBLISHED} treść`) })
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await signIn(page)
    await page.goto(`${cms}/admin/collections/news-translations/${translationId}`)
    const publish = page.getByRole('button', { name: 'Publish changes', exact: true })
    await publish.waitFor()
    const build = await rebuiltAfter(() => publish.click())
    expect(build.status).toBe('succeeded')
    await page.close()

    expect(await status(`/pl/news/${story.slug}/`)).toBe(200)
    const visitor = await browser.newPage({ viewport: { width: 320, height: 800 } })
    await visitor.goto(`${site}/pl/news/${story.slug}/`)
    expect(await visitor.getAttribute('html', 'lang')).toBe('pl')
    expect(await visitor.textContent('h1')).toBe(PUBLISHED)
    expect(await visitor.textContent('.translation-credit')).toContain('Tłumaczenie: Zespół tłumaczy')
    expect(await visitor.textContent('.translation-credit')).toContain('20 listopada 2026')
    expect(await visitor.getAttribute('a[href="/news/' + story.slug + '/"][hreflang="en"]', 'href')).toBe(`/news/${story.slug}/`)
    // Reflows at 320 px: nothing wider than the viewport.
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    // Within the weight budget (README, The public site: 5–19 KB gzipped): its HTML and the CSS and JS it loads.
    const own = await visitor.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"], script[src]')].map((e) => (e as HTMLLinkElement).href || (e as HTMLScriptElement).src))
    const bodies = [await html(`/pl/news/${story.slug}/`), ...(await Promise.all(own.map(async (url) => (await fetch(url)).text())))]
    expect(bodies.reduce((sum, body) => sum + gzipSync(body).length, 0)).toBeLessThanOrEqual(19 * 1024)
    // The switcher's English link goes to the English story, not the home page.
    expect(await visitor.getAttribute('.lang-switcher a[hreflang="en"]', 'href')).toBe(`/news/${story.slug}/`)
    await visitor.close()

    const english = await html(`/news/${story.slug}/`)
    expect(english).toContain(`<link rel="alternate" hreflang="pl" href="/pl/news/${story.slug}/">`)
    expect(english).not.toContain(`hreflang="ro" href="/ro/news/`)
    const polishHome = await html('/pl/')
    expect(polishHome).toContain(`href="/pl/news/${story.slug}/"`)
    // /pl/news/: the Polish story, linked from the Polish home and menu; /ro/news/ links the English story, marked as English.
    expect(polishHome).toMatch(/<a href="\/pl\/news\/"[^>]*>Aktualności<\/a>/)
    const polishNews = await html('/pl/news/')
    expect(polishNews).toMatch(/<html[^>]* lang="pl"/)
    expect(polishNews).toMatch(new RegExp(`<a href="/pl/news/${story.slug}/"[^>]*>${PUBLISHED}</a>`))
    expect(polishNews).toContain('<link rel="alternate" hreflang="ro" href="/ro/news/">')
    const romanianNews = await html('/ro/news/')
    expect(romanianNews).toMatch(new RegExp(`<a href="/news/${story.slug}/" lang="en" hreflang="en"[^>]*>[^<]+<span lang="ro" class="in-english"[^>]*>\\(în engleză\\)</span>`))
    expect(romanianNews).not.toContain(PUBLISHED)
    expect(await html('/news/')).toContain('<link rel="alternate" hreflang="pl" href="/pl/news/">')
    // Other languages' homes link to the English story, marked as English.
    expect(await html('/ro/')).toMatch(new RegExp(`<a href="/news/${story.slug}/" lang="en" hreflang="en">`))

    const found = await filesWith(PUBLISHED)
    expect(found).toContain(`pl/news/${story.slug}/index.html`)
    expect(found.some((f) => f.startsWith('pagefind/') && f.includes('pl'))).toBe(true)
    expect(found.filter((f) => !f.startsWith('pagefind/')).sort()).toEqual([`pl/index.html`, `pl/news/${story.slug}/index.html`, 'pl/news/index.html'])
    expect(await html('/sitemap-0.xml')).toContain(`/pl/news/${story.slug}/`)
  })

  it('a newer draft over the published version reaches no built file; the published text stays', async () => {
    await api.call(editor, 'PATCH', `/news-translations/${translationId}?draft=true`, { title: NEWER_DRAFT, summary: `${NEWER_DRAFT} streszczenie`, body: paragraph(`${NEWER_DRAFT} treść`) })
    expect((await rebuiltAfter(republishEnglish)).status).toBe('succeeded')
    expect(await filesWith(NEWER_DRAFT)).toEqual([])
    expect(await filesWith(DRAFT)).toEqual([])
    expect(await filesWith(PUBLISHED)).toContain(`pl/news/${story.slug}/index.html`)
    for (const route of ['/news-translations', `/news-translations/${translationId}`, '/news-translations?draft=true', '/news-translations/versions']) {
      expect(JSON.stringify((await api.call({}, 'GET', route)).json), route).not.toContain(NEWER_DRAFT)
    }
  })

  it('the story shows editors its languages, and which are out of date once the English changes', async () => {
    // The English text changes and is published: the Polish version was checked against the old text.
    expect((await rebuiltAfter(() => api.call(admin, 'PATCH', `/news/${story.id}`, { summary: 'An updated English summary.', _status: 'published' }))).status).toBe('succeeded')
    const read = (await api.call(editor, 'GET', `/news-translations/${translationId}`)).json
    expect(read.englishChanged).toBe(true)
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
    await signIn(page)
    await page.goto(`${cms}/admin/collections/news/${story.id}`)
    const panel = page.locator('[data-news-languages]')
    await panel.waitFor()
    expect(await panel.locator('[data-language="pl"]').getAttribute('data-state')).toBe('out-of-date')
    expect(await panel.locator('[data-language="pl"]').textContent()).toContain('published, with unpublished changes')
    expect(await panel.locator('[data-language="pl"]').textContent()).toContain('English changed since')
    expect(await panel.locator('[data-language="ro"]').getAttribute('data-state')).toBe('none')
    if (process.env.NEWS_LANGUAGES_SCREENSHOT) {
      await panel.scrollIntoViewIfNeeded()
      await page.waitForTimeout(500)
      await page.screenshot({ path: 'docs/screenshots/admin-news-languages.png' })
    }
    await page.close()
  })
})

async function signIn(page: Page) {
  await page.goto(`${cms}/admin/login`)
  await page.locator('#field-email').fill(editorEmail)
  await page.locator('#field-password').fill(PASSWORD)
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login')), page.locator('#field-password').press('Enter')])
}
