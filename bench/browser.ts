/**
 * Browser measurements in real Chromium (tests/helpers/chromium.ts): what a first search costs
 * (and then a search of the other pages),
 * what the home page weighs, and how fast quick exit leaves. Nothing leaves the machine: every
 * request to another host is intercepted.
 */
import { gzipSync } from 'node:zlib'
import type { BrowserContext } from 'playwright-core'
import { launchChromium } from '../tests/helpers/chromium'
import { percentile } from './rest'

export type BrowserResult = {
  /** Everything downloaded for the first search on /support/ (the name is issue 8's: it was Pagefind's). */
  pagefindBytesFirstQuery: number
  pagefindRequests: number
  /** The same files from a host that gzips JS and JSON (bodies only). */
  pagefindGzipBytesFirstQuery: number
  pagefindFiles: { url: string; bytes: number }[]
  /** Then "Search them for …" (news, strategies and other pages, with Pagefind): what that downloads. */
  pagesSearchBytes: number
  pagesSearchFiles: { url: string; bytes: number }[]
  homeWeightGzipBytes: number
  homeFiles: { url: string; bytes: number; gzipBytes: number }[]
  quickExitMs: number
  quickExitRuns: number[]
}

/** Any host but the site under test is cancelled here ("aborted", so a navigation leaves the page as it was): nothing leaves the machine. */
async function isolate(context: BrowserContext, site: string) {
  const origin = new URL(site).origin
  await context.route((url) => url.origin !== origin, (route) => route.abort('aborted'))
}

/**
 * Bytes received (response headers + body as sent) for every request of the context that starts
 * after `start()`. Context-level events, because Pagefind fetches its index from a Web Worker,
 * whose requests a page's own CDP session does not see.
 */
/**
 * What the same file would cost from a host that gzips text (JS, JSON): site/serve.ts sends
 * everything as it is; Pagefind's own index, fragment and wasm files are gzipped already.
 */
const gzipTextSizes = new Map<string, number>()
function gzipSizeIfText(url: string, bytes: number): number {
  return gzipTextSizes.get(url) ?? bytes
}
async function rememberGzip(url: string) {
  if (!/\.(js|json)(\?|$)/.test(url)) return
  const body = Buffer.from(await (await fetch(url)).arrayBuffer())
  gzipTextSizes.set(url, gzipSync(body).length)
}

function countBytes(context: BrowserContext) {
  let counting = false
  const pending: Promise<{ url: string; bytes: number; gzipBytes?: number }>[] = []
  context.on('request', (request) => {
    if (!counting) return
    pending.push(
      request.response().then(async (response) => {
        if (!response) return { url: request.url(), bytes: 0, gzipBytes: 0 }
        await response.finished()
        await rememberGzip(request.url())
        const sizes = await request.sizes()
        // A worker's own script reports no body size (and the server sends no Content-Length):
        // fetch it again to count what was sent.
        const body = sizes.responseBodySize || (response.ok() ? (await (await fetch(request.url())).arrayBuffer()).byteLength : 0)
        return { url: request.url(), bytes: body + sizes.responseHeadersSize, gzipBytes: gzipSizeIfText(request.url(), body) }
      }),
    )
  })
  return {
    start: () => (counting = true),
    result: async () => {
      const files = await Promise.all(pending)
      return {
        bytes: files.reduce((sum, f) => sum + f.bytes, 0),
        gzipBytes: files.reduce((sum, f) => sum + (f.gzipBytes ?? f.bytes), 0),
        requests: files.length,
        files,
      }
    },
  }
}

