import { describe, expect, it } from 'vitest'
import { keepRead, takeRead } from './build-reads'

describe('a loader read kept for a page of the same build', () => {
  it('is given once, to the very same query, and let go', () => {
    const docs = [{ id: 1 }, { id: 2 }]
    keepRead('services', { depth: 1, sort: ['name', 'id'] }, docs, ['d1', 'd2'])
    // Another depth, order or filter is another read: the page must read for itself.
    expect(takeRead('services', { depth: 2, sort: ['name', 'id'] })).toBeUndefined()
    expect(takeRead('services', { depth: 1, sort: ['id'] })).toBeUndefined()
    expect(takeRead('services', { depth: 1, sort: ['name', 'id'], where: { urgent: { equals: true } } })).toBeUndefined()
    expect(takeRead('news', { depth: 1, sort: ['name', 'id'] })).toBeUndefined()
    expect(takeRead('services', { depth: 1, sort: ['name', 'id'], joins: false })).toBeUndefined()
    expect(takeRead('services', { depth: 1, sort: ['name', 'id'] })).toEqual({ docs, digests: ['d1', 'd2'] })
    expect(takeRead('services', { depth: 1, sort: ['name', 'id'] })).toBeUndefined()
  })
})
