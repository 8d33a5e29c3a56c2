/**
 * Privacy and the publication guard, on the built site: no request leaves 127.0.0.1, no cookies,
 * no referrer, a CSP without 'unsafe-inline' scripts, no inline handlers, and nothing restricted,
 * confidential or draft anywhere in the output (HTML, RSS, sitemap, Pagefind index).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../helpers/chromium'
import { DRAFT_MARKER } from '../helpers/drafts'
import { filesIn, pagePaths } from '../helpers/site-pages'

const siteUrl = inject('siteUrl')
const siteDir = inject('siteDir')
const htmlFiles = filesIn(siteDir, (f) => f.endsWith('.html'))

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => browser?.close())

describe('in the browser', () => {
  it('makes no request outside 127.0.0.1 and sets no cookies, on any page and in search', async () => {
    const context = await browser.newContext()
    const outside: string[] = []
    context.on('request', (request) => {
      const url = new URL(request.url())
      if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') outside.push(`${request.url()} (from ${request.frame().url()})`)
    })
    // Anything that tried to leave is answered locally and recorded above.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort())
    const page = await context.newPage()
    for (const p of pagePaths(siteDir)) await page.goto(siteUrl + p, { waitUntil: 'networkidle' })
    // Search of the other pages loads Pagefind (JS, WebAssembly, index files): all of it from this site.
    await page.goto(siteUrl + '/support/')
    await page.fill('#q', 'domestic abuse')
    await page.click('[data-directory-form] button[type=submit]')
    await page.waitForFunction(() => /matching/.test(document.querySelector('[data-directory-count]')?.textContent ?? ''))
    await page.click('[data-directory-pages-search]')
    await page.waitForFunction(() => /match/.test(document.querySelector('[data-directory-pages-status]')?.textContent ?? ''))
    expect(outside).toEqual([])
    expect(await context.cookies()).toEqual([])
    expect(await page.evaluate(() => document.cookie)).toBe('')
    await context.close()
  }, 300_000) // every page in six languages (issue 20): about 260 pages, each waited on until the network is idle

  it('the directory in Urdu (issue 20) searches in the page under the CSP, downloading and storing nothing', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(siteUrl + '/ur/support/', { waitUntil: 'networkidle' })
    const requested: string[] = []
    page.on('request', (r) => requested.push(new URL(r.url()).pathname))
    const all = await page.locator('[data-service]').count()
    await page.fill('#q', 'refuge')
    await page.keyboard.press('Enter')
    await page.waitForFunction((n) => document.querySelectorAll('[data-service]:not([hidden])').length < n, all)
    expect(requested).toEqual([])
    expect(errors).toEqual([])
    expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual(['', 0, 0])
    await page.close()
  })

  it('search finds services in the page, downloading nothing, and other pages with Pagefind under the CSP', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(siteUrl + '/support/', { waitUntil: 'networkidle' })
    const requested: string[] = []
    page.on('request', (r) => requested.push(new URL(r.url()).pathname))
    await page.fill('#q', 'perpetrators')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => /matching/.test(document.querySelector('[data-directory-count]')?.textContent ?? ''))
    const visible = await page.$$eval('[data-service]:not([hidden]) h2 a', (as) => as.map((a) => a.getAttribute('href')))
    expect(visible.length).toBeGreaterThan(0)
    expect(visible.length).toBeLessThan(await page.$$eval('[data-service]', (x) => x.length))
    // Every shown card has the word (or a longer form of it) in what it shows; no hidden one does.
    const texts = await page.$$eval('[data-service]', (cards) => cards.map((c) => ({ hidden: (c as HTMLElement).hidden, text: (c.textContent ?? '').toLowerCase() })))
    for (const card of texts) expect(/\bperpetrator/.test(card.text), card.text.slice(0, 80)).toBe(!card.hidden)
    expect(requested).toEqual([])
    await page.click('[data-directory-pages-search]')
    await page.waitForFunction(() => /match/.test(document.querySelector('[data-directory-pages-status]')?.textContent ?? ''))
    expect(requested.some((p) => p.startsWith('/pagefind/'))).toBe(true)
    expect(await page.$$eval('[data-directory-pages-list] a', (as) => as.map((a) => a.getAttribute('href')))).toSatisfy((hrefs: string[]) => hrefs.length > 0 && hrefs.every((h) => !h.startsWith('/services/')))
    expect(errors).toEqual([])
    await page.close()
  })
})

describe('in every built HTML file', () => {
  it.for(htmlFiles.map((f) => path.relative(siteDir, f)))('%s has the referrer meta, a strict CSP and no inline handlers', (rel) => {
    const html = readFileSync(path.join(siteDir, rel), 'utf8')
    expect(html).toContain('<meta name="referrer" content="no-referrer">')
    const csp = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/i)?.[1]
    expect(csp, 'CSP meta tag').toBeTruthy()
    const scriptSrc = csp!.split(';').find((d) => d.trim().startsWith('script-src')) ?? ''
    expect(scriptSrc).not.toContain("'unsafe-inline'")
    expect(scriptSrc).not.toContain("'unsafe-eval'")
    expect(csp).toContain("default-src 'self'")
    // An on* attribute inside any tag (onclick=, onload=, …).
    expect(html.match(/<[a-z][^>]*\son[a-z]+\s*=/gi) ?? []).toEqual([])
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i)
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)="https?:\/\//i) // nothing loaded from elsewhere
  })
})

/** Markdown → the plain words the site would show. */
const plain = (text: string) =>
  text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_#>`|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
