/**
 * The seeder's bulk writer (cms/seed/bulk.ts) against the record-by-record Local API it stands in
 * for: the same bundle seeded both ways gives the same rows in every table — ids included, versions
 * tables, hasMany tables, arrays and relationships — and a record the CMS refuses late in a run
 * (a collection rule, a unique value) still leaves nothing behind.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeCorpus } from '../../bench/corpus'
import { type ContentBundle, loadContent } from '../../cms/seed/load'
import { BulkWriter } from '../../cms/seed/bulk'
import { seed } from '../../cms/seed/seed'
import type { ServiceSeed } from '../../cms/seed/schemas'
import { throwawayPayload } from '../helpers/payload'

type Row = Record<string, unknown>
let payload: Payload
let bundle: ContentBundle

const drizzle = () => (payload.db as unknown as { drizzle: { all: (q: unknown) => Promise<Row[]>; run: (q: unknown) => Promise<unknown> } }).drizzle

const tables = async () =>
  (await drizzle().all(sql.raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`))).map((r) => String(r.name))

/** Every row of every table, in row order. */
async function dump(): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {}
  for (const table of await tables()) out[table] = await drizzle().all(sql.raw(`SELECT * FROM "${table}" ORDER BY rowid`))
  return out
}

/**
 * Times differ between two runs, and so do the ids Payload makes for array rows (random
 * ObjectIds, kept as the version rows' `_uuid`): those are numbered in order of appearance, so a
 * row still has to point at the same row.
 */
function comparable(tablesRows: Record<string, Row[]>) {
  const objectIds = new Map<string, string>()
  const out: Record<string, Row[]> = {}
  for (const [table, rows] of Object.entries(tablesRows))
    out[table] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row)
          .filter(([column]) => !/(^|_)(created_at|updated_at)$/.test(column))
          .map(([column, value]) => {
            if (typeof value === 'string' && /^[0-9a-f]{24}$/.test(value)) {
              if (!objectIds.has(value)) objectIds.set(value, `objectid#${objectIds.size}`)
              return [column, objectIds.get(value)]
            }
            return [column, value]
          }),
      ),
    )
  return out
}

/** Empties every table the seed wrote (those empty before it), so the second run starts where the first did. */
async function wipe(before: Record<string, Row[]>) {
  await drizzle().run(sql.raw('PRAGMA foreign_keys = OFF'))
  for (const table of await tables()) if (!before[table]?.length) await drizzle().run(sql.raw(`DELETE FROM "${table}"`))
  await drizzle().run(sql.raw('PRAGMA foreign_keys = ON'))
}

const count = async (collection: 'services' | 'organisations' | 'news') => (await payload.count({ collection, overrideAccess: true })).totalDocs

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('seed-bulk'))
  const folder = mkdtempSync(path.join(tmpdir(), 'csp-hub-bulk-corpus-'))
  await writeCorpus(folder, 60)
  const corpus = await loadContent(folder)
  const real = await loadContent(path.resolve('content'))
  // The corpus (arrays: measures and readings; hasMany selects and texts; relationships), the real
  // content (refuges, confirmations, step-free access, sources) and records in every publication
  // state: draft only, and published with a pending draft over it.
  const services = [...corpus.services, ...real.services] as ServiceSeed[]
  const drafts = services.map((s, i) =>
    i % 7 === 3 ? ({ slug: s.slug, name: s.name, publication: 'draft' } as unknown as ServiceSeed) : i % 7 === 5 ? ({ ...s, draft: { name: `${s.name} (changed)` } } as ServiceSeed) : s,
  )
  bundle = {
    ...corpus,
    organisations: [...corpus.organisations, ...real.organisations],
    partnerships: [...corpus.partnerships, ...real.partnerships],
    strategies: [...corpus.strategies, ...real.strategies],
    services: drafts,
    news: [...corpus.news, ...real.news].map((n, i) => (i % 5 === 2 ? ({ slug: n.slug, title: n.title, publication: 'draft' } as never) : n)),
    meetings: [...corpus.meetings, ...real.meetings],
    media: [],
    sources: { ...corpus.sources, ...real.sources },
    settings: real.settings,
  }
})
afterAll(async () => {
  await payload?.destroy()
})

