/**
 * npm run seed [-- --from <folder>] [-- --if-empty]
 * Checks every file in content/ (or a backup folder in the same format) and upserts it by slug.
 * Nothing is written if any file is wrong. --if-empty seeds only a database with no content yet.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { childEnv, exitWith, projectRoot } from './lib/env'

const { values } = parseArgs({ options: { from: { type: 'string' }, 'if-empty': { type: 'boolean' } } })
const folder = path.resolve(values.from ?? path.join(projectRoot, 'content'))
Object.assign(process.env, childEnv())

try {
  const { loadContent } = await import('../cms/seed/load')
  const bundle = await loadContent(folder) // before opening the CMS: a bad file writes nothing
  const { openCms } = await import('./lib/cms')
  const { seed } = await import('../cms/seed/seed')
  const payload = await openCms()
  if (values['if-empty'] && (await payload.count({ collection: 'organisations' })).totalDocs > 0) process.exit(0)
  const { progress } = await import('./lib/progress')
  const shown = progress('Seeding records', 0)
  const report = await seed(payload, bundle, { progress: shown })
  shown.done()
  console.log(`Seeded from ${path.relative(process.cwd(), folder) || '.'}:`)
  for (const [collection, { created, updated }] of Object.entries(report)) console.log(`  ${collection.padEnd(14)} ${created} created, ${updated} updated`)
  process.exit(0)
} catch (error) {
  exitWith(error)
}
