/**
 * /open-data/services.json — a downloadable snapshot of the directory as an Open Referral
 * (HSDS 3.0) page of fully nested services, built by the same mapping as the CMS's
 * /api/openreferral feed and read the same way: Local API, anonymous, published entries only.
 * The file can be given straight to `npm run import:openreferral`. Compact JSON (site/lib/open-data.ts).
 */
import type { APIRoute } from 'astro'
import { allServices, FEED_ORDER } from '../../../cms/openreferral/query'
import type { Service } from '../../../cms/payload-types'
import { takeRead } from '../../lib/build-reads'
import { openDataStream } from '../../lib/open-data'
import { cms } from '../../lib/payload-loader'

export const prerender = true

export const GET: APIRoute = async () => {
  // The services loader's read of this build is the same anonymous read (site/content.config.ts).
  // With the loader's digests, a warm renderer keeps each service's text for the next publish (site/lib/open-data.ts).
  const read = takeRead<Service>('services', { depth: 1, sort: FEED_ORDER, joins: false })
  const body = read ? openDataStream(read.docs, read.digests) : JSON.stringify(await allServices(await cms()))
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
}
