/**
 * News images are made by the site at build time (site/pages/media/, site/components/Picture/):
 * a <picture> with AVIF and WebP sources on the site's own origin, files that really are AVIF and
 * WebP at the sizes they claim, alt text from the media record, and in Chromium the image loads
 * with no request leaving 127.0.0.1. The image is a generated test fixture (tests/helpers/test-image.ts).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../helpers/chromium'
import { filesIn, pagePaths } from '../helpers/site-pages'
import { TEST_IMAGE } from '../helpers/test-image'

const siteUrl = inject('siteUrl')
const siteDir = inject('siteDir')

const withPicture = pagePaths(siteDir).filter((p) => readFileSync(path.join(siteDir, p.endsWith('/') ? `${p}index.html` : p), 'utf8').includes('<picture'))
const newsPage = withPicture[0]!

type Picture = {
  sources: { type: string; srcset: string; sizes: string }[]
  img: { src: string; alt: string | null; width: string | null; height: string | null; loading: string | null; decoding: string | null }
}

const candidates = (srcset: string) =>
  srcset.split(',').map((c) => {
    const [url, w] = c.trim().split(/\s+/)
    return { url: url!, width: Number(w!.replace(/w$/, '')) }
  })

/** A site URL's file in the built output, refusing anything that is not on this site. */
function fileOf(url: string): string {
  const resolved = new URL(url, siteUrl)
  expect(resolved.origin, url).toBe(siteUrl)
  return path.join(siteDir, decodeURIComponent(resolved.pathname))
}

const expectedHeight = (width: number) => Math.round((width * TEST_IMAGE.height) / TEST_IMAGE.width)

let browser: Browser
let picture: Picture
beforeAll(async () => {
  browser = await launchChromium()
  const page = await browser.newPage()
  await page.goto(siteUrl + newsPage)
  picture = await page.$eval('article picture', (el) => ({
    sources: [...el.querySelectorAll('source')].map((s) => ({ type: s.type, srcset: s.getAttribute('srcset') ?? '', sizes: s.getAttribute('sizes') ?? '' })),
    img: Object.fromEntries(['src', 'alt', 'width', 'height', 'loading', 'decoding'].map((a) => [a, el.querySelector('img')!.getAttribute(a)])) as Picture['img'],
  }))
  await page.close()
})
afterAll(async () => browser?.close())

describe('news images in the built site', () => {
  it('only the story the fixture image was attached to has a picture', () => {
    expect(withPicture).toHaveLength(1)
    expect(newsPage).toMatch(/^\/news\/[^/]+\/$/)
  })

  it('has AVIF then WebP sources and a WebP <img>, all on this site', () => {
    expect(picture.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp'])
    for (const s of picture.sources) {
      expect(s.sizes).toBeTruthy()
      for (const { url } of candidates(s.srcset)) expect(url).toMatch(/^\/media\/[0-9a-f]{16}-\d+\.(avif|webp)$/)
    }
    expect(picture.img.src).toMatch(/^\/media\/[0-9a-f]{16}-\d+\.webp$/)
  })

  it('uses the media record’s alt text, its real size, and async decoding', () => {
    expect(picture.img.alt).toBe(TEST_IMAGE.alt)
    expect(Number(picture.img.width)).toBe(640)
    expect(Number(picture.img.height)).toBe(expectedHeight(640))
    expect(picture.img.decoding).toBe('async')
    // The story's lead image sits just under the summary, in the first screen: lazy would delay it.
    expect(picture.img.loading).toBe('eager')
  })

  it('writes every variant into the output, really AVIF or WebP, at the width and height it claims', async () => {
    const checked: string[] = []
    for (const source of picture.sources) {
      const widths = candidates(source.srcset).map((c) => c.width)
      expect(widths).toEqual([320, 640, 960, 1280]) // the fixture is 1600 wide: every layout width, none upscaled
      for (const { url, width } of candidates(source.srcset)) {
        const file = fileOf(url)
        expect(existsSync(file), url).toBe(true)
        const meta = await sharp(file).metadata()
        if (source.type === 'image/avif') expect([meta.format, meta.compression], url).toEqual(['heif', 'av1'])
        else expect(meta.format, url).toBe('webp')
        expect([meta.width, meta.height], url).toEqual([width, expectedHeight(width)])
        checked.push(url)
      }
    }
    const img = await sharp(fileOf(picture.img.src)).metadata()
    expect([img.format, img.width, img.height]).toEqual(['webp', Number(picture.img.width), Number(picture.img.height)])
    // Nothing else in /media/: every file there is one a page uses.
    expect(filesIn(path.join(siteDir, 'media')).map((f) => '/' + path.relative(siteDir, f).split(path.sep).join('/')).sort()).toEqual(checked.sort())
  })

  it('never points at the CMS: no /api/media/ URL in any page, feed or index', () => {
    const texts = filesIn(siteDir, (f) => /\.(html|xml|json)$/.test(f)).filter((f) => readFileSync(f, 'utf8').includes('/api/media/'))
    expect(texts).toEqual([])
  })
})

describe('in Chromium', () => {
  it('loads the AVIF from this site under the CSP, with no request leaving 127.0.0.1', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const outside: string[] = []
    const images: { url: string; status: number; type: string | undefined }[] = []
    context.on('request', (request) => {
      const url = new URL(request.url())
      if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') outside.push(request.url())
    })
    context.on('response', (response) => {
      if (response.request().resourceType() === 'image') images.push({ url: response.url(), status: response.status(), type: response.headers()['content-type'] })
    })
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort())
    const page = await context.newPage()
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(siteUrl + newsPage, { waitUntil: 'networkidle' })
    const img = page.locator('article picture img')
    await img.scrollIntoViewIfNeeded()
    await page.waitForFunction(() => {
      const el = document.querySelector<HTMLImageElement>('article picture img')
      return !!el && el.complete && el.naturalWidth > 0
    })
    const shown = await img.evaluate((el: HTMLImageElement) => ({ currentSrc: el.currentSrc, naturalWidth: el.naturalWidth, naturalHeight: el.naturalHeight, width: el.getBoundingClientRect().width }))
    // A 1x screen 1280 px wide: the 640 px AVIF, shown 640 CSS px wide.
    expect(shown.currentSrc).toMatch(new RegExp(`^${siteUrl.replace(/[.]/g, '\\.')}/media/[0-9a-f]{16}-640\\.avif$`))
    expect([shown.naturalWidth, shown.naturalHeight]).toEqual([640, expectedHeight(640)])
    expect(shown.width).toBe(640)
    expect(images).toEqual([expect.objectContaining({ url: shown.currentSrc, status: 200, type: 'image/avif' })])
    expect(outside).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('fits a 320 px screen, keeping its aspect ratio', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 2 })
    const page = await context.newPage()
    await page.goto(siteUrl + newsPage, { waitUntil: 'networkidle' })
    const box = await page.locator('article picture img').evaluate((el: HTMLImageElement) => {
      const r = el.getBoundingClientRect()
      return { width: r.width, height: r.height, currentSrc: el.currentSrc, scroll: document.documentElement.scrollWidth }
    })
    expect(box.width).toBe(320 - 32)
    expect(box.height).toBeCloseTo(((320 - 32) * TEST_IMAGE.height) / TEST_IMAGE.width, 0)
    expect(box.scroll).toBeLessThanOrEqual(320)
    // 288 CSS px at 2x: the 640 px variant.
    expect(box.currentSrc).toMatch(/-640\.avif$/)
    await context.close()
  })
})
