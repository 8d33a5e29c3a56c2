/** The built home page in Chromium: title, urgent help first, 999 before anything else. */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { launchChromium } from '../helpers/chromium'

const siteUrl = inject('siteUrl')
let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => browser?.close())

it('renders the home page with urgent help first', async () => {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  const response = await page.goto(siteUrl + '/')
  expect(response?.status()).toBe(200)
  expect(await page.title()).toMatch(/find support/i)
  expect(await page.getAttribute('html', 'lang')).toBe('en-GB')
  expect(await page.textContent('h1')).toMatch(/find support/i)

  // The first section of main is the emergency panel, and 999 is the first number on the page.
  const firstSection = await page.$eval('main section', (s) => s.textContent ?? '')
  expect(firstSection).toContain('999')
  expect(firstSection).toMatch(/press 55/)
  const mainText = (await page.textContent('main')) ?? ''
  expect(mainText.match(/\d{3,}/)?.[0]).toBe('999')
  expect(await page.getAttribute('main a[href^="tel:"]', 'href')).toBe('tel:999')

  // Browse by need, partnerships and news follow.
  expect(await page.$('main a[href="/support/domestic-abuse/"]')).not.toBeNull()
  expect(await page.$('main a[href^="/partnerships/"]')).not.toBeNull()
  expect(await page.$('main a[href^="/news/"]')).not.toBeNull()
  expect(errors).toEqual([])
  await page.close()
})
