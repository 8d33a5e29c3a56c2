import { describe, expect, it } from 'vitest'
import { isUuid } from './ids'
import { parseUkAddress, toHsdsService, toHsdsServiceSummary, type OrganisationRecord, type ServiceRecord } from './map'
import { allTaxonomies, allTerms, lookupTerm, term } from './taxonomies'
import { problems, serviceListValidator, serviceValidator, taxonomyTermValidator, taxonomyValidator } from './validate'

const org: OrganisationRecord = { uuid: '0b1f7a5e-2f7c-4a59-8f1e-0c6f3d2b9a11', name: 'Example Charity', type: 'charity' }

const minimal: ServiceRecord = {
  uuid: '5d4c3b2a-1f0e-4d9c-8b7a-6e5f4d3c2b1a',
  name: 'Helpline',
  description: 'Support for anyone affected by domestic abuse.',
  organisation: org,
  categories: ['domestic-abuse'],
  audiences: ['everyone'],
  areas: ['redbridge'],
  confirmed: { on: '2025-03-01T00:00:00.000Z' },
  updatedAt: '2026-01-02T03:04:05.000Z',
  contact: { phone: null, email: '', website: null, address: null },
  openingHours: null,
}

const full: ServiceRecord = {
  ...minimal,
  accessModes: ['phone', 'drop-in'],
  languages: ['English', 'Polish', 'Klingon'],
  urgent: true,
  contact: { phone: '020 7946 0000', email: 'help@example.org.uk', website: 'https://example.org.uk/help', address: '1 High Street\nIlford\nIG1 1AA' },
  openingHours: 'Weekdays, mornings only.',
  eligibility: 'Adults living in Redbridge.',
  cost: 'Free',
  howToAccess: 'Ring the helpline.',
  stepFreeAccess: { status: 'yes', note: 'Ramp at the side entrance; lift to all floors.' },
}

