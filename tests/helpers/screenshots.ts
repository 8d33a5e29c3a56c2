/**
 * tsx tests/helpers/screenshots.ts <site folder> <out folder> [--docs]
 * Serves a built site and takes screenshots in Chromium at phone (375 px) and desktop (1280 px)
 * widths of the pages the README shows. With --docs, the desktop shots are the README's
 * docs/screenshots/{home,directory,service,priority}.png.
 */
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { serveStatic } from '../../site/serve'
import { launchChromium } from './chromium'

const [siteDir = 'dist', outDir = '/tmp/csp-hub-shots'] = process.argv.slice(2)
const docs = process.argv.includes('--docs')
export const SCREENSHOT_PAGES = {
  home: '/',
  directory: '/support/',
  service: '/services/imraa-domestic-abuse-support/',
  priority: '/strategies/barking-and-dagenham-vawg-strategy-2018-2022/challenge-abusive-behaviours/',
  // Issue 20: the home page in Urdu, right to left.
  'urdu-home': '/ur/',
}

const server = serveStatic(path.resolve(siteDir))
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
const browser = await launchChromium()
mkdirSync(outDir, { recursive: true })
for (const [width, label] of [[375, 'mobile'], [1280, 'desktop']] as const) {
  const page = await browser.newPage({ viewport: { width, height: 900 } })
  for (const [name, url] of Object.entries(SCREENSHOT_PAGES)) {
    await page.goto(base + url)
    await page.screenshot({ path: path.join(outDir, `${name}-${label}.png`), fullPage: true })
    if (docs && label === 'desktop') {
      mkdirSync('docs/screenshots', { recursive: true })
      await page.screenshot({ path: path.join('docs/screenshots', `${name}.png`), fullPage: false })
    }
  }
  await page.close()
}
await browser.close()
server.close()
console.log(`Screenshots in ${outDir}`)
