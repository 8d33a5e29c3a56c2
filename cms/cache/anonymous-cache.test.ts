import { beforeEach, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { anonymousCacheKey, cacheState, dropAnonymousCache, LIMITS, lookup, storable, store } from './anonymous-cache'
import { dropCacheOnWrites } from './drop-on-write'

const answer = (text = '{"docs":[]}') => ({ status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(text), storedAt: Date.now() })

beforeEach(() => dropAnonymousCache())

describe('which requests may use the cache', () => {
  it('only anonymous GETs of the API, keyed by origin, encoding and the full URL', () => {
    expect(anonymousCacheKey('GET', '/api/services?limit=10&page=2', {})).toBe('\n\n/api/services?limit=10&page=2')
    expect(anonymousCacheKey('GET', '/api/services?page=2', { origin: 'https://a.example', 'accept-encoding': 'gzip' })).toBe('https://a.example\ngzip\n/api/services?page=2')
    for (const method of ['POST', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']) expect(anonymousCacheKey(method, '/api/services', {})).toBeUndefined()
    expect(anonymousCacheKey('GET', '/admin', {})).toBeUndefined()
  })
  it('never with any credentials: a cookie of any name, an Authorization header', () => {
    expect(anonymousCacheKey('GET', '/api/services', { cookie: 'payload-token=x' })).toBeUndefined()
    expect(anonymousCacheKey('GET', '/api/services', { cookie: 'other=1' })).toBeUndefined()
    expect(anonymousCacheKey('GET', '/api/services', { authorization: 'JWT x' })).toBeUndefined()
    expect(anonymousCacheKey('GET', '/api/services', { authorization: '' })).toBeUndefined()
  })
  it('never for accounts, Payload internals, sign-in routes, previews or drafts', () => {
    for (const url of ['/api/users', '/api/users/me', '/api/users?limit=1', '/api/payload-jobs', '/api/payload-preferences/x', '/api/access', '/api/preview-links', '/api/services/me', '/api/news?draft=true', '/api/news/1?draft=false'])
      expect(anonymousCacheKey('GET', url, {}), url).toBeUndefined()
    expect(anonymousCacheKey('GET', '/api/user-guides', {})).toBeDefined()
  })
})

describe('what is stored', () => {
  it('200s only, without cookies or no-store', () => {
    expect(storable(200, {}, 10)).toBe(true)
    expect(storable(404, {}, 10)).toBe(false)
    expect(storable(500, {}, 10)).toBe(false)
    expect(storable(200, { 'set-cookie': 'a=b' }, 10)).toBe(false)
    expect(storable(200, { 'cache-control': 'no-store' }, 10)).toBe(false)
    expect(storable(200, { 'cache-control': 'private, max-age=0' }, 10)).toBe(false)
    expect(storable(200, {}, LIMITS.entryBytes + 1)).toBe(false)
  })
  it('not when a write dropped the cache while the request ran', () => {
    const generation = cacheState().generation
    dropAnonymousCache()
    expect(store('k', generation, answer())).toBe(false)
    expect(lookup('k')).toBeUndefined()
    expect(store('k', cacheState().generation, answer())).toBe(true)
    expect(lookup('k')?.body.toString()).toBe('{"docs":[]}')
  })
  it('least recently used goes first when full; old answers expire', () => {
    const entries = LIMITS.entries
    LIMITS.entries = 2
    try {
      const g = cacheState().generation
      store('a', g, answer())
      store('b', g, answer())
      lookup('a')
      store('c', g, answer())
      expect([...cacheState().entries.keys()]).toEqual(['a', 'c'])
      expect(lookup('a', Date.now() + LIMITS.maxAgeMs + 1)).toBeUndefined()
    } finally {
      LIMITS.entries = entries
    }
  })
})

describe('dropping on writes', () => {
  const fakeDb = () => {
    const commits: unknown[] = []
    const db = {
      updateOne: async (_args: unknown) => ({}),
      create: async (_args: unknown) => ({}),
      updateJobs: async (_args: unknown) => ({}),
      commitTransaction: async (id: unknown) => void commits.push(id),
      rollbackTransaction: async () => {},
    }
    dropCacheOnWrites(db as unknown as Payload['db'])
    return db
  }
  const filled = () => {
    store('k', cacheState().generation, answer())
    expect(cacheState().entries.size).toBe(1)
  }
  it('drops on a write, and again when the write’s transaction commits', async () => {
    const db = fakeDb()
    filled()
    await db.updateOne({ collection: 'services', req: { transactionID: Promise.resolve(7) } } as never)
    expect(cacheState().entries.size).toBe(0)
    // A reader between the write and the commit cached the old answer: the commit drops it.
    filled()
    await db.commitTransaction(Promise.resolve(7))
    expect(cacheState().entries.size).toBe(0)
    // A commit with no content write in it leaves the cache alone.
    filled()
    await db.commitTransaction(8)
    expect(cacheState().entries.size).toBe(1)
  })
  it('not for Payload’s bookkeeping (locks, preferences)', async () => {
    const db = fakeDb()
    filled()
    await db.create({ collection: 'payload-locked-documents' } as never)
    await db.updateJobs({} as never)
    expect(cacheState().entries.size).toBe(1)
    await db.create({ collection: 'news' } as never)
    expect(cacheState().entries.size).toBe(0)
  })
})
