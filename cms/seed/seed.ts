/**
 * Writes a checked content bundle into Payload: upsert by slug, in one transaction, so a second
 * run changes nothing new and a failure part-way leaves the database as it was. The same code
 * restores a backup written by `npm run export` (cms/seed/export.ts): publication state, pending
 * drafts, media files and site settings included. Media files are written to disk as they are
 * uploaded; a rolled-back run may leave an unused file behind, never a missing one. On SQLite, new
 * records are validated one by one as Payload's create does and written many at a time (./bulk.ts).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'
import { hasDrafts } from '../versions'
import { BulkWriter } from './bulk'
import { childrenOf, toCms } from './convert'
import { FORMAT, type ImportContext, type Json, KEPT_WHEN_ABSENT } from './format'
import { type ContentBundle, contentFolders, loadContent } from './load'
import { markdownConverter } from './markdown'
import { languageData } from './languages'
import type { MediaSeed } from './schemas'

/** Per collection: records created, updated, and pending drafts written over published records. */
export type SeedReport = Record<string, { created: number; updated: number; drafts?: number }>

type Id = number | string

/** Told of each top-level record written (scripts/lib/progress.ts on the command line). */
export type Ticker = { tick(n?: number): void; setTotal(total: number): void }

/**
 * @param bulk new records are validated as Payload's create does and written many rows a statement
 * (./bulk.ts; SQLite only). Off: every record through the Local API, as before — the comparison
 * the bulk path is tested against.
 */
export async function seed(payload: Payload, bundle: ContentBundle, { progress, bulk = true }: { progress?: Ticker; bulk?: boolean } = {}): Promise<SeedReport> {
  const req = await createLocalReq({}, payload)
  const ownTransaction = await initTransaction(req)
  const writer = bulk ? await BulkWriter.open(payload, req) : null
  try {
    const report = await write(payload, req, bundle, progress, writer)
    await writer?.flush()
    if (ownTransaction) await commitTransaction(req)
    return report
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  } finally {
    writer?.close()
  }
}

/** A record of the format: its fields, publication state and pending draft (./schemas.ts). */
type FormatRecord = Json & { slug: string; publication?: 'published' | 'draft'; draft?: Json }

