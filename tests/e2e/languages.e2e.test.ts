/**
 * Issue 20 in Chromium: the interface in the visitor's language under /<code>/, right to left for
 * Urdu, with the quick exit and the emergency notice in that language; a switcher that stores
 * nothing; untranslated directory entries linked to their English pages, marked as English; and a
 * language an admin has not switched on gets no page and no hreflang.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../helpers/chromium'
import { throwawayEnv } from '../helpers/env'
import { filesIn, pagePaths } from '../helpers/site-pages'

const siteUrl = inject('siteUrl')
const siteDir = inject('siteDir')
const strings = (code: string) => JSON.parse(readFileSync(path.resolve('content/languages', `${code}.json`), 'utf8')) as Record<string, Record<string, string>>
const ur = strings('ur')
const bn = strings('bn')
const LINK = '[data-quick-exit-link]'

let browser: Browser
let context: BrowserContext
let page: Page
let destination: string

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => browser?.close())

const stubDestination = (ctx: BrowserContext) =>
  ctx.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' }))

/** What the browser keeps for the site: cookies, and both storages. */
async function storedState(p: Page) {
  return {
    cookies: await p.context().cookies(),
    local: await p.evaluate(() => localStorage.length),
    session: await p.evaluate(() => sessionStorage.length),
  }
}

describe('an Urdu visitor', () => {
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
  })
  afterEach(async () => context.close())

  it('reads the page right to left, with the Urdu quick exit and emergency notice', async () => {
    await page.goto(siteUrl + '/ur/')
    expect(await page.getAttribute('html', 'lang')).toBe('ur')
    expect(await page.getAttribute('html', 'dir')).toBe('rtl')
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl')
    expect((await page.textContent(LINK))!.trim()).toBe(`${ur.quickExit!.hiddenPrefix} ${ur.quickExit!.button}`)
    expect(await page.textContent('.quick-exit__hint')).toContain(ur.quickExit!.hint)
    expect(await page.textContent('.site-footer [data-emergency-notice]')).toBe(ur.emergency!.notice)
    expect(await page.textContent('main')).toContain(ur.emergency!.notice)
    // Right to left: the quick exit button and the site's name start at the right.
    const button = (await page.locator(LINK).boundingBox())!
    expect(button.x).toBeGreaterThan(1280 / 2)
    expect((await page.locator('.site-header__name').boundingBox())!.x).toBeGreaterThan(1280 / 2)
    // The directory: each entry's and the notice's accent border is on their right.
    await page.goto(siteUrl + '/ur/support/')
    const borders = (selector: string) =>
      page.evaluate((sel) => {
        const s = getComputedStyle(document.querySelector(sel)!)
        return { right: s.borderRightWidth, left: s.borderLeftWidth }
      }, selector)
    expect(await borders('.entry-list li')).toEqual({ right: '4px', left: '0px' })
    expect(await borders('main .notice')).toEqual({ right: '6px', left: '0px' })
    expect(await page.textContent('main .notice')).toBe(ur.emergency!.notice)
    // An entry's English name reads left to right (its full stop at its end), as one run inside
    // the right-to-left list; the Urdu "(in English)" inside it turns back to right to left.
    const directions = await page.evaluate(() => {
      const link = document.querySelector('.entry-list li a[lang="en"]')!
      return { link: getComputedStyle(link).direction, bidi: getComputedStyle(link).unicodeBidi, marker: getComputedStyle(link.querySelector('[lang="ur"], .in-english')!).direction, item: getComputedStyle(link.closest('li')!).direction }
    })
    expect(directions).toEqual({ link: 'ltr', bidi: 'isolate', marker: 'rtl', item: 'rtl' })
    // The test site's refuge is translated into Urdu (tests/helpers/drafts.ts): listed under its
    // Urdu name, so the directory no longer says every service's page is in English.
    expect(await page.locator('.entry-list a[href^="/ur/services/"]').count()).toBeGreaterThan(0)
    expect(await page.textContent('main')).not.toContain(ur.directory!.englishOnly)
  })

  it('switches to English with plain links: nothing in cookies, localStorage or sessionStorage', async () => {
    await page.goto(siteUrl + '/ur/support/')
    const english = page.locator('.lang-switcher a[hreflang="en"]')
    expect(await english.getAttribute('lang')).toBe('en-GB')
    expect(await english.textContent()).toBe('English')
    expect(await page.locator('.lang-switcher a[hreflang="ur"]').getAttribute('aria-current')).toBe('true')
    await Promise.all([page.waitForURL(`${siteUrl}/support/`), english.click()])
    expect(await page.getAttribute('html', 'lang')).toBe('en-GB')
    expect(await page.getAttribute('html', 'dir')).toBe('ltr')
    expect(await storedState(page)).toEqual({ cookies: [], local: 0, session: 0 })
    // And back: the same page in Urdu, still storing nothing.
    await Promise.all([page.waitForURL(`${siteUrl}/ur/support/`), page.click('.lang-switcher a[hreflang="ur"]')])
    expect(await storedState(page)).toEqual({ cookies: [], local: 0, session: 0 })
  })

  it('leaves on Shift pressed three times, announcing it in Urdu', async () => {
    await stubDestination(context)
    await page.goto(siteUrl + '/ur/')
    destination = (await page.getAttribute(LINK, 'href'))!
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    expect(await page.textContent('[data-quick-exit-status]')).toBe(ur.quickExit!.remainingOne)
    await Promise.all([page.waitForURL(destination), page.keyboard.press('Shift')])
  })

  it('the quick exit is the same real link without JavaScript', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false })
    await stubDestination(ctx)
    const p = await ctx.newPage()
    await p.goto(siteUrl + '/ur/support/')
    const href = (await p.getAttribute(LINK, 'href'))!
    expect(href).toMatch(/^https:\/\//)
    expect(await p.getAttribute(LINK, 'rel')).toBe('nofollow noreferrer')
    await Promise.all([p.waitForURL(href), p.click(LINK)])
    await ctx.close()
  })
})

