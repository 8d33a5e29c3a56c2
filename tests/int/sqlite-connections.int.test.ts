/**
 * Writing must not cost the CMS a SQLite connection each time. libSQL's client (0.14) hands its
 * connection to each transaction and opens a new one for later use, and nothing ever closed the
 * one the transaction took: every write leaked ~2 open files, until the process ran out.
 * cms/database.ts runs transactions on connections it keeps and reuses; these tests hold it to
 * that, and check transactions still isolate, commit, roll back and queue.
 */
import { readdirSync } from 'node:fs'
import type { Payload, PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { throwawayPayload } from '../helpers/payload'

let payload: Payload
const openFiles = () => readdirSync('/proc/self/fd').length
const organisation = (name: string) => ({ collection: 'organisations', data: { name, type: 'charity', _status: 'draft' }, draft: true }) as never
const names = async () => (await payload.find({ collection: 'organisations', limit: 0, pagination: false, draft: true })).docs.map((d) => d.name)

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('connections'))
})
afterAll(async () => {
  await payload?.destroy()
})

describe('SQLite connections', () => {
  it('stay bounded over 500 writes in transactions (creates, updates, a rolled-back save)', async () => {
    const first = (await payload.create(organisation('Warm-up'))) as { id: number }
    await payload.update({ collection: 'organisations', id: first.id, data: { name: 'Warm-up 2' }, draft: true })
    const before = openFiles()
    for (let i = 0; i < 250; i++) {
      const doc = (await payload.create(organisation(`Org ${i}`))) as { id: number }
      await payload.update({ collection: 'organisations', id: doc.id, data: { description: `updated ${i}` }, draft: true })
    }
    // A save that fails validation rolls its transaction back: that path must not leak either.
    for (let i = 0; i < 20; i++) {
      await expect(payload.create({ collection: 'organisations', data: { type: 'charity' } } as never)).rejects.toThrow()
    }
    const grown = openFiles() - before
    console.info(`open files: ${before} before, ${before + grown} after 520 writes (+${grown})`)
    expect(grown).toBeLessThan(20)
  })

  it('keeps a transaction’s writes from other readers until it commits, and drops them on rollback', async () => {
    const db = payload.db
    const kept = (await db.beginTransaction()) as string
    await payload.create({ ...(organisation('Committed later') as object), req: { transactionID: kept } as Partial<PayloadRequest> } as never)
    expect(await names()).not.toContain('Committed later')
    await db.commitTransaction(kept)
    expect(await names()).toContain('Committed later')

    const dropped = (await db.beginTransaction()) as string
    await payload.create({ ...(organisation('Rolled back') as object), req: { transactionID: dropped } as Partial<PayloadRequest> } as never)
    expect(await names()).not.toContain('Rolled back')
    await db.rollbackTransaction(dropped)
    expect(await names()).not.toContain('Rolled back')
  })

  it('lets 12 simultaneous creates all succeed', async () => {
    const before = openFiles()
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => payload.create(organisation(`Together ${i}`))))
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
    expect(await names()).toEqual(expect.arrayContaining(Array.from({ length: 12 }, (_, i) => `Together ${i}`)))
    expect(openFiles() - before).toBeLessThan(20)
  })

  it('keeps the busy timeout and synchronous settings on the client’s connection and the transaction’s', async () => {
    await payload.create(organisation('Settings check'))
    type Execute = { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }
    const client = (payload.db as unknown as { client: Execute & { transaction: () => Promise<Execute & { rollback: () => Promise<void> }> } }).client
    const pragma = async (on: Execute, name: string) => Object.values((await on.execute(`PRAGMA ${name}`)).rows[0]!)[0]
    const transaction = await client.transaction()
    try {
      for (const on of [client, transaction]) {
        expect(await pragma(on, 'busy_timeout')).toBe(5000)
        expect(await pragma(on, 'synchronous')).toBe(1) // NORMAL
        expect(await pragma(on, 'journal_mode')).toBe('wal')
      }
    } finally {
      await transaction.rollback()
    }
  })

  it('sees schema changes made on another connection since the transaction’s connection was last used', async () => {
    type Tx = { execute: (sql: string) => Promise<unknown>; commit: () => Promise<void> }
    const client = (payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown>; transaction: () => Promise<Tx> } }).client
    await client.execute('CREATE TABLE probe (x, y)')
    const first = await client.transaction()
    await first.execute('SELECT * FROM probe') // this connection now knows probe has y
    await first.commit()
    await client.execute('ALTER TABLE probe DROP COLUMN y')
    const second = await client.transaction()
    await second.execute('ALTER TABLE probe ADD y integer') // "duplicate column name" if it still thought so
    await second.commit()
    await client.execute('DROP TABLE probe')
  })
  it('refuses statements on a transaction that has ended, so none joins the next one on its connection', async () => {
    type Tx = { execute: (sql: string) => Promise<unknown>; commit: () => Promise<void>; rollback: () => Promise<void>; closed: boolean }
    const client = (payload.db as unknown as { client: { execute: (sql: string) => Promise<{ rows: unknown[] }>; transaction: () => Promise<Tx> } }).client
    await client.execute('CREATE TABLE late (x)')
    const ended = await client.transaction()
    await ended.commit()
    expect(ended.closed).toBe(true)
    const next = await client.transaction()
    await expect(ended.execute("INSERT INTO late VALUES ('late')")).rejects.toMatchObject({ code: 'TRANSACTION_CLOSED' })
    await expect(ended.rollback()).rejects.toMatchObject({ code: 'TRANSACTION_CLOSED' })
    await next.execute("INSERT INTO late VALUES ('next')")
    await next.commit()
    expect((await client.execute('SELECT x FROM late')).rows.map((row) => (row as { x: string }).x)).toEqual(['next'])
    await client.execute('DROP TABLE late')
  })
})
