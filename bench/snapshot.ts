/**
 * tsx bench/snapshot.ts <file.json> — records every read the site build makes from the CMS into
 * one JSON file, for the "raw Astro" floor (bench/replay.ts).
 * Reads go through the Local API as an anonymous visitor, with exactly the arguments the site
 * uses, and are stored under the same key the replay looks them up by. The loaders' queries are
 * repeated from site/lib/sources.ts (their schemas import Astro, which Node cannot import here);
 * their arguments come from the loaders' own wholeRead; if they drift,
 * the raw build stops with "has no answer for …" rather than reading something else.
 */
import { writeFile } from 'node:fs/promises'
import type { CollectionSlug, Payload } from 'payload'
import { allServices, FEED_ORDER } from '../cms/openreferral/query'
import { openCms } from '../scripts/lib/cms'
import { wholeRead } from '../site/lib/changed-reads'
import { redactionTerms } from '../site/lib/reviews'
import { callKey } from './replay'

/** [collection, depth, sort, joins] of each payloadLoader in site/lib/sources.ts. */
const LOADERS: [CollectionSlug, number, string[]?, false?][] = [
  ['organisations', 0],
  ['partnerships', 1],
  ['strategies', 1],
  ['priorities', 1],
  ['services', 1, FEED_ORDER, false],
  ['news', 1],
  ['news-translations', 1],
  ['strategy-translations', 1],
  ['priority-translations', 1],
  ['service-translations', 1],
  ['meetings', 1],
  ['agenda-items', 1],
  ['reviews', 1],
  ['recommendations', 1],
  ['languages', 0],
]

const out = process.argv[2]
if (!out) throw new Error('usage: tsx bench/snapshot.ts <file.json>')
const payload = await openCms()
const snapshot: Record<string, unknown> = {}
for (const [collection, depth, sort, joins] of LOADERS) {
  // The very arguments of the loaders' whole reads (site/lib/changed-reads.ts wholeRead).
  const args = wholeRead({ collection, depth, sort, joins })
  snapshot[callKey('find', args)] = await payload.find(args)
}
const settingsArgs = { slug: 'site-settings', overrideAccess: false } as const
snapshot[callKey('findGlobal', settingsArgs)] = await payload.findGlobal(settingsArgs)
// Pages that call the Local API themselves (the open-data snapshot): record what they ask for.
const recorder = new Proxy(payload, {
  get(target, prop, receiver) {
    if (prop !== 'find') return Reflect.get(target, prop, receiver)
    return async (args: Parameters<Payload['find']>[0]) => (snapshot[callKey('find', args)] = await target.find(args))
  },
})
await allServices(recorder)
// The reviews' redaction terms, read with the server's rights (site/lib/reviews.ts).
await redactionTerms(recorder)
await writeFile(out, JSON.stringify(snapshot))
console.log(`snapshot: ${Object.keys(snapshot).length} reads → ${out}`)
process.exit(0)
