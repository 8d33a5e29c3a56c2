/**
 * Pure mapping from an HSDS 3.0 service (already checked against service.json) to the fields of
 * a draft directory entry and its organisation. Terms map back to our vocabularies by our own
 * term ids, or by code or name; what cannot be mapped gets a stated default or skips the record,
 * and every such decision is written down as a note for the report and the reviewing editor.
 * Contact details are taken only as the feed gives them, and only when our rules (cms/rules) accept them.
 */
import { PROVIDER_NOT_NAMED } from '../directory/provider'
import type { Service } from '../payload-types'
import { isEmailAddress, isUkPhone, isWebAddress, slugify, text } from '../rules'
import { accessModes, AREA_GSS_CODES, areas, audiences, categories, stepFreeAccess, type AccessMode, type Area, type Audience, type Category, type StepFreeAccess } from '../taxonomy'
import { languageName } from './languages'
import { lookupTerm, vocabularies, type TaxonomyKey } from './taxonomies'

type Json = Record<string, unknown>
export type HsdsService = Json & { id: string; name: string; status: string }

export type ImportOptions = {
  /** Used when a service names no area we recognise; without it such services are skipped. */
  defaultArea?: Area
  /** Used when a service has no term we recognise as one of our categories. */
  defaultCategory?: Category
  /** Where the feed came from (URL or file name), kept as the record's source. */
  source?: string
}

export type MappedOrganisation = { externalId: string; name: string; website?: string; description?: string }

/** Present, never null: what the mapping always sets. */
type Given<T> = { [K in keyof T]-?: NonNullable<T[K]> }

/**
 * The fields of a draft directory entry, typed from the generated Service (cms/payload-types.ts)
 * so a renamed field fails the type check. providerNotNamed is true when the feed names no
 * organisation (the mapping then has none). The origin says where the details come from, as
 * residents read it: an import is never a confirmation by one of our people.
 */
export type MappedService = Given<Pick<Service, 'externalId' | 'name' | 'description' | 'categories' | 'audiences' | 'areas' | 'accessModes' | 'languages' | 'urgent' | 'providerNotNamed'>> &
  Partial<Given<Pick<Service, 'howToAccess' | 'openingHours' | 'eligibility' | 'cost' | 'sourceDocument' | 'locationConfidential'>>> & {
    contact: Partial<Given<NonNullable<Service['contact']>>>
    origin: { title: string; published?: string }
    stepFreeAccess: { status: StepFreeAccess; note?: string }
  }

export type Mapped =
  /** No `organisation` when the feed names none: the entry is then "Provider not named in the source". */
  | { ok: true; service: MappedService; organisation?: MappedOrganisation; notes: string[] }
  | { ok: false; reason: string }

const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter((v): v is Json => Boolean(v) && typeof v === 'object') : [])
const norm = (value: unknown) => (typeof value === 'string' ? slugify(value) : '')

type Vocab = Record<string, string>
/** A term's key in `vocab`, matched by key or label ("Domestic abuse", "domestic-abuse", "DOMESTIC_ABUSE"). */
function matchKey(vocab: Vocab, ...candidates: unknown[]): string | undefined {
  for (const candidate of candidates) {
    const n = norm(candidate)
    if (!n) continue
    for (const [key, label] of Object.entries(vocab)) if (n === key || n === slugify(label)) return key
  }
  return undefined
}

const ourVocabularies: [TaxonomyKey, Vocab][] = [
  ['categories', categories],
  ['audiences', audiences],
  ['access-modes', accessModes],
  ['availability', vocabularies.availability.terms],
]

/** Every taxonomy term attached to the service (attributes[].taxonomy_term or just the id). */
function termsOf(service: Json) {
  const found: { taxonomy: TaxonomyKey; code: string }[] = []
  const unknown: string[] = []
  for (const attribute of list(service.attributes)) {
    const t = (attribute.taxonomy_term && typeof attribute.taxonomy_term === 'object' ? attribute.taxonomy_term : {}) as Json
    const id = text(t.id) ?? text(attribute.taxonomy_term_id)
    const ours = id ? lookupTerm(id) : undefined
    if (ours) {
      found.push(ours)
      continue
    }
    let matched = false
    for (const [taxonomy, vocab] of ourVocabularies) {
      const code = matchKey(vocab, t.code, t.name, attribute.value)
      if (code) {
        found.push({ taxonomy, code })
        matched = true
        break
      }
    }
    if (!matched) unknown.push(text(t.name) ?? text(t.code) ?? text(attribute.value) ?? id ?? 'an unnamed term')
  }
  return { found, unknown }
}

