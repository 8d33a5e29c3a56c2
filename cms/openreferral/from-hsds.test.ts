import { describe, expect, it } from 'vitest'
import example from './schemas/example_service_list.json' with { type: 'json' }
import { FEED_TITLE, fromHsds, type HsdsService } from './from-hsds'
import { checkFeed, FeedError, servicesIn } from './import'
import { toHsdsService, type ServiceRecord } from './map'

const ours: ServiceRecord = {
  uuid: '5d4c3b2a-1f0e-4d9c-8b7a-6e5f4d3c2b1a',
  name: 'Helpline',
  description: 'Support for anyone affected by domestic abuse.',
  organisation: { uuid: '0b1f7a5e-2f7c-4a59-8f1e-0c6f3d2b9a11', name: 'Example Charity', type: 'charity', website: 'https://example.org.uk/' },
  categories: ['domestic-abuse', 'stalking'],
  audiences: ['women'],
  areas: ['newham', 'london'],
  accessModes: ['phone'],
  languages: ['Polish'],
  urgent: true,
  contact: { phone: '020 7946 0000', email: 'help@example.org.uk', website: 'https://example.org.uk/help', address: '1 High Street\nIlford\nIG1 1AA' },
  openingHours: 'Weekdays, mornings only.',
  eligibility: 'Adults.',
  cost: 'Free',
  howToAccess: 'Ring the helpline.',
  confirmed: { on: '2025-03-01' },
  stepFreeAccess: { status: 'no', note: 'Two steps at the entrance.' },
}

describe('fromHsds', () => {
  it('round-trips our own service', () => {
    const result = fromHsds(toHsdsService(ours) as HsdsService, { source: 'feed.json' })
    expect(result).toMatchObject({
      ok: true,
      notes: [],
      organisation: { externalId: '0b1f7a5e-2f7c-4a59-8f1e-0c6f3d2b9a11', name: 'Example Charity', website: 'https://example.org.uk/' },
      service: {
        externalId: ours.uuid,
        name: 'Helpline',
        description: ours.description,
        categories: ['domestic-abuse', 'stalking'],
        audiences: ['women'],
        areas: ['newham', 'london'],
        accessModes: ['phone'],
        languages: ['Polish'],
        urgent: true,
        contact: ours.contact,
        openingHours: 'Weekdays, mornings only.',
        eligibility: 'Adults.',
        cost: 'Free',
        howToAccess: 'Ring the helpline.',
        // Our confirmation is the feed publisher's check to the importer: where it comes from, not a confirmation of theirs.
        origin: { title: FEED_TITLE, published: 'checked by the feed’s publisher on 2025-03-01' },
        stepFreeAccess: { status: 'no', note: 'Two steps at the entrance.' },
        sourceDocument: 'feed.json',
      },
    })
  })

  it('maps another publisher’s terms by name and records every default it applies', () => {
    const service = {
      id: 'ac148810-d857-441c-9679-408f346de14b',
      name: 'Council outreach',
      description: 'Outreach.',
      status: 'active',
      organization: { id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610', name: 'A Council', description: 'A council.' },
      attributes: [
        { id: '11111111-1111-4111-8111-111111111111', taxonomy_term: { id: '22222222-2222-4222-8222-222222222222', name: 'Hate crime', description: '-' } },
        { id: '33333333-3333-4333-8333-333333333333', taxonomy_term: { id: '44444444-4444-4444-8444-444444444444', name: 'Bin collection', description: '-' } },
      ],
      service_areas: [{ id: '55555555-5555-4555-8555-555555555555', name: 'Bexley' }],
      phones: [{ id: '66666666-6666-4666-8666-666666666666', number: '+1 555 0100' }],
      schedules: [{ id: '77777777-7777-4777-8777-777777777777', byday: 'MO,TU', opens_at: '09:00', closes_at: '17:00' }],
    } as HsdsService
    const result = fromHsds(service)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.service).toMatchObject({ categories: ['hate-crime'], audiences: ['everyone'], areas: ['bexley'], contact: {}, openingHours: 'Monday, Tuesday, 09:00 to 17:00', origin: { title: FEED_TITLE } })
    expect(result.service).not.toHaveProperty('confirmed')
    expect(result.notes.join('\n')).toMatch(/Bin collection/)
    expect(result.notes.join('\n')).toMatch(/no audience we recognise/)
    expect(result.notes.join('\n')).toMatch(/\+1 555 0100.*left out/)
  })

  it('keeps step-free access "not known" unless the feed says it in our words', () => {
    const hsds = toHsdsService(ours) as HsdsService & { service_at_locations: { location: { accessibility: { description: string }[] } }[] }
    hsds.service_at_locations[0]!.location.accessibility[0]!.description = 'Wheelchair friendly-ish'
    const result = fromHsds(hsds)
    expect(result).toMatchObject({ ok: true, service: { stepFreeAccess: { status: 'unknown' } }, notes: [expect.stringMatching(/accessibility "Wheelchair friendly-ish" kept out/)] })
    expect(fromHsds(toHsdsService({ ...ours, stepFreeAccess: { status: 'unknown' } }) as HsdsService)).toMatchObject({ ok: true, notes: [], service: { stepFreeAccess: { status: 'unknown' } } })
  })

  it('skips what it cannot map, saying why', () => {
    const [entry] = example.contents as unknown as HsdsService[]
    expect(fromHsds(entry!)).toEqual({ ok: false, reason: expect.stringMatching(/no service area.*--default-area/) })
    expect(fromHsds(entry!, { defaultArea: 'redbridge' })).toMatchObject({ ok: true, service: { areas: ['redbridge'], categories: ['community'] } })
    expect(fromHsds({ ...entry!, name: '  ' })).toEqual({ ok: false, reason: 'it has no name' })
    expect(fromHsds({ ...entry!, status: 'defunct' })).toEqual({ ok: false, reason: 'its status is "defunct"' })
    // A feed that names no provider is imported as "Provider not named in the source", never given a guessed one.
    const unnamed = fromHsds({ ...entry!, organization: undefined, organization_id: undefined }, { defaultArea: 'bexley' })
    expect(unnamed).toMatchObject({ ok: true, service: { providerNotNamed: true }, notes: expect.arrayContaining([expect.stringMatching(/names no organisation.*Provider not named in the source/)]) })
    expect(unnamed.ok && unnamed.organisation).toBeUndefined()
  })
})

describe('checkFeed', () => {
  it('accepts the specification’s example page', () => {
    expect(checkFeed(servicesIn(example))).toHaveLength(1)
  })

  it('rejects the whole feed, naming the service and the problem', () => {
    const bad = [{ ...example.contents[0], id: 'not-a-uuid' }, { name: 'No id' }]
    expect(() => checkFeed(bad)).toThrow(FeedError)
    expect(() => checkFeed(bad)).toThrow(/service 1 "Community Counselling" \(id not-a-uuid\): \/id must match format "uuid"/)
    expect(() => checkFeed(bad)).toThrow(/service 2 "No id": \(the service\) must have required property 'id'/)
    expect(() => servicesIn({ services: [] })).toThrow(/neither an HSDS page object/)
  })
})
