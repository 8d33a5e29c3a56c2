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
import { hasDrafts } from '../versions'
import { relationId } from '../fields/relation'
import { childrenOf, clean, toFormat, type ExportContext } from './convert'
import { FORMAT, type Json } from './format'
import { ContentError, LANGUAGES_FOLDER, MEDIA_FOLDER, MEDIA_LIST, SETTINGS_FILE, contentFolders, loadContent } from './load'
import { languageFile } from './languages'
import { lexicalConverter } from './markdown'
import { mediaStaticDir, type Ticker } from './seed'
import { privateFolder } from '../files/private'

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

type Doc = Json & { id: number | string }

/** A record's live (or only) version and, for a published one with drafts, its newer draft. */
type State = { id: Doc['id']; slug: string; publication: 'published' | 'draft'; live: Doc; pending?: Doc }

async function isEmptyFolder(folder: string): Promise<boolean> {
  try {
    return (await readdir(folder)).length === 0
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true
    throw error
  }
}

export async function exportContent(payload: Payload, folder: string, { force = false, progress }: { force?: boolean; progress?: Ticker } = {}): Promise<ExportReport> {
  const root = path.resolve(folder)
  if (!(await isEmptyFolder(root))) {
    if (!force) throw new ExportError(`${root} is not empty. Choose a new folder, or add --force to replace the backup in it.`)
    // Replace what an earlier backup wrote, so a record deleted since then does not come back on restore.
    for (const entry of [...Object.keys(contentFolders), LANGUAGES_FOLDER, MEDIA_FOLDER, MEDIA_LIST, SETTINGS_FILE]) await rm(path.join(root, entry), { recursive: true, force: true })
  }
  const report: ExportReport = { records: {}, draftOnly: 0, pendingDrafts: 0, agendaItems: {}, warnings: [] }

  const all = async (collection: CollectionSlug, draft = false): Promise<Doc[]> =>
    // joins: false — nested children (agenda items, priorities) are read on their own, with every classification.
    (await payload.find({ collection, pagination: false, depth: 0, draft, overrideAccess: true, joins: false as never, sort: 'id' })).docs as unknown as Doc[]
  const fieldsOf = (collection: string) => payload.collections[collection as CollectionSlug].config.flattenedFields

  /** Payload keeps the published version in the main table and every save as a version; a draft saved over a published record is the latest version only. */
  const states = async (collection: CollectionSlug): Promise<State[]> => {
    const drafts = hasDrafts(payload.collections[collection].config)
    const latest = new Map(drafts ? (await all(collection, true)).map((doc) => [String(doc.id), doc]) : [])
    const keyedBySlug = !FORMAT[collection]!.key
    return (await all(collection)).map((doc) => {
      const newest = latest.get(String(doc.id)) ?? doc
      const published = !drafts || doc._status === 'published'
      const live = published ? doc : newest
      let slug = typeof live.slug === 'string' ? live.slug : ''
      if (!slug && keyedBySlug) {
        slug = `untitled-${collection}-${doc.id}`
        report.warnings.push(`${collection} ${doc.id} has no slug; exported as ${slug}`)
      }
      if (published && newest._status === 'draft') return { id: doc.id, slug, publication: 'published', live, pending: newest }
      return { id: doc.id, slug, publication: published ? 'published' : 'draft', live }
    })
  }

  // Every record first: records name each other by slug, and their images by file name.
  const mediaDocs = await all('media')
  const keys = new Map([['media', new Map(mediaDocs.map((m) => [String(m.id), String(m.filename)]))]])
  const folders = Object.keys(contentFolders) as CollectionSlug[]
  const read = new Map<string, State[]>()
  // Every collection a file holds, nested at any depth (a priority's translations sit in a priority, in a strategy).
  const held: CollectionSlug[] = [...folders]
  for (let i = 0; i < held.length; i++) for (const join of childrenOf(held[i]!, fieldsOf(held[i]!))) if (!held.includes(join.collection as CollectionSlug)) held.push(join.collection as CollectionSlug)
  for (const collection of held) {
    read.set(collection, await states(collection))
    keys.set(collection, new Map(read.get(collection)!.map((s) => [String(s.id), s.slug])))
  }
  const cx: ExportContext = { key: (collection, id) => keys.get(collection)?.get(String(id)), markdown: await lexicalConverter(payload) }

  /** The file body of a record: its live fields, its state, its nested children, its pending draft (slug and uuid only when changed). */
  const record = (collection: string, state: State, skip: string[] = []): Json => {
    const fields = (doc: Doc) => toFormat(fieldsOf(collection), doc, cx, FORMAT[collection]!, skip)
    const live: Json = { ...fields(state.live), slug: state.slug }
    if (state.publication === 'draft') report.draftOnly++
    let draft: Json | undefined
    if (state.pending) {
      report.pendingDrafts++
      draft = fields(state.pending)
      if (draft.slug === live.slug) delete draft.slug
      if (draft.uuid === live.uuid) delete draft.uuid
    }
    const children: Json = {}
    for (const join of childrenOf(collection, fieldsOf(collection))) {
      const { key = ['slug'], position } = FORMAT[join.collection]!
      const sortBy = String(join.defaultSort ?? position)
      children[join.name] = read
        .get(join.collection)!
        .filter((child) => String(relationId(child.live[join.on])) === String(state.id))
        .sort((a, b) => Number(a.live[sortBy] ?? 0) - Number(b.live[sortBy] ?? 0) || String(a.live[key.at(-1)!]).localeCompare(String(b.live[key.at(-1)!]), 'en', { numeric: true }))
        .map((child) => record(join.collection, child, [join.on, ...(position ? [position] : [])]))
    }
    const { slug, ...rest } = live
    return clean({ slug, ...(state.publication === 'draft' ? { publication: 'draft' } : {}), ...rest, ...children, draft })
  }

  const files = new Map<string, Json>()
  for (const collection of folders) for (const state of read.get(collection)!) files.set(`${collection}/${state.slug}.json`, record(collection, state))

  // Nested children whose parent is gone cannot be written anywhere.
  for (const parent of held)
    for (const join of childrenOf(parent, fieldsOf(parent))) {
      const name = (collection: string) => String(payload.collections[collection as CollectionSlug].config.labels.singular).toLowerCase()
      const orphans = read.get(join.collection)!.filter((child) => !read.get(parent)!.some((p) => String(p.id) === String(relationId(child.live[join.on]))))
      if (!FORMAT[join.collection]!.key) for (const orphan of orphans) report.warnings.push(`${name(join.collection)} "${orphan.slug}" belongs to no ${name(parent)} and was not exported`)
      else if (orphans.length) report.warnings.push(`${orphans.length} ${name(join.collection)}(s) belong to no ${name(parent)} and were not exported`)
    }
  for (const meeting of files.values())
    for (const item of (meeting.agenda ?? []) as Json[]) report.agendaItems[String(item.classification)] = (report.agendaItems[String(item.classification)] ?? 0) + 1

  // Drafts, restricted papers, refuges' addresses, reviews' staff-only fields: only this account may
  // read the folder (cms/files/private.ts).
  await privateFolder(root)
  progress?.setTotal(files.size + mediaDocs.length)
  for (const [name, body] of files) {
    progress?.tick()
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
    progress?.tick()
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
  const { flattenedFields } = payload.globals.config.find((global) => global.slug === 'site-settings')!
  await writeFile(path.join(root, SETTINGS_FILE), `${JSON.stringify(toFormat(flattenedFields, settings, cx, FORMAT['site-settings']!), null, 2)}\n`)

  // The interface strings, one file per language, as content/languages/ holds them.
  const languages = (await payload.find({ collection: 'languages', pagination: false, depth: 0, overrideAccess: true, sort: 'code' })).docs as unknown as Json[]
  if (languages.length) await mkdir(path.join(root, LANGUAGES_FOLDER), { recursive: true })
  for (const language of languages) await writeFile(path.join(root, LANGUAGES_FOLDER, `${String(language.code)}.json`), `${JSON.stringify(languageFile(language), null, 2)}\n`)
  if (languages.length) report.records[LANGUAGES_FOLDER] = languages.length

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
