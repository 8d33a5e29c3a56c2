/**
 * Backups lose nothing: content/ seeded into database 1, then a draft-only story, a partner's
 * pending change over a published directory entry, a review note, an uploaded image and changed
 * settings; exported to folder A; A restored into a fresh database 2 (by the real `npm run seed`
 * command, in a child process); database 2 exported to folder B. A and B must be identical file by
 * file — export ∘ restore ∘ export = export — and database 2 must still serve the live version of
 * the entry while holding the pending change as its draft.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { CollectionSlug, Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportContent, type ExportReport } from '../../cms/seed/export'
import { type ContentBundle, contentFolders, loadContent } from '../../cms/seed/load'
import { lexicalConverter, markdownConverter } from '../../cms/seed/markdown'
import { seedFromFolder } from '../../cms/seed/seed'
import { throwawayEnv } from '../helpers/env'
import { throwawayPayload } from '../helpers/payload'

const run = promisify(execFile)
const TSX = path.resolve('node_modules/.bin/tsx')
const PENDING = 'Pending partner change: now also runs a Saturday drop-in.'
const NOTE = 'Please confirm the opening hours with the service.'

let payload: Payload
let work: string
let folderA: string
let folderB: string
let reportA: ExportReport
let serviceSlug: string
let liveDescription: string
let restoreOutput: string
let secondRestoreOutput: string
let inspected: { counts: Record<string, number>; live: { description?: string; _status?: string }; latest: { description?: string; _status?: string } }
const collections: CollectionSlug[] = ['organisations', 'partnerships', 'strategies', 'priorities', 'services', 'news', 'meetings', 'agenda-items', 'media']

/** Every file under a folder, relative, sorted. */
const listFiles = (root: string, under = ''): string[] =>
  readdirSync(path.join(root, under), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(root, path.join(under, entry.name)) : [path.join(under, entry.name)]))
    .sort()
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'))

beforeAll(async () => {
  let dir: string
  ;({ payload, dir } = await throwawayPayload('export-a'))
  work = mkdtempSync(path.join(tmpdir(), 'csp-hub-backups-'))
  folderA = path.join(work, 'A')
  folderB = path.join(work, 'B')

  await seedFromFolder(payload, path.resolve('content'))

  // A story saved as a draft and never published, incomplete as the admin allows.
  await payload.create({
    collection: 'news',
    draft: true,
    data: { title: 'Draft story never published', slug: 'draft-story-never-published', summary: 'Not ready yet.', _status: 'draft' } as never,
  })
  // A partner's pending change over a published directory entry.
  const service = (await payload.find({ collection: 'services', limit: 1, depth: 0, sort: 'slug' })).docs[0]!
  serviceSlug = service.slug
  liveDescription = service.description
  await payload.update({
    collection: 'services',
    id: service.id,
    draft: true,
    data: { description: PENDING, review: { state: 'pending', submittedAt: '2026-11-20T09:30:00.000Z' }, _status: 'draft' } as never,
  })
  // An editor's note on a published organisation.
  const organisation = (await payload.find({ collection: 'organisations', limit: 1, depth: 0, sort: 'slug' })).docs[0]!
  await payload.update({ collection: 'organisations', id: organisation.id, data: { review: { state: 'changes-requested', note: NOTE } } as never })
  // An uploaded image (sharp makes it, and the sizes), used by the published news story.
  const imageFile = path.join(dir, 'board-meeting.png')
  mkdirSync(path.dirname(imageFile), { recursive: true })
  writeFileSync(imageFile, await sharp({ create: { width: 96, height: 64, channels: 3, background: { r: 20, g: 90, b: 160 } } }).png().toBuffer())
  const image = await payload.create({ collection: 'media', data: { alt: 'Board members around a table', credit: 'Test fixture' }, filePath: imageFile })
  const story = (await payload.find({ collection: 'news', where: { _status: { equals: 'published' } }, limit: 1, depth: 0 })).docs[0]!
  await payload.update({ collection: 'news', id: story.id, data: { image: image.id } })
  await payload.updateGlobal({ slug: 'site-settings', data: { alert: { enabled: true, message: 'Offices closed on Friday.' } } })
  // A language an editor marked checked by a fluent speaker (issue 20), and one switched off.
  const polish = (await payload.find({ collection: 'languages', where: { code: { equals: 'pl' } }, depth: 0 })).docs[0]!
  await payload.update({ collection: 'languages', id: polish.id, data: { fluentCheck: { checked: true, checkedBy: 'A fluent speaker', checkedAt: '2026-11-23T10:00:00.000Z' } } as never })
  await payload.updateGlobal({ slug: 'site-settings', data: { languages: ['bn', 'ur', 'pa', 'pl'] } as never })

  reportA = await exportContent(payload, folderA)

  // Database 2: the real commands, in child processes with their own database and media folder.
  const env2 = throwawayEnv('export-b')
  restoreOutput = (await run(TSX, ['scripts/seed.ts', '--from', folderA], { env: env2 })).stdout
  secondRestoreOutput = (await run(TSX, ['scripts/seed.ts', '--from', folderA], { env: env2 })).stdout
  await run(TSX, ['scripts/export.ts', folderB], { env: env2 })
  const out = (await run(TSX, ['tests/int/export-restore.inspect.ts', serviceSlug], { env: env2 })).stdout
  inspected = JSON.parse(out.split('\n').find((line) => line.startsWith('INSPECT '))!.slice('INSPECT '.length))
}, 300_000)

