/**
 * Issue 20, phase B for strategies and priorities, on news's design (cms/translations/): a
 * translation is its own record with its own publish state. An unpublished translation is never
 * read by an anonymous caller (the site build reads as one), however it asks; publishing one
 * leaves the English alone; the server says when the English text changed since the last check,
 * and a priority's measures are not text a translator translates.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { throwawayPayload } from '../helpers/payload'
import { paragraph } from '../helpers/lexical'

type Doc = { id: number; [key: string]: unknown }
type User = Doc & { collection: 'users' }
let payload: Payload
let editor: User
let strategy: Doc
let priority: Doc
const api = () => payload as unknown as Record<'create' | 'update' | 'findByID' | 'find' | 'findVersions' | 'count' | 'delete', (args: Record<string, unknown>) => Promise<Doc & { docs: Doc[]; totalDocs: number }>>
const as = (user?: User) => ({ overrideAccess: false, ...(user ? { user } : {}) })

const KINDS = {
  'strategy-translations': () => ({ strategy: strategy.id, language: 'pl', title: 'Strategia po polsku', summary: 'Streszczenie strategii.', vision: 'Wizja.', body: paragraph('Treść strategii.'), translator: 'Zespół tłumaczy', lastChecked: '2026-11-20T00:00:00.000Z' }),
  'priority-translations': () => ({ priority: priority.id, language: 'pl', title: 'Priorytet po polsku', goal: 'Cel.', approach: paragraph('Podejście.'), translator: 'Zespół tłumaczy', lastChecked: '2026-11-20T00:00:00.000Z' }),
} as const
type Kind = keyof typeof KINDS

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('strategy-translations'))
  editor = { ...(await api().create({ collection: 'users', data: { name: 'The editor', email: 'editor@strategy-translations.test', password: 'correct horse battery staple 9', role: 'editor' } })), collection: 'users' }
  const partnership = await api().create({ collection: 'partnerships', data: { name: 'A partnership', slug: 'a-partnership', area: 'newham', summary: 'S.', _status: 'published' } })
  strategy = await api().create({ collection: 'strategies', data: { title: 'English strategy', slug: 'a-strategy', partnership: partnership.id, periodStart: 2025, periodEnd: 2028, status: 'adopted', summary: 'English summary.', vision: 'English vision.', _status: 'published' } })
  priority = await api().create({ collection: 'priorities', data: { title: 'English priority', slug: 'a-priority', strategy: strategy.id, order: 1, goal: 'English goal.', measures: [{ direction: 'reduce', description: 'Repeat victims', baseline: { value: 30, unit: '%' } }], _status: 'published' } })
})
afterAll(async () => {
  await payload?.destroy()
})

describe.each(Object.keys(KINDS) as Kind[])('%s: a translation has its own publish state', (collection) => {
  let draft: Doc
  const data = KINDS[collection]
  const english = collection === 'strategy-translations' ? { collection: 'strategies', id: () => strategy.id } : { collection: 'priorities', id: () => priority.id }

  it('a draft translation is invisible to anonymous callers: find, draft=true, by id, versions, count', async () => {
    draft = await api().create({ collection, data: { ...data(), _status: 'draft' }, draft: true, ...as(editor) })
    expect((await api().find({ collection, ...as() })).docs).toEqual([])
    expect((await api().find({ collection, draft: true, ...as() })).docs).toEqual([])
    await expect(api().findByID({ collection, id: draft.id, ...as() })).rejects.toThrow()
    await expect(api().findByID({ collection, id: draft.id, draft: true, ...as() })).rejects.toThrow()
    await expect(api().findVersions({ collection, ...as() })).rejects.toThrow()
    expect((await api().count({ collection, ...as() })).totalDocs).toBe(0)
    expect((await api().find({ collection, draft: true, ...as(editor) })).docs.map((d) => d.title)).toEqual([data().title])
  })

  it('publishing it makes it public and leaves the English as it was; the public never reads the check fingerprint', async () => {
    const before = await api().findByID({ collection: english.collection, id: english.id(), depth: 0 })
    await api().update({ collection, id: draft.id, data: { _status: 'published' }, ...as(editor) })
    const read = await api().find({ collection, ...as() })
    expect(read.docs.map((d) => [d.language, d.title])).toEqual([['pl', data().title]])
    expect(read.docs[0]).not.toHaveProperty('englishChecked')
    expect(read.docs[0]).not.toHaveProperty('englishChanged')
    expect(await api().findByID({ collection: english.collection, id: english.id(), depth: 0 })).toMatchObject({ _status: 'published', updatedAt: before.updatedAt })
  })

  it('a newer draft of a published translation stays off the public API', async () => {
    await api().update({ collection, id: draft.id, data: { title: 'Szkic' }, draft: true, ...as(editor) })
    expect((await api().find({ collection, ...as() })).docs.map((d) => d.title)).toEqual([data().title])
    expect((await api().find({ collection, draft: true, ...as() })).docs.map((d) => d.title)).not.toContain('Szkic')
    await expect(api().findVersions({ collection, ...as() })).rejects.toThrow()
  })

  it('a second Polish version is refused on the Language field', async () => {
    const refused = await api()
      .create({ collection, data: { ...data(), _status: 'draft' }, draft: true, ...as(editor) })
      .then(() => undefined, (error: { data?: { errors?: { path: string; message: string }[] } }) => error.data?.errors)
    expect(refused).toEqual([{ path: 'language', message: `This ${collection === 'strategy-translations' ? 'strategy' : 'priority'} already has a translation in this language: edit that one.` }])
  })

  it('the English cannot be unpublished while a published translation uses it', async () => {
    await expect(api().update({ collection: english.collection, id: english.id(), data: { _status: 'draft' }, ...as(editor) })).rejects.toThrow(/po polsku/)
    expect((await api().findByID({ collection: english.collection, id: english.id(), ...as() }))._status).toBe('published')
  })
})

describe('publish refused while the English is a draft', () => {
  it('for a strategy and for a priority', async () => {
    const hidden = await api().create({ collection: 'strategies', data: { ...(await api().findByID({ collection: 'strategies', id: strategy.id, depth: 0 })), id: undefined, title: 'Hidden', slug: 'hidden-strategy', _status: 'draft' }, draft: true })
    await expect(api().create({ collection: 'strategy-translations', data: { ...KINDS['strategy-translations'](), strategy: hidden.id, _status: 'published' }, ...as(editor) })).rejects.toThrow()
    const hiddenPriority = await api().create({ collection: 'priorities', data: { title: 'Hidden priority', slug: 'hidden-priority', strategy: strategy.id, order: 2, goal: 'G.', _status: 'draft' }, draft: true })
    await expect(api().create({ collection: 'priority-translations', data: { ...KINDS['priority-translations'](), priority: hiddenPriority.id, _status: 'published' }, ...as(editor) })).rejects.toThrow()
  })
})

describe('out of date: the English text changed after the translation was checked', () => {
  it('a priority: not for a new measure reading; yes for a republished goal; cleared by a new check; the form cannot set it', async () => {
    const p = await api().create({ collection: 'priorities', data: { title: 'Second', slug: 'second-priority', strategy: strategy.id, order: 3, goal: 'Goal.', measures: [{ direction: 'increase', description: 'Reports' }], _status: 'published' } })
    const t = await api().create({ collection: 'priority-translations', data: { ...KINDS['priority-translations'](), priority: p.id, englishChecked: 'forged', _status: 'published' }, ...as(editor) })
    const read = async () => (await api().findByID({ collection: 'priority-translations', id: t.id, ...as(editor) })).englishChanged
    expect(await read()).toBe(false)
    // Measures stay English on the translated page: not text the translator checked.
    await api().update({ collection: 'priorities', id: p.id, data: { measures: [{ direction: 'increase', description: 'Reports', readings: [{ date: '2026-10-01', value: 4 }] }], _status: 'published' } })
    expect(await read()).toBe(false)
    await api().update({ collection: 'priorities', id: p.id, data: { goal: 'Draft goal.' }, draft: true })
    expect(await read()).toBe(false)
    await api().update({ collection: 'priorities', id: p.id, data: { goal: 'Published goal.', _status: 'published' } })
    expect(await read()).toBe(true)
    await api().update({ collection: 'priority-translations', id: t.id, data: { title: 'Poprawka', englishChecked: 'forged' }, ...as(editor) })
    expect(await read()).toBe(true)
    await api().update({ collection: 'priority-translations', id: t.id, data: { lastChecked: '2026-11-24T00:00:00.000Z' }, ...as(editor) })
    expect(await read()).toBe(false)
  })

  it('a strategy: a republished vision marks it; the partnership or status does not', async () => {
    const t = (await api().find({ collection: 'strategy-translations', where: { strategy: { equals: strategy.id } }, ...as(editor) })).docs[0]
    const read = async () => (await api().findByID({ collection: 'strategy-translations', id: t.id, ...as(editor) })).englishChanged
    expect(await read()).toBe(false)
    await api().update({ collection: 'strategies', id: strategy.id, data: { status: 'superseded', _status: 'published' } })
    expect(await read()).toBe(false)
    await api().update({ collection: 'strategies', id: strategy.id, data: { vision: 'A new vision.', _status: 'published' } })
    expect(await read()).toBe(true)
  })
})
