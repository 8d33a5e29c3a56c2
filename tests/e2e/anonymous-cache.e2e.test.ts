/**
 * The anonymous-read cache in front of the CMS's REST and Open Referral APIs (issue 19,
 * cms/cache/anonymous-cache.ts), over real HTTP: a repeated anonymous GET is a hit; a publish,
 * an unpublish and a delete are seen by the very next anonymous read; a request with a token or a
 * cookie never gets a cached answer and never leaves one for anonymous readers; errors are not kept.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { paragraph } from '../helpers/lexical'
import { restClient, type Session } from '../helpers/rest'

const cms = inject('cmsUrl')
const { call, admin } = restClient(cms)
const HEADER = 'x-anonymous-cache'
let staff: Session

const anonymous = async (route: string, init: RequestInit = {}) => {
  const response = await fetch(`${cms}${route}`, init)
  return { status: response.status, cache: response.headers.get(HEADER), headers: response.headers, text: await response.text() }
}
/**
 * Reads a route until the cache answers it: other e2e files write to the shared CMS meanwhile, and
 * every write empties the cache, so one repeat can miss. A route that never hits in 5 reads fails.
 */
const hit = async (route: string) => {
  let answer = await anonymous(route)
  for (let attempt = 0; attempt < 4 && answer.cache !== 'hit'; attempt++) answer = await anonymous(route)
  return answer
}
/** A query string no other test file asks, so the first read here is a miss whatever ran before. */
const fresh = () => `cachetest=${Math.random().toString(36).slice(2)}`

beforeAll(async () => {
  staff = await admin()
})

describe('anonymous reads', () => {
  it('are served from the cache the second time, with the same body and headers', async () => {
    for (const route of [`/api/services?limit=5&depth=1&${fresh()}`, `/api/openreferral/services?per_page=5&${fresh()}`]) {
      const first = await anonymous(route)
      const second = await hit(route)
      expect(first.status, route).toBe(200)
      expect([first.cache, second.cache], route).toEqual(['miss', 'hit'])
      expect(second.text, route).toBe(first.text)
      for (const name of ['content-type', 'x-content-type-options', 'x-frame-options', 'content-security-policy', 'referrer-policy', 'access-control-allow-origin'])
        expect(second.headers.get(name), `${route} ${name}`).toBe(first.headers.get(name))
    }
    // Open Referral's CORS header survives the cache.
    expect((await anonymous('/api/openreferral/services?per_page=5')).headers.get('access-control-allow-origin')).toBe('*')
  })

  it('see a publish, an unpublish and a delete at once', async () => {
    const marker = `Cachewren ${Math.random().toString(36).slice(2, 8)}`
    const route = `/api/news?limit=100&where[title][like]=Cachewren&${fresh()}`
    expect((await anonymous(route)).text).not.toContain(marker)
    expect((await hit(route)).cache).toBe('hit')

    const created = await call(staff, 'POST', '/news', { title: marker, date: '2026-01-01', summary: 's', body: paragraph('Body.'), _status: 'published' })
    expect(created.status).toBe(201)
    const id = created.json.doc.id
    const published = await anonymous(route)
    expect(published.cache).toBe('miss')
    expect(published.text).toContain(marker)
    expect((await anonymous(`/api/news/${id}`)).status).toBe(200)
    expect((await hit(`/api/news/${id}`)).cache).toBe('hit')

    const renamed = `${marker} renamed`
    expect((await call(staff, 'PATCH', `/news/${id}`, { title: renamed })).status).toBe(200)
    expect((await anonymous(route)).text).toContain(renamed)

    expect((await call(staff, 'PATCH', `/news/${id}`, { _status: 'draft' })).status).toBe(200)
    expect((await anonymous(route)).text).not.toContain(marker)
    expect((await anonymous(`/api/news/${id}`)).status).not.toBe(200)

    expect((await call(staff, 'PATCH', `/news/${id}`, { _status: 'published' })).status).toBe(200)
    expect((await anonymous(route)).text).toContain(marker)
    expect((await call(staff, 'DELETE', `/news/${id}`)).status).toBe(200)
    expect((await anonymous(route)).text).not.toContain(marker)
  })

  it('see a change to the site settings global at once', async () => {
    const before = await anonymous('/api/globals/site-settings')
    expect((await hit('/api/globals/site-settings')).cache).toBe('hit')
    const original = JSON.parse(before.text).emergencyMessage ?? ''
    const message = `Cache test ${Math.random().toString(36).slice(2, 8)}`
    expect((await call(staff, 'POST', '/globals/site-settings', { emergencyMessage: message })).status).toBe(200)
    try {
      expect((await anonymous('/api/globals/site-settings')).text).toContain(message)
    } finally {
      await call(staff, 'POST', '/globals/site-settings', { emergencyMessage: original })
    }
  })
})

describe('requests with credentials', () => {
  let draftId: number
  const marker = `Cachefinch draft ${Math.random().toString(36).slice(2, 8)}`
  beforeAll(async () => {
    const created = await call(staff, 'POST', '/news?draft=true', { title: marker, date: '2026-01-01', summary: 's', body: paragraph('Body.'), _status: 'draft' })
    expect(created.status).toBe(201)
    draftId = created.json.doc.id
  })
  afterAll(async () => {
    await call(staff, 'DELETE', `/news/${draftId}`)
  })

  it('are never answered from the cache nor stored in it, and drafts stay out of anonymous answers', async () => {
    const route = `/api/news?limit=100&where[title][like]=Cachefinch&${fresh()}`
    const asStaff: Record<string, string>[] = [{ Authorization: `JWT ${staff.token}` }, { Cookie: `payload-token=${staff.token}` }, { Cookie: 'something=else' }]
    // Anonymous first: cached without the draft; staff then see it, never the cached copy.
    expect((await anonymous(route)).text).not.toContain(marker)
    for (const headers of asStaff) {
      const seen = await anonymous(`${route}&draft=false`, { headers })
      expect(seen.cache, JSON.stringify(headers)).toBeNull()
      const own = await anonymous(route, { headers })
      expect(own.cache, JSON.stringify(headers)).toBeNull()
    }
    expect((await anonymous(`/api/news/${draftId}?draft=true`, { headers: asStaff[0] })).text).toContain(marker)
    // Signed in first, on a route anonymous readers have not asked: nothing is left for them.
    const second = `/api/news/${draftId}?${fresh()}`
    expect((await anonymous(second, { headers: asStaff[0] })).status).toBe(200)
    const after = await anonymous(second)
    expect(after.cache).toBe('miss')
    expect(after.status).not.toBe(200)
    expect(after.text).not.toContain(marker)
  })

  it('and user routes are never cached, even anonymously', async () => {
    for (const route of ['/api/users/me', '/api/users?limit=1', '/api/payload-preferences', '/api/access'])
      expect((await anonymous(route)).cache, route).toBeNull()
  })
})

describe('errors', () => {
  it('are not cached', async () => {
    for (const route of [`/api/openreferral/services/not-a-uuid?${fresh()}`, `/api/news/99999999?${fresh()}`, `/api/no-such-collection?${fresh()}`]) {
      const first = await anonymous(route)
      const second = await anonymous(route)
      expect(first.status, route).toBeGreaterThanOrEqual(400)
      expect([first.cache, second.cache], route).toEqual(['miss', 'miss'])
    }
  })
})
