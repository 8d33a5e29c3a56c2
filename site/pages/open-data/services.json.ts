/**
 * /open-data/services.json — a downloadable snapshot of the directory as an Open Referral
 * (HSDS 3.0) page of fully nested services, built by the same mapping as the CMS's
 * /api/openreferral feed and read the same way: Local API, anonymous, published entries only.
 * The file can be given straight to `npm run import:openreferral`.
 */
import type { APIRoute } from 'astro'
import { allServices } from '../../../cms/openreferral/query'
import { cms } from '../../lib/payload-loader'

export const prerender = true

export const GET: APIRoute = async () => {
  const feed = await allServices(await cms())
  return new Response(JSON.stringify(feed, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
}
