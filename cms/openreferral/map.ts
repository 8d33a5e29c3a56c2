/**
 * Pure mapping from a published CMS directory entry to an HSDS 3.0 service. No I/O: the CMS
 * endpoints, the site's static snapshot and the tests all call the same functions.
 *
 * Rules: optional fields are omitted when empty (never null); nothing is invented — no contact
 * details, no opening times. Free-text opening hours go in a schedule's `description`; a free-text
 * address becomes a structured HSDS address only when it can be read reliably (a UK postcode and
 * a town line), otherwise the location carries it as its description.
 */
import { isLocationConfidential } from '../directory/confidential-location'
import type { Organisation, Service } from '../payload-types'
import { isEmailAddress, isWebAddress, text } from '../rules'
import { AREA_GSS_CODES, areas, organisationTypes, stepFreeAccess } from '../taxonomy'
import { partId } from './ids'
import { languageCode } from './languages'
import { term, vocabularies, type HsdsTaxonomyTerm, type TaxonomyKey } from './taxonomies'

/** The fields of an organisation the feed uses. */
export type OrganisationRecord = Pick<Organisation, 'name'> & Partial<Pick<Organisation, 'uuid' | 'type' | 'website' | 'description'>>

/** The optional fields of a directory entry the feed maps (`confirmed`: when a person last confirmed it with the service, never the paper's date). */
type FeedFields = 'uuid' | 'categories' | 'audiences' | 'areas' | 'accessModes' | 'languages' | 'urgent' | 'contact' | 'locationConfidential'
  | 'howToAccess' | 'openingHours' | 'eligibility' | 'cost' | 'providerNotNamed' | 'confirmed' | 'updatedAt' | 'stepFreeAccess'

/** A directory entry as the feed reads it: a Payload `services` doc at depth 1 (organisation populated), typed from payload-types. */
export type ServiceRecord = Pick<Service, 'name' | 'description'> & Partial<Pick<Service, FeedFields>> & { organisation?: OrganisationRecord | number | null }

type Json = Record<string, unknown>

/** Drops undefined, null, '' and [] so optional fields are omitted rather than empty. */
export function compact<T extends Json>(object: T): T {
  const out: Json = {}
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined || value === null) continue
    if (typeof value === 'string' && value.trim() === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    out[key] = value
  }
  return out as T
}

const UK_POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b/i

export type HsdsAddress = {
  address_1: string
  address_2?: string
  city: string
  state_province: string
  postal_code: string
  country: string
  address_type: 'physical'
}

/**
 * Reads "1 High Street, Ilford, IG1 1AA" (lines or commas) into HSDS address parts, or returns
 * undefined when it cannot tell the town from the street. state_province is required by HSDS but
 * we never hold a county, so it is left empty rather than guessed.
 */
export function parseUkAddress(address: string): HsdsAddress | undefined {
  const parts = address
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter(Boolean)
  const last = parts.at(-1)
  if (!last) return undefined
  const postcodeMatch = last.match(UK_POSTCODE)
  if (!postcodeMatch) return undefined
  const postal_code = postcodeMatch[1]!.toUpperCase().replace(/\s*(\d[A-Z]{2})$/, ' $1')
  const beforePostcode = last.replace(postcodeMatch[0], '').trim()
  const lines = beforePostcode ? [...parts.slice(0, -1), beforePostcode] : parts.slice(0, -1)
  if (lines.length < 2) return undefined
  const city = lines.at(-1)!
  const street = lines.slice(0, -1)
  const address_2 = street.slice(1).join(', ')
  return {
    address_1: street[0]!,
    ...(address_2 ? { address_2 } : {}),
    city,
    state_province: '',
    postal_code,
    country: 'GB',
    address_type: 'physical',
  }
}

/** An area as a statistics.data.gov.uk URI, from its ONS (GSS) code. */
export const areaUri = (key: keyof typeof areas) => `http://statistics.data.gov.uk/id/statistical-geography/${AREA_GSS_CODES[key]}`

const typeLabel = (type: OrganisationRecord['type']) => (type ? organisationTypes[type] : undefined)

/** HSDS organization. `description` is required by HSDS: without one we say what kind of body it is. */
export function toHsdsOrganization(org: OrganisationRecord): Json | undefined {
  if (!org.uuid) return undefined
  return compact({
    id: org.uuid,
    name: org.name,
    description: text(org.description) ?? `${org.name} (${typeLabel(org.type) ?? 'organisation'}).`,
    website: isWebAddress(org.website) ? org.website : undefined,
  })
}

const populatedOrganisation = (s: ServiceRecord): OrganisationRecord | undefined =>
  s.organisation && typeof s.organisation === 'object' ? s.organisation : undefined

const dateOnly = (value: string | null | undefined) => (value ? new Date(value).toISOString().slice(0, 10) : undefined)
const dateTime = (value: string | null | undefined) => (value ? new Date(value).toISOString() : undefined)