describe('a Bengali visitor', () => {
  beforeEach(async () => {
    context = await browser.newContext()
    page = await context.newPage()
  })
  afterEach(async () => context.close())

  it('finds an untranslated service linked to its English page, marked lang="en" and “in English” in Bengali', async () => {
    await page.goto(siteUrl + '/bn/support/domestic-abuse/')
    expect(await page.textContent('h1')).toContain(bn.categories!.domestic_abuse)
    // Nothing here is translated into Bengali: the page says the services' pages are in English.
    expect(await page.textContent('[data-english-only]')).toBe(bn.directory!.englishOnly)
    const link = page.locator('.entry-list a').first()
    expect(await link.getAttribute('lang')).toBe('en')
    expect(await link.getAttribute('href')).toMatch(/^\/services\/[a-z0-9-]+\/$/)
    const marker = link.locator('span[lang]')
    expect(await marker.getAttribute('lang')).toBe('bn')
    expect(await marker.textContent()).toBe(`(${bn.languageSwitcher!.inEnglish})`)
    const href = (await link.getAttribute('href'))!
    await Promise.all([page.waitForURL(siteUrl + href), link.click()])
    expect(await page.getAttribute('html', 'lang')).toBe('en-GB')
  })

  it('searches the Bengali directory in the page, with the count in Bengali', async () => {
    await page.goto(siteUrl + '/bn/support/')
    const all = await page.locator('[data-service]').count()
    expect(all).toBeGreaterThan(5)
    await page.fill('#q', 'refuge')
    await page.keyboard.press('Enter')
    const shown = await page.locator('[data-service]:not([hidden])').count()
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(all)
    expect(await page.textContent('[data-directory-count]')).toContain(bn.directory!.matching!.replace('{q}', 'refuge'))
    // A filter in Bengali narrows to the entries it names.
    await page.selectOption('#f-category', 'domestic-abuse')
    for (const categories of await page.locator('[data-service]:not([hidden])').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.categories!)))
      expect(categories.split(' ')).toContain('domestic-abuse')
  })

  it('every localised hub page names each live language and x-default', async () => {
    for (const p of ['/bn/', '/bn/support/', '/bn/support/women/', '/bn/stay-safe-online/']) {
      await page.goto(siteUrl + p)
      const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((l) => l.getAttribute('hreflang')))
      expect(alternates, p).toEqual(['en', 'bn', 'ur', 'pa', 'pl', 'ro', 'x-default'])
    }
  })
})

describe('a language an admin has not switched on', () => {
  let offDir: string
  beforeAll(() => {
    const env = { ...throwawayEnv('site-languages-off'), SEED_LANGUAGES: 'bn,ur' }
    offDir = path.join(env.TEST_DIR, 'dist')
    const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['tests/helpers/build-site.ts', offDir], { env, stdio: 'inherit', timeout: 600_000 })
    expect(result.status).toBe(0)
  }, 600_000)

  it('has no pages, no hreflang and no place in the switcher; the ones switched on have', () => {
    const paths = pagePaths(offDir)
    expect(paths).toContain('/bn/')
    expect(paths).toContain('/ur/support/')
    for (const code of ['pa', 'pl', 'ro']) expect(paths.filter((p) => p.startsWith(`/${code}/`)), code).toEqual([])
    for (const file of filesIn(offDir, (f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8')
      expect(html, file).not.toMatch(/hreflang="(pa|pl|ro)"/)
      expect(html, file).not.toMatch(/href="\/(pa|pl|ro)\//)
    }
    expect(readFileSync(path.join(offDir, 'index.html'), 'utf8')).toMatch(/hreflang="ur"/)
  })
})

describe('the shared test site', () => {
  it('builds every hub page in every language', () => {
    const paths = pagePaths(siteDir)
    for (const code of ['bn', 'ur', 'pa', 'pl', 'ro'])
      for (const p of ['/', '/support/', '/support/domestic-abuse/', '/support/open-24-hours/', '/stay-safe-online/']) expect(paths, code + p).toContain(`/${code}${p}`)
  })
})
