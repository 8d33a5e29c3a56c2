/**
 * npm run import:openreferral -- <url-or-file> [options]   (see usage below and docs/open-referral.md)
 * Reads an Open Referral (HSDS 3.0) feed into the directory as draft entries for editors to review,
 * and prints what was created, updated and skipped, and why, and how each organisation was matched.
 * The whole feed is checked against the HSDS service schema first and written in one transaction:
 * a malformed feed imports nothing. A URL is fetched within limits (http(s), public addresses only,
 * a timeout and a size cap); organisations are matched by the id an earlier import recorded or by
 * --map-organisation, never by name or by our own (published, so copyable) open data id.
 */
import { parseArgs } from 'node:util'
import { areas, categories } from '../cms/taxonomy'
import { FETCH_DEFAULTS } from '../cms/openreferral/fetch-feed'
import { MappingError, organisationMap } from '../cms/openreferral/organisation-map'
import { childEnv, exitWith } from './lib/env'

const usage = `Usage: npm run import:openreferral -- <url-or-file>
  [--map-organisation <feed organisation id>=<our organisation slug>]…  put that feed organisation's entries under ours
  [--organisation-map <file.json>]        the same as a JSON object { "<feed organisation id>": "<our slug>" }
  [--default-area ${Object.keys(areas).join('|')}]
  [--default-category <category>] [--list-only]
  [--timeout <seconds>]                   per request (default ${FETCH_DEFAULTS.timeoutMs / 1000}; env OPENREFERRAL_FETCH_TIMEOUT)
  [--max-size <megabytes>]                per response (default ${FETCH_DEFAULTS.maxBytes / 1024 / 1024}; env OPENREFERRAL_FETCH_MAX_MB)`

const fail = (message: string): never => {
  console.error(`${message}\n\n${usage}`)
  process.exit(1)
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'default-area': { type: 'string' },
    'default-category': { type: 'string' },
    'list-only': { type: 'boolean' },
    'map-organisation': { type: 'string', multiple: true },
    'organisation-map': { type: 'string' },
    timeout: { type: 'string' },
    'max-size': { type: 'string' },
    help: { type: 'boolean' },
  },
})
if (values.help || positionals.length !== 1) {
  console.error(usage)
  process.exit(values.help ? 0 : 1)
}
const source = positionals[0]!
const defaultArea = values['default-area']
const defaultCategory = values['default-category']
if (defaultArea && !(defaultArea in areas)) fail(`--default-area must be one of: ${Object.keys(areas).join(', ')}`)
if (defaultCategory && !(defaultCategory in categories)) fail(`--default-category must be one of: ${Object.keys(categories).join(', ')}`)

/** A positive number from the option, else the environment variable, else undefined (the default). */
const positive = (option: string, env: string): number | undefined => {
  const raw = (values as Record<string, unknown>)[option] ?? process.env[env]
  if (raw === undefined || raw === '') return undefined
  const n = Number(raw)
  return Number.isFinite(n) && n > 0 ? n : fail(`--${option} (or ${env}) must be a positive number; got "${String(raw)}".`)
}
const timeoutSeconds = positive('timeout', 'OPENREFERRAL_FETCH_TIMEOUT')
const maxMegabytes = positive('max-size', 'OPENREFERRAL_FETCH_MAX_MB')

let mapping: Record<string, string> = {}
try {
  mapping = organisationMap({ pairs: values['map-organisation'], file: values['organisation-map'] })
} catch (error) {
  if (error instanceof MappingError) fail(error.message)
  throw error
}
Object.assign(process.env, childEnv())

try {
  const { readFeed } = await import('../cms/openreferral/feed')
  const { checkFeed, formatReport, importServices } = await import('../cms/openreferral/import')
  const { progress } = await import('./lib/progress')
  const reading = progress('Reading services from the feed', 0)
  const services = await readFeed(source, {
    progress: reading,
    details: !values['list-only'],
    timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
    maxBytes: maxMegabytes === undefined ? undefined : Math.round(maxMegabytes * 1024 * 1024),
  })
  reading.done()
  checkFeed(services) // before opening the CMS: a malformed feed writes nothing
  const { openCms } = await import('./lib/cms')
  const payload = await openCms()
  const importing = progress('Importing services', services.length)
  const report = await importServices(payload, services, {
    defaultArea: defaultArea as keyof typeof areas | undefined,
    defaultCategory: defaultCategory as keyof typeof categories | undefined,
    organisationMap: mapping,
    source,
    progress: importing,
  })
  importing.done()
  console.log(`Imported from ${source} (${services.length} services in the feed):\n${formatReport(report)}`)
  console.log('\nEverything imported is a draft: review it in the admin (Directory) before publishing.')
  if (report.organisations.created.length) {
    console.log('New organisations are never matched to ours by name or by our own open data id: if one of them is an organisation we already have, import again with --map-organisation, and delete the draft once its entries are published or deleted.')
  }
  process.exit(0)
} catch (error) {
  if ((error as Error)?.name === 'FeedError') {
    console.error(`\n${(error as Error).message}\n`)
    process.exit(1)
  }
  exitWith(error)
}
