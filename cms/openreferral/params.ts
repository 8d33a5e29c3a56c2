/**
 * Query parameters of the list endpoints, checked before anything is read. A bad value is a 400
 * with a sentence saying what was wrong and what is allowed, never a silent default.
 */
import { isUuid } from './ids'
import { lookupTaxonomy, lookupTerm, type TaxonomyKey } from './taxonomies'

export const DEFAULT_PER_PAGE = 50
export const MAX_PER_PAGE = 100

export class BadRequest extends Error {
  override name = 'BadRequest'
}

export type Paging = { page: number; perPage: number }

export type ServiceQuery = Paging & {
  search?: string
  term?: { taxonomy: TaxonomyKey; code: string }
  taxonomy?: TaxonomyKey
  organizationId?: string
  modifiedAfter?: Date
  full: boolean
}

const positiveInteger = (name: string, raw: string, max?: number) => {
  const allowed = max ? `a whole number from 1 to ${max}` : 'a whole number of 1 or more'
  const value = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN
  if (!Number.isSafeInteger(value) || value < 1 || (max !== undefined && value > max)) throw new BadRequest(`${name} must be ${allowed}; got "${raw}".`)
  return value
}

const boolean = (name: string, raw: string | null) => {
  if (raw === null || raw === '') return false
  if (raw === 'true' || raw === '1') return true
  if (raw === 'false' || raw === '0') return false
  throw new BadRequest(`${name} must be true or false; got "${raw}".`)
}

export function parsePaging(params: URLSearchParams): Paging {
  const page = params.get('page')
  const perPage = params.get('per_page')
  const format = params.get('format')
  if (format !== null && format !== '' && format.toLowerCase() !== 'json') throw new BadRequest(`format "${format}" is not offered; this API returns JSON only.`)
  return {
    page: page === null || page === '' ? 1 : positiveInteger('page', page),
    perPage: perPage === null || perPage === '' ? DEFAULT_PER_PAGE : positiveInteger('per_page', perPage, MAX_PER_PAGE),
  }
}

export const parseSearch = (params: URLSearchParams) => {
  const search = params.get('search')?.trim()
  if (search && search.length > 200) throw new BadRequest('search must be 200 characters or fewer.')
  return search || undefined
}

export function parseServiceQuery(params: URLSearchParams): ServiceQuery {
  const query: ServiceQuery = { ...parsePaging(params), search: parseSearch(params), full: boolean('full', params.get('full')) }

  const termParam = params.get('taxonomy_term_id')
  if (termParam) {
    if (!isUuid(termParam)) throw new BadRequest(`taxonomy_term_id must be a UUID; got "${termParam}".`)
    const found = lookupTerm(termParam)
    if (!found) throw new BadRequest(`taxonomy_term_id ${termParam} is not a term of this directory's taxonomies (see /taxonomy_terms).`)
    query.term = found
  }
  const taxonomyParam = params.get('taxonomy_id')
  if (taxonomyParam) {
    if (!isUuid(taxonomyParam)) throw new BadRequest(`taxonomy_id must be a UUID; got "${taxonomyParam}".`)
    const found = lookupTaxonomy(taxonomyParam)
    if (!found) throw new BadRequest(`taxonomy_id ${taxonomyParam} is not one of this directory's taxonomies (see /taxonomies).`)
    query.taxonomy = found
  }
  const org = params.get('organization_id')
  if (org) {
    if (!isUuid(org)) throw new BadRequest(`organization_id must be a UUID; got "${org}".`)
    query.organizationId = org.toLowerCase()
  }
  const modified = params.get('modified_after')
  if (modified) {
    const date = new Date(modified)
    if (!/^\d{4}-\d{2}-\d{2}/.test(modified) || Number.isNaN(date.getTime())) {
      throw new BadRequest(`modified_after must be an ISO 8601 date or date-time, like 2026-01-31T00:00:00Z; got "${modified}".`)
    }
    query.modifiedAfter = date
  }
  return query
}

/** The HSDS Page object around one page of results. */
export function page<T>(contents: T[], totalItems: number, { page, perPage }: Paging) {
  const totalPages = Math.ceil(totalItems / perPage)
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  }
}

/** Pages a list held in memory (taxonomies, terms). */
export const pageOf = <T>(items: T[], paging: Paging) =>
  page(items.slice((paging.page - 1) * paging.perPage, paging.page * paging.perPage), items.length, paging)
