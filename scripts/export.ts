/**
 * npm run export [-- <folder>] [-- --force]
 * Writes everything in the CMS — drafts, pending partner changes, restricted and confidential
 * agenda items, media files, site settings — to a folder in the content/ format (default
 * ./backup-<date>-<time>). Restore it with `npm run seed -- --from <folder>`. Users and passwords
 * are not exported. See docs/backups.md.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { childEnv, exitWith } from './lib/env'

const { values, positionals } = parseArgs({ options: { force: { type: 'boolean' } }, allowPositionals: true })
const stamp = new Date().toISOString().slice(0, 16).replace('T', '-').replace(':', '')
const folder = path.resolve(positionals[0] ?? `backup-${stamp}`)
Object.assign(process.env, childEnv())

try {
  const { openCms } = await import('./lib/cms')
  const { exportContent } = await import('../cms/seed/export')
  const payload = await openCms()
  const { progress } = await import('./lib/progress')
  const shown = progress('Exporting records', 0)
  const report = await exportContent(payload, folder, { force: values.force, progress: shown })
  shown.done()
  console.log(`Exported to ${path.relative(process.cwd(), folder) || '.'}:`)
  for (const [collection, count] of Object.entries(report.records)) console.log(`  ${collection.padEnd(14)} ${count}`)
  console.log(`  drafts         ${report.draftOnly} never published, ${report.pendingDrafts} pending over a published record`)
  console.log(`  agenda items   ${Object.entries(report.agendaItems).map(([kind, n]) => `${n} ${kind}`).join(', ') || 'none'}`)
  console.log('  settings       settings.json')
  for (const warning of report.warnings) console.warn(`  warning: ${warning}`)
  console.log('Not exported: users and their passwords (recreate accounts after a restore), the site-build log, and older versions.')
  console.log(`Restore with: npm run seed -- --from ${path.relative(process.cwd(), folder) || '.'}`)
  process.exit(0)
} catch (error) {
  exitWith(error)
}