const codesOf = <T extends string>(found: { taxonomy: TaxonomyKey; code: string }[], taxonomy: TaxonomyKey) =>
  [...new Set(found.filter((f) => f.taxonomy === taxonomy).map((f) => f.code as T))]

function areasOf(service: Json): Area[] {
  const out = new Set<Area>()
  for (const sa of list(service.service_areas)) {
    const uri = text(sa.uri) ?? ''
    const byCode = (Object.entries(AREA_GSS_CODES) as [Area, string][]).find(([, code]) => uri.endsWith(`/${code}`) || uri === code)?.[0]
    const key = byCode ?? (matchKey(areas, sa.name) as Area | undefined)
    if (key) out.add(key)
  }
  return [...out]
}

const dateOnly = (value: unknown) => {
  const s = text(value)
  if (!s) return undefined
  const d = new Date(s)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10)
}

/** Phones of the service, its contacts and its locations, in that order of preference. */
function phonesOf(service: Json): string[] {
  const sal = list(service.service_at_locations)
  const phones = [
    ...list(service.phones),
    ...list(service.contacts).flatMap((c) => list(c.phones)),
    ...sal.flatMap((s) => list(s.phones)),
    ...sal.flatMap((s) => list((s.location as Json | undefined)?.phones)),
  ]
  return phones.map((p) => text(p.number)).filter((n): n is string => Boolean(n))
}

function addressOf(service: Json): string | undefined {
  for (const sal of list(service.service_at_locations)) {
    const location = (sal.location ?? {}) as Json
    if (location.location_type === 'virtual') continue
    for (const a of list(location.addresses)) {
      if (a.address_type === 'virtual') continue
      const lines = [a.address_1, a.address_2, a.city, a.postal_code].map(text).filter(Boolean)
      if (lines.length) return lines.join('\n')
    }
  }
  return undefined
}

/**
 * Step-free access as the feed states it on a physical location: our own wording ("Step-free
 * access", "No step-free access") reads back exactly; anything else stays "not known", with a note,
 * because free text about a venue is not a yes or a no.
 */
function stepFreeOf(service: Json, notes: string[]): { status: StepFreeAccess; note?: string } {
  for (const sal of list(service.service_at_locations)) {
    for (const a of list(((sal.location ?? {}) as Json).accessibility)) {
      const description = text(a.description)
      const status = (Object.keys(stepFreeAccess) as StepFreeAccess[]).find((key) => key !== 'unknown' && stepFreeAccess[key] === description)
      if (status) return { status, note: text(a.details) }
      if (description) notes.push(`accessibility "${description}" kept out: step-free access left as "not known"`)
    }
  }
  return { status: 'unknown' }
}

const DAYS: Record<string, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' }

/** A schedule in words: its description, or its days and times exactly as the feed gives them. */
function describeSchedule(s: Json): string | undefined {
  const description = text(s.description)
  if (description) return description
  const days = text(s.byday)
    ?.split(',')
    .map((d) => DAYS[d.trim().replace(/^[+-]?\d+/, '')] ?? d.trim())
    .join(', ')
  const opens = text(s.opens_at)
  const closes = text(s.closes_at)
  const times = opens && closes ? `${opens} to ${closes}` : opens ? `from ${opens}` : closes ? `until ${closes}` : undefined
  const parts = [days, times].filter(Boolean)
  return parts.length ? parts.join(', ') : text(s.notes)
}

