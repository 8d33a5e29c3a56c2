/**
 * One record can never freeze the public site (issue 12): the CMS refuses, with a message on the
 * field, to publish a record whose relations are not public, and to unpublish or delete a record
 * that live records use. Drafts are never blocked: a partner's or an editor's draft saves as before.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paragraph } from '../helpers/lexical'
import { fieldErrors } from '../helpers/field-errors'
import { throwawayPayload } from '../helpers/payload'

let payload: Payload
const create = (args: Record<string, unknown>) => payload.create(args as never) as unknown as Promise<{ id: number; [key: string]: unknown }>
const update = (args: Record<string, unknown>) => payload.update(args as never) as unknown as Promise<{ id: number; [key: string]: unknown }>


const service = (organisation: number, name: string) => ({
  name, organisation, description: 'd', categories: ['housing'], audiences: ['everyone'], areas: ['newham'], _status: 'published',
})

let draftOrg: { id: number }
let liveOrg: { id: number }

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('consistency'))
  draftOrg = await create({ collection: 'organisations', data: { name: 'Not Yet Public Trust', type: 'charity', _status: 'draft' }, draft: true })
  liveOrg = await create({ collection: 'organisations', data: { name: 'Open Doors Project', type: 'charity', _status: 'published' } })
})
afterAll(async () => {
  await payload?.destroy()
})

describe('publishing needs public relations', () => {
  it('refuses to publish a directory entry whose organisation is a draft, on the organisation field', async () => {
    const before = (await payload.count({ collection: 'services' })).totalDocs
    const errors = await fieldErrors(() => create({ collection: 'services', data: service(draftOrg.id, 'Advice line') }))
    expect(errors.organisation).toMatch(/“Not Yet Public Trust” is not published, so this directory entry cannot be published with it\. Publish the organisation first/)
    expect((await payload.count({ collection: 'services' })).totalDocs).toBe(before)
  })

  it('shows that error beside the entry’s other field errors', async () => {
    const errors = await fieldErrors(() => create({ collection: 'services', data: { ...service(draftOrg.id, ''), categories: ['knitting'] } }))
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(['name', 'categories', 'organisation']))
  })

  it('lets the same entry be saved as a draft, and published once its organisation is', async () => {
    const draft = await create({ collection: 'services', data: { ...service(draftOrg.id, 'Drop-in'), _status: 'draft' }, draft: true })
    await update({ collection: 'organisations', id: draftOrg.id, data: { _status: 'published' } })
    const live = await update({ collection: 'services', id: draft.id, data: { _status: 'published' } })
    expect(live._status).toBe('published')
    // Put things back for the tests below: the entry goes, the organisation is a draft again.
    await payload.delete({ collection: 'services', id: draft.id })
    await update({ collection: 'organisations', id: draftOrg.id, data: { _status: 'draft' } })
  })

  it('asks once per request while nothing is written, and again after a write', async () => {
    const { createLocalReq, initTransaction, killTransaction } = await import('payload')
    const field = payload.collections.services.config.fields.find((f) => 'name' in f && f.name === 'organisation') as { validate: (value: unknown, options: Record<string, unknown>) => Promise<unknown> }
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    const check = () => field.validate(draftOrg.id, { ...field, req, data: { _status: 'published' }, siblingData: {}, event: 'submit', collectionSlug: 'services', operation: 'create' })
    const finds: unknown[] = []
    const find = payload.find.bind(payload)
    payload.find = ((args: { collection: string }) => (finds.push(args.collection), find(args as never))) as typeof payload.find
    try {
      expect(await check()).toMatch(/is not published/)
      expect(await check()).toMatch(/is not published/)
      const asked = finds.filter((c) => c === 'organisations').length
      expect(asked).toBe(1)
      // Published in the same transaction: the next check sees it.
      await payload.update({ collection: 'organisations', id: draftOrg.id, data: { _status: 'published' } as never, req })
      expect(await check()).toBe(true)
    } finally {
      payload.find = find
      await killTransaction(req)
    }
    expect((await payload.findByID({ collection: 'organisations', id: draftOrg.id }))._status).toBe('draft')
  })

  it('keeps what it notes per document in one place, so many writes in one request stay linear', async () => {
    // Payload copies every key of req.context for each Local API call made with the request; a key
    // per written document made a seed over 10,000 existing entries copy a 10,000-key object per
    // write (about 5 minutes and 4.8 GB). Drafts, publishes and an unpublish, all in one request:
    const { createLocalReq, initTransaction, killTransaction } = await import('payload')
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    try {
      const keysBefore = Object.keys(req.context).length
      for (let i = 0; i < 12; i++) {
        const entry = await create({ collection: 'services', data: service(liveOrg.id, `Linear ${i}`), req })
        await update({ collection: 'services', id: entry.id, data: { name: `Linear ${i} (draft)` }, draft: true, req })
        await update({ collection: 'services', id: entry.id, data: { name: `Linear ${i} (live)`, _status: 'published' }, req })
        await update({ collection: 'services', id: entry.id, data: { _status: 'draft' }, req })
      }
      expect(Object.keys(req.context).length - keysBefore).toBeLessThanOrEqual(4)
    } finally {
      await killTransaction(req)
    }
  })

  it('checks relations inside arrays too: a partnership’s member organisations', async () => {
    const errors = await fieldErrors(() =>
      create({ collection: 'partnerships', data: { name: 'Test partnership', area: 'newham', summary: 's', members: [{ organisation: liveOrg.id }, { organisation: draftOrg.id }] } }),
    )
    expect(Object.keys(errors)).toEqual(['members.1.organisation'])
  })
})

describe('what live records use cannot be unpublished or deleted', () => {
  it('refuses to unpublish an organisation with live entries, naming them, and changes nothing', async () => {
    const a = await create({ collection: 'services', data: service(liveOrg.id, 'Helpline A') })
    const b = await create({ collection: 'services', data: service(liveOrg.id, 'Helpline B') })
    const errors = await fieldErrors(() => update({ collection: 'organisations', id: liveOrg.id, data: { _status: 'draft' } }))
    expect(errors._status).toMatch(/cannot be unpublished: 2 live directory entries use this organisation: “Helpline (A|B)”, “Helpline (A|B)”\. Unpublish them or move them to another organisation first\./)
    expect((await payload.findByID({ collection: 'organisations', id: liveOrg.id }))._status).toBe('published')

    const refused = await fieldErrors(() => payload.delete({ collection: 'organisations', id: liveOrg.id }))
    expect(refused.id).toMatch(/cannot be deleted: 2 live directory entries use this organisation/)
    expect(await payload.findByID({ collection: 'organisations', id: liveOrg.id, disableErrors: true })).not.toBeNull()

    // A draft saved over the live profile is fine: the live one stays.
    expect((await update({ collection: 'organisations', id: liveOrg.id, data: { description: 'New words', _status: 'draft' }, draft: true })).description).toBe('New words')
    // Once the entries are unpublished, so can the organisation be.
    for (const s of [a, b]) await update({ collection: 'services', id: s.id, data: { _status: 'draft' } })
    expect((await update({ collection: 'organisations', id: liveOrg.id, data: { _status: 'draft' } }))._status).toBe('draft')
    await update({ collection: 'organisations', id: liveOrg.id, data: { _status: 'published' } })
  })

  it('refuses to unpublish a strategy whose priorities are live', async () => {
    const partnership = await create({ collection: 'partnerships', data: { name: 'Strategy test', area: 'newham', summary: 's' } })
    const strategy = await create({ collection: 'strategies', data: { title: 'Safer streets', partnership: partnership.id, periodStart: 2024, periodEnd: 2026, status: 'adopted', summary: 's', _status: 'published' } })
    await create({ collection: 'priorities', data: { title: 'Fewer burglaries', strategy: strategy.id, order: 1, goal: 'g', _status: 'published' } })
    const errors = await fieldErrors(() => update({ collection: 'strategies', id: strategy.id, data: { _status: 'draft' } }))
    expect(errors._status).toMatch(/1 live priority uses this strategy: “Fewer burglaries”/)
    await create({ collection: 'news', data: { title: 'Partnership news', date: '2026-01-01', summary: 's', body: paragraph('Body.'), partnerships: [partnership.id], _status: 'published' } })
    const gone = await fieldErrors(() => payload.delete({ collection: 'partnerships', id: partnership.id }))
    expect(gone.id).toMatch(/1 live strategy uses this partnership: “Safer streets”; 1 live news story uses this partnership: “Partnership news”/)
  })
})
