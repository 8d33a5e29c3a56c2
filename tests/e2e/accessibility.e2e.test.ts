/**
 * axe-core on every built page in Chromium: WCAG 2.0/2.1/2.2 A and AA, best practice, and the
 * target-size rule. axe is evaluated through the DevTools protocol, so the page's CSP stays on.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../helpers/chromium'
import { pagePaths } from '../helpers/site-pages'

const siteUrl = inject('siteUrl')
const siteDir = inject('siteDir')
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

type Violation = { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }

const readable = (path: string, violations: Violation[]) =>
  violations
    .map((v) => `${path}: [${v.impact}] ${v.id} — ${v.help}\n${v.nodes.map((n) => `    at ${n.target.join(' ')}\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`).join('\n')}`)
    .join('\n')

describe('accessibility (axe-core) on every page', () => {
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  })
  afterAll(async () => browser?.close())

  const paths = pagePaths(siteDir)
  it('finds the pages to check', () => expect(paths.length).toBeGreaterThan(30))
  // Issue 20: every language's pages are checked too, Urdu's right-to-left ones among them.
  it('checks the pages in every language', () => expect(paths).toEqual(expect.arrayContaining(['/ur/', '/ur/support/', '/bn/support/domestic-abuse/', '/pa/stay-safe-online/', '/pl/', '/ro/support/'])))

  const axe = async () =>
    (await page.evaluate(
      async (tags) => {
        // @ts-expect-error axe is a global once its source has run
        const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, rules: { 'target-size': { enabled: true } }, resultTypes: ['violations'] })
        return result.violations
      },
      TAGS,
    )) as Violation[]

  it('/support/ after a search, with the other pages found, has no violations', async () => {
    await page.goto(siteUrl + '/support/')
    await page.fill('#q', 'domestic abuse')
    await page.keyboard.press('Enter')
    await page.click('[data-directory-pages-search]')
    await page.waitForFunction(() => document.querySelectorAll('[data-directory-pages-list] li').length > 0)
    await page.evaluate(axeSource)
    expect(readable('/support/ (searched)', await axe())).toBe('')
  })

  it.for(paths)('%s has no violations', async (path) => {
    await page.goto(siteUrl + path)
    await page.evaluate(axeSource)
    expect(readable(path, await axe())).toBe('')
  })
})
