/**
 * Writes a checked content bundle into Payload: upsert by slug, in one transaction, so a second
 * run changes nothing new and a failure part-way leaves the database as it was. The same code
 * restores a backup written by `npm run export` (cms/seed/export.ts): publication state, pending
 * drafts, media files and site settings included. Media files are written to disk as they are
 * uploaded; a rolled-back run may leave an unused file behind, never a missing one.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { v5 as uuidv5 } from 'uuid'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'
import { type ContentBundle, loadContent } from './load'
import { markdownConverter } from './markdown'
import type { MediaSeed, ReviewSeed } from './schemas'

/** Per collection: records created, updated, and pending drafts written over published records. */
export type SeedReport = Record<string, { created: number; updated: number; drafts?: number }>

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

/** A record's fields, live or draft: every field may be missing from a draft. */
type Fields<T> = Partial<Omit<T, 'publication' | 'draft'>>
type Data = Record<string, unknown>

async function write(payload: Payload, req: PayloadRequest, bundle: ContentBundle): Promise<SeedReport> {
  const md = await markdownConverter(payload)
  const report: SeedReport = {}
  const count = (collection: string, kind: 'created' | 'updated' | 'drafts') => {
    report[collection] ??= { created: 0, updated: 0 }
    report[collection][kind] = (report[collection][kind] ?? 0) + 1
  }
  const rich = (markdown: string | undefined) => md(markdown) ?? null

  /** Find by `where` (the live row, then the latest draft), update if found, create if not; always with full access (this is the seeder). */
  const find = async (collection: CollectionSlug, where: Where): Promise<Id | undefined> => {
    // The main table holds every document, but a draft saved over it may have changed the slug.
    const live = await payload.find({ collection, where, limit: 1, depth: 0, pagination: false, req })
    if (live.docs[0]) {
      liveDocs.set(`${collection}:${live.docs[0].id}`, live.docs[0] as unknown as Data)
      return live.docs[0].id
    }
    if (!payload.collections[collection].config.versions?.drafts) return undefined
    const latest = await payload.find({ collection, where, limit: 1, depth: 0, pagination: false, draft: true, req })
    return latest.docs[0]?.id
  }
  const liveDocs = new Map<string, Data>()
  const upsert = async (collection: CollectionSlug, where: Where, data: Data): Promise<Id> => {
    const existing = await find(collection, where)
    if (existing !== undefined) {
      // Payload builds an update on the latest version, which may be a pending draft: fields the
      // record leaves out must keep their live values, not take the draft's.
      const live = liveDocs.get(`${collection}:${existing}`)
      for (const key of KEPT_WHEN_ABSENT) if (live && !(key in data) && key in live) data = { ...data, [key]: live[key] }
    }
    const doc = existing
      ? await payload.update({ collection, id: existing, data, depth: 0, req })
      : await payload.create({ collection, data, depth: 0, req })
    count(collection, existing ? 'updated' : 'created')
    return doc.id
  }
  /**
   * An editorial record: published (with, after it, its pending draft as a draft version, so the
   * live version stays live) or draft only. Payload does not validate drafts, nor does the format.
   */
  const editorial = async <T extends { slug: string; publication?: 'published' | 'draft'; draft?: object }>(
    collection: CollectionSlug,
    record: T,
    toData: (fields: Fields<T>) => Data,
  ): Promise<Id> => {
    const where = { slug: { equals: record.slug } }
    if (record.publication === 'draft') {
      const existing = await find(collection, where)
      const data = { ...toData(record), slug: record.slug, _status: 'draft' }
      const doc = existing
        ? await payload.update({ collection, id: existing, data, draft: true, depth: 0, req })
        : await payload.create({ collection, data, draft: true, depth: 0, req })
      count(collection, existing ? 'updated' : 'created')
      return doc.id
    }
    const id = await upsert(collection, where, { ...toData(record), slug: record.slug, _status: 'published' })
    if (record.draft) {
      // The draft names only what it holds; slug and open-data id stay the live ones unless it says otherwise.
      const live = record as unknown as { slug: string; uuid?: string }
      const draft = { slug: live.slug, ...(live.uuid ? { uuid: live.uuid } : {}), ...record.draft } as Fields<T>
      await payload.update({ collection, id, data: { ...toData(draft), slug: (draft as { slug: string }).slug, _status: 'draft' }, draft: true, depth: 0, req })
      count(collection, 'drafts')
    }
    return id
  }

  const mediaIds = new Map<string, Id>()
  for (const m of bundle.media) mediaIds.set(m.file, await upsertMedia(payload, req, bundle.mediaDir, m, (created) => count('media', created ? 'created' : 'updated')))
  const media = (file: string | undefined) => (file ? (mediaIds.get(file) ?? null) : null)

  if (bundle.settings) {
    const { alert, contact, ...rest } = bundle.settings
    await payload.updateGlobal({
      slug: 'site-settings',
      data: {
        ...rest,
        ...(alert ? { alert: { enabled: alert.enabled, message: alert.message ?? null } } : {}),
        ...(contact ? { contact: { email: contact.email ?? null, url: contact.url ?? null } } : {}),
      },
      depth: 0,
      req,
    })
    count('site-settings', 'updated')
  }

  const organisationIds = new Map<string, Id>()
  const org = (slug: string | undefined) => (slug ? (organisationIds.get(slug) ?? null) : null)
  for (const o of bundle.organisations) {
    organisationIds.set(o.slug, await editorial('organisations', o, (f) => ({
      name: f.name ?? null, type: f.type ?? null, website: f.website ?? null, description: f.description ?? null,
      ...trail(f), sourceDocument: f.source ?? f.sourceDocument ?? null,
      uuid: f.uuid ?? stableUuid('organisation', o.slug),
    })))
  }

  const partnershipIds = new Map<string, Id>()
  const partnership = (slug: string | undefined) => (slug ? (partnershipIds.get(slug) ?? null) : null)
  for (const p of bundle.partnerships) {
    partnershipIds.set(p.slug, await upsert('partnerships', { slug: { equals: p.slug } }, {
      slug: p.slug, name: p.name, area: p.area, summary: p.summary, body: rich(p.body),
      members: p.members.map((m) => ({ organisation: org(m.organisation), role: m.role ?? null })),
      contact: { website: p.website ?? null, email: p.email ?? null, phone: p.phone ?? null },
      logo: media(p.logo),
      sourceDocument: p.source ?? p.sourceDocument ?? null,
    }))
  }

  for (const s of bundle.strategies) {
    const strategyId = await editorial('strategies', s, (f) => ({
      title: f.title ?? null, partnership: partnership(f.partnership), periodStart: f.periodStart ?? null, periodEnd: f.periodEnd ?? null,
      status: f.status ?? null, summary: f.summary ?? null, vision: f.vision ?? null, body: rich(f.body),
      document: media(f.document), sourceDocument: f.source ?? f.sourceDocument ?? null,
    }))
    for (const p of s.priorities ?? []) {
      await editorial('priorities', p, (f) => ({
        title: f.title ?? null, strategy: strategyId, order: f.order ?? null, goal: f.goal ?? null,
        approach: rich(f.approach), outcomes: rich(f.outcomes),
        measures: (f.measures ?? []).map((m) => ({
          direction: m.direction,
          description: m.description,
          baseline: m.baseline ?? {},
          target: m.target ?? {},
          readings: m.readings ?? [],
        })),
      }))
    }
  }

  for (const s of bundle.services) {
    await editorial('services', s, (f) => ({
      name: f.name ?? null, organisation: org(f.organisation), description: f.description ?? null,
      categories: f.categories ?? [], audiences: f.audiences ?? [], areas: f.areas ?? [], languages: f.languages ?? [],
      accessModes: f.accessModes ?? [], urgent: f.urgent ?? false, locationConfidential: f.locationConfidential ?? false,
      contact: { phone: f.contact?.phone ?? null, email: f.contact?.email ?? null, website: f.contact?.website ?? null, address: f.contact?.address ?? null },
      howToAccess: f.howToAccess ?? null, openingHours: f.openingHours ?? null, eligibility: f.eligibility ?? null,
      cost: f.cost ?? null, providerNotNamed: f.providerNotNamed ?? false,
      // The paper's own title and date unless the entry gives its own; never a "checked" date.
      origin: f.origin ?? (f.source ? bundle.sources[f.source] : undefined) ?? { title: null, published: null },
      confirmed: f.confirmed ? { on: f.confirmed.on, by: f.confirmed.by } : { on: null, by: null },
      ...trail(f),
      sourceDocument: f.source ?? f.sourceDocument ?? null,
      uuid: f.uuid ?? stableUuid('service', s.slug),
    }))
  }

  for (const n of bundle.news) {
    await editorial('news', n, (f) => ({
      title: f.title ?? null, date: f.date ?? null, summary: f.summary ?? null, partnerships: (f.partnerships ?? []).map(partnership),
      image: media(f.image), body: rich(f.body), tags: f.tags ?? [], sourceDocument: f.source ?? f.sourceDocument ?? null,
    }))
  }

  for (const m of bundle.meetings) {
    const meetingId = await editorial('meetings', m, (f) => ({
      title: f.title ?? null, partnership: partnership(f.partnership), board: f.board ?? null, date: f.date ?? null,
      venue: f.venue ?? null, sourceDocument: f.source ?? f.sourceDocument ?? null,
    }))
    for (const [position, item] of (m.agenda ?? []).entries()) {
      await upsert('agenda-items', { meeting: { equals: meetingId }, number: { equals: item.number } }, {
        meeting: meetingId, number: item.number, position, title: item.title, presenter: item.presenter ?? null,
        classification: item.classification, summary: item.summary ?? null, paper: rich(item.paper),
      })
    }
  }
  return report
}

