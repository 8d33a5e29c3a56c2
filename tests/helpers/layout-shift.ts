/**
 * Layout stability as Chromium itself measures it (the Layout Instability API, the source of
 * Lighthouse's CLS), on a phone: 375×667 with the CPU slowed 4×. Each HTML page is sent in two
 * parts a second apart, as a long page arrives on a phone (at 10,000 entries /support/ is several
 * MB, painted long before its end and its scripts are in); a change a script then makes to what
 * is already painted shows as a shift, as it does there. Used by
 * tests/e2e/layout-stability.e2e.test.ts and the benchmark.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'

export const PHONE = { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }

export type Shift = { value: number; sources: string[] }
export type Stability = { cls: number; shifts: Shift[]; lcpMs: number | null }

/** Every path that is one kind of page: "/services/a/" and "/services/b/" are one kind. */
export function oneOfEachKind(paths: string[]): string[] {
  const seen = new Map<string, string>()
  for (const p of paths) {
    const parts = p.split('/').filter(Boolean)
    const kind = parts.length <= 1 ? p : `${parts[0]}/${parts.slice(1).map(() => '*').join('/')}`
    if (!seen.has(kind)) seen.set(kind, p)
  }
  return [...seen.values()]
}

/**
 * A proxy in front of the site that sends the first half of every HTML page, waits, then the rest.
 * Everything else (and every header but the transfer ones) passes through unchanged.
 */
export async function slowHtmlProxy(site: string, pauseMs = 1000): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    try {
      const upstream = await fetch(new URL(req.url ?? '/', site))
      const headers = Object.fromEntries([...upstream.headers].filter(([name]) => !['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)))
      res.writeHead(upstream.status, headers)
      const body = Buffer.from(await upstream.arrayBuffer())
      if (!(upstream.headers.get('content-type') ?? '').includes('text/html')) return void res.end(body)
      const half = Math.floor(body.length / 2)
      res.write(body.subarray(0, half))
      setTimeout(() => res.end(body.subarray(half)), pauseMs)
    } catch (error) {
      res.writeHead(502).end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  }
}

/**
 * Runs in the page before its own scripts. A string, not a function: tsx compiles functions with
 * helpers (__name) that do not exist in the page.
 */
const OBSERVE = `
  window.__shifts = []
  window.__lcp = null
  const describe = (node) => node instanceof Element
    ? node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') + [...node.classList].map((c) => '.' + c).join('')
    : (node ? node.nodeName : '?')
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (!entry.hadRecentInput) window.__shifts.push({ value: entry.value, sources: (entry.sources || []).map((s) => describe(s.node)) })
  }).observe({ type: 'layout-shift', buffered: true })
  new PerformanceObserver((list) => {
    const last = list.getEntries().at(-1)
    if (last) window.__lcp = last.startTime
  }).observe({ type: 'largest-contentful-paint', buffered: true })
`

/** CLS (every shift without recent input, summed: stricter than Lighthouse's session windows) and LCP of one page load. */
export async function measureStability(browser: Browser, url: string, { settleMs = 1000 } = {}): Promise<Stability> {
  const context = await browser.newContext(PHONE)
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await page.addInitScript(OBSERVE)
    await page.goto(url, { waitUntil: 'load' })
    await page.waitForTimeout(settleMs)
    const { shifts, lcp } = (await page.evaluate('({ shifts: window.__shifts, lcp: window.__lcp })')) as { shifts: Shift[]; lcp: number | null }
    return { cls: shifts.reduce((sum, s) => sum + s.value, 0), shifts, lcpMs: lcp === null ? null : Math.round(lcp) }
  } finally {
    await context.close()
  }
}
