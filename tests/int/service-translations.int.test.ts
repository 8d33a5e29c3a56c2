/**
 * Issue 20 for directory entries, on news's design (cms/translations/): a translation of an entry
 * is its own record with its own publish state, written by the comms team only, and never holds
 * contact details. Unlike a story, the English entry leaves the site at once whatever its
 * translations do: unpublishing it is never refused, its translations then leave the public API
 * too, and deleting it deletes them. A refuge's translation may not give its place away either.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { throwawayPayload } from '../helpers/payload'

type Doc = { id: number; [key: string]: unknown }
type User = Doc & { collection: 'users' }
let payload: Payload
let editor: User
let partner: User
let organisation: Doc
const api = () => payload as unknown as Record<'create' | 'update' | 'findByID' | 'find' | 'findVersions' | 'count' | 'delete', (args: Record<string, unknown>) => Promise<Doc & { docs: Doc[]; totalDocs: number }>>
const as = (user?: User) => ({ overrideAccess: false, ...(user ? { user } : {}) })
const collection = 'service-translations'

const entry = (over: Record<string, unknown> = {}) => ({
  name: 'Women’s helpline',
  slug: `helpline-${Math.random().toString(36).slice(2, 8)}`,
  organisation: organisation.id,
  description: 'Support for women.',
  categories: ['domestic-abuse'],
  audiences: ['women'],
  areas: ['newham'],
  contact: { phone: '020 7946 0000', email: 'help@example.org' },
  openingHours: 'Monday to Friday, 9am to 5pm',
  howToAccess: 'Call the helpline.',
  _status: 'published',
  ...over,
})
const polish = (service: Doc, over: Record<string, unknown> = {}) => ({ service: service.id, language: 'pl', name: 'Infolinia dla kobiet', description: 'Wsparcie dla kobiet.', howToAccess: 'Zadzwoń na infolinię.', translator: 'Zespół tłumaczy', lastChecked: '2026-11-20T00:00:00.000Z', ...over })

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('service-translations'))
  organisation = await api().create({ collection: 'organisations', data: { name: 'A charity', slug: 'a-charity', type: 'charity', _status: 'published' } })
  editor = { ...(await api().create({ collection: 'users', data: { name: 'The editor', email: 'editor@service-translations.test', password: 'correct horse battery staple 9', role: 'editor' } })), collection: 'users' }
  partner = { ...(await api().create({ collection: 'users', data: { name: 'The partner', email: 'partner@service-translations.test', password: 'correct horse battery staple 9', role: 'partner', organisation: organisation.id } })), collection: 'users' }
})
afterAll(async () => {
  await payload?.destroy()
})

describe('a translation of a directory entry has its own publish state', () => {
  let service: Doc
  let draft: Doc

  it('a draft translation is invisible to anonymous callers and partners: find, draft=true, by id, versions, count, the entry at depth', async () => {
    service = await api().create({ collection: 'services', data: entry() })
    draft = await api().create({ collection, data: { ...polish(service), _status: 'draft' }, draft: true, ...as(editor) })
    for (const user of [undefined, partner]) {
      expect((await api().find({ collection, ...as(user) })).docs).toEqual([])
      expect((await api().find({ collection, draft: true, ...as(user) })).docs).toEqual([])
      await expect(api().findByID({ collection, id: draft.id, ...as(user) })).rejects.toThrow()
      await expect(api().findByID({ collection, id: draft.id, draft: true, ...as(user) })).rejects.toThrow()
      await expect(api().findVersions({ collection, ...as(user) })).rejects.toThrow()
      expect((await api().count({ collection, ...as(user) })).totalDocs).toBe(0)
      expect(JSON.stringify(await api().findByID({ collection: 'services', id: service.id, depth: 2, ...as(user) }))).not.toContain('Infolinia')
    }
    expect((await api().find({ collection, draft: true, ...as(editor) })).docs.map((d) => d.name)).toEqual(['Infolinia dla kobiet'])
  })

  it('only the comms team writes translations: a partner cannot, even for their own organisation’s entry', async () => {
    await expect(api().create({ collection, data: { ...polish(service, { language: 'ro' }), _status: 'draft' }, draft: true, ...as(partner) })).rejects.toThrow()
    await expect(api().update({ collection, id: draft.id, data: { name: 'Partner' }, draft: true, ...as(partner) })).rejects.toThrow()
  })

  it('holds no contact details: a phone, email, address or opening hours given to it are not stored', async () => {
    const fields = payload.collections[collection].config.flattenedFields.map((f) => f.name)
    for (const never of ['contact', 'phone', 'email', 'website', 'address', 'openingHours', 'locationConfidential', 'areas', 'cost']) expect(fields).not.toContain(never)
  })

  it('publishing it makes it public and leaves the English as it was; the public never reads the check fingerprint', async () => {
    const before = await api().findByID({ collection: 'services', id: service.id, depth: 0 })
    await api().update({ collection, id: draft.id, data: { _status: 'published' }, ...as(editor) })
    const read = await api().find({ collection, ...as() })
    expect(read.docs.map((d) => [d.language, d.name])).toEqual([['pl', 'Infolinia dla kobiet']])
    expect(read.docs[0]).not.toHaveProperty('englishChecked')
    expect(read.docs[0]).not.toHaveProperty('englishChanged')
    expect(await api().findByID({ collection: 'services', id: service.id, depth: 0 })).toMatchObject({ _status: 'published', updatedAt: before.updatedAt })
  })

  it('a second Polish version is refused on the Language field', async () => {
    const refused = await api()
      .create({ collection, data: { ...polish(service), _status: 'draft' }, draft: true, ...as(editor) })
      .then(() => undefined, (error: { data?: { errors?: { path: string; message: string }[] } }) => error.data?.errors)
    expect(refused).toEqual([{ path: 'language', message: 'This directory entry already has a translation in this language: edit that one.' }])
  })

  it('out of date when the English text is republished; not for a new phone number or opening hours', async () => {
    const read = async () => (await api().findByID({ collection, id: draft.id, ...as(editor) })).englishChanged
    expect(await read()).toBe(false)
    await api().update({ collection: 'services', id: service.id, data: { contact: { phone: '020 7946 0001', email: 'help@example.org' }, openingHours: 'Every day', _status: 'published' } })
    expect(await read()).toBe(false)
    await api().update({ collection: 'services', id: service.id, data: { eligibility: 'Women over 16.', _status: 'published' } })
    expect(await read()).toBe(true)
    await api().update({ collection, id: draft.id, data: { lastChecked: '2026-11-24T00:00:00.000Z' }, ...as(editor) })
    expect(await read()).toBe(false)
  })

  it('the English entry can be unpublished at once although a translation is live; the translation then leaves the public API', async () => {
    await api().update({ collection: 'services', id: service.id, data: { _status: 'draft' }, ...as(editor) })
    expect((await api().findByID({ collection: 'services', id: service.id, ...as(editor) }))._status).toBe('draft')
    expect((await api().find({ collection, ...as() })).docs).toEqual([])
    expect((await api().count({ collection, ...as() })).totalDocs).toBe(0)
    await expect(api().findByID({ collection, id: draft.id, ...as() })).rejects.toThrow()
    // Still the comms team's, published, for when the entry returns.
    expect((await api().findByID({ collection, id: draft.id, ...as(editor) }))._status).toBe('published')
    await api().update({ collection: 'services', id: service.id, data: { _status: 'published' }, ...as(editor) })
    expect((await api().find({ collection, ...as() })).docs.map((d) => d.name)).toEqual(['Infolinia dla kobiet'])
  })

  it('deleting the English entry deletes its translations, published and draft alike, and is never refused for them', async () => {
    const ro = await api().create({ collection, data: { ...polish(service, { language: 'ro', name: 'Linie de ajutor' }), _status: 'draft' }, draft: true, ...as(editor) })
    await api().delete({ collection: 'services', id: service.id, ...as(editor) })
    for (const id of [draft.id, ro.id]) await expect(api().findByID({ collection, id, draft: true, ...as(editor) })).rejects.toThrow()
    expect((await api().count({ collection, ...as(editor) })).totalDocs).toBe(0)
  })
})

describe('publish rules', () => {
  it('a translation cannot be published while its English entry is a draft', async () => {
    const hidden = await api().create({ collection: 'services', data: entry({ _status: 'draft' }), draft: true })
    await expect(api().create({ collection, data: { ...polish(hidden), _status: 'published' }, ...as(editor) })).rejects.toThrow(/English directory entry/)
    const saved = await api().create({ collection, data: { ...polish(hidden), _status: 'draft' }, draft: true, ...as(editor) })
    expect(saved._status).toBe('draft')
  })

  it('a refuge’s translation may not give its place away: a postcode or street line is refused, drafts included', async () => {
    const refuge = await api().create({ collection: 'services', data: entry({ name: 'A refuge', categories: ['refuge'], contact: { phone: '020 7946 0002' }, howToAccess: 'Through a referral.' }) })
    expect(refuge.locationConfidential).toBe(true)
    const refusal = (over: Record<string, unknown>) =>
      api()
        .create({ collection, data: { ...polish(refuge, over), _status: 'draft' }, draft: true, ...as(editor) })
        .then(() => undefined, (error: { data?: { errors?: { path: string; message: string }[] } }) => error.data?.errors?.map((e) => [e.path, e.message.split('.')[0]]))
    expect(await refusal({ howToAccess: 'Przyjdź: E16 2QU.' })).toEqual([['howToAccess', 'This text contains a postcode']])
    expect(await refusal({ description: 'Schronisko przy 12 High Street.' })).toEqual([['description', 'This text contains a street address']])
    const fine = await api().create({ collection, data: { ...polish(refuge), _status: 'published' }, ...as(editor) })
    await expect(api().update({ collection, id: fine.id, data: { eligibility: 'Kobiety, IG1 1AA' }, draft: true, ...as(editor) })).rejects.toThrow(/postcode/)
  })
})
