/**
 * The migrations adding interface strings (issue 20) on an existing install: its languages get the
 * shipped text (a language missing a string would be left out of the site) and, since nobody fluent
 * has read it yet, a language that was marked checked is marked not yet checked.
 * - 20261124_202931_home_strategies_string: the localised home's "strategies" heading;
 * - 20261124_211057_priority_heading_strings: a translated priority's "Our approach" and "Outcomes".
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Migration, Payload } from 'payload'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { throwawayPayload } from '../helpers/payload'
import { rollBackTo } from '../helpers/migrations'
import { migrations } from '../../cms/migrations'
import { languageData } from '../../cms/seed/languages'
import type { LanguageSeed } from '../../cms/seed/schemas'
import { languageSchema } from '../../site/schemas'

let payload: Payload
const shipped = (code: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'content', 'languages', `${code}.json`), 'utf8')) as LanguageSeed

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('string-migrations'))
})
afterAll(async () => {
  await payload?.destroy()
})

const CASES: { migration: RegExp; columns: Record<string, (s: LanguageSeed) => string> }[] = [
  { migration: /home_strategies_string$/, columns: { home_strategies: (s) => s.home.strategies } },
  { migration: /priority_heading_strings$/, columns: { translation_approach: (s) => s.translation.approach, translation_outcomes: (s) => s.translation.outcomes } },
]

describe.each(CASES)('$migration', ({ migration, columns }) => {
  it('gives existing languages the shipped strings and marks a checked language not yet checked', async () => {
    const api = payload as unknown as Record<'create' | 'findByID', (args: Record<string, unknown>) => Promise<Record<string, unknown> & { id: number }>>
    await payload.delete({ collection: 'languages', where: { code: { in: ['ur', 'ro'] } } })
    const ur = await api.create({ collection: 'languages', data: languageData(shipped('ur')) })
    const ro = await api.create({ collection: 'languages', data: languageData(shipped('ro')) })
    const db = payload.db as unknown as SQLiteAdapter
    await db.client.execute({ sql: "UPDATE languages SET fluent_check_checked = 1, fluent_check_checked_by = 'A speaker', fluent_check_checked_at = '2026-11-01T00:00:00.000Z' WHERE code = 'ro'", args: [] })

    // Back to before it, as an install that has not updated yet (every later migration too, newest first).
    await rollBackTo(payload, migration)
    const before = Array.from((await db.client.execute('PRAGMA table_info(languages)')).rows, (r) => String(r.name))
    for (const column of Object.keys(columns)) expect(before).not.toContain(column)

    await payload.db.migrate({ migrations: migrations as Migration[] })

    const rows = (await db.client.execute(`SELECT code, ${Object.keys(columns).join(', ')}, fluent_check_checked, fluent_check_checked_by FROM languages ORDER BY code`)).rows
    const expected = (code: string) => ({ code, ...Object.fromEntries(Object.entries(columns).map(([column, of]) => [column, of(shipped(code))])), fluent_check_checked: 0, fluent_check_checked_by: null })
    expect(rows.map((r) => ({ ...r }))).toEqual([expected('ro'), expected('ur')])
    // The site still offers both: their strings are complete.
    for (const language of [ur, ro]) expect(languageSchema.safeParse(await api.findByID({ collection: 'languages', id: language.id, depth: 0 })).success).toBe(true)
  })
})
