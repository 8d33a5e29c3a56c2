/**
 * The strategy and priority translations migration on an existing install: a database at the
 * previous migration, with a published strategy and priority (and a news translation) in it,
 * migrates with its data intact, and translations can be written after. The migration only adds
 * tables (and two nullable columns to Payload's document locks).
 */
import type { Migration, Payload } from 'payload'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { throwawayPayload } from '../helpers/payload'
import { rollBackTo } from '../helpers/migrations'
import { paragraph } from '../helpers/lexical'
import { migrations } from '../../cms/migrations'

let payload: Payload

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('strategy-translations-migration'))
})
afterAll(async () => {
  await payload?.destroy()
})

it('migrates an install made before it: strategies, priorities and news translations intact, then translatable', async () => {
  const api = payload as unknown as Record<'create' | 'findByID', (args: Record<string, unknown>) => Promise<Record<string, unknown> & { id: number }>>
  const partnership = await api.create({ collection: 'partnerships', data: { name: 'Kept partnership', slug: 'kept', area: 'newham', summary: 'S.', _status: 'published' } })
  const strategy = await api.create({ collection: 'strategies', data: { title: 'Kept strategy', slug: 'kept-strategy', partnership: partnership.id, periodStart: 2025, periodEnd: 2028, status: 'adopted', summary: 'Kept summary.', _status: 'published' } })
  const priority = await api.create({ collection: 'priorities', data: { title: 'Kept priority', slug: 'kept-priority', strategy: strategy.id, order: 1, goal: 'Kept goal.', measures: [{ direction: 'reduce', description: 'Kept measure', baseline: { value: 30, unit: '%' } }], _status: 'published' } })
  const story = await api.create({ collection: 'news', data: { title: 'Kept story', slug: 'kept-story', date: '2026-11-01', summary: 'S.', body: paragraph('B.'), _status: 'published' } })
  const news = await api.create({ collection: 'news-translations', data: { story: story.id, language: 'pl', title: 'Zachowany', summary: 'S', body: paragraph('B'), translator: 'X', lastChecked: '2026-11-24', _status: 'published' } })
  const db = payload.db as unknown as SQLiteAdapter

  // Back to before it, and every later migration, newest first (each one's down expects the tables as it left them).
  await rollBackTo(payload, /strategy_priority_translations$/)
  const tables = Array.from((await db.client.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows, (r) => String(r.name))
  expect(tables).not.toContain('strategy_translations')

  await payload.db.migrate({ migrations: migrations as Migration[] })

  expect(await api.findByID({ collection: 'strategies', id: strategy.id, depth: 0 })).toMatchObject({ title: 'Kept strategy', summary: 'Kept summary.', _status: 'published' })
  expect(await api.findByID({ collection: 'priorities', id: priority.id, depth: 0 })).toMatchObject({ title: 'Kept priority', goal: 'Kept goal.', measures: [{ description: 'Kept measure', baseline: { value: 30, unit: '%' } }] })
  expect(await api.findByID({ collection: 'news-translations', id: news.id, depth: 0 })).toMatchObject({ title: 'Zachowany', _status: 'published' })
  const st = await api.create({ collection: 'strategy-translations', data: { strategy: strategy.id, language: 'ur', title: 'T', summary: 'S', translator: 'X', lastChecked: '2026-11-24', _status: 'published' } })
  const pt = await api.create({ collection: 'priority-translations', data: { priority: priority.id, language: 'ur', title: 'T', goal: 'G', translator: 'X', lastChecked: '2026-11-24', _status: 'published' } })
  expect([st.language, pt.language]).toEqual(['ur', 'ur'])
})
