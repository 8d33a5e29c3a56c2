/**
 * The running CMS over real HTTP: the admin answers, the REST API serves only public content to
 * anonymous callers, and a bad save returns field-level errors and stores nothing.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { TEST_ADMIN } from '../helpers/env'

const cms = inject('cmsUrl')
const restrictedTitles = readdirSync('content/meetings').flatMap((file) =>
  (JSON.parse(readFileSync(path.join('content/meetings', file), 'utf8')).agenda as { title: string; classification: string }[])
    .filter((item) => item.classification !== 'public')
    .map((item) => item.title),
)

const api = (route: string, init: RequestInit = {}) => fetch(`${cms}/api${route}`, init)
let adminToken = ''
const asAdmin = (init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { 'Content-Type': 'application/json', Authorization: `JWT ${adminToken}`, ...(init.headers ?? {}) },
})

beforeAll(async () => {
  const response = await api('/users/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(TEST_ADMIN) })
  expect(response.status).toBe(200)
  adminToken = ((await response.json()) as { token: string }).token
})

describe('the CMS admin', () => {
  it('serves the Payload admin login page', async () => {
    const response = await fetch(`${cms}/admin/login`)
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/<html[\s\S]*payload/i)
  })

  it('has GraphQL switched off', async () => {
    const response = await api('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"query":"{ __typename }"}' })
    expect(response.status).toBe(404)
  })
})

describe('anonymous REST reads', () => {
  it('lists published directory entries', async () => {
    const response = await api('/services?limit=100&depth=0')
    expect(response.status).toBe(200)
    const body = (await response.json()) as { totalDocs: number; docs: { _status: string; slug: string }[] }
    // Every seeded entry; other e2e files running alongside may have published one of their own for a moment.
    expect(body.docs.map((d) => d.slug)).toEqual(expect.arrayContaining(readdirSync('content/services').map((file) => file.replace(/\.json$/, ''))))
    expect(body.docs.every((d) => d._status === 'published')).toBe(true)
  })

  it('returns public agenda items only, even when asked for the others', async () => {
    expect(restrictedTitles.length).toBeGreaterThan(0)
    const all = (await (await api('/agenda-items?limit=200&depth=0')).json()) as { docs: { title: string; classification: string }[] }
    expect(all.docs.length).toBeGreaterThan(0)
    expect(all.docs.every((d) => d.classification === 'public')).toBe(true)
    const asked = (await (await api('/agenda-items?where[classification][not_equals]=public&depth=0')).json()) as { totalDocs: number }
    expect(asked.totalDocs).toBe(0)
    // The meeting's agenda join obeys the agenda items' own read access.
    const meetings = (await (await api('/meetings?depth=1&joins[agenda][limit]=100')).json()) as {
      docs: { agenda: { docs: { classification: string }[] } }[]
    }
    const joined = meetings.docs.flatMap((m) => m.agenda.docs)
    expect(joined.length).toBe(all.docs.length)
    expect(joined.every((item) => item.classification === 'public')).toBe(true)
  })

  it('does not let an anonymous caller read a restricted item by id, or list users', async () => {
    const staffList = (await (await api('/agenda-items?where[classification][not_equals]=public&depth=0', asAdmin())).json()) as {
      docs: { id: number; title: string }[]
    }
    expect(staffList.docs.map((d) => d.title).sort()).toEqual([...restrictedTitles].sort())
    const byId = await api(`/agenda-items/${staffList.docs[0]!.id}`)
    expect([403, 404]).toContain(byId.status)
    expect(await byId.text()).not.toContain(staffList.docs[0]!.title)
    expect((await api('/users')).status).toBe(403)
  })

  it('ignores draft=true from anonymous callers', async () => {
    const created = await api('/news?draft=true', asAdmin({
      method: 'POST',
      body: JSON.stringify({ title: 'Embargoed draft story', date: '2026-01-01', summary: 's', body: null, _status: 'draft' }),
    }))
    expect(created.status).toBe(201)
    const anonymous = await (await api('/news?draft=true&limit=100')).text()
    expect(anonymous).not.toContain('Embargoed draft story')
  })
})

describe('bad input over REST', () => {
  it('returns 400 with field-level errors and stores nothing', async () => {
    const before = ((await (await api('/organisations?limit=0')).json()) as { totalDocs: number }).totalDocs
    const response = await api('/organisations', asAdmin({ method: 'POST', body: JSON.stringify({ name: '', type: 'spaceship', website: 'ftp://x' }) }))
    expect(response.status).toBe(400)
    const body = (await response.json()) as { errors: { data: { errors: { path: string; message: string }[] } }[] }
    const paths = body.errors[0]!.data.errors.map((e) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['name', 'type', 'website']))
    const after = ((await (await api('/organisations?limit=0')).json()) as { totalDocs: number }).totalDocs
    expect(after).toBe(before)
  })

  it('refuses writes from anonymous callers', async () => {
    const response = await api('/organisations', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Intruder', type: 'charity' }) })
    expect(response.status).toBe(403)
  })
})
