/**
 * The anonymous-read cache's effect on REST latency (issue 19), quick to run on its own:
 * `tsx bench/anonymous-cache.ts`. Seeds content/ into a throwaway database, starts the CMS server
 * twice — cache off (ANON_CACHE_ENTRIES=0) and on — and loads each with the bench's own pattern
 * (bench/rest.ts: 2,000 GETs over 1,000 list pages at 20 in flight), for the REST list and the
 * Open Referral list. The floor is the same process answering one URL over and over (every request
 * a cache hit): the cost of HTTP and Node alone on this machine at this moment. On the small seed
 * most pages are empty, so misses cost less than at 10k; the full figure is `npm run bench`.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { ensureAdminBuild } from '../scripts/lib/admin-build'
import { waitForHttp } from '../scripts/lib/http'
import { start, stopGroup } from '../scripts/lib/run'
import { freePort } from '../tests/helpers/ports'
import { throwawayEnv } from '../tests/helpers/env'
import { loadTest } from './rest'

const env = throwawayEnv('cache-bench')
const tsx = path.resolve('node_modules/.bin/tsx')
const seeded = spawnSync(tsx, ['scripts/seed.ts'], { env, stdio: 'pipe' })
if (seeded.status !== 0) throw new Error(`Seeding failed:\n${seeded.stderr}`)
await ensureAdminBuild(env)

const routes = {
  rest: { query: (page: number) => `/api/services?limit=10&page=${page}&depth=1`, expect: '"docs"' },
  openReferral: { query: (page: number) => `/api/openreferral/services?per_page=10&page=${page}`, expect: '"contents"' },
}
const results: Record<string, unknown> = {}
for (const cache of ['off', 'on'] as const) {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const cms = start(tsx, ['scripts/cms-server.ts'], { env: { ...env, CMS_PORT: String(port), CMS_HOST: '127.0.0.1', ...(cache === 'off' ? { ANON_CACHE_ENTRIES: '0' } : {}) }, stdio: 'ignore' })
  try {
    await waitForHttp(`${base}/api/site-settings/global`, 180_000)
    for (const [name, { query, expect }] of Object.entries(routes)) {
      await loadTest(base, query, { requests: 200, concurrency: 5, pages: 50, seed: 1, expect }) // warm-up
      // Cold: the bench's own plan, from an empty cache (about 57% of its 2,000 requests are first asks of a URL).
      results[`${name}.cache-${cache}.cold`] = await loadTest(base, query, { requests: 2000, concurrency: 20, pages: 1000, expect })
      // Warm: the same plan again with no write in between, as steady anonymous traffic would find it.
      results[`${name}.cache-${cache}.warm`] = await loadTest(base, query, { requests: 2000, concurrency: 20, pages: 1000, expect })
    }
    if (cache === 'on') results.floor = await loadTest(base, () => routes.rest.query(1), { requests: 2000, concurrency: 20, pages: 1 })
  } finally {
    await stopGroup(cms)
  }
}
console.log(JSON.stringify(results, null, 2))
