/**
 * /open-data/services.json — a downloadable snapshot of the directory as an Open Referral
 * (HSDS 3.0) page of fully nested services, built by the same mapping as the CMS's
 * /api/openreferral feed and read the same way: Local API, anonymous, published entries only.
 * The file can be given straight to `npm run import:openreferral`.
 */
import type { APIRoute } from 'astro'
import { allServices, FEED_ORDER, snapshotOf } from '../../../cms/openreferral/query'
import type { Service } from '../../../cms/payload-types'
import { takeRead } from '../../lib/build-reads'
import { cms } from '../../lib/payload-loader'

export const prerender = true

export const GET: APIRoute = async () => {
  // The services loader's read of this build is the same anonymous read (site/content.config.ts).
  const read = takeRead<Service>('services', { depth: 1, sort: FEED_ORDER })
  const feed = read ? snapshotOf(read) : await allServices(await cms())
  return new Response(JSON.stringify(feed, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
}
