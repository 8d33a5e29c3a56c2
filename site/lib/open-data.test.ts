import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { snapshotOf } from '../../cms/openreferral/query'
import type { Service } from '../../cms/payload-types'
import { KEEP_PIECES, openDataChunks, openDataStream } from './open-data'

const openDataBytes = (docs: Service[], digests?: (string | undefined)[]) => Buffer.concat([...openDataChunks(docs, digests)])
const keeping = (on: boolean) => Object.assign(globalThis, { [KEEP_PIECES]: on })

const org = { id: 7, uuid: '0b1f7a5e-2f7c-4a59-8f1e-0c6f3d2b9a11', name: 'Example Charity', type: 'charity' }
const service = (id: number, extra: Record<string, unknown> = {}) =>
  ({
    id,
    uuid: `5d4c3b2a-1f0e-4d9c-8b7a-6e5f4d3c2b${String(id).padStart(2, '0')}`,
    name: `Helpline ${id} “quoted” \\ and ünïcode`,
    description: 'Support for anyone affected by domestic abuse.\nA second line.',
    organisation: org,
    categories: ['domestic-abuse'],
    audiences: ['everyone'],
    areas: ['redbridge'],
    confirmed: { on: '2025-03-01T00:00:00.000Z' },
    updatedAt: '2026-01-02T03:04:05.000Z',
    contact: { phone: '020 7946 0000', email: 'help@example.org.uk', website: null, address: '1 High Street\nIlford\nIG1 1AA' },
    openingHours: 'Weekdays, mornings only.',
    ...extra,
  }) as unknown as Service

/** The snapshot written whole: the reference every text made from pieces must equal. */
const reference = (docs: Service[]) => Buffer.from(JSON.stringify(snapshotOf(docs)))

describe('the open-data file made from kept pieces (a warm renderer)', () => {
  beforeEach(() => keeping(true))
  afterEach(() => keeping(false))
  // A confidential location that still has an address is not publishable: the feed leaves it out.
  const hidden = service(3, { locationConfidential: true })

  it('is byte for byte the snapshot, for none, one and several services, with one left out', () => {
    for (const docs of [[], [service(1)], [service(1), service(2), hidden, service(4)], [hidden]]) {
      expect(openDataBytes(docs, docs.map((d) => `digest-${d.id}`))).toEqual(reference(docs))
      expect(openDataBytes(docs)).toEqual(reference(docs))
    }
  })

  it('maps again only a service whose digest changed, and lets go of one no longer read', () => {
    const docs = [service(1), service(2)]
    openDataBytes(docs, ['a', 'b'])
    // Same digests: the kept pieces are used (this changed name is not seen, which shows they were).
    const renamed = [service(1, { name: 'Renamed' }), service(2)]
    expect(openDataBytes(renamed, ['a', 'b'])).toEqual(reference(docs))
    // A new digest for the first: it is mapped again; the second is still its kept piece.
    expect(openDataBytes(renamed, ['a2', 'b'])).toEqual(reference(renamed))
    // Read without the first, then with it again under its old digest: it was let go, so mapped afresh.
    openDataBytes([service(2)], ['b'])
    expect(openDataBytes([service(1), service(2)], ['a2', 'b'])).toEqual(reference([service(1), service(2)]))
  })

  it('a service that becomes unpublishable under a new digest leaves the file', () => {
    const docs = [service(1), service(3)]
    expect(openDataBytes(docs, ['a', 'c'])).toEqual(reference(docs))
    const now = [service(1), hidden]
    expect(openDataBytes(now, ['a', 'c2'])).toEqual(reference(now))
    expect(openDataBytes(now, ['a', 'c2']).includes(hidden.uuid)).toBe(false)
  })
})

describe('the open-data file in a one-shot build', () => {
  it('is the same bytes, and keeps nothing: the same digest with a changed record is mapped afresh', () => {
    const docs = [service(1), service(2)]
    expect(openDataBytes(docs, ['a', 'b'])).toEqual(reference(docs))
    const renamed = [service(1, { name: 'Renamed' }), service(2)]
    expect(openDataBytes(renamed, ['a', 'b'])).toEqual(reference(renamed))
  })

  it('lets go of pieces a warm renderer kept, once it stops keeping', () => {
    keeping(true)
    openDataBytes([service(1)], ['a'])
    keeping(false)
    openDataBytes([service(1)], ['a'])
    keeping(true)
    try {
      // Nothing was kept by the one-shot call: the renamed record under the old digest is mapped.
      const renamed = [service(1, { name: 'Renamed' })]
      expect(openDataBytes(renamed, ['a'])).toEqual(reference(renamed))
    } finally {
      keeping(false)
    }
  })

  it('streams the same bytes as a Response body, one chunk per service between the page around them', async () => {
    const docs = [service(1), service(2), service(3, { locationConfidential: true }), service(4)]
    expect(Buffer.from(await new Response(openDataStream(docs, ['a', 'b', 'c', 'd'])).arrayBuffer())).toEqual(reference(docs))
    // head, three services with two commas between them, tail
    expect([...openDataChunks(docs)].length).toBe(1 + 3 + 2 + 1)
    expect(Buffer.from(await new Response(openDataStream([])).arrayBuffer())).toEqual(reference([]))
  })
})
