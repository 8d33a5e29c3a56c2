/**
 * Backups: writes everything the CMS holds — drafts, pending partner changes, restricted and
 * confidential agenda items, media files and site settings — to a folder in the content/ format,
 * one file per record, rich text as Markdown. `npm run seed -- --from <folder>` restores it.
 * Users (and their passwords), the site-build log and old versions are not exported; see
 * docs/backups.md. The folder is checked with the seeder's own loader before this returns, so a
 * backup that would not restore is reported at once, not on the day it is needed.
 */
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import { ContentError, MEDIA_FOLDER, MEDIA_LIST, SETTINGS_FILE, contentFolders, loadContent } from './load'
import { lexicalConverter } from './markdown'
import { mediaStaticDir } from './seed'
import { relationId } from '../fields/relation'

export type ExportReport = {
  /** Files written per folder of the format (organisations, services, …) plus media files. */
  records: Record<string, number>
  /** Records that exist only as drafts, and published records with a newer unpublished draft. */
  draftOnly: number
  pendingDrafts: number
  /** Agenda items by classification (restricted and confidential ones are exported too). */
  agendaItems: Record<string, number>
  /** Things that could not be exported as they are (a missing media file, a record without a slug …). */
  warnings: string[]
}

export class ExportError extends Error {
  override name = 'ContentError' // printed as a message, not a stack (scripts/lib/env.ts exitWith)
}

type Doc = Record<string, unknown> & { id: number | string }
type Json = Record<string, unknown>

const SEED_DOCUMENT = /^[a-z0-9-]+\.txt$/

/** Drops empty values so files hold only what is there: null, '', [], {} and undefined. */
function clean<T extends Json>(record: T): T {
  const out: Json = {}
  for (const [key, value] of Object.entries(record)) {
    if (value === null || value === undefined || value === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue
    out[key] = value
  }
  return out as T
}

/** A date-only field (stored as a timestamp) as YYYY-MM-DD. */
const day = (value: unknown) => (typeof value === 'string' && value ? value.slice(0, 10) : undefined)
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)

/** The record's source: a seed document file name, or the CMS's free text. */
const sourceOf = (doc: Doc) => {
  const value = text(doc.sourceDocument)
  return value === undefined ? {} : SEED_DOCUMENT.test(value) ? { source: value } : { sourceDocument: value }
}

/** A confirmation is kept only whole: a date without who confirmed it would be a claim nobody made. */
const confirmedOf = (doc: Doc) => {
  const confirmed = (doc.confirmed ?? {}) as Json
  const on = day(confirmed.on)
  const by = text(confirmed.by)
  return on && by ? { on, by } : undefined
}

const reviewOf = (doc: Doc) => {
  const review = (doc.review ?? {}) as Json
  return clean({ state: text(review.state), note: text(review.note), submittedAt: text(review.submittedAt) })
}

/** An editorial record's live (or only) version and, for a published one, its newer draft. */
type State = { id: Doc['id']; slug: string; publication: 'published' | 'draft'; live: Doc; pending?: Doc }

async function isEmptyFolder(folder: string): Promise<boolean> {
  try {
    return (await readdir(folder)).length === 0
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true
    throw error
  }
}

