/**
 * npm run build — the static site in dist/ from the CMS's published content. On a fresh clone the
 * embedded database is empty, so it is seeded from content/ first.
 */
import path from 'node:path'
import { childEnv, exitWith, projectRoot } from './lib/env'
import { buildSite } from './lib/site-build'

const env = childEnv()
Object.assign(process.env, env)

try {
  const { openCms } = await import('./lib/cms')
  const { seedIfEmpty } = await import('../cms/seed/seed')
  const payload = await openCms()
  const seeded = await seedIfEmpty(payload, path.join(projectRoot, 'content'))
  if (seeded) console.log('The database was empty: seeded it from content/.')
  await payload.destroy()
  const { seconds } = await buildSite(env)
  console.log(`\nBuilt the public site into dist/ in ${seconds.toFixed(1)} s.`)
  process.exit(0)
} catch (error) {
  exitWith(error)
}
