/**
 * Issue 20, phase B: a news story in another language is its own record with its own publish
 * state. Publishing the Polish version leaves the English story alone; an unpublished translation
 * is never read by an anonymous caller (the site build reads as one), however it asks; the server
 * records which English the translator checked, and says when the English changed since.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { throwawayPayload } from '../helpers/payload'
import { paragraph } from '../helpers/lexical'

type Doc = { id: number; [key: string]: unknown }
type User = Doc & { collection: 'users' }
let payload: Payload
let editor: User
let story: Doc
const api = () => payload as unknown as Record<'create' | 'update' | 'findByID' | 'find' | 'findVersions' | 'count', (args: Record<string, unknown>) => Promise<Doc & { docs: Doc[]; totalDocs: number }>>
const as = (user?: User) => ({ overrideAccess: false, ...(user ? { user } : {}) })

const polish = (extra: Record<string, unknown> = {}) => ({
  story: story.id,
  language: 'pl',
  title: 'Polski tytuł',
  summary: 'Polskie streszczenie.',
  body: paragraph('Polska treść.'),
  translator: 'Zespół tłumaczy',
  lastChecked: '2026-11-20T00:00:00.000Z',
  ...extra,
})

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('news-translations'))
  editor = { ...(await api().create({ collection: 'users', data: { name: 'The editor', email: 'editor@translations.test', password: 'correct horse battery staple 9', role: 'editor' } })), collection: 'users' }
  story = await api().create({ collection: 'news', data: { title: 'English title', slug: 'a-story', date: '2026-11-01', summary: 'English summary.', body: paragraph('English body.'), _status: 'published' } })
})
afterAll(async () => {
  await payload?.destroy()
})

describe('a translation has its own publish state', () => {
  let draft: Doc
  it('a draft translation is invisible to anonymous callers: find, draft=true, by id, versions, count', async () => {
    draft = await api().create({ collection: 'news-translations', data: { ...polish(), _status: 'draft' }, draft: true, ...as(editor) })
    expect((await api().find({ collection: 'news-translations', ...as() })).docs).toEqual([])
    expect((await api().find({ collection: 'news-translations', draft: true, ...as() })).docs).toEqual([])
    await expect(api().findByID({ collection: 'news-translations', id: draft.id, ...as() })).rejects.toThrow()
    await expect(api().findByID({ collection: 'news-translations', id: draft.id, draft: true, ...as() })).rejects.toThrow()
    await expect(api().findVersions({ collection: 'news-translations', ...as() })).rejects.toThrow()
    expect((await api().count({ collection: 'news-translations', ...as() })).totalDocs).toBe(0)
    // Staff see it.
    expect((await api().find({ collection: 'news-translations', draft: true, ...as(editor) })).docs.map((d) => d.title)).toEqual(['Polski tytuł'])
  })

  it('publishing the Polish version makes it public and leaves the English story as it was', async () => {
    const englishBefore = await api().findByID({ collection: 'news', id: story.id, depth: 0 })
    await api().update({ collection: 'news-translations', id: draft.id, data: { _status: 'published' }, ...as(editor) })
    const read = await api().find({ collection: 'news-translations', ...as() })
    expect(read.docs.map((d) => [d.language, d.title])).toEqual([['pl', 'Polski tytuł']])
    // The public never reads what the server keeps about checking.
    expect(read.docs[0]).not.toHaveProperty('englishChecked')
    expect(read.docs[0]).not.toHaveProperty('englishChanged')
    const englishAfter = await api().findByID({ collection: 'news', id: story.id, depth: 0 })
    expect(englishAfter).toMatchObject({ title: 'English title', _status: 'published', updatedAt: englishBefore.updatedAt })
  })

  it('a new draft of a published translation stays off the public API until it is published', async () => {
    await api().update({ collection: 'news-translations', id: draft.id, data: { title: 'Szkic tytułu' }, draft: true, ...as(editor) })
    expect((await api().find({ collection: 'news-translations', ...as() })).docs.map((d) => d.title)).toEqual(['Polski tytuł'])
    // Asking for drafts reads the newest version, which is a draft: an anonymous caller gets nothing.
    expect((await api().find({ collection: 'news-translations', draft: true, ...as() })).docs.map((d) => d.title)).not.toContain('Szkic tytułu')
  })

  it('a second Polish version of the same story is refused on the Language field', async () => {
    const refused = await api()
      .create({ collection: 'news-translations', data: { ...polish(), _status: 'draft' }, draft: true, ...as(editor) })
      .then(() => undefined, (error: { data?: { errors?: { path: string; message: string }[] } }) => error.data?.errors)
    expect(refused).toEqual([{ path: 'language', message: 'This story already has a translation in this language: edit that one.' }])
    // Another language is fine.
    const ro = await api().create({ collection: 'news-translations', data: { ...polish({ language: 'ro', title: 'Titlu' }), _status: 'draft' }, draft: true, ...as(editor) })
    expect(ro.language).toBe('ro')
  })

  it('a translation of an unpublished story cannot be published', async () => {
    const hidden = await api().create({ collection: 'news', data: { title: 'Hidden', slug: 'hidden', date: '2026-11-01', summary: 'S.', body: paragraph('B.'), _status: 'draft' }, draft: true })
    await expect(api().create({ collection: 'news-translations', data: { ...polish({ story: hidden.id }), _status: 'published' }, ...as(editor) })).rejects.toThrow()
  })
})

describe('the story and its live translations', () => {
  it('a story cannot be unpublished or deleted while a published translation uses it', async () => {
    const live = await api().create({ collection: 'news', data: { title: 'Used', slug: 'used', date: '2026-11-03', summary: 'S.', body: paragraph('B.'), _status: 'published' } })
    await api().create({ collection: 'news-translations', data: { ...polish({ story: live.id, title: 'Używany' }), _status: 'published' }, ...as(editor) })
    await expect(api().update({ collection: 'news', id: live.id, data: { _status: 'draft' }, ...as(editor) })).rejects.toThrow(/Używany/)
    await expect((payload as unknown as { delete: (a: object) => Promise<unknown> }).delete({ collection: 'news', id: live.id, ...as(editor) })).rejects.toThrow()
    expect((await api().findByID({ collection: 'news', id: live.id, ...as() }))._status).toBe('published')
  })
})

describe('out of date: the English changed after the translation was checked', () => {
  it('is false after the check, true once the English is republished, false again when re-checked; the form cannot set it', async () => {
    const created = await api().create({ collection: 'news', data: { title: 'Second', slug: 'second', date: '2026-11-02', summary: 'S.', body: paragraph('B.'), _status: 'published' } })
    const t = await api().create({ collection: 'news-translations', data: { ...polish({ story: created.id }), englishChecked: 'forged', _status: 'published' }, ...as(editor) })
    const read = async () => (await api().findByID({ collection: 'news-translations', id: t.id, ...as(editor) })).englishChanged
    expect(await read()).toBe(false)
    await new Promise((r) => setTimeout(r, 5))
    // Tags are not text a translator translates.
    await api().update({ collection: 'news', id: created.id, data: { tags: ['new tag'], _status: 'published' } })
    expect(await read()).toBe(false)
    // A draft of the English is not a change the public sees: not yet out of date.
    await api().update({ collection: 'news', id: created.id, data: { summary: 'Draft change.' }, draft: true })
    expect(await read()).toBe(false)
    await api().update({ collection: 'news', id: created.id, data: { summary: 'Published change.', _status: 'published' } })
    expect(await read()).toBe(true)
    // Saving the translation without a new check leaves it out of date.
    await api().update({ collection: 'news-translations', id: t.id, data: { title: 'Poprawka', englishChecked: 'forged' }, ...as(editor) })
    expect(await read()).toBe(true)
    await api().update({ collection: 'news-translations', id: t.id, data: { lastChecked: '2026-11-24T00:00:00.000Z' }, ...as(editor) })
    expect(await read()).toBe(false)
  })
})
