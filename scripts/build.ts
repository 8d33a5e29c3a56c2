/**
 * npm run build — the static site in dist/ from the CMS's published content. On a fresh clone the
 * embedded database is empty, so it is seeded from content/ first. The CMS's publish pipeline
 * forks it with --skip-seed (cms/publishing/run-build.ts) and gets its result as a message
 * (scripts/lib/child-result.ts): pages, seconds per step, the records left out, or why it failed.
 * A publishing CMS keeps one build process (--serve) that runs its publishes one after another, so
 * a publish does not wait for Node to load it, and which keeps the warm renderer (scripts/lib/warm/)
 * that renders a publish's changed pages.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { BuildOutcome } from '../cms/publishing/run-build'
import { reason, sendReport } from './lib/child-result'
import { serveRuns } from './lib/held.mjs'
import { childEnv, exitWith, projectRoot } from './lib/env'
import { buildSite, DIST, holdAstroStep, keepWarm } from './lib/site-build'

const { values } = parseArgs({ options: { 'skip-seed': { type: 'boolean' }, serve: { type: 'boolean' } } })
const env = childEnv()
Object.assign(process.env, env)

/** One build: seeded first if asked and the database is empty; says how it went. */
async function buildOnce(): Promise<BuildOutcome> {
  if (!values['skip-seed']) {
    const { openCms } = await import('./lib/cms')
    const { seedIfEmpty } = await import('../cms/seed/seed')
    const payload = await openCms()
    const seeded = await seedIfEmpty(payload, path.join(projectRoot, 'content'))
    if (seeded) console.log('The database was empty: seeded it from content/.')
    await payload.destroy()
  }
  const { seconds, pages, excluded, steps, mode, rendered, fullBecause, renderer, warmProblem, firstLive } = await buildSite(env)
  const where = path.relative(process.cwd(), DIST) || DIST
  if (mode === 'full') console.log(`\nBuilt the public site (${pages} pages) into ${where} in ${seconds.toFixed(1)} s${fullBecause ? ` (all of it: ${fullBecause})` : ''}.`)
  else
    console.log(
      `\nUpdated the public site in ${where}: ${rendered} of its ${pages} pages rendered again (the changed ones and the listings${renderer === 'warm' ? ', by the warm renderer' : ''}), in ${seconds.toFixed(1)} s` +
        (firstLive ? `; the edited records' own pages were live after ${firstLive.seconds.toFixed(1)} s.` : '.'),
    )
  if (warmProblem) console.warn(warmProblem)
  if (excluded.length) {
    console.warn(`\n${excluded.length} record${excluded.length === 1 ? ' was' : 's were'} LEFT OUT of the site because ${excluded.length === 1 ? 'it does' : 'they do'} not pass its checks (fix ${excluded.length === 1 ? 'it' : 'them'} in the CMS):`)
    for (const e of excluded) console.warn(`  - ${e.collection} “${e.title}” (id ${e.id}): ${e.problem}`)
  }
  return { pages, seconds, excluded, steps, mode, rendered, fullBecause, renderer, ...(warmProblem ? { warmProblem } : {}), ...(firstLive ? { firstLive } : {}) }
}

if (values.serve) {
  // Kept by a publishing CMS (cms/publishing/run-build.ts): one build per go, for as long as it lives.
  holdAstroStep(env)
  await keepWarm(env)
  serveRuns(async () => {
    try {
      return await buildOnce()
    } finally {
      holdAstroStep(env) // for the next build that needs a cold Astro (a full build)
    }
  }, reason)
} else {
  try {
    await sendReport<BuildOutcome>({ ok: true, ...(await buildOnce()) })
    process.exit(0)
  } catch (error) {
    await sendReport({ ok: false, error: reason(error) }).catch(() => undefined)
    exitWith(error)
  }
}
