/**
 * npm run bench:lighthouse [-- <dist folder>] — Lighthouse (mobile, performance only) on one page
 * of each kind the issue budgets: home, directory, a filter, a service, a strategy, a priority, a
 * news story, meetings. Serves the built site with site/serve.ts (gzip, the real headers) on a free
 * port and runs Lighthouse's CLI against Debian's Chromium, offline. Not part of npm test: scores
 * move with the machine's load (Total Blocking Time is measured main-thread work ×4).
 * Default folder: dist/ (npm run build). Results: bench/results/lighthouse.json.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { projectRoot } from '../scripts/lib/env'
import { serveStatic } from '../site/serve'
import { CHROMIUM } from '../tests/helpers/chromium'
import { pagePaths } from '../tests/helpers/site-pages'

const KINDS: Record<string, RegExp> = {
  home: /^\/$/,
  directory: /^\/support\/$/,
  filter: /^\/support\/(?!open-24-hours)[^/]+\/$/,
  service: /^\/services\/[^/]+\/$/,
  strategy: /^\/strategies\/[^/]+\/$/,
  priority: /^\/strategies\/[^/]+\/[^/]+\/$/,
  news: /^\/news\/[^/]+\/$/,
  meetings: /^\/meetings\/$/,
}

const dist = path.resolve(process.argv[2] ?? path.join(projectRoot, 'dist'))
const paths = pagePaths(dist)
const server = serveStatic(dist)
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
const out = mkdtempSync(path.join(tmpdir(), 'csp-hub-lighthouse-'))
const results: Record<string, { path: string; score: number | null; cls: number; lcpMs: number; tbtMs: number; fcpMs: number }> = {}
try {
  for (const [i, [kind, pattern]] of Object.entries(KINDS).entries()) {
    const page = paths.find((p) => pattern.test(p))
    if (!page) continue
    const file = path.join(out, `${kind}.json`)
    // Lighthouse's defaults: mobile form factor, simulated slow 4G and 4× CPU slowdown.
    // Asynchronously: the site is served from this very process.
    await promisify(execFile)(path.join(projectRoot, 'node_modules', '.bin', 'lighthouse'), [
      site + page, '--only-categories=performance', '--output=json', `--output-path=${file}`, '--quiet',
      '--chrome-flags=--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync',
    ], { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 })
    const report = JSON.parse(readFileSync(file, 'utf8'))
    const audit = (id: string) => Math.round(report.audits[id].numericValue * 1000) / 1000
    const score = report.categories.performance.score
    results[kind] = { path: page, score: score === null ? null : Math.round(score * 100), cls: audit('cumulative-layout-shift'), lcpMs: Math.round(audit('largest-contentful-paint')), tbtMs: Math.round(audit('total-blocking-time')), fcpMs: Math.round(audit('first-contentful-paint')) }
    const r = results[kind]
    console.log(`[lighthouse ${i + 1}/${Object.keys(KINDS).length}] ${kind.padEnd(9)} ${String(r.score).padStart(3)}  CLS ${r.cls}  LCP ${r.lcpMs} ms  TBT ${r.tbtMs} ms  ${page}`)
  }
} finally {
  server.close()
}
const resultsDir = path.resolve(process.env.BENCH_RESULTS_DIR || path.join(projectRoot, 'bench', 'results'))
mkdirSync(resultsDir, { recursive: true })
writeFileSync(path.join(resultsDir, 'lighthouse.json'), `${JSON.stringify({ site: dist, results }, null, 2)}\n`)
process.exit(0)
