/**
 * npm run import:openreferral -- <url-or-file> [--default-area <area>] [--default-category <category>] [--list-only]
 * Reads an Open Referral (HSDS 3.0) feed into the directory as draft entries for editors to review,
 * and prints what was created, updated and skipped, and why. The whole feed is checked against the
 * HSDS service schema first and written in one transaction: a malformed feed imports nothing.
 */
import { parseArgs } from 'node:util'
import { areas, categories } from '../cms/taxonomy'
import { childEnv, exitWith } from './lib/env'

const usage = `Usage: npm run import:openreferral -- <url-or-file> [--default-area ${Object.keys(areas).join('|')}] [--default-category <category>] [--list-only]`

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'default-area': { type: 'string' }, 'default-category': { type: 'string' }, 'list-only': { type: 'boolean' }, help: { type: 'boolean' } },
})
if (values.help || positionals.length !== 1) {
  console.error(usage)
  process.exit(values.help ? 0 : 1)
}
const source = positionals[0]!
const defaultArea = values['default-area']
const defaultCategory = values['default-category']
if (defaultArea && !(defaultArea in areas)) {
  console.error(`--default-area must be one of: ${Object.keys(areas).join(', ')}`)
  process.exit(1)
}
if (defaultCategory && !(defaultCategory in categories)) {
  console.error(`--default-category must be one of: ${Object.keys(categories).join(', ')}`)
  process.exit(1)
}
Object.assign(process.env, childEnv())

try {
  const { readFeed } = await import('../cms/openreferral/feed')
  const { checkFeed, formatReport, importServices } = await import('../cms/openreferral/import')
  const services = await readFeed(source, { details: !values['list-only'] })
  checkFeed(services) // before opening the CMS: a malformed feed writes nothing
  const { openCms } = await import('./lib/cms')
  const payload = await openCms()
  const report = await importServices(payload, services, {
    defaultArea: defaultArea as keyof typeof areas | undefined,
    defaultCategory: defaultCategory as keyof typeof categories | undefined,
    source,
  })
  console.log(`Imported from ${source} (${services.length} services in the feed):\n${formatReport(report)}`)
  console.log('\nEverything imported is a draft: review it in the admin (Directory) before publishing.')
  process.exit(0)
} catch (error) {
  if ((error as Error)?.name === 'FeedError') {
    console.error(`\n${(error as Error).message}\n`)
    process.exit(1)
  }
  exitWith(error)
}