describe('the bulk writer', () => {
  it('writes the same rows as one Local API create per record, in every table', async () => {
    const empty = await dump()
    await seed(payload, bundle, { bulk: false })
    const oneByOne = await dump()
    await wipe(empty)
    const create = BulkWriter.prototype.create
    let bulkCreates = 0
    BulkWriter.prototype.create = function (...args) {
      bulkCreates++
      return create.apply(this, args)
    }
    // Rows are written every few records, so some go in part-way through a collection and its ids continue from there.
    BulkWriter.flushEvery = 7
    try {
      await seed(payload, bundle, { bulk: true })
    } finally {
      BulkWriter.prototype.create = create
      BulkWriter.flushEvery = 2_000
    }
    const bulk = await dump()
    // Every new record but the agenda items (keyed by meeting and number, not by slug); a pending
    // draft is then written over its published record by the Local API's update.
    expect(bulkCreates).toBe(oneByOne.services!.length + oneByOne.news!.length + oneByOne.organisations!.length + oneByOne.partnerships!.length + oneByOne.strategies!.length + oneByOne.priorities!.length + oneByOne.meetings!.length)

    // Something was written in each kind of table, so the comparison is not vacuous.
    for (const table of ['services', '_services_v', '_services_v_version_categories', 'services_texts', 'news_rels', '_news_v_rels', 'priorities_measures', '_priorities_v_version_measures_readings'])
      expect(oneByOne[table]?.length, table).toBeGreaterThan(0)
    expect(oneByOne.services!.length).toBe(bundle.services.length)
    const a = comparable(oneByOne)
    const b = comparable(bulk)
    expect(Object.keys(b)).toEqual(Object.keys(a))
    for (const table of Object.keys(a)) expect(b[table], table).toEqual(a[table])
  })

  it('rolls back everything when a record late in the run breaks a collection rule', async () => {
    const before = { services: await count('services'), organisations: await count('organisations'), news: await count('news') }
    const stamp = (s: ServiceSeed, i: number) => ({ ...s, slug: `late-${i}-${s.slug}`.slice(0, 90), uuid: undefined }) as ServiceSeed
    const fresh = bundle.services.filter((s) => (s as { publication?: string }).publication !== 'draft').map(stamp)
    // A refuge with its address: refused by the services collection's beforeChange hook.
    const refuge = { ...fresh[0]!, slug: 'late-refuge-with-address', categories: ['refuge'], contact: { address: '1 Example Street, London E16 2QU' } } as ServiceSeed
    const broken: ContentBundle = {
      ...bundle,
      organisations: [...bundle.organisations, { ...bundle.organisations[0]!, slug: 'late-new-organisation', uuid: undefined }],
      services: [...fresh, refuge],
      news: [],
    }
    await expect(seed(payload, broken)).rejects.toThrow(/address/i)
    expect({ services: await count('services'), organisations: await count('organisations'), news: await count('news') }).toEqual(before)
  })

  it('rolls back everything when two new records share a unique value, found only when the rows are written', async () => {
    const before = await count('services')
    const base = bundle.services.find((s) => (s as { publication?: string }).publication !== 'draft')!
    const uuid = '00000000-0000-4000-8000-000000000001'
    const twins = [1, 2].map((n) => ({ ...base, slug: `unique-twin-${n}`, uuid, draft: undefined }) as ServiceSeed)
    // Organisations come along so the entries' relations resolve (a seed names records by slug).
    const error = await seed(payload, { ...bundle, strategies: [], news: [], meetings: [], services: twins, settings: undefined }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(String((error as Error).message) + JSON.stringify((error as { data?: unknown }).data ?? '')).toMatch(/uuid/)
    expect(await count('services')).toBe(before)
  })
})