const normalise = (text: string) =>
  text
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\\u0026/g, '&')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase()

type Item = { title: string; classification: string; summary?: string; paper?: string; presenter?: string }

/** Titles and distinctive sentences of every non-public agenda item, minus words public items also use. */
function restrictedPhrases(): string[] {
  const dir = path.resolve('content/meetings')
  const items: Item[] = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')).agenda ?? []) as Item[])
  const publicText = normalise(items.filter((i) => i.classification === 'public').map((i) => plain(`${i.title} ${i.summary ?? ''} ${i.paper ?? ''}`)).join(' '))
  const phrases: string[] = []
  for (const item of items.filter((i) => i.classification !== 'public')) {
    phrases.push(item.title)
    if (item.summary) phrases.push(item.summary.slice(0, 80))
    for (const line of (item.paper ?? '').split('\n')) {
      const text = plain(line)
      if (text.length >= 60 && !/^(subject|date|author|contact|security|report|community safety partnership)/i.test(text)) phrases.push(text.slice(0, 70))
    }
  }
  return [...new Set(phrases.map(normalise))].filter((p) => p.length >= 12 && !publicText.includes(p))
}

/** Every output file as text; Pagefind's index files are gzip-compressed, so unpack them. */
function outputTexts(): { file: string; text: string }[] {
  return filesIn(siteDir).flatMap((file) => {
    const raw = readFileSync(file)
    if (/\.(png|jpe?g|webp|avif|ico|wasm|woff2?)$/.test(file)) return []
    let text = raw.toString('utf8')
    if (/\.pf_(fragment|index|meta)$/.test(file) || /pagefind\/.*\.pagefind$/.test(file)) {
      try {
        text = gunzipSync(raw).toString('utf8')
      } catch {
        /* not compressed */
      }
    }
    return [{ file: path.relative(siteDir, file), text: normalise(text) }]
  })
}

describe('nothing unpublished in the output', () => {
  const texts = outputTexts()
  const phrases = restrictedPhrases()

  it('reads the restricted items and Pagefind fragments to check', () => {
    expect(phrases.length).toBeGreaterThan(3)
    expect(texts.some((t) => t.file.endsWith('.pf_fragment') && t.text.includes('domestic'))).toBe(true)
    expect(texts.some((t) => t.file.endsWith('rss.xml'))).toBe(true)
    expect(texts.some((t) => t.file.startsWith('sitemap'))).toBe(true)
  })

  it('has no restricted or confidential agenda item titles or paper text in any file', () => {
    const leaks = texts.flatMap(({ file, text }) => phrases.filter((p) => text.includes(p)).map((p) => `${file}: “${p}”`))
    expect(leaks).toEqual([])
  })

  it('has no draft content in any file', () => {
    const marker = normalise(DRAFT_MARKER)
    expect(texts.filter((t) => t.text.includes(marker) || t.text.includes('zebrafinch')).map((t) => t.file)).toEqual([])
  })

  it('still publishes the public items of the same meeting', async () => {
    const meetings = filesIn(path.join(siteDir, 'meetings'), (f) => f.endsWith('.html'))
    expect(meetings.length).toBeGreaterThan(1)
    const html = meetings.map((f) => readFileSync(f, 'utf8')).join('')
    expect(html).toContain('Stop and Search Update')
  })
})