describe('toHsdsService', () => {
  it('validates against the official service.json and service_list.json, minimal and full', () => {
    for (const record of [minimal, full]) {
      expect(problems(serviceValidator(), toHsdsService(record))).toBeUndefined()
      expect(problems(serviceListValidator(), toHsdsServiceSummary(record))).toBeUndefined()
    }
  })

  it('omits empty optional fields instead of sending null or empty values', () => {
    const hsds = toHsdsService(minimal)
    const walk = (value: unknown, path: string): void => {
      expect(value, path).not.toBeNull()
      if (Array.isArray(value)) {
        expect(value.length, path).toBeGreaterThan(0)
        value.forEach((v, i) => walk(v, `${path}[${i}]`))
      } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`)
      else if (typeof value === 'string' && !path.endsWith('state_province')) expect(value.trim(), path).not.toBe('')
    }
    walk(hsds, 'service')
    expect(hsds).not.toHaveProperty('phones')
    expect(hsds).not.toHaveProperty('schedules')
    expect(hsds).not.toHaveProperty('service_at_locations')
    expect(hsds).not.toHaveProperty('email')
    expect(hsds).toMatchObject({ id: minimal.uuid, status: 'active', assured_date: '2025-03-01', organization_id: org.uuid })
  })

  it('states step-free access on the venue only when the service has said, never "not known" as a fact', () => {
    const located = (record: ServiceRecord) => (toHsdsService(record) as Record<string, any>).service_at_locations[0].location
    expect(located(full).accessibility).toEqual([
      { id: expect.any(String), location_id: located(full).id, description: 'Step-free access', details: 'Ramp at the side entrance; lift to all floors.' },
    ])
    expect(located({ ...full, stepFreeAccess: { status: 'no', note: null } }).accessibility).toEqual([expect.objectContaining({ description: 'No step-free access' })])
    for (const unknown of [{ status: 'unknown' as const, note: null }, { status: null }, undefined]) expect(located({ ...full, stepFreeAccess: unknown })).not.toHaveProperty('accessibility')
    // A service without a venue has nowhere to say it.
    expect(toHsdsService({ ...minimal, stepFreeAccess: { status: 'yes' } })).not.toHaveProperty('service_at_locations')
  })

  it('maps contact details exactly as held, and never invents opening times', () => {
    const hsds = toHsdsService(full) as Record<string, any>
    expect(hsds.phones).toEqual([expect.objectContaining({ number: '020 7946 0000' })])
    expect(hsds.email).toBe('help@example.org.uk')
    expect(hsds.url).toBe('https://example.org.uk/help')
    const schedules = hsds.schedules as Record<string, unknown>[]
    expect(schedules.map((s) => s.description)).toEqual(['Open 24 hours, 7 days a week.', 'Weekdays, mornings only.'])
    for (const s of schedules) for (const key of ['opens_at', 'closes_at', 'byday', 'freq']) expect(s).not.toHaveProperty(key)
    const location = hsds.service_at_locations[0].location
    expect(location.addresses[0]).toMatchObject({ address_1: '1 High Street', city: 'Ilford', postal_code: 'IG1 1AA', country: 'GB' })
    expect(hsds.languages).toEqual([
      expect.objectContaining({ name: 'English', code: 'en' }),
      expect.objectContaining({ name: 'Polish', code: 'pl' }),
      expect.not.objectContaining({ code: expect.anything() }),
    ])
    expect(hsds.service_areas[0]).toMatchObject({ name: 'Redbridge', uri: expect.stringContaining('E09000026') })
  })

  it('links categories, audiences, access modes and 24/7 as taxonomy terms with stable ids', () => {
    const attributes = (toHsdsService(full) as { attributes: { taxonomy_term_id: string; link_id: string }[] }).attributes
    const terms = attributes.map((a) => lookupTerm(a.taxonomy_term_id))
    expect(terms).toEqual([
      { taxonomy: 'categories', code: 'domestic-abuse' },
      { taxonomy: 'audiences', code: 'everyone' },
      { taxonomy: 'access-modes', code: 'phone' },
      { taxonomy: 'access-modes', code: 'drop-in' },
      { taxonomy: 'availability', code: 'open-24-7' },
    ])
    expect(attributes.every((a) => a.link_id === full.uuid)).toBe(true)
    // Same input, same ids: consumers can diff feeds.
    expect(toHsdsService(full)).toEqual(toHsdsService(full))
  })

  it('keeps an address it cannot read reliably as the location description only', () => {
    const hsds = toHsdsService({ ...full, contact: { address: 'Ask at reception of the civic centre' } }) as Record<string, any>
    expect(hsds.service_at_locations[0].location).toMatchObject({ description: 'Ask at reception of the civic centre' })
    expect(hsds.service_at_locations[0].location).not.toHaveProperty('addresses')
    expect(problems(serviceValidator(), hsds)).toBeUndefined()
  })

  it('describes an organisation without a description by its type, since HSDS requires one', () => {
    expect((toHsdsService(minimal) as Record<string, any>).organization).toEqual({ id: org.uuid, name: 'Example Charity', description: 'Example Charity (Charity).' })
  })

  it('refuses a record without an open-data id rather than publishing an unstable one', () => {
    expect(() => toHsdsService({ ...minimal, uuid: null })).toThrow(/no open-data id/)
  })
})

describe('parseUkAddress', () => {
  it('reads comma- or line-separated addresses ending in a postcode', () => {
    expect(parseUkAddress('Unit 2, 5 Station Road, Barking, ig11 8ab')).toEqual({
      address_1: 'Unit 2', address_2: '5 Station Road', city: 'Barking', state_province: '', postal_code: 'IG11 8AB', country: 'GB', address_type: 'physical',
    })
    expect(parseUkAddress('Ilford IG1 1AA')).toBeUndefined()
    expect(parseUkAddress('No postcode, Ilford')).toBeUndefined()
  })
})

describe('taxonomies', () => {
  it('publishes every vocabulary term with a unique stable UUID, valid against the HSDS schema', () => {
    const terms = allTerms()
    expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length)
    for (const t of terms) {
      expect(isUuid(t.id)).toBe(true)
      expect(problems(taxonomyTermValidator(), t)).toBeUndefined()
    }
    for (const t of allTaxonomies()) expect(problems(taxonomyValidator(), t)).toBeUndefined()
    // Published ids: if this changes, every consumer's stored term ids break.
    expect(term('categories', 'domestic-abuse').id).toBe('3568ae98-9be3-5c58-b997-4e6cf00b6456')
    expect(lookupTerm(term('audiences', 'women').id)).toEqual({ taxonomy: 'audiences', code: 'women' })
  })
})

describe('confidential locations in the feed', () => {
  it('never map a refuge’s address: no location, no service_at_location, still valid HSDS', () => {
    for (const record of [{ ...full, categories: ['refuge', 'domestic-abuse'] }, { ...full, locationConfidential: true }] satisfies ServiceRecord[]) {
      const service = toHsdsService(record)
      expect(service.service_at_locations ?? []).toEqual([])
      expect(JSON.stringify(service)).not.toMatch(/High Street|IG1 1AA/)
      expect(problems(serviceValidator(), service)).toBeUndefined()
    }
    // An ordinary service keeps its address.
    expect(JSON.stringify(toHsdsService(full))).toContain('High Street')
  })
})