afterAll(async () => {
  await payload?.destroy()
})

describe('export', () => {
  it('writes one file per record in the content/ format, which the seeder accepts', async () => {
    const bundle = await loadContent(folderA)
    expect(bundle.services.length).toBe(await payload.count({ collection: 'services' }).then((r) => r.totalDocs))
    expect(bundle.news.map((n) => n.slug)).toContain('draft-story-never-published')
    expect(reportA.warnings).toEqual([])
  })

  it('includes restricted and confidential agenda items', () => {
    expect(reportA.agendaItems.restricted).toBeGreaterThan(0)
    expect(reportA.agendaItems.confidential).toBeGreaterThan(0)
    const meetings = listFiles(path.join(folderA, 'meetings')).map((f) => json(path.join(folderA, 'meetings', f)))
    const classifications = meetings.flatMap((m) => m.agenda.map((item: { classification: string }) => item.classification))
    expect(classifications).toContain('restricted')
    expect(classifications).toContain('confidential')
  })

  it('keeps a draft-only record as a draft, and a pending change beside the live version', () => {
    const story = json(path.join(folderA, 'news', 'draft-story-never-published.json'))
    expect(story).toMatchObject({ slug: 'draft-story-never-published', publication: 'draft', title: 'Draft story never published' })
    const service = json(path.join(folderA, 'services', `${serviceSlug}.json`))
    expect(service.publication).toBeUndefined()
    expect(service.description).toBe(liveDescription)
    expect(service.draft).toMatchObject({ description: PENDING, review: { state: 'pending', submittedAt: '2026-11-20T09:30:00.000Z' } })
    expect(reportA.draftOnly).toBe(1)
    expect(reportA.pendingDrafts).toBe(1)
  })

  it('keeps review notes, open-data ids, media with alt text, and site settings', () => {
    const organisations = listFiles(path.join(folderA, 'organisations')).map((f) => json(path.join(folderA, 'organisations', f)))
    expect(organisations.some((o) => o.review?.note === NOTE && o.review?.state === 'changes-requested')).toBe(true)
    expect(organisations.every((o) => typeof o.uuid === 'string')).toBe(true)
    expect(json(path.join(folderA, 'media.json'))).toEqual([{ file: 'board-meeting.png', alt: 'Board members around a table', credit: 'Test fixture' }])
    expect(listFiles(path.join(folderA, 'media'))).toEqual(['board-meeting.png'])
    const news = listFiles(path.join(folderA, 'news')).map((f) => json(path.join(folderA, 'news', f)))
    expect(news.some((n) => n.image === 'board-meeting.png')).toBe(true)
    expect(json(path.join(folderA, 'settings.json')).alert).toEqual({ enabled: true, message: 'Offices closed on Friday.' })
  })

  it('gives back every field content/ has, as content/ has it (rich text as Lexical writes its Markdown)', async () => {
    const [content, exported] = [await loadContent(path.resolve('content')), await loadContent(folderA)]
    const [toLexical, toMarkdown] = [await markdownConverter(payload), await lexicalConverter(payload)]
    /** content/'s value as an export writes it: Markdown comes back normalised (a blank line before a list …). */
    const asExported = (value: unknown, written: unknown): unknown => {
      if (typeof value === 'string' && value !== written) return toMarkdown(toLexical(value))
      if (Array.isArray(value)) return value.map((item, i) => asExported(item, (written as unknown[] | undefined)?.[i]))
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, asExported(v, (written as Record<string, unknown> | undefined)?.[key])]))
      return value
    }
    for (const folder of Object.keys(contentFolders) as (keyof typeof contentFolders)[]) {
      const written = new Map((exported[folder] as ContentBundle[typeof folder]).map((record) => [record.slug, record as Record<string, unknown>]))
      for (const record of content[folder] as Record<string, unknown>[]) {
        const file = written.get(String(record.slug))
        expect(file, `${folder}/${record.slug}.json`).toBeDefined()
        for (const [field, value] of Object.entries(record)) expect(file![field], `${folder}/${record.slug}.json: ${field}`).toEqual(asExported(value, file![field]))
      }
    }
  })

  it('writes the interface strings back as content/languages holds them, with who checked a language, and which are on', () => {
    expect(listFiles(path.join(folderA, 'languages'))).toEqual(listFiles(path.resolve('content/languages')))
    for (const code of ['bn', 'en', 'pa', 'ro', 'ur']) expect(json(path.join(folderA, 'languages', `${code}.json`)), code).toEqual(json(path.resolve('content/languages', `${code}.json`)))
    expect(json(path.join(folderA, 'languages', 'pl.json'))).toEqual({
      ...json(path.resolve('content/languages/pl.json')),
      fluentCheck: { checked: true, checkedBy: 'A fluent speaker', checkedAt: '2026-11-23T10:00:00.000Z' },
    })
    expect(json(path.join(folderA, 'settings.json')).languages).toEqual(['bn', 'ur', 'pa', 'pl'])
  })

  it('refuses to write into a non-empty folder unless forced', async () => {
    await expect(exportContent(payload, folderA)).rejects.toThrow(/not empty.*--force/s)
    await expect(exportContent(payload, folderA, { force: true })).resolves.toMatchObject({ pendingDrafts: 1 })
  })
})

describe('restore', () => {
  it('reports what it created, and a second restore creates nothing', () => {
    expect(restoreOutput).toMatch(/services\s+\d+ created, 0 updated/)
    expect(restoreOutput).toMatch(/media\s+1 created/)
    for (const line of secondRestoreOutput.split('\n').filter((l) => /created, \d+ updated/.test(l))) expect(line).toMatch(/ 0 created/)
  })

  it('holds the same number of records as the original database', async () => {
    for (const collection of collections)
      expect(inspected.counts[collection], collection).toBe((await payload.count({ collection, overrideAccess: true })).totalDocs)
  })

  it('serves the live version of the entry and keeps the partner’s change as its draft', () => {
    expect(inspected.live).toEqual({ description: liveDescription, _status: 'published' })
    expect(inspected.latest).toEqual({ description: PENDING, _status: 'draft' })
  })

  it('exports exactly what it was restored from: export ∘ restore ∘ export = export', () => {
    const filesA = listFiles(folderA)
    expect(listFiles(folderB)).toEqual(filesA)
    for (const file of filesA) expect(readFileSync(path.join(folderB, file)).equals(readFileSync(path.join(folderA, file))), file).toBe(true)
  })
})
