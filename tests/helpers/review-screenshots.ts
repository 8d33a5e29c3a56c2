/**
 * tsx tests/helpers/review-screenshots.ts <site folder> — the README's pictures of a review page and
 * its recommendations table (docs/screenshots/review*.png), taken in Chromium from a site built
 * with the fictional fixtures under an invented partnership and organisations
 * (SEED_TEST_REVIEWS=fictional, tests/helpers/review-fixtures.ts).
 */
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { serveStatic } from '../../site/serve'
import { launchChromium } from './chromium'
import { REVIEW_FIXTURES } from './review-fixtures'

const [siteDir = 'dist'] = process.argv.slice(2)
const server = serveStatic(path.resolve(siteDir))
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
const browser = await launchChromium()
mkdirSync('docs/screenshots', { recursive: true })
const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } })
await page.goto(`${base}/reviews/${REVIEW_FIXTURES.live.slug}/`)
await page.screenshot({ path: 'docs/screenshots/review.png' })
await page.locator('section[aria-labelledby="recommendations"]').screenshot({ path: 'docs/screenshots/review-recommendations.png' })
await page.goto(`${base}/reviews/${REVIEW_FIXTURES.expired.slug}/`)
await page.setViewportSize({ width: 1100, height: 700 })
await page.screenshot({ path: 'docs/screenshots/review-on-request.png' })
await browser.close()
server.close()
console.log('Screenshots in docs/screenshots/review*.png')
