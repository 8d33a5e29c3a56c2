/**
 * Reads for the feed, through the Local API as an anonymous visitor: overrideAccess false and no
 * user, so the services collection's own read access (published only) decides what is shown —
 * the same rule the public site is built with. Never pass a request or user in here.
 */
import type { Payload, Where } from 'payload'
import { locationProblems } from '../directory/confidential-location'
import type { Service } from '../payload-types'
import { toHsdsService, toHsdsServiceAtLocations, toHsdsServiceSummary } from './map'
import { page, type Paging, type ServiceQuery } from './params'
import { vocabularies, type TaxonomyKey } from './taxonomies'

const FIELD: Record<Exclude<TaxonomyKey, 'availability' | 'provenance'>, string> = {
  categories: 'categories',
  audiences: 'audiences',
  'access-modes': 'accessModes',
}

function termWhere(taxonomy: TaxonomyKey, codes: string[]): Where {
  if (taxonomy === 'availability') return { urgent: { equals: true } }
  if (taxonomy === 'provenance') {
    const terms: Where[] = []
    if (codes.includes('provider-not-named')) terms.push({ providerNotNamed: { equals: true } })
    if (codes.includes('not-yet-confirmed')) terms.push({ 'confirmed.on': { exists: false } })
    return terms.length ? { or: terms } : { id: { exists: false } }
  }
  return { [FIELD[taxonomy]]: { in: codes } }
}

export function serviceWhere(query: Omit<ServiceQuery, 'page' | 'perPage' | 'full'>): Where {
  const and: Where[] = []
  if (query.search) and.push({ or: [{ name: { like: query.search } }, { description: { like: query.search } }] })
  if (query.term) and.push(termWhere(query.term.taxonomy, [query.term.code]))
  if (query.taxonomy) and.push(termWhere(query.taxonomy, Object.keys(vocabularies[query.taxonomy].terms)))
  if (query.organizationId) and.push({ 'organisation.uuid': { equals: query.organizationId } })
  if (query.modifiedAfter) and.push({ updatedAt: { greater_than: query.modifiedAfter.toISOString() } })
  return and.length ? { and } : {}
}

/**
 * `joins: false`: the feed maps no join (map.ts), and a service's `translations` join (kept for
 * backups) is otherwise computed for every service read: at 10,000 entries with 4,000 published
 * translations, a 50-entry page's read took a median 20–27 ms with it and 13–24 ms without over
 * three runs of 9–15 reads on a busy 2-core machine, and the read of every service 0.3–0.5 s more
 * (tests/int/openreferral-joins.int.test.ts shows the feed says the same without it).
 */
const anonymous = { overrideAccess: false, draft: false, depth: 1, joins: false } as const
/** The feed's order; the site's services loader reads in it too, so its read can make the snapshot. */
export const FEED_ORDER = ['name', 'id']
const ORDER = FEED_ORDER

/**
 * A confidential location whose record gives its place away (an address or postcode forced into
 * the database past the CMS's checks) is left out of the feed, as the site's build leaves it out.
 * (Each is passed as a plain copy: locationProblems reads any record's fields by name.)
 */
const publishable = (docs: Service[]) => docs.filter((d) => locationProblems({ ...d }).length === 0)

async function findPage(payload: Payload, where: Where, paging: Paging) {
  const result = await payload.find({ collection: 'services', where, page: paging.page, limit: paging.perPage, sort: ORDER, ...anonymous })
  const docs = publishable(result.docs)
  return { docs, total: result.totalDocs - (result.docs.length - docs.length) }
}

export async function listServices(payload: Payload, query: ServiceQuery) {
  const { docs, total } = await findPage(payload, serviceWhere(query), query)
  return page(docs.map(query.full ? toHsdsService : toHsdsServiceSummary), total, query)
}

export async function getService(payload: Payload, uuid: string) {
  const result = await payload.find({ collection: 'services', where: { uuid: { equals: uuid.toLowerCase() } }, limit: 1, ...anonymous })
  const doc = publishable(result.docs)[0]
  return doc ? toHsdsService(doc) : undefined
}

/** Every published service, fully nested, in one page: the downloadable snapshot. */
export async function allServices(payload: Payload) {
  return snapshotOf((await payload.find({ collection: 'services', pagination: false, sort: ORDER, ...anonymous })).docs)
}

/** The snapshot from every service an anonymous read found, depth 1, in FEED_ORDER. */
export function snapshotOf(read: Service[]) {
  const docs = publishable(read)
  return page(docs.map(toHsdsService), docs.length, { page: 1, perPage: Math.max(docs.length, 1) })
}

/** Services with an address have exactly one service_at_location, so paging by service is exact. */
export async function listServiceAtLocations(payload: Payload, query: ServiceQuery) {
  const where: Where = {
    and: [serviceWhere(query), { 'contact.address': { exists: true } }, { 'contact.address': { not_equals: '' } }, { locationConfidential: { not_equals: true } }],
  }
  const { docs, total } = await findPage(payload, where, query)
  return page(docs.flatMap(toHsdsServiceAtLocations), total, query)
}
