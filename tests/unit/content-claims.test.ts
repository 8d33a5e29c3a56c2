/**
 * Claims the seed content must not make again (issue 13: "say only what the papers say"). Each test
 * names a stretch that was once in content/ — an attribute, a name or a status the source paper does
 * not support — or an offer the papers describe that was missing, and fails if it comes back.
 * tests/unit/content.test.ts checks the format and the safety rules; this file checks the claims.
 *
 * CONTENT_DIR points it at another copy of content/ (for example an old commit's, to see that each
 * test fails there).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { contentFolders } from '../../cms/seed/load'
import type { MeetingSeed, NewsSeed, OrganisationSeed, PartnershipSeed, ServiceSeed, StrategySeed } from '../../cms/seed/schemas'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const contentDir = process.env.CONTENT_DIR ?? path.join(root, 'content')

function load<T>(folder: keyof typeof contentFolders): T[] {
  const dir = path.join(contentDir, folder)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => contentFolders[folder].parse(JSON.parse(readFileSync(path.join(dir, name), 'utf8'))) as T)
}

const organisations = load<OrganisationSeed>('organisations')
const partnerships = load<PartnershipSeed>('partnerships')
const strategies = load<StrategySeed>('strategies')
const services = load<ServiceSeed>('services')
const news = load<NewsSeed>('news')
const meetings = load<MeetingSeed>('meetings')

const bySlug = <T extends { slug: string }>(records: T[], slug: string) => records.find((r) => r.slug === slug)
const text = (record: unknown) => JSON.stringify(record)
/** A service's own words: what a resident reads about it. */
const words = (s: ServiceSeed) => [s.name, s.description, s.eligibility, s.howToAccess].filter(Boolean).join(' ')

describe('partnerships are named after what their papers describe', () => {
  it('has no partnership slugged "newham" or "bexley", nor one called "Bexley partnership", and no record refers to those slugs', () => {
    expect(partnerships.map((p) => p.slug)).not.toContain('newham')
    expect(partnerships.map((p) => p.slug)).not.toContain('bexley')
    expect(partnerships.map((p) => p.name.toLowerCase())).not.toContain('bexley partnership')
    const references = [...news.flatMap((n) => n.partnerships), ...strategies.map((s) => s.partnership), ...meetings.map((m) => m.partnership)]
    expect(references).not.toContain('newham')
    expect(references).not.toContain('bexley')
  })

  it('names the Imra’a project and the Bexley VAWG Strategy partnership as their papers do', () => {
    const imraa = partnerships.find((p) => p.source === 'newham-imraa-partnership.txt')
    expect(imraa?.name).toMatch(/Imra.a/)
    expect(imraa?.slug).toMatch(/^imraa/)
    const bexley = partnerships.find((p) => p.source === 'bexley-vawg-strategy-community-excerpt.txt')
    expect(bexley?.name).toMatch(/Violence Against Women and Girls Strategy/)
  })
})

describe('statuses and attributes the papers do not support', () => {
  it('gives the Barking and Dagenham VAWG strategy the status the board pack gives it: interim', () => {
    expect(bySlug(strategies, 'barking-and-dagenham-vawg-strategy-2018-2022')?.status).toBe('interim')
  })

  it('does not say every B&D sub-group reported on 4 July 2018: the minutes say Hate, Intolerance and Extremism had not met', () => {
    const body = bySlug(partnerships, 'barking-and-dagenham-csp')?.body ?? ''
    expect(body).not.toMatch(/sub-groups that reported to the board at its meeting of 4 July/i)
    if (/Hate, Intolerance and Extremism/.test(body)) expect(body).toMatch(/Hate, Intolerance and Extremism sub-?group had not met/i)
  })

  it('does not place Box Up "in Redbridge" or say whom it works with: the paper names only "projects like Box Up"', () => {
    const boxUp = bySlug(services, 'box-up')
    expect(boxUp).toBeDefined()
    expect(words(boxUp!)).not.toMatch(/\bin Redbridge\b|working with young people/i)
  })

  it('does not limit VAWG counselling to women: the paper names its funding, not who can use it', () => {
    const counselling = bySlug(services, 'vawg-counselling')
    expect(counselling).toBeDefined()
    expect(counselling!.audiences).not.toContain('women')
  })

  it('marks no outreach on Imra’a’s cultural awareness workshops, leadership course or children’s workshops', () => {
    for (const slug of ['imraa-cultural-awareness-workshops', 'imraa-leadership-course', 'imraa-workshops-for-children']) {
      const service = bySlug(services, slug)
      expect(service, slug).toBeDefined()
      expect(service!.accessModes, slug).not.toContain('outreach')
    }
  })

  it('marks outreach ("Outreach and group sessions") only where the text describes groups, meetings or sessions', () => {
    for (const service of services.filter((s) => s.accessModes.includes('outreach')))
      expect(words(service), service.slug).toMatch(/\bgroups?\b|\bmeetings?\b|\bsessions?\b|\boutreach\b/i)
  })

  it('does not present the Stay Safe workshop as a children’s workshop', () => {
    expect(words(bySlug(services, 'imraa-workshops-for-children')!)).not.toMatch(/stay safe/i)
    for (const service of services.filter((s) => /stay safe/i.test(words(s))))
      expect(service.audiences, service.slug).not.toContain('children-young-people')
  })
})

