/**
 * A read of only what changed (site/lib/changed-reads.ts), which the warm renderer's services
 * loader uses at every publish: after each kind of change an editor or partner makes, it must
 * return exactly what a whole read returns, in the same order — a record it failed to read again
 * would leave a stale entry (a wrong phone number) on the live site.
 */
import type { Payload } from 'payload'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FEED_ORDER } from '../../cms/openreferral/query'
import { changedReader, dependenciesOf, type ReadQuery } from '../../site/lib/changed-reads'
import { throwawayPayload } from '../helpers/payload'

let payload: Payload
const query: ReadQuery = { collection: 'services', depth: 1, sort: FEED_ORDER, joins: false }
const wholeRead = async (q: ReadQuery = query) =>
  (await payload.find({ collection: q.collection, depth: q.depth, sort: q.sort, ...(q.joins === undefined ? {} : { joins: q.joins as never }), pagination: false, overrideAccess: false, draft: false })).docs

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('changed-reads'))
  const { seedIfEmpty } = await import('../../cms/seed/seed')
  await seedIfEmpty(payload, path.resolve('content'))
}, 120_000)
afterAll(async () => payload?.destroy())

describe('what a read depends on', () => {
  it("a service read shows its organisation; with the translations join read, that cannot be followed", () => {
    const fields = payload.collections.services.config.fields
    expect(dependenciesOf(fields, false)).toEqual({ deps: expect.arrayContaining([{ path: 'organisation', to: 'organisations' }]), unknown: [] })
    expect(dependenciesOf(fields, undefined).unknown).toEqual(['translations (a join the read computes)'])
  })
})

describe('a services read of only what changed equals a whole read', () => {
  const read = changedReader(query)
  /** The reader's result, checked against a whole read of the same moment. */
  const same = async () => {
    const result = await read(payload)
    expect(result.docs).toEqual(await wholeRead())
    return result
  }
  const published = async () => (await payload.find({ collection: 'services', where: { _status: { equals: 'published' } }, sort: 'name', depth: 0, limit: 3 })).docs

  it('reads everything the first time, and nothing again when nothing changed', async () => {
    expect(await same()).toMatchObject({ whole: 'the first read' })
    expect(await same()).toMatchObject({ reread: 0 })
  })

  it('a renamed entry: that one is read again, and takes its new place in the order', async () => {
    const [a] = await published()
    await payload.update({ collection: 'services', id: a!.id, data: { name: `zz ${a!.name}` } })
    expect(await same()).toMatchObject({ reread: 1 })
  })

  it("a renamed organisation: its entries are read again (they show its name)", async () => {
    const [a] = await published()
    const org = a!.organisation as number
    await payload.update({ collection: 'organisations', id: org, data: { name: 'A renamed organisation' } })
    const entries = (await payload.count({ collection: 'services', where: { and: [{ organisation: { equals: org } }, { _status: { equals: 'published' } }] } })).totalDocs
    expect(await same()).toMatchObject({ reread: entries })
  })

  it('an entry moved to another organisation', async () => {
    const [a, b] = await published()
    const other = (await payload.find({ collection: 'organisations', where: { id: { not_equals: a!.organisation as number } }, limit: 1, depth: 0 })).docs[0]!
    expect(b).toBeDefined()
    await payload.update({ collection: 'services', id: a!.id, data: { organisation: other.id } })
    await same()
  })

  it('an entry unpublished is gone; published again, it is back', async () => {
    const [, a] = await published()
    await payload.update({ collection: 'services', id: a!.id, data: { _status: 'draft' } })
    expect((await same()).docs.map((d) => d.id)).not.toContain(a!.id)
    await payload.update({ collection: 'services', id: a!.id, data: { _status: 'published' } })
    expect((await same()).docs.map((d) => d.id)).toContain(a!.id)
  })

  it('a new entry published, and an entry deleted', async () => {
    const [a, , c] = await published()
    const source = (await payload.findByID({ collection: 'services', id: a!.id, depth: 0 })) as unknown as Record<string, unknown>
    const { id: _id, slug: _slug, uuid: _uuid, createdAt: _c, updatedAt: _u, ...data } = source
    const created = await payload.create({ collection: 'services', data: { ...data, name: 'A brand new service', _status: 'published' } as never })
    expect((await same()).docs.map((d) => d.id)).toContain(created.id)
    await payload.delete({ collection: 'services', id: c!.id })
    expect((await same()).docs.map((d) => d.id)).not.toContain(c!.id)
  })

  it('a record changed behind the CMS (its updatedAt kept) is missed by a changed read and seen by a whole one', async () => {
    const [a] = await published()
    const before = (await read(payload)).docs.find((d) => d.id === a!.id)!
    await payload.db.updateOne({ collection: 'services', id: a!.id, data: { name: 'Changed by a script', updatedAt: before.updatedAt } as never })
    expect((await read(payload)).docs.find((d) => d.id === a!.id)!.name).toBe(before.name)
    const whole = await read(payload, { whole: true })
    expect(whole).toMatchObject({ whole: 'a whole read was asked for' })
    expect(whole.docs).toEqual(await wholeRead())
    expect(whole.docs.find((d) => d.id === a!.id)!.name).toBe('Changed by a script')
    // And from there a changed read starts again from what the whole one read.
    expect(await same()).toMatchObject({ reread: 0 })
  })

  it('a draft saved over a published entry changes nothing visitors read', async () => {
    const [a] = await published()
    await payload.update({ collection: 'services', id: a!.id, draft: true, data: { name: 'An unreviewed draft name' } })
    const result = await same()
    expect(result.docs.map((d) => d.name)).not.toContain('An unreviewed draft name')
  })
})

describe('a read whose dependencies cannot be known', () => {
  it('reads everything every time, saying why (a strategy shows its priorities through a join)', async () => {
    const read = changedReader({ collection: 'strategies', depth: 1 })
    for (let i = 0; i < 2; i++) {
      const result = await read(payload)
      expect(result.whole).toMatch(/priorities \(a join the read computes\)/)
      expect(result.docs).toEqual(await wholeRead({ collection: 'strategies', depth: 1 }))
    }
  })
})
