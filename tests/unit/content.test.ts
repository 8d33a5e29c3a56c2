/**
 * The seed content in content/ against its contract: every file parses with its zod schema, every
 * slug matches its file name, every cross-reference resolves, and the safety rules hold — no phone
 * number that the seed documents do not print, no email addresses at all (the only ones printed are
 * officers' own), and restricted or confidential paper text never leaks into a public record.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  type MeetingSeed,
  type NewsSeed,
  type OrganisationSeed,
  type PartnershipSeed,
  type ServiceSeed,
  type StrategySeed,
} from '../../cms/seed/schemas'
import { contentFolders } from '../../cms/seed/load'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const contentDir = path.join(root, 'content')
/** The seed documents every record cites, kept in the repository so the check runs anywhere. */
const seedsDir = process.env.SEEDS_DIR ?? path.join(contentDir, 'sources')

// The same folder → schema map the seeder uses.
const schemas = contentFolders
type Collection = keyof typeof schemas

type Loaded<T> = { file: string; name: string; raw: string; data: T }

function jsonFiles(collection: Collection): string[] {
  const folder = path.join(contentDir, collection)
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.json')).sort() : []
}

function load<T>(collection: Collection): Loaded<T>[] {
  return jsonFiles(collection).map((name) => {
    const file = path.join(collection, name)
    const raw = readFileSync(path.join(contentDir, file), 'utf8')
    const result = schemas[collection].safeParse(JSON.parse(raw))
    if (!result.success) {
      const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`)
      throw new Error(`${file} does not match its schema:\n  ${problems.join('\n  ')}`)
    }
    return { file, name, raw, data: result.data as T }
  })
}

const organisations = load<OrganisationSeed>('organisations')
const partnerships = load<PartnershipSeed>('partnerships')
const strategies = load<StrategySeed>('strategies')
const services = load<ServiceSeed>('services')
const news = load<NewsSeed>('news')
const meetings = load<MeetingSeed>('meetings')
const all = [...organisations, ...partnerships, ...strategies, ...services, ...news, ...meetings] as Loaded<{
  slug: string
  source: string
}>[]

const organisationSlugs = new Set(organisations.map((o) => o.data.slug))
const partnershipSlugs = new Set(partnerships.map((p) => p.data.slug))

const seedNames = existsSync(seedsDir) ? readdirSync(seedsDir).filter((name) => name.endsWith('.txt')) : []
const seedText = seedNames.map((name) => readFileSync(path.join(seedsDir, name), 'utf8')).join('\n')
const digitsOnly = (value: string) => value.replace(/\D/g, '')
const seedDigits = new Set((seedText.match(/(?:\+44\s?\d|\b0\d)[\d \-]{7,14}\d/g) ?? []).map(digitsOnly))

describe('content/', () => {
  it('has records in every collection but reviews: the seed papers describe no domestic homicide review (backups hold them)', () => {
    for (const collection of Object.keys(schemas) as Collection[])
      if (collection === 'reviews') expect(jsonFiles(collection), collection).toEqual([])
      else expect(jsonFiles(collection).length, collection).toBeGreaterThan(0)
  })

  it('names each file after its slug, and uses each slug once', () => {
    for (const record of all) expect(`${record.data.slug}.json`, record.file).toBe(record.name)
    const prioritySlugs = strategies.flatMap((s) => s.data.priorities.map((p) => p.slug))
    expect(new Set(prioritySlugs).size, 'priority slugs are unique across strategies').toBe(prioritySlugs.length)
  })

  it('names an existing seed document as the source of every record', () => {
    expect(seedNames.length).toBe(5)
    for (const record of all) expect(seedNames, `${record.file} source`).toContain(record.data.source)
  })

  it('resolves every cross-reference', () => {
    for (const { file, data } of services) if (data.organisation !== undefined) expect(organisationSlugs, `${file} organisation`).toContain(data.organisation)
    for (const { file, data } of partnerships)
      for (const member of data.members) expect(organisationSlugs, `${file} member`).toContain(member.organisation)
    for (const { file, data } of strategies) expect(partnershipSlugs, `${file} partnership`).toContain(data.partnership)
    for (const { file, data } of news) for (const slug of data.partnerships) expect(partnershipSlugs, `${file} partnerships`).toContain(slug)
    for (const { file, data } of meetings) expect(partnershipSlugs, `${file} partnership`).toContain(data.partnership)
  })

  it('names a provider only where the paper does, and says so where it does not', () => {
    for (const { file, data } of services) {
      // Exactly one: the schema refuses both and neither; this keeps the rule from being loosened there.
      expect(Boolean(data.organisation) !== Boolean(data.providerNotNamed), `${file}: organisation or providerNotNamed, exactly one`).toBe(true)
      const unnamed = /without naming (?:the|who)|does not (?:say|name) who|not name (?:the|who)|provider is not named/i.test(JSON.stringify(data))
      if (unnamed) expect({ organisation: data.organisation, providerNotNamed: data.providerNotNamed }, `${file} says its source names no provider`).toEqual({ organisation: undefined, providerNotNamed: true })
    }
    expect(services.filter((s) => s.data.providerNotNamed).length, 'entries whose paper names no provider').toBeGreaterThanOrEqual(5)
  })

  it('claims no confirmation: nobody has confirmed a seeded entry with its service', () => {
    for (const { file, data, raw } of services) {
      expect(data.confirmed, `${file}: confirmed`).toBeUndefined()
      expect(raw, file).not.toMatch(/"lastReviewed"|"lastChecked"/)
    }
  })

  it('says where every directory entry comes from, with the paper’s own date or period', () => {
    const registry = JSON.parse(readFileSync(path.join(contentDir, 'sources', 'sources.json'), 'utf8')) as Record<string, { title: string; published?: string }>
    expect(Object.keys(registry).sort()).toEqual([...seedNames].sort())
    for (const [name, { published }] of Object.entries(registry)) {
      const text = readFileSync(path.join(seedsDir, name), 'utf8')
      // A date or period is the paper's own: every year in it is printed there.
      for (const year of published?.match(/\d{4}/g) ?? []) expect(text, `${name}: ${published}`).toContain(year)
    }
    for (const { file, data } of services) expect(data.origin ?? registry[data.source ?? ''], `${file}: origin`).toBeDefined()
  })

  it('numbers agenda items uniquely within each meeting', () => {
    for (const { file, data } of meetings) {
      const numbers = data.agenda.map((item) => item.number)
      expect(new Set(numbers).size, file).toBe(numbers.length)
    }
  })

  it('contains no phone number that the seed documents do not print', () => {
    for (const { file, raw } of all) {
      for (const candidate of raw.match(/(?:\+44\s?\d|\b0\d)[\d \-]{7,14}\d/g) ?? []) {
        expect(seedDigits.has(digitsOnly(candidate)), `${file}: "${candidate}" is not in any seed document`).toBe(true)
      }
      for (const { data } of services.filter((s) => s.file === file))
        if (data.contact.phone) expect(seedDigits.has(digitsOnly(data.contact.phone)), `${file}: contact.phone`).toBe(true)
    }
  })

  it('republishes no email address (the seeds print only officers’ own)', () => {
    for (const { file, raw } of all) expect(raw.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [], file).toEqual([])
  })

  it('seeds at least one restricted or confidential agenda item, so the access guard is exercised', () => {
    const guarded = meetings.flatMap((m) => m.data.agenda).filter((item) => item.classification !== 'public')
    expect(guarded.length).toBeGreaterThan(0)
    expect(guarded.every((item) => item.paper && item.paper.length > 0)).toBe(true)
  })

  it('keeps the text of restricted and confidential papers out of every public record', () => {
    const sentences = meetings
      .flatMap((m) => m.data.agenda)
      .filter((item) => item.classification !== 'public')
      .flatMap((item) => (item.paper ?? '').split(/(?<=[.;:])\s+|\n+/))
      .map((sentence) => sentence.replace(/^[#>*\-\s]+|[*]+$/g, '').trim())
      .filter((sentence) => sentence.length >= 60)
    expect(sentences.length).toBeGreaterThan(0)
    const publicTexts = [
      ...organisations,
      ...partnerships,
      ...strategies,
      ...services,
      ...news,
    ].map(({ file, raw }) => ({ file, text: JSON.stringify(JSON.parse(raw)) }))
    for (const { file, data } of meetings)
      for (const item of data.agenda.filter((i) => i.classification === 'public'))
        publicTexts.push({ file: `${file} item ${item.number}`, text: JSON.stringify(item) })
    for (const { file, text } of publicTexts)
      for (const sentence of sentences) expect(text.includes(JSON.stringify(sentence).slice(1, -1)), `${file} repeats: "${sentence}"`).toBe(false)
  })

  it('marks a service urgent only with a reason in its text, and never invents contact details', () => {
    for (const { file, data } of services) {
      if (data.urgent) expect(`${data.description} ${data.openingHours ?? ''}`, file).toMatch(/24\s*(hours|\/7)/i)
      if (data.contact.email) expect(seedText, `${file}: contact.email`).toContain(data.contact.email)
      if (data.contact.website) expect(seedText, `${file}: contact.website`).toContain(data.contact.website.replace(/^https?:\/\//, ''))
      if (data.contact.address) expect(seedText, `${file}: contact.address`).toContain(data.contact.address)
    }
  })
})
