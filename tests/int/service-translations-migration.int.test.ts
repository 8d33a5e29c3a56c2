/**
 * The service translations migration on an existing install: a database at the previous
 * migration, with a published directory entry (and a strategy translation) in it, migrates with
 * its data intact, and the entry can be translated after. The migration only adds tables (and a
 * nullable column to Payload's document locks).
 */
import type { Migration, Payload } from 'payload'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { throwawayPayload } from '../helpers/payload'
import { rollBackTo } from '../helpers/migrations'
import { migrations } from '../../cms/migrations'

let payload: Payload

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('service-translations-migration'))
})
afterAll(async () => {
  await payload?.destroy()
})

it('migrates an install made before it: directory entries and strategy translations intact, then translatable', async () => {
  const api = payload as unknown as Record<'create' | 'findByID', (args: Record<string, unknown>) => Promise<Record<string, unknown> & { id: number }>>
  const partnership = await api.create({ collection: 'partnerships', data: { name: 'Kept partnership', slug: 'kept', area: 'newham', summary: 'S.', _status: 'published' } })
  const strategy = await api.create({ collection: 'strategies', data: { title: 'Kept strategy', slug: 'kept-strategy', partnership: partnership.id, periodStart: 2025, periodEnd: 2028, status: 'adopted', summary: 'Kept summary.', _status: 'published' } })
  const st = await api.create({ collection: 'strategy-translations', data: { strategy: strategy.id, language: 'ur', title: 'T', summary: 'S', translator: 'X', lastChecked: '2026-11-24', _status: 'published' } })
  const service = await api.create({
    collection: 'services',
    data: { name: 'Kept helpline', slug: 'kept-helpline', providerNotNamed: true, description: 'Kept description.', categories: ['domestic-abuse'], audiences: ['women'], areas: ['newham'], contact: { phone: '020 7946 0000' }, openingHours: 'Mon–Fri 9–5', _status: 'published' },
  })
  const db = payload.db as unknown as SQLiteAdapter

  await rollBackTo(payload, /service_translations$/)
  const tables = Array.from((await db.client.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows, (r) => String(r.name))
  expect(tables).not.toContain('service_translations')
  expect(tables).toContain('strategy_translations')

  await payload.db.migrate({ migrations: migrations as Migration[] })

  expect(await api.findByID({ collection: 'services', id: service.id, depth: 0 })).toMatchObject({ name: 'Kept helpline', description: 'Kept description.', contact: { phone: '020 7946 0000' }, openingHours: 'Mon–Fri 9–5', _status: 'published' })
  expect(await api.findByID({ collection: 'strategy-translations', id: st.id, depth: 0 })).toMatchObject({ title: 'T', _status: 'published' })
  const t = await api.create({ collection: 'service-translations', data: { service: service.id, language: 'pl', name: 'Infolinia', description: 'Opis.', translator: 'X', lastChecked: '2026-11-24', _status: 'published' } })
  expect(t.language).toBe('pl')
})