export function fromHsds(service: HsdsService, options: ImportOptions = {}): Mapped {
  const notes: string[] = []
  const name = text(service.name)
  if (!name) return { ok: false, reason: 'it has no name' }
  if (service.status === 'inactive' || service.status === 'defunct') return { ok: false, reason: `its status is "${service.status}"` }
  if (service.status === 'temporarily closed') notes.push('the feed marks it "temporarily closed"')
  const description = text(service.description)
  if (!description) return { ok: false, reason: 'it has no description, which every directory entry needs' }

  const org = (service.organization && typeof service.organization === 'object' ? service.organization : undefined) as Json | undefined
  const orgName = text(org?.name)
  const orgId = text(org?.id) ?? text(service.organization_id)
  // A feed that names no provider is taken at its word, never given a guessed organisation.
  const named = Boolean(org && orgName && orgId)
  if (!named) notes.push(`the feed names no organisation for it: imported as "${PROVIDER_NOT_NAMED}"`)
  const orgWebsite = text(org?.website)
  const organisation: MappedOrganisation | undefined = named
    ? { externalId: orgId!, name: orgName!, description: text(org?.description), website: isWebAddress(orgWebsite) ? orgWebsite : undefined }
    : undefined

  const { found, unknown } = termsOf(service)
  if (unknown.length) notes.push(`terms not in our vocabularies left out: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}`)

  let cats = codesOf<Category>(found, 'categories')
  if (!cats.length) {
    const fallback = options.defaultCategory ?? 'community'
    cats = [fallback]
    notes.push(`no category we recognise; set to "${categories[fallback]}"`)
  }
  let auds = codesOf<Audience>(found, 'audiences')
  if (!auds.length) {
    auds = ['everyone']
    notes.push(`no audience we recognise; set to "${audiences.everyone}"`)
  }
  let areaKeys = areasOf(service)
  if (!areaKeys.length) {
    if (!options.defaultArea) return { ok: false, reason: 'it names no service area we recognise (run again with --default-area <area> to use one)' }
    areaKeys = [options.defaultArea]
    notes.push(`no service area we recognise; set to "${areas[options.defaultArea]}"`)
  }

  const contact: MappedService['contact'] = {}
  const phone = phonesOf(service)[0]
  if (phone) {
    if (isUkPhone(phone)) contact.phone = phone
    else notes.push(`phone "${phone}" is not a UK number our directory accepts; left out`)
  }
  const email = text(service.email) ?? list(service.contacts).map((c) => text(c.email)).find(Boolean)
  if (email) {
    if (isEmailAddress(email)) contact.email = email
    else notes.push(`email "${email}" left out: not a valid address`)
  }
  const url = text(service.url)
  if (url) {
    if (isWebAddress(url)) contact.website = url
    else notes.push(`url "${url}" left out: not an http(s) address`)
  }
  const address = addressOf(service)
  if (address) contact.address = address

  const urgent = found.some((f) => f.taxonomy === 'availability' && f.code === 'open-24-7')
  const availabilityLabel = vocabularies.availability.terms['open-24-7']!
  const schedules = [...list(service.schedules), ...list(service.service_at_locations).flatMap((s) => list(s.schedules))]
  const hours = [...new Set(schedules.map(describeSchedule).filter((s): s is string => Boolean(s)))]
    // Our own feed states 24/7 both as a term and as a schedule sentence; keep it once, as the flag.
    .filter((h) => !(urgent && h.replace(/\.$/, '') === availabilityLabel))

  const languages = [
    ...new Set(
      list(service.languages)
        .map((l) => text(l.name) ?? (text(l.code) ? languageName(text(l.code)!) : undefined))
        .filter((l): l is string => Boolean(l)),
    ),
  ]

  let eligibility = text(service.eligibility_description)
  const min = typeof service.minimum_age === 'number' ? service.minimum_age : undefined
  const max = typeof service.maximum_age === 'number' ? service.maximum_age : undefined
  if (min !== undefined || max !== undefined) {
    const ages = min !== undefined && max !== undefined ? `Ages ${min} to ${max}.` : min !== undefined ? `Aged ${min} or over.` : `Aged up to ${max}.`
    eligibility = eligibility ? `${eligibility} ${ages}` : ages
  }

  const assured = dateOnly(service.assured_date)
  const modified = dateOnly(service.last_modified)
  const origin = {
    title: FEED_TITLE,
    published: assured ? `checked by the feed’s publisher on ${assured}` : modified ? `last changed ${modified}` : undefined,
  }

  return {
    ok: true,
    organisation,
    notes,
    service: {
      externalId: service.id,
      name,
      description,
      categories: cats,
      audiences: auds,
      areas: areaKeys,
      accessModes: codesOf<AccessMode>(found, 'access-modes'),
      languages,
      urgent,
      contact,
      howToAccess: text(service.application_process),
      openingHours: hours.length ? hours.join('\n') : undefined,
      eligibility,
      cost: text(service.fees_description),
      origin,
      stepFreeAccess: stepFreeOf(service, notes),
      providerNotNamed: !named,
      sourceDocument: options.source,
    },
  }
}

/** The public "From: …" of an imported entry. Not the feed's address: that may carry an access key (staff-only `sourceDocument`). */
export const FEED_TITLE = 'An Open Referral (HSDS 3.0) directory feed'