describe('a provider is named only where the paper names one', () => {
  // "without naming the provider", "does not say who delivers it", "provider not named", …
  const saysUnnamed =
    /without naming (?:the provider|who)|does not (?:say|name) who (?:provides|delivers|runs)|(?:provider|who (?:provides|delivers|runs) it) (?:is |are )?not named|(?:does )?not name (?:the|its|a) provider/i

  it('gives every entry whose text says the source names no provider providerNotNamed and no organisation', () => {
    const unnamed = services.filter((s) => saysUnnamed.test(words(s)))
    expect(unnamed.length).toBeGreaterThan(0)
    for (const service of unnamed)
      expect({ organisation: service.organisation, providerNotNamed: service.providerNotNamed }, service.slug).toEqual({ organisation: undefined, providerNotNamed: true })
  })
})

describe('offers and records the papers describe', () => {
  it('lists Imra’a’s antenatal and postnatal training, addiction-related violence training, Knife Crime Programme workshops and narrative therapy', () => {
    const offers = {
      'imraa-antenatal-and-postnatal-training': /antenatal and postnatal/i,
      'imraa-addiction-related-violence-training': /addiction-related violence/i,
      'imraa-knife-crime-programme-workshops': /Knife Crime Programme/,
      'imraa-narrative-therapy-sessions': /narrative therapy/i,
    }
    for (const [slug, says] of Object.entries(offers)) {
      const service = bySlug(services, slug)
      expect(service, slug).toBeDefined()
      expect(service!.organisation, slug).toBe('imraa')
      expect(service!.source, slug).toBe('newham-imraa-partnership.txt')
      expect(words(service!), slug).toMatch(says)
    }
    expect(bySlug(organisations, 'international-centre-for-policing-innovation-enterprise-and-learning')).toBeDefined()
  })

  it('lists Bexley’s MOPAC-funded school sessions and the partnership’s training for businesses, neither with a named provider', () => {
    const offers = { 'bexley-vawg-awareness-sessions-in-schools': /MOPAC/, 'bexley-vawg-training-for-businesses': /businesses/ }
    for (const [slug, says] of Object.entries(offers)) {
      const service = bySlug(services, slug)
      expect(service, slug).toBeDefined()
      expect(service!.providerNotNamed, slug).toBe(true)
      expect(service!.organisation, slug).toBeUndefined()
      expect(service!.source, slug).toBe('bexley-vawg-strategy-community-excerpt.txt')
      expect(words(service!), slug).toMatch(says)
    }
  })

  it('has a record for the Barking and Dagenham Domestic Abuse Commission with what the news story says of it', () => {
    const commission = bySlug(organisations, 'barking-and-dagenham-domestic-abuse-commission')
    expect(commission).toBeDefined()
    expect(commission!.source).toBe('barking-dagenham-news-deputy-mayor-visit.txt')
    for (const fact of [/February 2020/, /first of its kind/, /Polly Neate/, /Shelter/, /10 national experts/, /Maureen Worby/])
      expect(commission!.description).toMatch(fact)
  })

  it('records the 4 July 2018 board meeting with the Heathway PSPO as a public item, and its confidential minute only once, never in public', () => {
    const july = meetings.find((m) => m.partnership === 'barking-and-dagenham-csp' && m.date === '2018-07-04')
    expect(july).toBeDefined()
    const open = july!.agenda.filter((item) => item.classification === 'public')
    expect(open.some((item) => /Heathway/.test(text(item)) && /Public Spaces Protection Order/.test(text(item)))).toBe(true)
    for (const item of meetings.flatMap((m) => m.agenda).filter((i) => i.classification === 'public')) expect(text(item)).not.toMatch(/Stephen Port|IPOC|IOPC/)
    const confidentialCopies = meetings.flatMap((m) => m.agenda).filter((item) => /Stephen Port/.test(item.paper ?? ''))
    expect(confidentialCopies.length).toBe(1)
  })

  it('records the 19 December 2018 board meeting as the pack gives it: planned items only', () => {
    const december = meetings.find((m) => m.partnership === 'barking-and-dagenham-csp' && m.date === '2018-12-19')
    expect(december).toBeDefined()
    expect(december!.venue).toBe('Barking Learning Centre Conference Room')
    expect(december!.agenda.length).toBeGreaterThan(0)
    for (const item of december!.agenda) {
      expect(item.classification, item.number).toBe('public')
      expect(item.summary, item.number).toMatch(/^Planned/)
      expect(item.paper, item.number).toBeUndefined()
    }
  })

  it('puts Refuge and the other voluntary sector specialists the Redbridge strategy names in its partnership, with what it says of them', () => {
    const redbridge = bySlug(partnerships, 'redbridge-csp')
    for (const organisation of ['refuge', 'frenford-clubs', 'lifeline', 'box-up-crime', 'naz-legacy-foundation']) {
      const member = redbridge?.members.find((m) => m.organisation === organisation)
      expect(member, organisation).toBeDefined()
      expect(member!.role, organisation).toMatch(/capacity and reach into our diverse communities/)
    }
  })
})
