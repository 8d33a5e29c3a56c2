/**
 * The Open Referral (HSDS 3.0) read API under /api/openreferral, registered as Payload root
 * endpoints. Public, read-only, JSON, `Access-Control-Allow-Origin: *` (the UK profile's CORS
 * rule) on every answer including errors. Reads go through query.ts as an anonymous visitor, so
 * a signed-in editor calling this API still sees only what the public sees.
 */
import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'
import { isUuid } from './ids'
import { BadRequest, pageOf, parsePaging, parseSearch, parseServiceQuery } from './params'
import { getService, listServiceAtLocations, listServices } from './query'
import { allTaxonomies, allTerms, lookupTaxonomy, lookupTerm, taxonomy, term } from './taxonomies'

export const HSDS_VERSION = '3.0'
/** The Open Referral UK profile of HSDS 3.0. */
export const PROFILE_URL = 'https://github.com/OpenReferralUK/uk-profile'
/** The official HSDS 3.0 OpenAPI description this API follows. */
export const OPENAPI_URL = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json'

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Accept, Content-Type',
}

export const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { ...CORS, 'Cache-Control': status === 200 ? 'public, max-age=60' : 'no-store' } })

const problem = (status: number, message: string) => json({ error: status === 404 ? 'Not Found' : 'Bad Request', message }, status)

const params = (req: PayloadRequest) => req.searchParams ?? new URL(req.url ?? 'http://localhost/').searchParams
const idParam = (req: PayloadRequest, what: string) => {
  const id = String(req.routeParams?.id ?? '')
  if (!isUuid(id)) throw new BadRequest(`${what} id must be a UUID; got "${id}".`)
  return id.toLowerCase()
}

/** Turns BadRequest into a 400 and anything unexpected into a 500, both with CORS and a message. */
const handle =
  (fn: (req: PayloadRequest) => Promise<Response> | Response): PayloadHandler =>
  async (req) => {
    try {
      return await fn(req)
    } catch (error) {
      if (error instanceof BadRequest) return problem(400, error.message)
      req.payload.logger.error({ err: error, msg: 'Open Referral API failed' })
      return json({ error: 'Internal Server Error', message: 'The directory could not be read. Try again later.' }, 500)
    }
  }

const routes: Record<string, PayloadHandler> = {
  '/openreferral': handle(() => json({ version: HSDS_VERSION, profile: PROFILE_URL, openapi_url: OPENAPI_URL })),

  '/openreferral/services': handle(async (req) => json(await listServices(req.payload, parseServiceQuery(params(req))))),

  '/openreferral/services/:id': handle(async (req) => {
    const id = idParam(req, 'Service')
    const service = await getService(req.payload, id)
    return service ? json(service) : problem(404, `No published service has id ${id}.`)
  }),

  '/openreferral/service_at_locations': handle(async (req) => json(await listServiceAtLocations(req.payload, parseServiceQuery(params(req))))),

  '/openreferral/taxonomies': handle((req) => {
    const p = params(req)
    const search = parseSearch(p)?.toLowerCase()
    const list = allTaxonomies().filter((t) => !search || `${t.name} ${t.description}`.toLowerCase().includes(search))
    return json(pageOf(list, parsePaging(p)))
  }),

  '/openreferral/taxonomies/:id': handle((req) => {
    const id = idParam(req, 'Taxonomy')
    const key = lookupTaxonomy(id)
    return key ? json(taxonomy(key)) : problem(404, `No taxonomy has id ${id}.`)
  }),

  '/openreferral/taxonomy_terms': handle((req) => {
    const p = params(req)
    const search = parseSearch(p)?.toLowerCase()
    const taxonomyId = p.get('taxonomy_id')
    if (taxonomyId && !isUuid(taxonomyId)) throw new BadRequest(`taxonomy_id must be a UUID; got "${taxonomyId}".`)
    if (taxonomyId && !lookupTaxonomy(taxonomyId)) throw new BadRequest(`taxonomy_id ${taxonomyId} is not one of this directory's taxonomies (see /taxonomies).`)
    const parentId = p.get('parent_id')
    // Our vocabularies are flat: every term is a top-level term and none has children.
    const list = parentId
      ? []
      : allTerms().filter(
          (t) => (!taxonomyId || t.taxonomy_id === taxonomyId.toLowerCase()) && (!search || `${t.name} ${t.code}`.toLowerCase().includes(search)),
        )
    return json(pageOf(list, parsePaging(p)))
  }),

  '/openreferral/taxonomy_terms/:id': handle((req) => {
    const id = idParam(req, 'Taxonomy term')
    const found = lookupTerm(id)
    return found ? json(term(found.taxonomy, found.code, true)) : problem(404, `No taxonomy term has id ${id}.`)
  }),
}

const preflight: PayloadHandler = async () => new Response(null, { status: 204, headers: { ...CORS, 'Access-Control-Max-Age': '86400' } })

const unknownPath: PayloadHandler = async (req) => problem(404, `${new URL(req.url ?? 'http://localhost/').pathname} is not part of this Open Referral API; start at /api/openreferral.`)

export const openReferralEndpoints: Endpoint[] = [
  ...Object.entries(routes).flatMap(([path, handler]) => [
    { path, method: 'get' as const, handler },
    { path, method: 'options' as const, handler: preflight },
  ]),
  // Last, so it only answers paths none of the routes above match.
  { path: '/openreferral/(.*)', method: 'get', handler: unknownPath },
]
