import { describe, expect, it } from 'vitest'
import { BadRequest, MAX_PER_PAGE, page, pageOf, parseServiceQuery } from './params'
import { term } from './taxonomies'

const q = (query: string) => parseServiceQuery(new URLSearchParams(query))

describe('parseServiceQuery', () => {
  it('defaults to the first page of 50', () => {
    expect(q('')).toMatchObject({ page: 1, perPage: 50, full: false })
  })

  it.each(['page=0', 'page=-1', 'page=1.5', 'page=abc', 'per_page=0', `per_page=${MAX_PER_PAGE + 1}`, 'per_page=100000', 'format=xml', 'full=maybe'])(
    'rejects %s with a sentence',
    (query) => {
      expect(() => q(query)).toThrow(BadRequest)
    },
  )

  it('explains what is allowed', () => {
    expect(() => q('per_page=100000')).toThrow('per_page must be a whole number from 1 to 100; got "100000".')
  })

  it('checks ids are UUIDs and terms are ours', () => {
    expect(() => q('taxonomy_term_id=domestic-abuse')).toThrow(/must be a UUID/)
    expect(() => q('taxonomy_term_id=00000000-0000-4000-8000-000000000000')).toThrow(/not a term of this directory/)
    expect(q(`taxonomy_term_id=${term('categories', 'stalking').id}`).term).toEqual({ taxonomy: 'categories', code: 'stalking' })
    expect(() => q('organization_id=1')).toThrow(/organization_id must be a UUID/)
    expect(() => q('modified_after=yesterday')).toThrow(/modified_after/)
    expect(q('modified_after=2026-01-01').modifiedAfter?.toISOString()).toBe('2026-01-01T00:00:00.000Z')
  })
})

describe('page', () => {
  it('describes first, middle, last and beyond-the-end pages', () => {
    const items = [1, 2, 3, 4, 5]
    expect(pageOf(items, { page: 1, perPage: 2 })).toEqual({ total_items: 5, total_pages: 3, page_number: 1, size: 2, first_page: true, last_page: false, empty: false, contents: [1, 2] })
    expect(pageOf(items, { page: 3, perPage: 2 })).toMatchObject({ size: 1, first_page: false, last_page: true, contents: [5] })
    expect(pageOf(items, { page: 4, perPage: 2 })).toMatchObject({ size: 0, last_page: true, empty: true, contents: [] })
    expect(page([], 0, { page: 1, perPage: 10 })).toMatchObject({ total_pages: 0, first_page: true, last_page: true, empty: true })
  })
})