export async function exportContent(payload: Payload, folder: string, { force = false } = {}): Promise<ExportReport> {
  const root = path.resolve(folder)
  if (!(await isEmptyFolder(root))) {
    if (!force) throw new ExportError(`${root} is not empty. Choose a new folder, or add --force to replace the backup in it.`)
    // Replace what an earlier backup wrote, so a record deleted since then does not come back on restore.
    for (const entry of [...Object.keys(contentFolders), MEDIA_FOLDER, MEDIA_LIST, SETTINGS_FILE]) await rm(path.join(root, entry), { recursive: true, force: true })
  }
  const report: ExportReport = { records: {}, draftOnly: 0, pendingDrafts: 0, agendaItems: {}, warnings: [] }
  const markdown = await lexicalConverter(payload)

  const all = async (collection: CollectionSlug, draft = false): Promise<Doc[]> =>
    // joins: false — agenda items and priorities are read on their own, with every classification.
    (await payload.find({ collection, pagination: false, depth: 0, draft, overrideAccess: true, joins: false as never, sort: 'id' })).docs as unknown as Doc[]

  /** Payload keeps the published version in the main table and every save as a version; a draft saved over a published record is the latest version only. */
  const states = async (collection: CollectionSlug): Promise<State[]> => {
    const latest = new Map((await all(collection, true)).map((doc) => [String(doc.id), doc]))
    return (await all(collection)).map((doc) => {
      const newest = latest.get(String(doc.id)) ?? doc
      const published = doc._status === 'published'
      const live = published ? doc : newest
      let slug = text(live.slug)
      if (!slug) {
        slug = `untitled-${collection}-${doc.id}`
        report.warnings.push(`${collection} ${doc.id} has no slug; exported as ${slug}`)
      }
      if (published && newest._status === 'draft') return { id: doc.id, slug, publication: 'published', live, pending: newest }
      return { id: doc.id, slug, publication: published ? 'published' : 'draft', live }
    })
  }

  // Media first: records name their images by file name.
  const mediaDocs = await all('media')
  const mediaName = new Map(mediaDocs.map((m) => [String(m.id), String(m.filename)]))
  const file = (value: unknown) => (value == null ? undefined : mediaName.get(String(relationId(value))))

  const organisations = await states('organisations')
  const partnershipDocs = await all('partnerships')
  const strategies = await states('strategies')
  const priorities = await states('priorities')
  const services = await states('services')
  const news = await states('news')
  const meetings = await states('meetings')
  const agendaItems = await all('agenda-items')

  const slugs = (list: { id: Doc['id']; slug?: unknown }[]) => new Map(list.map((s) => [String(s.id), String(s.slug)]))
  const orgSlug = slugs(organisations)
  const partnershipSlug = slugs(partnershipDocs)
  const ref = (map: Map<string, string>, value: unknown) => (value == null ? undefined : map.get(String(relationId(value))))

  const organisationFields = (d: Doc) =>
    clean({ slug: d.slug, uuid: d.uuid, name: d.name, type: d.type, website: d.website, description: d.description, review: reviewOf(d), externalId: d.externalId, ...sourceOf(d) })
  const strategyFields = (d: Doc) =>
    clean({
      slug: d.slug, title: d.title, partnership: ref(partnershipSlug, d.partnership), periodStart: d.periodStart, periodEnd: d.periodEnd,
      status: d.status, summary: d.summary, vision: d.vision, body: markdown(d.body), document: file(d.document), ...sourceOf(d),
    })
  const priorityFields = (d: Doc) =>
    clean({
      slug: d.slug, title: d.title, order: d.order, goal: d.goal, approach: markdown(d.approach), outcomes: markdown(d.outcomes),
      measures: ((d.measures ?? []) as Json[]).map((m) => {
        const baseline = (m.baseline ?? {}) as Json
        const target = (m.target ?? {}) as Json
        return clean({
          direction: m.direction,
          description: m.description,
          baseline: clean({ value: baseline.value, unit: baseline.unit, date: day(baseline.date), source: baseline.source }),
          target: clean({ value: target.value, date: day(target.date) }),
          readings: ((m.readings ?? []) as Json[]).map((r) => clean({ date: day(r.date), value: r.value })),
        })
      }),
    })
  const serviceFields = (d: Doc) => {
    const contact = (d.contact ?? {}) as Json
    return clean({
      slug: d.slug, uuid: d.uuid, name: d.name, organisation: ref(orgSlug, d.organisation), description: d.description,
      categories: d.categories, audiences: d.audiences, areas: d.areas, languages: d.languages, accessModes: d.accessModes, urgent: d.urgent ?? false,
      locationConfidential: d.locationConfidential ? true : undefined,
      contact: clean({ phone: contact.phone, email: contact.email, website: contact.website, address: contact.address }),
      openingHours: d.openingHours, eligibility: d.eligibility, cost: d.cost, howToAccess: d.howToAccess,
      providerNotNamed: d.providerNotNamed ? true : undefined,
      origin: clean({ title: text((d.origin as Json | undefined)?.title), published: text((d.origin as Json | undefined)?.published) }),
      confirmed: confirmedOf(d),
      review: reviewOf(d), externalId: d.externalId, ...sourceOf(d),
    })
  }
  const newsFields = (d: Doc) =>
    clean({
      slug: d.slug, title: d.title, date: day(d.date), summary: d.summary,
      partnerships: ((d.partnerships ?? []) as unknown[]).map((p) => ref(partnershipSlug, p)).filter(Boolean),
      body: markdown(d.body), tags: d.tags, image: file(d.image), ...sourceOf(d),
    })
  const meetingFields = (d: Doc) =>
    clean({ slug: d.slug, title: d.title, partnership: ref(partnershipSlug, d.partnership), board: d.board, date: day(d.date), venue: d.venue, ...sourceOf(d) })

  /** The file body of an editorial record: its live fields, its state, its pending draft (slug and uuid only when changed). */
  const editorial = (state: State, fields: (d: Doc) => Json, children: Json = {}) => {
    const live: Json = { ...fields(state.live), slug: state.slug }
    if (state.publication === 'draft') report.draftOnly++
    let draft: Json | undefined
    if (state.pending) {
      report.pendingDrafts++
      draft = fields(state.pending)
      if (draft.slug === live.slug) delete draft.slug
      if (draft.uuid === live.uuid) delete draft.uuid
    }
    const { slug, ...rest } = live
    return clean({ slug, ...(state.publication === 'draft' ? { publication: 'draft' } : {}), ...rest, ...children, draft })
  }

  const files = new Map<string, Json>()
  const put = (collection: string, slug: string, body: Json) => files.set(`${collection}/${slug}.json`, body)

  for (const s of organisations) put('organisations', s.slug, editorial(s, organisationFields))
  for (const d of partnershipDocs) {
    const contact = (d.contact ?? {}) as Json
    put('partnerships', String(d.slug), clean({
      slug: d.slug, name: d.name, area: d.area, summary: d.summary, body: markdown(d.body),
      members: ((d.members ?? []) as Json[]).map((m) => clean({ organisation: ref(orgSlug, m.organisation), role: m.role })),
      website: contact.website, email: contact.email, phone: contact.phone, logo: file(d.logo), ...sourceOf(d),
    }))
  }
  const prioritiesOf = new Map<string, State[]>()
  for (const p of priorities) {
    const strategy = String(relationId(p.live.strategy))
    if (!strategies.some((s) => String(s.id) === strategy)) {
      report.warnings.push(`priority "${p.slug}" belongs to no strategy and was not exported`)
      continue
    }
    prioritiesOf.set(strategy, [...(prioritiesOf.get(strategy) ?? []), p])
  }
  for (const s of strategies) {
    const own = (prioritiesOf.get(String(s.id)) ?? []).sort((a, b) => Number(a.live.order ?? 0) - Number(b.live.order ?? 0) || a.slug.localeCompare(b.slug))
    put('strategies', s.slug, editorial(s, strategyFields, { priorities: own.map((p) => editorial(p, priorityFields)) }))
  }
  for (const s of services) put('services', s.slug, editorial(s, serviceFields))
  for (const s of news) put('news', s.slug, editorial(s, newsFields))
  for (const m of meetings) {
    const agenda = agendaItems
      .filter((item) => String(relationId(item.meeting)) === String(m.id))
      .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0) || String(a.number).localeCompare(String(b.number), 'en', { numeric: true }))
      .map((item) => {
        const classification = String(item.classification)
        report.agendaItems[classification] = (report.agendaItems[classification] ?? 0) + 1
        return clean({ number: item.number, title: item.title, presenter: item.presenter, classification, summary: item.summary, paper: markdown(item.paper) })
      })
    put('meetings', m.slug, editorial(m, meetingFields, { agenda }))
  }
  const orphans = agendaItems.filter((item) => !meetings.some((m) => String(m.id) === String(relationId(item.meeting))))
  if (orphans.length) report.warnings.push(`${orphans.length} agenda item(s) belong to no meeting and were not exported`)

  await mkdir(root, { recursive: true })
  for (const [name, body] of files) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true })
    await writeFile(path.join(root, name), `${JSON.stringify(body, null, 2)}\n`)
    const collection = path.dirname(name)
    report.records[collection] = (report.records[collection] ?? 0) + 1
  }

  // Originals only: the seeder uploads them again and sharp makes the sizes.
  const staticDir = mediaStaticDir(payload)
  const mediaList: Json[] = []
  if (mediaDocs.length) await mkdir(path.join(root, MEDIA_FOLDER), { recursive: true })
  for (const m of [...mediaDocs].sort((a, b) => String(a.filename).localeCompare(String(b.filename)))) {
    const name = String(m.filename)
    try {
      await copyFile(path.join(staticDir, name), path.join(root, MEDIA_FOLDER, name))
    } catch {
      report.warnings.push(`media file ${name} is missing from ${staticDir}`)
    }
    mediaList.push(clean({ file: name, alt: m.alt, credit: m.credit, focalX: m.focalX === 50 ? undefined : m.focalX, focalY: m.focalY === 50 ? undefined : m.focalY }))
  }
  if (mediaList.length) {
    await writeFile(path.join(root, MEDIA_LIST), `${JSON.stringify(mediaList, null, 2)}\n`)
    report.records.media = mediaList.length
  }

  const settings = (await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true })) as unknown as Json
  const alert = (settings.alert ?? {}) as Json
  const contact = (settings.contact ?? {}) as Json
  await writeFile(
    path.join(root, SETTINGS_FILE),
    `${JSON.stringify(clean({ siteName: settings.siteName, quickExitUrl: settings.quickExitUrl, emergencyMessage: settings.emergencyMessage, alert: clean({ enabled: alert.enabled ?? false, message: alert.message }), contact: clean({ email: contact.email, url: contact.url }) }), null, 2)}\n`,
  )

  // Prove the backup restores: the seeder's own checks, run on what was just written.
  try {
    await loadContent(root)
  } catch (error) {
    if (error instanceof ContentError)
      throw new ExportError(`The backup in ${root} was written but would not restore:\n  - ${error.problems.join('\n  - ')}`)
    throw error
  }
  return report
}
