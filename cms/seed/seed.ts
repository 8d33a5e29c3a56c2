/**
 * Writes a checked content bundle into Payload: upsert by slug, in one transaction, so a second
 * run changes nothing new and a failure part-way leaves the database as it was.
 */
import { v5 as uuidv5 } from 'uuid'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'
import { type ContentBundle, loadContent } from './load'
import { markdownConverter } from './markdown'

export type SeedReport = Record<string, { created: number; updated: number }>

type Id = number | string

/** Namespace for ids derived from slugs, so a fresh seed gives every record the same open-data id. */
const CSP_HUB_NAMESPACE = '6f1f1a0e-8f0c-4b8e-9a57-5b3c2d7c1e42'
export const stableUuid = (kind: string, slug: string) => uuidv5(`${kind}:${slug}`, CSP_HUB_NAMESPACE)

export async function seed(payload: Payload, bundle: ContentBundle): Promise<SeedReport> {
  const req = await createLocalReq({}, payload)
  const ownTransaction = await initTransaction(req)
  try {
    const report = await write(payload, req, bundle)
    if (ownTransaction) await commitTransaction(req)
    return report
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
}

async function write(payload: Payload, req: PayloadRequest, bundle: ContentBundle): Promise<SeedReport> {
  const md = await markdownConverter(payload)
  const report: SeedReport = {}
  const count = (collection: string, created: boolean) => {
    report[collection] ??= { created: 0, updated: 0 }
    report[collection][created ? 'created' : 'updated']++
  }

  /** Find by `where`, update if found, create if not; always with full access (this is the seeder). */
  const upsert = async (collection: CollectionSlug, where: Record<string, { equals: unknown }>, data: Record<string, unknown>): Promise<Id> => {
    // The main table holds every document; versions exist only for documents saved since drafts were enabled.
    const found = await payload.find({ collection, where, limit: 1, depth: 0, pagination: false, req })
    const existing = found.docs[0]
    const doc = existing
      ? await payload.update({ collection, id: existing.id, data, depth: 0, req })
      : await payload.create({ collection, data, depth: 0, req })
    count(collection, !existing)
    return doc.id
  }
  const bySlug = (collection: CollectionSlug, slug: string, data: Record<string, unknown>) => upsert(collection, { slug: { equals: slug } }, { slug, ...data })

  const organisationIds = new Map<string, Id>()
  for (const o of bundle.organisations) {
    organisationIds.set(o.slug, await bySlug('organisations', o.slug, {
      name: o.name, type: o.type, website: o.website ?? null, description: o.description ?? null, sourceDocument: o.source,
      uuid: o.uuid ?? stableUuid('organisation', o.slug), _status: 'published',
    }))
  }
  const org = (slug: string) => organisationIds.get(slug)!

  const partnershipIds = new Map<string, Id>()
  for (const p of bundle.partnerships) {
    partnershipIds.set(p.slug, await bySlug('partnerships', p.slug, {
      name: p.name, area: p.area, summary: p.summary, body: md(p.body) ?? null,
      members: p.members.map((m) => ({ organisation: org(m.organisation), role: m.role ?? null })),
      contact: { website: p.website ?? null },
      sourceDocument: p.source,
    }))
  }
  const partnership = (slug: string) => partnershipIds.get(slug)!

  for (const s of bundle.strategies) {
    const strategyId = await bySlug('strategies', s.slug, {
      title: s.title, partnership: partnership(s.partnership), periodStart: s.periodStart, periodEnd: s.periodEnd,
      status: s.status, summary: s.summary, vision: s.vision ?? null, body: md(s.body) ?? null,
      sourceDocument: s.source, _status: 'published',
    })
    for (const p of s.priorities) {
      await bySlug('priorities', p.slug, {
        title: p.title, strategy: strategyId, order: p.order, goal: p.goal,
        approach: md(p.approach) ?? null, outcomes: md(p.outcomes) ?? null,
        measures: p.measures.map((m) => ({
          direction: m.direction,
          description: m.description,
          baseline: m.baseline ?? {},
          target: m.target ?? {},
          readings: m.readings ?? [],
        })),
        _status: 'published',
      })
    }
  }

  for (const s of bundle.services) {
    await bySlug('services', s.slug, {
      name: s.name, organisation: org(s.organisation), description: s.description,
      categories: s.categories, audiences: s.audiences, areas: s.areas, languages: s.languages,
      accessModes: s.accessModes, urgent: s.urgent,
      contact: { phone: s.contact.phone ?? null, email: s.contact.email ?? null, website: s.contact.website ?? null, address: s.contact.address ?? null },
      howToAccess: s.howToAccess ?? null, openingHours: s.openingHours ?? null, eligibility: s.eligibility ?? null,
      cost: s.cost ?? null, lastReviewed: s.lastReviewed, sourceDocument: s.source, _status: 'published',
      uuid: s.uuid ?? stableUuid('service', s.slug),
    })
  }

  for (const n of bundle.news) {
    await bySlug('news', n.slug, {
      title: n.title, date: n.date, summary: n.summary, partnerships: n.partnerships.map(partnership),
      body: md(n.body), tags: n.tags, sourceDocument: n.source, _status: 'published',
    })
  }

  for (const m of bundle.meetings) {
    const meetingId = await bySlug('meetings', m.slug, {
      title: m.title, partnership: partnership(m.partnership), board: m.board, date: m.date,
      venue: m.venue ?? null, sourceDocument: m.source, _status: 'published',
    })
    for (const [position, item] of m.agenda.entries()) {
      await upsert('agenda-items', { meeting: { equals: meetingId }, number: { equals: item.number } }, {
        meeting: meetingId, number: item.number, position, title: item.title, presenter: item.presenter ?? null,
        classification: item.classification, summary: item.summary ?? null, paper: md(item.paper) ?? null,
      })
    }
  }
  return report
}

/** Loads content/ (or a backup folder in the same format) and seeds it. */
export async function seedFromFolder(payload: Payload, folder: string): Promise<SeedReport> {
  return seed(payload, await loadContent(folder))
}

/** `npm start` and `npm run build` on a fresh clone: seed only when there is nothing yet. */
export async function seedIfEmpty(payload: Payload, folder: string): Promise<SeedReport | null> {
  const { totalDocs } = await payload.count({ collection: 'organisations' })
  return totalDocs > 0 ? null : seedFromFolder(payload, folder)
}