/** The one-to-one fields of a service: what a /services list entry holds (service_list.json). */
export function toHsdsServiceSummary(s: ServiceRecord): Json {
  if (!s.uuid) throw new Error(`Service "${s.name}" has no open-data id (uuid).`)
  const org = populatedOrganisation(s)
  const organization = org ? toHsdsOrganization(org) : undefined
  const email = text(s.contact?.email)
  const website = s.contact?.website
  return compact({
    id: s.uuid,
    organization_id: organization?.id as string | undefined,
    name: s.name,
    description: text(s.description),
    url: isWebAddress(website) ? website : undefined,
    email: isEmailAddress(email) ? email : undefined,
    // Only published entries are ever mapped; the CMS has no "temporarily closed" state yet.
    status: 'active',
    application_process: text(s.howToAccess),
    fees_description: text(s.cost),
    eligibility_description: text(s.eligibility),
    assured_date: dateOnly(s.confirmed?.on),
    last_modified: dateTime(s.updatedAt),
    organization,
  })
}

function attribute(serviceUuid: string, key: TaxonomyKey, code: string): Json | undefined {
  if (!(code in vocabularies[key].terms)) return undefined
  const t: HsdsTaxonomyTerm = term(key, code, true)
  return {
    id: partId(serviceUuid, `attribute:${key}`, code),
    link_id: serviceUuid,
    link_type: vocabularies[key].linkType,
    link_entity: 'service',
    taxonomy_term_id: t.id,
    taxonomy_term: t,
  }
}

/** A fully nested HSDS service (service.json), as /services/{id} returns it. */
export function toHsdsService(s: ServiceRecord): Json {
  const summary = toHsdsServiceSummary(s)
  const id = summary.id as string
  const phone = text(s.contact?.phone)
  const email = summary.email as string | undefined
  // A refuge's location is never published: no location, no service_at_location, only the areas
  // served and the contact point (cms/directory/confidential-location.ts).
  const address = isLocationConfidential(s) ? undefined : text(s.contact?.address)

  const phones = phone ? [{ id: partId(id, 'phone'), service_id: id, number: phone, type: 'voice' }] : []
  const contacts = email ? [{ id: partId(id, 'contact'), service_id: id, email }] : []

  const schedules = [
    ...(s.urgent ? [{ id: partId(id, 'schedule', 'urgent'), service_id: id, description: availabilityText }] : []),
    ...(text(s.openingHours) ? [{ id: partId(id, 'schedule', 'opening-hours'), service_id: id, description: text(s.openingHours) }] : []),
  ]

  const serviceAtLocations: Json[] = []
  if (address) {
    const locationId = partId(id, 'location')
    const parsed = parseUkAddress(address)
    const location = compact({
      id: locationId,
      location_type: 'physical',
      organization_id: summary.organization_id as string | undefined,
      name: s.name,
      description: address,
      addresses: parsed ? [{ id: partId(id, 'address'), location_id: locationId, ...parsed }] : undefined,
      accessibility: stepFreeOf(s, locationId),
    })
    serviceAtLocations.push({ id: partId(id, 'service_at_location'), service_id: id, location_id: locationId, location })
  }

  const languages = (s.languages ?? [])
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => compact({ id: partId(id, 'language', name.toLowerCase()), service_id: id, name, code: languageCode(name) }))

  const serviceAreas = (s.areas ?? [])
    .filter((key): key is keyof typeof areas => key in areas)
    .map((key) => ({ id: partId(id, 'service_area', key), service_id: id, name: areas[key], uri: areaUri(key) }))

  const attributes = [
    ...(s.categories ?? []).map((c) => attribute(id, 'categories', c)),
    ...(s.audiences ?? []).map((a) => attribute(id, 'audiences', a)),
    ...(s.accessModes ?? []).map((m) => attribute(id, 'access-modes', m)),
    ...(s.urgent ? [attribute(id, 'availability', 'open-24-7')] : []),
    ...(s.providerNotNamed && !summary.organization_id ? [attribute(id, 'provenance', 'provider-not-named')] : []),
    ...(s.confirmed?.on ? [] : [attribute(id, 'provenance', 'not-yet-confirmed')]),
  ].filter((a): a is Json => a !== undefined)

  return compact({
    ...summary,
    phones,
    schedules,
    service_areas: serviceAreas,
    service_at_locations: serviceAtLocations,
    languages,
    contacts,
    attributes,
  })
}

const availabilityText = 'Open 24 hours, 7 days a week.'

/** HSDS `accessibility` of the venue: only what the service has said; "not known" is no entry at all. */
function stepFreeOf(s: ServiceRecord, locationId: string): Json[] | undefined {
  const status = s.stepFreeAccess?.status
  if (status !== 'yes' && status !== 'no') return undefined
  return [compact({ id: partId(locationId, 'accessibility', 'step-free'), location_id: locationId, description: stepFreeAccess[status], details: text(s.stepFreeAccess?.note) })]
}

/** The service_at_location entries of one service (one per address; none for phone or online only). */
export const toHsdsServiceAtLocations = (s: ServiceRecord): Json[] => (toHsdsService(s).service_at_locations as Json[] | undefined) ?? []
