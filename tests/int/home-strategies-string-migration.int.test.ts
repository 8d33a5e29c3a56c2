/**
 * The migration adding the localised home's "strategies" heading (issue 20) on an existing install:
 * its languages get the shipped string (a language missing a string would be left out of the
 * site) and, since nobody fluent has read it yet, a language that was marked checked is marked not
 * yet checked; a language whose code has no shipped text keeps the empty default (none ships).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Migration, Payload } from 'payload'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { throwawayPayload } from '../helpers/payload'
import { migrations } from '../../cms/migrations'
import { languageData } from '../../cms/seed/languages'
import type { LanguageSeed } from '../../cms/seed/schemas'
import { languageSchema } from '../../site/schemas'

let payload: Payload
const shipped = (code: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'content', 'languages', `${code}.json`), 'utf8')) as LanguageSeed

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('home-strategies-string-migration'))
})
afterAll(async () => {
  await payload?.destroy()
})

it('gives existing languages the shipped heading and marks a checked language not yet checked', async () => {
  const api = payload as unknown as Record<'create' | 'findByID', (args: Record<string, unknown>) => Promise<Record<string, unknown> & { id: number }>>
  const ur = await api.create({ collection: 'languages', data: languageData(shipped('ur')) })
  const ro = await api.create({ collection: 'languages', data: languageData(shipped('ro')) })
  const db = payload.db as unknown as SQLiteAdapter
  await db.client.execute({ sql: "UPDATE languages SET fluent_check_checked = 1, fluent_check_checked_by = 'A speaker', fluent_check_checked_at = '2026-11-01T00:00:00.000Z' WHERE code = 'ro'", args: [] })

  // Back to before it, as an install that has not updated yet (every later migration too, newest first).
  const from = migrations.findIndex((m) => /home_strategies_string$/.test(m.name))
  expect(from).toBeGreaterThan(0)
  for (const later of migrations.slice(from).reverse()) {
    await later.down({ db: db.drizzle, payload, req: {} } as never)
    await db.client.execute({ sql: 'DELETE FROM payload_migrations WHERE name = ?', args: [later.name] })
  }
  const columns = Array.from((await db.client.execute('PRAGMA table_info(languages)')).rows, (r) => String(r.name))
  expect(columns).not.toContain('home_strategies')

  await payload.db.migrate({ migrations: migrations as Migration[] })

  const rows = (await db.client.execute('SELECT code, home_strategies, fluent_check_checked, fluent_check_checked_by FROM languages ORDER BY code')).rows
  expect(rows.map((r) => ({ ...r }))).toEqual([
    { code: 'ro', home_strategies: shipped('ro').home.strategies, fluent_check_checked: 0, fluent_check_checked_by: null },
    { code: 'ur', home_strategies: shipped('ur').home.strategies, fluent_check_checked: 0, fluent_check_checked_by: null },
  ])
  // The site still offers both: their strings are complete.
  for (const language of [ur, ro]) expect(languageSchema.safeParse(await api.findByID({ collection: 'languages', id: language.id, depth: 0 })).success).toBe(true)
})
