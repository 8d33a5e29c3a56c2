/**
 * Imports HSDS 3.0 services as draft directory entries for editors to review. Every service is
 * checked against the official service.json before anything is written, and everything is written
 * in one transaction: a malformed feed, or a failure part-way, leaves the database as it was.
 * Records are matched by the id they have in the feed (externalId), so a re-import updates them
 * (as a new draft version: a published entry stays as the editors approved it) instead of copying.
 * Only records an earlier import created carry an externalId, so an import never changes one of ours.
 * Organisations are matched only by that id or by the mapping the person importing gives, never by
 * name: the organisation owns its entries (its partners edit them), and anyone can publish a feed
 * that names "Refuge". Nor by our own open data id (uuid): we publish those (our Open Referral API,
 * /open-data/services.json), so any feed can copy Refuge's. A feed record carrying one is imported
 * as a new draft, and the report names the record of ours whose id it carries.
 */
import { CONFIDENTIAL_CATEGORIES, isLocationConfidential, locationProblems } from '../directory/confidential-location'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import type { Payload, PayloadRequest, Where } from 'payload'
import type { Organisation, Service } from '../payload-types'
import { slugify } from '../rules'
import { fromHsds, type HsdsService, type ImportOptions, type MappedOrganisation } from './from-hsds'
import { FeedError } from './feed-error'
import { problems, serviceValidator } from './validate'

export { FeedError }

export type ReportEntry = { name: string; externalId?: string; notes: string[] }
export type ImportReport = {
  created: ReportEntry[]
  updated: ReportEntry[]
  skipped: (ReportEntry & { reason: string })[]
  organisations: {
    /** New draft organisations: no id matched and no mapping named one. */
    created: ReportEntry[]
    /** Matched by the feed's organization id: an earlier import of it recorded it (externalId). */
    linkedById: ReportEntry[]
    /** Matched by the mapping given to the import (feed organization id → our slug). */
    linkedByMapping: ReportEntry[]
  }
  /** Mapped feed organization ids that no imported service named. */
  unusedMappings: string[]
}

export type ImportServicesOptions = ImportOptions & {
  /** Feed organization id → slug of one of our organisations, given by the person importing. */
  organisationMap?: Record<string, string>
  /** Told of each feed service handled (scripts/lib/progress.ts on the command line). */
  progress?: { tick(n?: number): void; setTotal(total: number): void }
}

const label = (s: unknown, index: number) => {
  const o = (s && typeof s === 'object' ? s : {}) as Record<string, unknown>
  const name = typeof o.name === 'string' && o.name ? `"${o.name}"` : 'with no name'
  return `service ${index + 1} ${name}${typeof o.id === 'string' ? ` (id ${o.id})` : ''}`
}

/** The services in a feed document: an HSDS page object ({contents: [...]}) or an array of services. */
export function servicesIn(document: unknown): unknown[] {
  if (Array.isArray(document)) return document
  if (document && typeof document === 'object' && Array.isArray((document as { contents?: unknown }).contents)) {
    return (document as { contents: unknown[] }).contents
  }
  throw new FeedError('The feed is neither an HSDS page object (with "contents") nor an array of services.')
}

/** Throws a FeedError naming the first invalid services; nothing has been written at this point. */
export function checkFeed(services: unknown[]): HsdsService[] {
  const validate = serviceValidator()
  const invalid: string[] = []
  const ids = new Map<string, number>()
  services.forEach((service, index) => {
    const problem = problems(validate, service)
    if (problem) invalid.push(`${label(service, index)}: ${problem}`)
    const id = (service as { id?: unknown })?.id
    if (typeof id === 'string') {
      if (ids.has(id)) invalid.push(`${label(service, index)}: the same id as service ${ids.get(id)! + 1}`)
      else ids.set(id, index)
    }
  })
  if (invalid.length) {
    throw new FeedError(
      `The feed does not match the HSDS 3.0 service schema, so nothing was imported.\n  ${invalid.slice(0, 10).join('\n  ')}` +
        (invalid.length > 10 ? `\n  … and ${invalid.length - 10} more` : ''),
    )
  }
  return services as HsdsService[]
}