async function write(payload: Payload, req: PayloadRequest, bundle: ContentBundle, progress?: Ticker, bulk?: BulkWriter | null): Promise<SeedReport> {
  const report: SeedReport = {}
  const count = (collection: string, kind: 'created' | 'updated' | 'drafts') => {
    report[collection] ??= { created: 0, updated: 0 }
    report[collection][kind] = (report[collection][kind] ?? 0) + 1
  }

  /**
   * The slugs each slug-keyed collection holds before this run (live rows and latest drafts), read
   * in one query per collection: a record whose slug is not among them is new and needs no lookup.
   * On an empty database (a fresh clone, the benchmark) that was two full-record queries per record.
   */
  const slugsHeld = new Map<string, Set<string>>()
  for (const collection of Object.keys(FORMAT) as CollectionSlug[]) {
    if (!(collection in payload.collections) || FORMAT[collection]!.key || !payload.collections[collection].config.flattenedFields.some((f) => f.name === 'slug')) continue
    const held = new Set<string>()
    const drafts = hasDrafts(payload.collections[collection].config)
    for (const draft of drafts ? [false, true] : [false]) {
      const { docs } = await payload.find({ collection, pagination: false, depth: 0, draft, select: { slug: true } as never, req })
      for (const doc of docs as unknown as { slug?: unknown }[]) if (typeof doc.slug === 'string') held.add(doc.slug)
    }
    slugsHeld.set(collection, held)
  }
  const surelyNew = (collection: CollectionSlug, where: Where) => {
    const held = slugsHeld.get(collection)
    const slug = (where.slug as { equals?: unknown } | undefined)?.equals
    return held !== undefined && Object.keys(where).length === 1 && typeof slug === 'string' && !held.has(slug)
  }
  /** A new record the bulk writer takes (./bulk.ts): validated as one create, written with others. */
  const bulkNew = (collection: CollectionSlug, where: Where) => Boolean(bulk?.accepts(collection)) && surelyNew(collection, where)

  /** Find by `where` (the live row, then the latest draft), update if found, create if not; always with full access (this is the seeder). */
  const find = async (collection: CollectionSlug, where: Where): Promise<Id | undefined> => {
    if (surelyNew(collection, where)) return undefined
    // The main table holds every document, but a draft saved over it may have changed the slug.
    const live = await payload.find({ collection, where, limit: 1, depth: 0, pagination: false, req })
    if (live.docs[0]) {
      liveDocs.set(`${collection}:${live.docs[0].id}`, live.docs[0] as unknown as Json)
      return live.docs[0].id
    }
    if (!hasDrafts(payload.collections[collection].config)) return undefined
    const latest = await payload.find({ collection, where, limit: 1, depth: 0, pagination: false, draft: true, req })
    return latest.docs[0]?.id
  }
  const liveDocs = new Map<string, Json>()
  const remember = (collection: CollectionSlug, data: Json) => {
    if (typeof data.slug === 'string') slugsHeld.get(collection)?.add(data.slug)
  }
  const upsert = async (collection: CollectionSlug, where: Where, data: Json): Promise<Id> => {
    if (bulkNew(collection, where)) {
      const id = await bulk!.create(collection, data)
      count(collection, 'created')
      remember(collection, data)
      return id
    }
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
    remember(collection, data)
    return doc.id
  }
  /**
   * An editorial record: published (with, after it, its pending draft as a draft version, so the
   * live version stays live) or draft only. Payload does not validate drafts, nor does the format.
   */
  const editorial = async (collection: CollectionSlug, where: Where, record: FormatRecord, toData: (fields: Json) => Json): Promise<Id> => {
    if (record.publication === 'draft') {
      const data = { ...toData(record), _status: 'draft' as const }
      if (bulkNew(collection, where)) {
        const id = await bulk!.create(collection, data, { draft: true })
        count(collection, 'created')
        remember(collection, data)
        return id
      }
      const existing = await find(collection, where)
      const doc = existing
        ? await payload.update({ collection, id: existing, data, draft: true, depth: 0, req })
        : await payload.create({ collection, data, draft: true, depth: 0, req })
      count(collection, existing ? 'updated' : 'created')
      remember(collection, data)
      return doc.id
    }
    const id = await upsert(collection, where, { ...toData(record), _status: 'published' })
    if (record.draft) {
      // The draft names only what it holds; slug and open-data id stay the live ones unless it says otherwise.
      const draft = { slug: record.slug, ...(record.uuid ? { uuid: record.uuid } : {}), ...record.draft }
      await payload.update({ collection, id, data: { ...toData(draft), _status: 'draft' }, draft: true, depth: 0, req })
      count(collection, 'drafts')
    }
    return id
  }

  /** Each written record's id, by collection and the key the format names it by (slug, or media file name). */
  const ids = new Map(Object.keys(FORMAT).map((collection) => [collection, new Map<string, Id>()]))
  const cx: Omit<ImportContext, 'slug'> = {
    id: (collection, key) => ids.get(collection)?.get(key) ?? null,
    richText: await markdownConverter(payload),
    sources: bundle.sources,
  }

  for (const m of bundle.media) ids.get('media')!.set(m.file, await upsertMedia(payload, req, bundle.mediaDir, m, (created) => count('media', created ? 'created' : 'updated')))

  if (bundle.settings) {
    const { flattenedFields } = payload.globals.config.find((global) => global.slug === 'site-settings')!
    await payload.updateGlobal({ slug: 'site-settings', data: toCms(flattenedFields, bundle.settings, { ...cx, slug: '' }, FORMAT['site-settings']!), depth: 0, req })
    count('site-settings', 'updated')
  }

  // The interface strings (issue 20), keyed by language code: a few documents, written one by one.
  for (const language of bundle.languages) {
    const data = languageData(language)
    const { docs } = await payload.find({ collection: 'languages', where: { code: { equals: language.code } }, limit: 1, depth: 0, pagination: false, req })
    if (docs[0]) await payload.update({ collection: 'languages', id: docs[0].id, data, depth: 0, req })
    else await payload.create({ collection: 'languages', data: data as never, depth: 0, req })
    count('languages', docs[0] ? 'updated' : 'created')
  }

  /** One record, then the children nested in it (a strategy's priorities, a meeting's agenda), under `parent`. */
  const put = async (collection: CollectionSlug, record: FormatRecord, parent: Json = {}): Promise<void> => {
    const { config } = payload.collections[collection]
    const rules = FORMAT[collection]!
    const toData = (fields: Json) => ({ ...toCms(config.flattenedFields, fields, { ...cx, slug: record.slug }, rules), ...parent })
    const keyed: Json = { ...record, ...parent }
    const where = Object.fromEntries((rules.key ?? ['slug']).map((key) => [key, { equals: keyed[key] }]))
    const id = hasDrafts(config) ? await editorial(collection, where, record, toData) : await upsert(collection, where, toData(record))
    if (record.slug) ids.get(collection)!.set(record.slug, id)
    for (const join of childrenOf(collection, config.flattenedFields)) {
      const position = FORMAT[join.collection]!.position
      for (const [index, child] of ((record[join.name] ?? []) as FormatRecord[]).entries())
        await put(join.collection as CollectionSlug, child, { [join.on]: id, ...(position ? { [position]: index } : {}) })
    }
  }
  const folders = Object.keys(contentFolders) as (keyof typeof contentFolders)[]
  progress?.setTotal(folders.reduce((sum, folder) => sum + bundle[folder].length, 0))
  for (const folder of folders)
    for (const record of bundle[folder]) {
      await put(folder, record as unknown as FormatRecord)
      progress?.tick()
    }
  return report
}

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

/** The folder Payload keeps media uploads in (cms/collections/media/index.ts). */
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
