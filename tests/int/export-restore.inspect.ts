/**
 * Run as a child process by export-restore.int.test.ts against the restored database (a second
 * Payload cannot open in the test's own process): prints what the test checks as one JSON line.
 * Usage: tsx tests/int/export-restore.inspect.ts <service-slug>
 */
import type { CollectionSlug } from 'payload'
import { openCms } from '../../scripts/lib/cms'

const slug = process.argv[2]!
const payload = await openCms()
const collections: CollectionSlug[] = ['organisations', 'partnerships', 'strategies', 'priorities', 'services', 'news', 'meetings', 'agenda-items', 'media']
const counts = Object.fromEntries(
  await Promise.all(collections.map(async (c) => [c, (await payload.count({ collection: c, overrideAccess: true })).totalDocs] as const)),
)
const where = { slug: { equals: slug } }
const anonymous = (await payload.find({ collection: 'services', where, overrideAccess: false, depth: 0 })).docs[0]
const latest = (await payload.find({ collection: 'services', where, draft: true, overrideAccess: true, depth: 0 })).docs[0]
console.log(`INSPECT ${JSON.stringify({ counts, live: { description: anonymous?.description, _status: anonymous?._status }, latest: { description: latest?.description, _status: latest?._status } })}`)
process.exit(0)