export async function importServices(payload: Payload, services: unknown[], options: ImportServicesOptions = {}): Promise<ImportReport> {
  const checked = checkFeed(services)
  const req = await createLocalReq({}, payload)
  const ownTransaction = await initTransaction(req)
  try {
    const report = await write(payload, req, checked, options)
    if (ownTransaction) await commitTransaction(req)
    return report
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
}

/** What the import reads back of a record of ours. */
type Doc = Pick<Service | Organisation, 'id' | 'uuid' | 'name' | 'slug'>

async function write(payload: Payload, req: PayloadRequest, services: HsdsService[], options: ImportServicesOptions): Promise<ImportReport> {
  const report: ImportReport = { created: [], updated: [], skipped: [], organisations: { created: [], linkedById: [], linkedByMapping: [] }, unusedMappings: [] }
  // Full access: this is a trusted command-line import; what it writes are drafts only.
  const findOne = async (collection: 'services' | 'organisations', where: Where): Promise<Doc | undefined> =>
    (await payload.find({ collection, where, limit: 1, depth: 0, pagination: false, req })).docs[0]

  /** The record an earlier import created from this feed id; never one without an externalId. */
  const findImported = async (collection: 'services' | 'organisations', externalId: string) =>
    externalId.trim() ? await findOne(collection, { externalId: { equals: externalId } }) : undefined
  /** Our record whose open data id the feed carries: named in the report, never matched. */
  const ownRecord = async (collection: 'services' | 'organisations', externalId: string) =>
    await findOne(collection, { uuid: { equals: externalId.toLowerCase() } })

  /** A slug no other record uses: "name", then "name-2", "name-3", … */
  const freeSlug = async (collection: 'services' | 'organisations', name: string, ownId?: Doc['id']) => {
    const base = slugify(name) || collection.slice(0, -1)
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`
      const taken = await findOne(collection, { slug: { equals: slug } })
      if (!taken || taken.id === ownId) return slug
    }
  }

  // Every mapping must name an organisation we have, or nothing is written.
  const mapped = new Map<string, Doc>()
  const unknownSlugs: string[] = []
  for (const [feedId, slug] of Object.entries(options.organisationMap ?? {})) {
    const target = await findOne('organisations', { slug: { equals: slug } })
    if (target) mapped.set(feedId.toLowerCase(), target)
    else unknownSlugs.push(`${feedId}=${slug}`)
  }
  if (unknownSlugs.length) {
    throw new FeedError(
      `The organisation mapping names ${unknownSlugs.length === 1 ? 'an organisation' : 'organisations'} this directory does not have, so nothing was imported:\n  ` +
        unknownSlugs.map((m) => `${m}: no organisation with the slug "${m.slice(m.indexOf('=') + 1)}"`).join('\n  '),
    )
  }
  const usedMappings = new Set<string>()

  const organisationIds = new Map<string, Doc['id']>()
  const organisation = async (org: MappedOrganisation): Promise<Doc['id']> => {
    const known = organisationIds.get(org.externalId)
    if (known !== undefined) return known
    const entry: ReportEntry = { name: org.name, externalId: org.externalId, notes: [] }
    const data = { name: org.name, website: org.website ?? null, description: org.description ?? null, externalId: org.externalId, sourceDocument: options.source ?? null }
    let id: Doc['id']
    const byMapping = mapped.get(org.externalId.toLowerCase())
    const imported = byMapping ? undefined : await findImported('organisations', org.externalId)
    if (byMapping) {
      // The person importing said which organisation this is: link to it, change nothing in it.
      usedMappings.add(org.externalId.toLowerCase())
      entry.notes.push(`linked to "${byMapping.name}" (slug "${byMapping.slug}") as your mapping says; that organisation is not changed`)
      report.organisations.linkedByMapping.push(entry)
      id = byMapping.id
    } else if (imported) {
      await payload.update({ collection: 'organisations', id: imported.id, data: { ...data, uuid: imported.uuid, _status: 'draft' }, draft: true, depth: 0, req })
      entry.notes.push(`imported before with this id as "${imported.name}" (slug "${imported.slug}"); updated as a new draft version`)
      const own = await ownRecord('organisations', org.externalId)
      if (own && own.id !== imported.id) entry.notes.push(`carries the open data id of our "${own.name}" (slug "${own.slug}"), which is not linked or changed`)
      report.organisations.linkedById.push(entry)
      id = imported.id
    } else {
      // Never linked by name, nor by our own id: anyone can publish a feed naming an organisation
      // we hold, or carrying the uuid we publish for it.
      const own = await ownRecord('organisations', org.externalId)
      const slug = await freeSlug('organisations', org.name)
      const namesake = await findOne('organisations', { name: { equals: org.name } })
      const wanted = slugify(org.name) || 'organisation'
      const holder = slug !== wanted ? await findOne('organisations', { slug: { equals: wanted } }) : undefined
      const clash = own ?? holder ?? namesake
      entry.notes.push(
        holder ? `new draft organisation with slug "${slug}": "${wanted}" is already used by "${holder.name}"` : `new draft organisation with slug "${slug}"`,
        'type set to "Other": HSDS has no organisation type',
      )
      if (clash) {
        const why = own
          ? `carries the open data id of our "${own.name}" (slug "${own.slug}") but is not linked to it: we publish those ids, so any feed can copy them`
          : `not linked to the existing "${clash.name}" (slug "${clash.slug}") by name`
        entry.notes.push(
          `${why}; if it is the same organisation, import again with --map-organisation ${org.externalId}=${clash.slug}, and delete this draft once its entries are published or deleted`,
        )
      }
      const created = await payload.create({
        collection: 'organisations',
        data: { ...data, slug, type: 'other', _status: 'draft' },
        draft: true,
        depth: 0,
        req,
      })
      report.organisations.created.push(entry)
      id = created.id
    }
    organisationIds.set(org.externalId, id)
    return id
  }

  const refugeRunners = new Map<string, boolean>()
  /** Does this organisation of ours run a refuge (an entry in the refuge category, or marked confidential)? */
  const runsRefuges = async (id: Doc['id']) => {
    const key = String(id)
    if (!refugeRunners.has(key)) {
      const entry = await findOne('services', { and: [{ organisation: { equals: id } }, { or: [{ locationConfidential: { equals: true } }, { categories: { in: [...CONFIDENTIAL_CATEGORIES] } }] }] })
      refugeRunners.set(key, Boolean(entry))
    }
    return refugeRunners.get(key)!
  }

  options.progress?.setTotal(services.length)
  for (const hsds of services) {
    options.progress?.tick()
    const mapped = fromHsds(hsds, options)
    if (!mapped.ok) {
      report.skipped.push({ name: hsds.name || '(no name)', externalId: hsds.id, notes: [], reason: mapped.reason })
      continue
    }
    const { service, notes } = mapped
    const entry: ReportEntry = { name: service.name, externalId: service.externalId, notes }
    const organisationId = mapped.organisation ? await organisation(mapped.organisation) : null
    // A refuge's location is never stored or published (cms/directory/confidential-location.ts):
    // a refuge by our taxonomy, any entry whose text says refuge or safe house, and every entry of
    // an organisation we know runs refuges is imported as a confidential location, its address
    // dropped with a note. Nothing is guessed in its place.
    if (isLocationConfidential(service) || /\b(refuge|safe house)/i.test(`${service.name} ${service.description}`) || (organisationId !== null && (await runsRefuges(organisationId)))) {
      service.locationConfidential = true
      const problems = locationProblems(service)
      const fatal = problems.find((p) => p.path === 'name' || p.path === 'description')
      if (fatal) {
        report.skipped.push({ name: service.name, externalId: service.externalId, notes, reason: `it is a refuge or safe accommodation and its ${fatal.path} gives its location away (a postcode or street); refuge locations are never published` })
        continue
      }
      const fields: Record<string, unknown> = service
      for (const problem of problems) {
        if (problem.path === 'contact.address') service.contact.address = undefined
        else fields[problem.path] = undefined
        notes.push(`${problem.path === 'contact.address' ? 'address' : problem.path} left out: refuge and safe-accommodation locations are never published`)
      }
    }
    const data = {
      ...service,
      organisation: organisationId,
      contact: {
        phone: service.contact.phone ?? null,
        email: service.contact.email ?? null,
        website: service.contact.website ?? null,
        address: service.contact.address ?? null,
      },
      howToAccess: service.howToAccess ?? null,
      openingHours: service.openingHours ?? null,
      eligibility: service.eligibility ?? null,
      cost: service.cost ?? null,
      sourceDocument: service.sourceDocument ?? null,
      _status: 'draft' as const,
    }
    // Only an entry an earlier import created from this id is updated. A feed carrying the open
    // data id of one of ours gets a new entry: we publish those ids, so any feed can copy them.
    const existing = await findImported('services', service.externalId)
    const own = await ownRecord('services', service.externalId)
    if (existing) {
      await payload.update({ collection: 'services', id: existing.id, data: { ...data, uuid: existing.uuid, slug: existing.slug }, draft: true, depth: 0, req })
      if (own && own.id !== existing.id) entry.notes.push(`carries the open data id of our entry "${own.name}" (slug "${own.slug}"); updated the entry imported before with this id, not "${own.name}"`)
      report.updated.push(entry)
    } else {
      await payload.create({ collection: 'services', data: { ...data, slug: await freeSlug('services', service.name) }, draft: true, depth: 0, req })
      if (own) {
        entry.notes.push(
          `carries the open data id of our entry "${own.name}" (slug "${own.slug}"); imported as a new entry, "${own.name}" is not changed — if it is the same service, edit "${own.name}" instead and delete this draft`,
        )
      }
      report.created.push(entry)
    }
  }
  report.unusedMappings = Object.keys(options.organisationMap ?? {}).filter((feedId) => !usedMappings.has(feedId.toLowerCase()))
  return report
}

/** The report as the command prints it. */
export function formatReport(report: ImportReport): string {
  const lines: string[] = []
  const section = (title: string, entries: (ReportEntry & { reason?: string })[]) => {
    lines.push(`${title}: ${entries.length}`)
    for (const e of entries) {
      lines.push(`  - ${e.name}${e.externalId ? ` [${e.externalId}]` : ''}${e.reason ? ` — skipped because ${e.reason}` : ''}`)
      for (const note of e.notes) lines.push(`      note: ${note}`)
    }
  }
  section('Directory entries created (as drafts)', report.created)
  section('Directory entries updated (new draft versions)', report.updated)
  section('Skipped', report.skipped)
  section('Organisations created (as drafts)', report.organisations.created)
  section('Organisations linked by id', report.organisations.linkedById)
  section('Organisations linked by your mapping', report.organisations.linkedByMapping)
  if (report.unusedMappings.length) lines.push(`Mappings not used (no imported service names these organization ids): ${report.unusedMappings.join(', ')}`)
  return lines.join('\n')
}
