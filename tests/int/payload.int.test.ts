/**
 * Payload's Local API on a throwaway SQLite file: the embedded default works end to end, and a bad
 * save comes back as field-level errors with nothing stored.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_ADMIN } from '../helpers/env'
import { fieldErrors } from '../helpers/field-errors'
import { throwawayPayload } from '../helpers/payload'

let payload: Payload
// Tests feed deliberately incomplete or wrong data, so the Local API's generated input types are loosened here.
const create = (args: Record<string, unknown>) => payload.create(args as never) as unknown as Promise<{ id: number; [key: string]: unknown }>

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('local-api'))
})
afterAll(async () => {
  await payload?.destroy()
})


describe('embedded SQLite database', () => {
  it('runs in WAL journal mode', async () => {
    const client = (payload.db as unknown as { client: { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> } }).client
    const { rows } = await client.execute('PRAGMA journal_mode;')
    expect(rows[0]!.journal_mode).toBe('wal')
  })

  it('created the first admin from ADMIN_EMAIL and ADMIN_PASSWORD, and only one', async () => {
    const { docs } = await payload.find({ collection: 'users' })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ email: TEST_ADMIN.email, role: 'admin' })
    const login = await payload.login({ collection: 'users', data: TEST_ADMIN })
    expect(login.token).toBeTruthy()
  })

  it('creates and reads a document, generating a URL-safe slug', async () => {
    const created = await create({ collection: 'organisations', data: { name: "Imra'a — Newham", type: 'community-group' } })
    expect(created.slug).toBe('imraa-newham')
    const read = await payload.findByID({ collection: 'organisations', id: created.id })
    expect(read).toMatchObject({ name: "Imra'a — Newham", type: 'community-group' })
  })
})

describe('bad input gets field-level errors and stores nothing', () => {
  it('names every wrong field of a directory entry', async () => {
    const before = await payload.count({ collection: 'services' })
    const errors = await fieldErrors(() =>
      create({
        collection: 'services',
        data: {
          name: '',
          organisation: 999999,
          description: 'x',
          categories: ['knitting'],
          audiences: [],
          areas: ['newham'],
          contact: { phone: '12345', email: 'nobody@', website: 'javascript:alert(1)' },
          _status: 'published',
        } as never,
      }),
    )
    expect(Object.keys(errors)).toEqual(
      expect.arrayContaining(['name', 'categories', 'audiences', 'contact.phone', 'contact.email', 'contact.website']),
    )
    expect(errors['contact.phone']).toMatch(/UK phone number/)
    expect((await payload.count({ collection: 'services' })).totalDocs).toBe(before.totalDocs)
  })

  it('refuses a strategy period that ends before it starts', async () => {
    const partnership = await create({ collection: 'partnerships', data: { name: 'Test CSP', area: 'newham', summary: 'For tests.' } })
    const errors = await fieldErrors(() =>
      create({
        collection: 'strategies',
        data: { title: 'Backwards', partnership: partnership.id, periodStart: 2025, periodEnd: 2022, status: 'adopted', summary: 's', _status: 'published' },
      }),
    )
    expect(errors.periodEnd).toMatch(/cannot be before the first year/)
    expect((await payload.count({ collection: 'strategies', where: { title: { equals: 'Backwards' } } })).totalDocs).toBe(0)
  })

  it('refuses a measure with no direction and a reading with a bad date', async () => {
    const errors = await fieldErrors(() =>
      create({
        collection: 'priorities',
        data: {
          title: 'Bad measures', strategy: 1, order: 1, goal: 'g',
          measures: [{ direction: 'sideways' as never, description: 'x', readings: [{ date: 'yesterday', value: 3 }] }],
          _status: 'published',
        },
      }),
    )
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(['measures.0.direction', 'measures.0.readings.0.date']))
  })

  it('keeps slugs unique and URL-safe', async () => {
    await create({ collection: 'organisations', data: { name: 'Victim Support', type: 'charity' } })
    const duplicate = await fieldErrors(() => create({ collection: 'organisations', data: { name: 'Victim Support', type: 'charity' } }))
    expect(duplicate.slug).toBeTruthy()
    const unsafe = await fieldErrors(() => create({ collection: 'organisations', data: { name: 'X', slug: 'Not Safe/..', type: 'charity' } }))
    expect(unsafe.slug).toMatch(/lower-case letters/)
  })
})
