/**
 * Our controlled vocabularies (cms/taxonomy.ts) published as HSDS taxonomies. Ids derive from the
 * vocabulary keys, which are already stable public slugs, so a term keeps its id forever.
 * Areas are published as service_areas rather than attributes; "urgent" (open 24/7) as a term of
 * its own small taxonomy, so it survives a round trip without pretending to be a schedule.
 */
import { accessModes, audiences, categories } from '../taxonomy'
import { taxonomyId, termId } from './ids'
import { PROVIDER_NOT_NAMED } from '../directory/provider'

export type TaxonomyKey = 'categories' | 'audiences' | 'access-modes' | 'availability' | 'provenance'

type Vocabulary = Record<string, string>

export const availability = { 'open-24-7': 'Open 24 hours, 7 days a week' } as const

/**
 * What we know, and do not, about an entry: a consumer of the feed must be able to tell "no
 * organisation given" from "no organisation exists", and an entry nobody has confirmed from one
 * that was checked (cms/directory/provider.ts, confirmation.ts).
 */
export const provenance = {
  'provider-not-named': PROVIDER_NOT_NAMED,
  'not-yet-confirmed': 'Not yet confirmed with the service',
} as const

export const vocabularies: Record<TaxonomyKey, { name: string; description: string; terms: Vocabulary; linkType: string }> = {
  categories: {
    name: 'CSP Hub support categories',
    description: 'The kinds of harm or need a service helps with, as used by the CSP Hub support directory.',
    terms: categories,
    linkType: 'service_category',
  },
  audiences: {
    name: 'CSP Hub audiences',
    description: 'The groups of people a service is for.',
    terms: audiences,
    linkType: 'audience',
  },
  'access-modes': {
    name: 'CSP Hub ways to access a service',
    description: 'How a resident can reach the service: by phone, online, dropping in, by referral or through outreach.',
    terms: accessModes,
    linkType: 'access_mode',
  },
  provenance: {
    name: 'CSP Hub provenance',
    description: 'What is known about where an entry’s information comes from: whether its source names the provider, and whether anyone has confirmed it with the service.',
    terms: provenance,
    linkType: 'provenance',
  },
  availability: {
    name: 'CSP Hub availability',
    description: 'Whether a service can be reached at any time.',
    terms: availability,
    linkType: 'availability',
  },
}

export const TAXONOMY_VERSION = '1'

/** HSDS taxonomy object (taxonomy.json: id, name, description required). */
export type HsdsTaxonomy = { id: string; name: string; description: string; version: string }

/** HSDS taxonomy_term object (id, name, description required). */
export type HsdsTaxonomyTerm = {
  id: string
  code: string
  name: string
  description: string
  taxonomy: string
  taxonomy_id: string
  language: string
  taxonomy_detail?: HsdsTaxonomy
}

export const taxonomyKeys = Object.keys(vocabularies) as TaxonomyKey[]

export function taxonomy(key: TaxonomyKey): HsdsTaxonomy {
  const v = vocabularies[key]
  return { id: taxonomyId(key), name: v.name, description: v.description, version: TAXONOMY_VERSION }
}

export function term(key: TaxonomyKey, code: string, withDetail = false): HsdsTaxonomyTerm {
  const v = vocabularies[key]
  const name = v.terms[code]
  if (name === undefined) throw new Error(`"${code}" is not a term of ${key}`)
  return {
    id: termId(key, code),
    code,
    name,
    description: `${name} (${v.name}).`,
    taxonomy: v.name,
    taxonomy_id: taxonomyId(key),
    language: 'en',
    ...(withDetail ? { taxonomy_detail: taxonomy(key) } : {}),
  }
}

export const allTaxonomies = (): HsdsTaxonomy[] => taxonomyKeys.map(taxonomy)

export const allTerms = (): HsdsTaxonomyTerm[] => taxonomyKeys.flatMap((key) => Object.keys(vocabularies[key].terms).map((code) => term(key, code)))

/** Term id → which vocabulary and key it stands for. */
const byId = new Map<string, { taxonomy: TaxonomyKey; code: string }>(
  taxonomyKeys.flatMap((key) => Object.keys(vocabularies[key].terms).map((code) => [termId(key, code), { taxonomy: key, code }] as const)),
)
export const lookupTerm = (id: string) => byId.get(id.toLowerCase())

const taxonomyById = new Map(taxonomyKeys.map((key) => [taxonomyId(key), key]))
export const lookupTaxonomy = (id: string) => taxonomyById.get(id.toLowerCase())