/** Fields a record may leave out to keep what the CMS has (see `trail`). */
const KEPT_WHEN_ABSENT = ['review', 'externalId'] as const

/**
 * The review trail and imported id, written only when the record has them: re-seeding content/
 * must not wipe an editor's note or an Open Referral import's ids. Who submitted a change is left
 * as it is: users are not part of the content format.
 */
const trail = (f: { review?: ReviewSeed; externalId?: string }) => ({
  ...(f.review ? { review: { state: f.review.state ?? null, note: f.review.note ?? null, submittedAt: f.review.submittedAt ?? null } } : {}),
  ...(f.externalId ? { externalId: f.externalId } : {}),
})

/**
 * Uploads one media file through Payload (sharp makes the sizes), or updates its alt text and
 * credit when a file of that name is already there, replacing the file only when it differs.
 */
async function upsertMedia(payload: Payload, req: PayloadRequest, mediaDir: string, m: MediaSeed, counted: (created: boolean) => void): Promise<Id> {
  const filePath = path.join(mediaDir, m.file)
  const data = { alt: m.alt, credit: m.credit ?? null, focalX: m.focalX ?? 50, focalY: m.focalY ?? 50 }
  const found = await payload.find({ collection: 'media', where: { filename: { equals: m.file } }, limit: 1, depth: 0, pagination: false, req })
  const existing = found.docs[0]
  counted(!existing)
  if (!existing) return (await payload.create({ collection: 'media', data, filePath, depth: 0, req })).id
  const staticDir = mediaStaticDir(payload)
  const same = await Promise.all([readFile(filePath), readFile(path.join(staticDir, m.file)).catch(() => null)]).then(([a, b]) => b !== null && a.equals(b))
  return (await payload.update({ collection: 'media', id: existing.id, data, ...(same ? {} : { filePath, overwriteExistingFiles: true }), depth: 0, req })).id
}

/** The folder Payload keeps media uploads in (cms/collections/Media.ts). */
export const mediaStaticDir = (payload: Payload): string => {
  const upload = payload.collections.media.config.upload
  return path.resolve(typeof upload === 'object' && upload.staticDir ? upload.staticDir : 'media')
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
