/**
 * The benchmark's synthetic corpus (bench/corpus.ts), small: it is deterministic, passes the
 * seeder's own checks, holds nothing that looks like real contact details, and seeds into the
 * CMS, where an anonymous directory page is read through the list indexes. The full benchmark
 * (`npm run bench`) is not part of npm test.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { corpusSizes, generateCorpus, writeCorpus } from '../../bench/corpus'
import { loadContent } from '../../cms/seed/load'
import { seed } from '../../cms/seed/seed'
import { throwawayPayload } from '../helpers/payload'

const N = 50
const tree = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name), 'utf8')]),
  )

let payload: Payload
let folder: string
beforeAll(async () => {
  ;({ payload } = await throwawayPayload('bench-smoke'))
  folder = mkdtempSync(path.join(tmpdir(), 'csp-hub-corpus-'))
  await writeCorpus(folder, N)
})
afterAll(async () => {
  await payload?.destroy()
})

describe('benchmark corpus', () => {
  it('is the same files, byte for byte, for the same N and seed, and different for another seed', async () => {
    const again = mkdtempSync(path.join(tmpdir(), 'csp-hub-corpus-'))
    await writeCorpus(again, N)
    expect(tree(again)).toEqual(tree(folder))
    expect(JSON.stringify([...generateCorpus(N, 1)])).not.toBe(JSON.stringify([...generateCorpus(N, 2)]))
  })

  it('passes the seeder’s loader with the proportions the benchmark promises', async () => {
    const bundle = await loadContent(folder)
    const sizes = corpusSizes(N)
    expect(bundle.services).toHaveLength(N)
    expect(bundle.organisations).toHaveLength(sizes.organisations)
    expect(bundle.news).toHaveLength(sizes.news)
    expect(bundle.strategies.flatMap((s) => s.priorities)).toHaveLength(sizes.strategies * sizes.prioritiesPerStrategy)
    expect(bundle.meetings).toHaveLength(sizes.meetings)
  })

  it('is obviously fictional and carries no contact details', async () => {
    const text = Object.values(tree(folder)).join('\n')
    expect(text).not.toMatch(/@|https?:\/\/|\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\+44/)
    const bundle = await loadContent(folder)
    for (const s of bundle.services) {
      expect(s.contact).toEqual({})
      expect(s.openingHours).toBeUndefined()
      expect(s.name).toMatch(/^Example /)
    }
    for (const o of bundle.organisations) expect(o.name).toMatch(/^Example Support Service \d{4}$/)
  })

  it('seeds into the CMS without looking up, record by record, slugs the database does not hold', async () => {
    // Every statement of the seed's transaction, as the SQLite client receives it.
    const client = (payload.db as unknown as { client: { transaction: (...a: unknown[]) => Promise<Record<string, (...a: unknown[]) => unknown>> } }).client
    const statements: string[] = []
    const transaction = client.transaction.bind(client)
    client.transaction = async (...args) => {
      const tx = await transaction(...args)
      for (const method of ['execute', 'batch']) {
        const original = tx[method]!.bind(tx)
        tx[method] = (...a: unknown[]) => {
          const first = a[0] as string | { sql?: string } | { sql?: string }[]
          for (const s of Array.isArray(first) ? first : [first]) statements.push(typeof s === 'string' ? s : String(s?.sql))
          return original(...a)
        }
      }
      return tx
    }
    try {
      await seed(payload, await loadContent(folder))
    } finally {
      client.transaction = transaction
    }
    // Each lookup by slug was a full-record query with every joined table (two for drafts);
    // on an empty database a few whole-collection slug reads answer them all.
    const lookups = statements.filter((sql) => /^select .* from "(services|_services_v)" .*"slug" = \?/is.test(sql))
    expect(lookups).toHaveLength(0)
    // New records go in many rows a statement (cms/seed/bulk.ts), not one INSERT each.
    const inserts = statements.filter((sql) => /^insert into "services" /i.test(sql))
    expect(inserts.length).toBeGreaterThan(0)
    expect(inserts.length).toBeLessThan(N / 10)
  })

  it('a public directory page is read in index order', async () => {
    expect((await payload.count({ collection: 'services', overrideAccess: false })).totalDocs).toBe(N)
    const page = await payload.find({ collection: 'services', limit: 10, page: 2, depth: 1, overrideAccess: false })
    expect(page.docs).toHaveLength(10)
    // The migration's compound index serves the anonymous list (WHERE _status, ORDER BY created_at).
    const client = (payload.db as unknown as { client: { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> } }).client
    const plan = await client.execute(`EXPLAIN QUERY PLAN SELECT id FROM services WHERE _status = 'published' ORDER BY created_at DESC LIMIT 10`)
    expect(JSON.stringify(plan.rows)).toMatch(/_status_createdAt_idx/)
  })
})
