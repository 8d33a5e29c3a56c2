/** Keyboard-only use, reflow at 320 px and visible focus, in Chromium. */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../helpers/chromium'
import { pagePaths } from '../helpers/site-pages'

const siteUrl = inject('siteUrl')
const siteDir = inject('siteDir')

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => browser?.close())

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return { href: el?.getAttribute('href') ?? '', text: el?.textContent?.trim() ?? '', quickExit: el?.hasAttribute('data-quick-exit-link') ?? false }
  })

/** Presses Tab until the focused element matches, like a keyboard user looking for a link. */
async function tabTo(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 80) {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab')
    if (match(await focused(page))) return i
  }
  throw new Error(`Nothing matching was reached in ${limit} Tab presses on ${page.url()}`)
}

describe('keyboard', () => {
  it('reaches the skip link, then quick exit, within two Tab presses', async () => {
    const page = await browser.newPage()
    await page.goto(siteUrl + '/')
    await page.keyboard.press('Tab')
    expect((await focused(page)).href).toBe('#main')
    await page.keyboard.press('Tab')
    expect((await focused(page)).quickExit).toBe(true)
    await page.close()
  })

  it('finds a domestic abuse service, opens it and leaves with quick exit', async () => {
    const context = await browser.newContext()
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title>' }))
    const page = await context.newPage()
    await page.goto(siteUrl + '/')
    const destination = (await page.getAttribute('[data-quick-exit-link]', 'href'))!

    await tabTo(page, (f) => f.href === '/support/domestic-abuse/')
    await Promise.all([page.waitForURL(/\/support\/domestic-abuse\/$/), page.keyboard.press('Enter')])

    await tabTo(page, (f) => f.href.startsWith('/services/'))
    await Promise.all([page.waitForURL(/\/services\/[^/]+\/$/), page.keyboard.press('Enter')])
    const servicePath = new URL(page.url()).pathname
    expect(await page.textContent('main')).toContain('Domestic abuse')

    expect(await tabTo(page, (f) => f.quickExit, 2)).toBe(2)
    await Promise.all([page.waitForURL(destination), page.keyboard.press('Enter')])
    await page.goBack()
    expect(new URL(page.url()).pathname).not.toBe(servicePath)
    await context.close()
  })

  it('shows focus clearly on links and the quick exit', async () => {
    const page = await browser.newPage()
    await page.goto(siteUrl + '/support/')
    const style = (selector: string) =>
      page.$eval(selector, (el) => {
        const s = getComputedStyle(el)
        return `${s.backgroundColor}|${s.boxShadow}|${s.outlineStyle}|${s.outlineWidth}`
      })
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    const exitFocused = await style('[data-quick-exit-link]')
    await page.keyboard.press('Tab')
    const exitBlurred = await style('[data-quick-exit-link]')
    expect(exitFocused).not.toBe(exitBlurred)
    expect(exitFocused).toContain('rgb(255, 221, 0)') // the yellow focus background
    const link = 'main a[href^="/services/"]'
    const before = await style(link)
    await page.focus(link)
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Tab') // focus by keyboard, so :focus-visible applies
    expect(await style(link)).not.toBe(before)
    expect(await style(link)).toContain('rgb(255, 221, 0)')
    await page.close()
  })
})

describe('reflow at 320 CSS pixels', () => {
  // Issue 20: every language's pages reflow too, Urdu's right to left (where overflow would go left).
  it('covers the pages in every language', () => expect(pagePaths(siteDir)).toEqual(expect.arrayContaining(['/ur/', '/ur/support/', '/ur/support/women/', '/bn/', '/pa/support/', '/pl/stay-safe-online/', '/ro/'])))
  it.for(pagePaths(siteDir))('%s scrolls only vertically', async (path) => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } })
    await page.goto(siteUrl + path)
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }))
    expect(scrollWidth, `${path} is ${scrollWidth}px wide at 320px`).toBeLessThanOrEqual(clientWidth)
    await page.close()
  })
})
