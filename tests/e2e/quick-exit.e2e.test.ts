/**
 * Quick exit in Chromium. The destination is intercepted with page.route, so nothing leaves the
 * machine; the fake destination page stands in for the real one.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../helpers/chromium'

const siteUrl = inject('siteUrl')
const LINK = '[data-quick-exit-link]'

let browser: Browser
let context: BrowserContext
let page: Page
let destination: string

async function stubDestination(ctx: BrowserContext) {
  await ctx.route(/^https?:\/\/(?!127\.0\.0\.1)/, async (route) => {
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' })
  })
}

beforeAll(async () => {
  browser = await launchChromium()
  const probe = await browser.newPage()
  await probe.goto(siteUrl + '/')
  destination = (await probe.getAttribute(LINK, 'href'))!
  await probe.close()
})
afterAll(async () => browser?.close())

describe('without JavaScript', () => {
  it('is a real link with rel="nofollow noreferrer" that leaves the site', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false })
    await stubDestination(ctx)
    const p = await ctx.newPage()
    await p.goto(siteUrl + '/support/')
    expect(destination).toMatch(/^https:\/\//)
    expect(await p.getAttribute(LINK, 'rel')).toBe('nofollow noreferrer')
    await Promise.all([p.waitForURL(destination), p.click(LINK)])
    expect(p.url()).toBe(destination)
    await ctx.close()
  })
})

describe('with JavaScript', () => {
  beforeEach(async () => {
    context = await browser.newContext()
    page = await context.newPage()
  })
  afterEach(async () => context.close())

  it('hides the page at once with a neutral overlay', async () => {
    // Cancel the navigation ('aborted' keeps the old document), so the page left behind can be inspected.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort('aborted'))
    await page.goto(siteUrl + '/support/')
    await page.click(LINK)
    await page.waitForFunction(() => document.documentElement.classList.contains('quick-exit-active'))
    expect(await page.isVisible('main h1')).toBe(false)
    expect(await page.isVisible('.quick-exit-overlay')).toBe(true)
    expect(await page.textContent('[data-quick-exit-status]')).toBe('Leaving this site.')
  })

  it('replaces the page in history, so Back does not return to it', async () => {
    await stubDestination(context)
    await page.goto(siteUrl + '/')
    await page.click('a[href="/support/"]')
    await page.waitForURL(/\/support\/$/)
    await Promise.all([page.waitForURL(destination), page.click(LINK)])
    await page.goBack()
    expect(new URL(page.url()).pathname).toBe('/') // the directory page was replaced, not kept
  })

  it('leaves on Shift pressed three times', async () => {
    await stubDestination(context)
    await page.goto(siteUrl + '/services/dv-flag-east/')
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    expect(await page.textContent('[data-quick-exit-status]')).toContain('1 more time')
    await Promise.all([page.waitForURL(destination), page.keyboard.press('Shift')])
    expect(page.url()).toBe(destination)
  })

  it('does not leave on two Shifts and a pause longer than five seconds', async () => {
    await stubDestination(context)
    await page.goto(siteUrl + '/support/')
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await page.waitForTimeout(5300)
    expect(await page.textContent('[data-quick-exit-status]')).toBe('Quick exit shortcut timed out.')
    await page.keyboard.press('Shift')
    await page.waitForTimeout(500)
    expect(new URL(page.url()).pathname).toBe('/support/')
    expect(await page.textContent('[data-quick-exit-status]')).toContain('2 more times')
  })

  it('resets on pageshow (page restored from the back/forward cache)', async () => {
    // Cancel the navigation so the page stays in its "leaving" state, as a cached page would be.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort('aborted'))
    await page.goto(siteUrl + '/')
    await page.click(LINK)
    await page.waitForFunction(() => document.documentElement.classList.contains('quick-exit-active'))
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })))
    expect(await page.evaluate(() => document.documentElement.classList.contains('quick-exit-active'))).toBe(false)
    expect(await page.$('.quick-exit-overlay')).toBeNull()
    expect(await page.isVisible('main h1')).toBe(true)
  })

  it('marks the trigger for the benchmark', async () => {
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort('aborted'))
    await page.goto(siteUrl + '/')
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift')
    await page.waitForFunction(() => performance.getEntriesByName('quick-exit:navigate').length > 0)
    const names = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name))
    expect(names).toEqual(expect.arrayContaining(['quick-exit:shortcut', 'quick-exit:start', 'quick-exit:navigate']))
  })
})
