/**
 * The seeder on a throwaway database with the real content/: counts, idempotence, all-or-nothing
 * writes, and the access rules that keep drafts and restricted agenda items from anonymous readers.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ContentBundle, ContentError, loadContent } from '../../cms/seed/load'
import { seed, seedFromFolder } from '../../cms/seed/seed'
import { throwawayPayload } from '../helpers/payload'

const CONTENT = path.resolve('content')
let payload: Payload
// Tests feed deliberately incomplete or wrong data, so the Local API's generated input types are loosened here.
const create = (args: Record<string, unknown>) => payload.create(args as never) as unknown as Promise<{ id: number; [key: string]: unknown }>
const update = (args: Record<string, unknown>) => payload.update(args as never)
let bundle: ContentBundle

const count = async (collection: CollectionSlug, where = {}) =>
  (await payload.count({ collection, where, overrideAccess: true })).totalDocs

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('seed'))
  bundle = await loadContent(CONTENT)
})
afterAll(async () => {
  await payload?.destroy()
})

describe('seeding content/', () => {
  it('creates every record once', async () => {
    const report = await seed(payload, bundle)
    const priorities = bundle.strategies.flatMap((s) => s.priorities).length
    const agendaItems = bundle.meetings.flatMap((m) => m.agenda).length
    expect(report.organisations).toEqual({ created: bundle.organisations.length, updated: 0 })
    expect(await count('organisations')).toBe(bundle.organisations.length)
    expect(await count('partnerships')).toBe(bundle.partnerships.length)
    expect(await count('strategies')).toBe(bundle.strategies.length)
    expect(await count('priorities')).toBe(priorities)
    expect(await count('services')).toBe(bundle.services.length)
    expect(await count('news')).toBe(bundle.news.length)
    expect(await count('meetings')).toBe(bundle.meetings.length)
    expect(await count('agenda-items')).toBe(agendaItems)
    // The seed documents hold at least this much; guards against a silently empty content/.
    expect(bundle.organisations.length).toBeGreaterThanOrEqual(13)
    expect(bundle.services.length).toBeGreaterThanOrEqual(10)
    expect(priorities).toBeGreaterThanOrEqual(9)
  })

  it('is idempotent: a second run updates the same documents and creates none', async () => {
    const idsBefore = (await payload.find({ collection: 'services', pagination: false, depth: 0 })).docs.map((d) => d.id).sort()
    const report = await seed(payload, bundle)
    for (const [collection, { created }] of Object.entries(report)) expect(created, collection).toBe(0)
    expect(report.services!.updated).toBe(bundle.services.length)
    const idsAfter = (await payload.find({ collection: 'services', pagination: false, depth: 0 })).docs.map((d) => d.id).sort()
    expect(idsAfter).toEqual(idsBefore)
    expect(await count('agenda-items')).toBe(bundle.meetings.flatMap((m) => m.agenda).length)
  })

  it('turns Markdown into Lexical rich text', async () => {
    const { docs } = await payload.find({ collection: 'news', limit: 1 })
    const body = docs[0]!.body as { root: { children: { type: string }[] } }
    expect(body.root.children.length).toBeGreaterThan(1)
    expect(body.root.children[0]!.type).toBeTypeOf('string')
  })

  it('writes nothing when one file is bad, naming the file and field', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'bad-content-'))
    cpSync(CONTENT, folder, { recursive: true })
    const orgFile = path.join(folder, 'organisations', `${bundle.organisations[0]!.slug}.json`)
    const renamed = { ...JSON.parse(readFileSync(orgFile, 'utf8')), name: 'Renamed by a bad run' }
    writeFileSync(orgFile, JSON.stringify(renamed))
    const serviceFile = path.join(folder, 'services', `${bundle.services[0]!.slug}.json`)
    writeFileSync(serviceFile, JSON.stringify({ ...JSON.parse(readFileSync(serviceFile, 'utf8')), audiences: [] }))

    const error = await seedFromFolder(payload, folder).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ContentError)
    expect((error as ContentError).problems).toEqual([`services/${bundle.services[0]!.slug}.json: audiences needs at least one audience`])
    expect(await count('organisations', { name: { equals: 'Renamed by a bad run' } })).toBe(0)
  })

  it('rolls back everything when the CMS rejects a record part-way', async () => {
    const before = await count('organisations')
    const broken: ContentBundle = {
      ...bundle,
      organisations: [
        { slug: 'written-then-rolled-back', name: 'Should vanish', type: 'charity', source: 'newham-imraa-partnership.txt' },
        { slug: 'rejected-by-cms', name: 'Bad type', type: 'spaceship' as never, source: 'newham-imraa-partnership.txt' },
      ],
    }
    await expect(seed(payload, broken)).rejects.toThrow(/Type/)
    expect(await count('organisations')).toBe(before)
    expect(await count('organisations', { slug: { equals: 'written-then-rolled-back' } })).toBe(0)
  })
})

describe('what an anonymous reader gets (Local API, overrideAccess: false)', () => {
  const anonymous = { overrideAccess: false, pagination: false } as const

  it('sees public agenda items only; staff see restricted and confidential ones too', async () => {
    const notPublic = bundle.meetings.flatMap((m) => m.agenda).filter((item) => item.classification !== 'public')
    expect(notPublic.length).toBeGreaterThan(0)
    const publicItems = await payload.find({ collection: 'agenda-items', ...anonymous })
    expect(publicItems.docs.length).toBeGreaterThan(0)
    expect(publicItems.docs.every((item) => item.classification === 'public')).toBe(true)
    // Items are told apart by meeting and number: two meetings may each have an item with the same title.
    const meetingSlugs = new Map((await payload.find({ collection: 'meetings', pagination: false, depth: 0 })).docs.map((m) => [m.id, m.slug]))
    const seen = publicItems.docs.map((d) => `${meetingSlugs.get(d.meeting as number)} ${d.number}`)
    for (const meeting of bundle.meetings)
      for (const item of meeting.agenda.filter((i) => i.classification !== 'public')) expect(seen).not.toContain(`${meeting.slug} ${item.number}`)

    const admin = (await payload.find({ collection: 'users', limit: 1 })).docs[0]!
    const staffView = await payload.find({ collection: 'agenda-items', overrideAccess: false, user: admin, pagination: false })
    expect(staffView.totalDocs).toBe(bundle.meetings.flatMap((m) => m.agenda).length)
  })

  it('cannot read a restricted item by id either', async () => {
    const restricted = await payload.find({ collection: 'agenda-items', where: { classification: { not_equals: 'public' } }, limit: 1 })
    await expect(payload.findByID({ collection: 'agenda-items', id: restricted.docs[0]!.id, overrideAccess: false })).rejects.toThrow()
  })

  it('hides public agenda items of an unpublished meeting', async () => {
    const meeting = (await payload.find({ collection: 'meetings', where: { slug: { equals: 'barking-and-dagenham-csp-board-2018-09-26' } }, limit: 1 })).docs[0]!
    const itsItems = { meeting: { equals: meeting.id } }
    expect((await payload.find({ collection: 'agenda-items', ...anonymous, where: itsItems })).totalDocs).toBeGreaterThan(0)
    await update({ collection: 'meetings', id: meeting.id, data: { _status: 'draft' } })
    expect((await payload.find({ collection: 'agenda-items', ...anonymous, where: itsItems })).totalDocs).toBe(0)
    expect((await payload.find({ collection: 'meetings', ...anonymous })).totalDocs).toBe(bundle.meetings.length - 1)
    await update({ collection: 'meetings', id: meeting.id, data: { _status: 'published' } })
  })

  it('never sees draft services or users', async () => {
    const org = (await payload.find({ collection: 'organisations', limit: 1 })).docs[0]!
    await create({
      collection: 'services',
      draft: true,
      data: {
        name: 'Unreviewed draft entry', organisation: org.id, description: 'draft', categories: ['housing'],
        audiences: ['everyone'], areas: ['newham'], _status: 'draft',
      },
    })
    const services = await payload.find({ collection: 'services', ...anonymous })
    expect(services.docs.map((s) => s.name)).not.toContain('Unreviewed draft entry')
    expect(services.totalDocs).toBe(bundle.services.length)
    await expect(payload.find({ collection: 'users', overrideAccess: false })).rejects.toThrow()
  })
})
