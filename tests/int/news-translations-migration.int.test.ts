/**
 * Issue 20 phase B's migration on an existing install: a database at the previous migration, with
 * news stories and languages in it, migrates with its data intact; its languages get the three new
 * strings (a language missing a string would be left out of the site) and, since nobody fluent has
 * read those yet, a language that was marked checked is marked not yet checked.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Migration, Payload } from 'payload'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { throwawayPayload } from '../helpers/payload'
import { rollBackTo } from '../helpers/migrations'
import { paragraph } from '../helpers/lexical'
import { migrations } from '../../cms/migrations'
import { languageData } from '../../cms/seed/languages'
import type { LanguageSeed } from '../../cms/seed/schemas'
import { languageSchema } from '../../site/schemas'

let payload: Payload
const shipped = (code: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'content', 'languages', `${code}.json`), 'utf8')) as LanguageSeed

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('news-translations-migration'))
})
afterAll(async () => {
  await payload?.destroy()
})

it('migrates an install made before it: news and languages intact, the new strings filled in, checked languages marked not yet checked', async () => {
  const api = payload as unknown as Record<'create' | 'findByID', (args: Record<string, unknown>) => Promise<Record<string, unknown> & { id: number }>>
  const story = await api.create({ collection: 'news', data: { title: 'Kept title', slug: 'kept', date: '2026-11-01', summary: 'Kept summary.', body: paragraph('Kept body.'), _status: 'published' } })
  const bn = await api.create({ collection: 'languages', data: languageData(shipped('bn')) })
  const pl = await api.create({ collection: 'languages', data: languageData(shipped('pl')) })
  const db = payload.db as unknown as SQLiteAdapter
  await db.client.execute({ sql: "UPDATE languages SET fluent_check_checked = 1, fluent_check_checked_by = 'A speaker', fluent_check_checked_at = '2026-11-01T00:00:00.000Z' WHERE code = 'pl'", args: [] })

  // Back to the previous migration, as an install that has not updated yet.
  // (and every later migration, newest first: each one's down expects the tables as it left them).
  await rollBackTo(payload, /news_translations$/)
  const columns = Array.from((await db.client.execute('PRAGMA table_info(languages)')).rows, (r) => String(r.name))
  expect(columns).not.toContain('translation_credit')

  await payload.db.migrate({ migrations: migrations as Migration[] })

  const rows = (await db.client.execute("SELECT code, translation_credit, translation_checked, translation_read_english, fluent_check_checked, fluent_check_checked_by FROM languages ORDER BY code")).rows
  expect(rows.map((r) => ({ ...r }))).toEqual([
    { code: 'bn', translation_credit: shipped('bn').translation.credit, translation_checked: shipped('bn').translation.checked, translation_read_english: shipped('bn').translation.readEnglish, fluent_check_checked: 0, fluent_check_checked_by: null },
    { code: 'pl', translation_credit: shipped('pl').translation.credit, translation_checked: shipped('pl').translation.checked, translation_read_english: shipped('pl').translation.readEnglish, fluent_check_checked: 0, fluent_check_checked_by: null },
  ])
  // The site still offers both languages: their strings are complete.
  for (const language of [bn, pl]) expect(languageSchema.safeParse(await api.findByID({ collection: 'languages', id: language.id, depth: 0 })).success).toBe(true)
  expect(await api.findByID({ collection: 'news', id: story.id, depth: 0 })).toMatchObject({ title: 'Kept title', summary: 'Kept summary.', _status: 'published' })
  // And translations can be written.
  const t = await api.create({ collection: 'news-translations', data: { story: story.id, language: 'pl', title: 'T', summary: 'S', body: paragraph('B'), translator: 'X', lastChecked: '2026-11-24', _status: 'published' } })
  expect(t.language).toBe('pl')
})