export async function measureBrowser(site: string, { quickExitRepeats = 7 } = {}): Promise<BrowserResult> {
  const browser = await launchChromium()
  try {
    // 1. First search on /support/, typed as a person would, then Enter (the form's submit).
    const searchContext = await browser.newContext()
    await isolate(searchContext, site)
    const page = await searchContext.newPage()
    await page.goto(`${site}/support/`, { waitUntil: 'load', timeout: 120_000 })
    await page.waitForSelector('[data-directory-form]:not([hidden])')
    const meter = countBytes(searchContext)
    meter.start()
    await page.click('#q')
    await page.keyboard.type('domestic abuse', { delay: 20 })
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => /matching/.test(document.querySelector('[data-directory-count]')?.textContent ?? ''), undefined, { timeout: 60_000 })
    await page.waitForLoadState('networkidle')
    const search = await meter.result()
    // 1b. The same words in the other pages (Pagefind), as the visitor asks for them.
    const pagesMeter = countBytes(searchContext)
    pagesMeter.start()
    await page.click('[data-directory-pages-search]')
    await page.waitForFunction(() => /match/.test(document.querySelector('[data-directory-pages-status]')?.textContent ?? ''), undefined, { timeout: 60_000 })
    await page.waitForLoadState('networkidle')
    const pagesSearch = await pagesMeter.result()
    await searchContext.close()

    // 2. The home page's own HTML, CSS and JS, each gzipped as a static host would serve it.
    const homeContext = await browser.newContext()
    await isolate(homeContext, site)
    const home = await homeContext.newPage()
    const bodies: Promise<{ url: string; bytes: number; gzipBytes: number } | null>[] = []
    home.on('response', (response) => {
      const type = response.request().resourceType()
      if (!['document', 'stylesheet', 'script'].includes(type) || !response.url().startsWith(site)) return
      bodies.push(response.body().then((body) => ({ url: response.url().slice(site.length), bytes: body.length, gzipBytes: gzipSync(body).length }), () => null))
    })
    await home.goto(`${site}/`, { waitUntil: 'networkidle' })
    const homeFiles = (await Promise.all(bodies)).filter((f) => f !== null)
    await homeContext.close()

    // 3. Quick exit: from the third Shift keyup (the event's own timestamp, caught before the
    //    component's listener) to the mark set just before location.replace. The destination is
    //    aborted by the route above, so the page stays and its marks can be read.
    const exitContext = await browser.newContext()
    await isolate(exitContext, site)
    await exitContext.addInitScript(() => {
      const ups: number[] = []
      ;(window as unknown as { __shiftUps: number[] }).__shiftUps = ups
      window.addEventListener('keyup', (e) => e.key === 'Shift' && ups.push(e.timeStamp), true)
    })
    const runs: number[] = []
    for (let i = 0; i < quickExitRepeats; i++) {
      const p = await exitContext.newPage()
      await p.goto(`${site}/`, { waitUntil: 'load' })
      for (let k = 0; k < 3; k++) await p.keyboard.press('Shift')
      await p.waitForFunction(() => performance.getEntriesByName('quick-exit:navigate').length > 0)
      runs.push(await p.evaluate(() => performance.getEntriesByName('quick-exit:navigate')[0]!.startTime - (window as unknown as { __shiftUps: number[] }).__shiftUps[2]!))
      await p.close()
    }
    await exitContext.close()
    const sorted = [...runs].sort((a, b) => a - b)
    return {
      pagefindBytesFirstQuery: search.bytes,
      pagefindRequests: search.requests,
      pagefindGzipBytesFirstQuery: search.gzipBytes,
      pagefindFiles: search.files.map((f) => ({ url: f.url.slice(site.length), bytes: f.bytes })),
      pagesSearchBytes: pagesSearch.bytes,
      pagesSearchFiles: pagesSearch.files.map((f) => ({ url: f.url.slice(site.length), bytes: f.bytes })),
      homeWeightGzipBytes: homeFiles.reduce((sum, f) => sum + f.gzipBytes, 0),
      homeFiles,
      quickExitMs: Math.round(percentile(sorted, 50) * 100) / 100,
      quickExitRuns: runs.map((ms) => Math.round(ms * 100) / 100),
    }
  } finally {
    await browser.close()
  }
}
