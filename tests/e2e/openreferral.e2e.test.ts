/**
 * The Open Referral (HSDS 3.0) API of the running CMS over real HTTP. Every answer is checked
 * against the official schemas with Ajv: service_list.json for list entries, service.json for a
 * single service. Also paging edges, filters, bad parameters, CORS and drafts staying out.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { term } from '../../cms/openreferral/taxonomies'
import {
  problems,
  serviceAtLocationValidator,
  serviceListValidator,
  serviceValidator,
  taxonomyTermValidator,
  taxonomyValidator,
} from '../../cms/openreferral/validate'
import { DRAFT_MARKER } from '../helpers/drafts'
import { TEST_ADMIN } from '../helpers/env'

type Json = Record<string, any>
type Page = { total_items: number; total_pages: number; page_number: number; size: number; first_page: boolean; last_page: boolean; empty: boolean; contents: Json[] }

const cms = inject('cmsUrl')
const base = `${cms}/api/openreferral`
const get = (route: string, init?: RequestInit) => fetch(`${base}${route}`, init)
const getJson = async <T = Json>(route: string, status = 200, init?: RequestInit): Promise<T> => {
  const response = await get(route, init)
  expect(response.status, route).toBe(status)
  expect(response.headers.get('access-control-allow-origin'), route).toBe('*')
  expect(response.headers.get('content-type'), route).toMatch(/application\/json/)
  return (await response.json()) as T
}
const seededServices = readdirSync('content/services').length
/**
 * The seeded entries by name. Other e2e files running beside this one may publish entries of their
 * own for a moment, so lists against the running CMS must hold every seeded one rather than
 * exactly this many; the built snapshot is exact.
 */
const seededNames = readdirSync('content/services').map((file) => (JSON.parse(readFileSync(path.join('content/services', file), 'utf8')) as { name: string }).name)

const expectPage = (page: Page) => {
  for (const key of ['total_items', 'total_pages', 'page_number', 'size'] as const) expect(Number.isInteger(page[key]), key).toBe(true)
  for (const key of ['first_page', 'last_page', 'empty'] as const) expect(typeof page[key], key).toBe('boolean')
  expect(page.size).toBe(page.contents.length)
  expect(page.empty).toBe(page.contents.length === 0)
}
const expectValid = (validate: ReturnType<typeof serviceValidator>, value: Json, label: string) => expect(problems(validate, value), label).toBeUndefined()

/** Every list entry, page by page. */
async function allPages(route: string, perPage: number) {
  const entries: Json[] = []
  for (let n = 1; ; n++) {
    const page = await getJson<Page>(`${route}${route.includes('?') ? '&' : '?'}page=${n}&per_page=${perPage}`)
    expectPage(page)
    entries.push(...page.contents)
    if (page.last_page) return { entries, pages: n, total: page.total_items }
  }
}

describe('GET /api/openreferral', () => {
  it('says which version, profile and OpenAPI description it follows', async () => {
    const body = await getJson('')
    expect(body).toEqual({ version: '3.0', profile: expect.stringMatching(/^https:\/\//), openapi_url: expect.stringMatching(/^https:\/\/.*openapi\.json$/) })
  })

  it('answers a CORS preflight for any origin', async () => {
    const response = await get('/services', { method: 'OPTIONS', headers: { Origin: 'https://someone-else.example', 'Access-Control-Request-Method': 'GET' } })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
  })
})

describe('GET /services', () => {
  it('lists every published service, each valid against service_list.json', async () => {
    const page = await getJson<Page>('/services?per_page=100')
    expectPage(page)
    expect(page).toMatchObject({ total_pages: 1, page_number: 1, first_page: true, last_page: true, empty: false })
    expect(page.total_items).toBeGreaterThanOrEqual(seededServices)
    expect(page.contents.map((s) => s.name)).toEqual(expect.arrayContaining(seededNames))
    for (const s of page.contents) expectValid(serviceListValidator(), s, s.name)
    expect(new Set(page.contents.map((s) => s.id)).size).toBe(page.contents.length)
  })

  it('pages through the same services whatever the page size', async () => {
    const whole = await allPages('/services', 100)
    const small = await allPages('/services', 4)
    expect(small.pages).toBe(Math.ceil(whole.total / 4))
    expect(small.entries.map((s) => s.id)).toEqual(whole.entries.map((s) => s.id))
  })

  it('marks the last page, and answers an empty page beyond the end', async () => {
    const total = (await getJson<Page>('/services?per_page=1')).total_items
    const last = await getJson<Page>(`/services?per_page=5&page=${Math.ceil(total / 5)}`)
    expect(last).toMatchObject({ last_page: true, empty: false, first_page: total <= 5 })
    expect(last.size).toBe(total - 5 * (Math.ceil(total / 5) - 1))
    const beyond = await getJson<Page>(`/services?per_page=5&page=${Math.ceil(total / 5) + 1}`)
    expectPage(beyond)
    expect(beyond).toMatchObject({ total_items: total, empty: true, size: 0, contents: [], last_page: true, first_page: false })
    const most = await getJson<Page>('/services?per_page=100')
    expect(most.size).toBe(Math.min(total, 100))
  })

  it('searches names and descriptions', async () => {
    const all = (await getJson<Page>('/services?per_page=100')).contents
    const target = all.find((s) => /refuge/i.test(s.name)) ?? all[0]!
    const word = (target.name as string).split(/\s+/).find((w) => w.length > 4)!
    const found = await getJson<Page>(`/services?search=${encodeURIComponent(word)}&per_page=100`)
    expect(found.contents.map((s) => s.id)).toContain(target.id)
    for (const s of found.contents) expect(`${s.name} ${s.description}`.toLowerCase()).toContain(word.toLowerCase())
    expect((await getJson<Page>('/services?search=zzqqxxnothingmatches')).empty).toBe(true)
  })

  it('filters by taxonomy term, and the results carry that term', async () => {
    const domesticAbuse = term('categories', 'domestic-abuse').id
    const filtered = await getJson<Page>(`/services?taxonomy_term_id=${domesticAbuse}&per_page=100`)
    expect(filtered.total_items).toBeGreaterThan(0)
    expect(filtered.total_items).toBeLessThanOrEqual(seededServices)
    for (const entry of filtered.contents) {
      const full = await getJson(`/services/${entry.id}`)
      expect(full.attributes.map((a: Json) => a.taxonomy_term_id)).toContain(domesticAbuse)
    }
    // And nothing outside the filter carries it. Both lists are read at the same moment (other e2e
    // files add and remove entries on the shared CMS meanwhile), and again if one moved between them.
    const compare = async () => {
      const [all, again] = await Promise.all([
        getJson<Page>('/services?per_page=100&full=true'),
        getJson<Page>(`/services?taxonomy_term_id=${domesticAbuse}&per_page=100`),
      ])
      const carrying = all.contents.filter((s) => (s.attributes ?? []).some((a: Json) => a.taxonomy_term_id === domesticAbuse))
      return { carrying: carrying.map((s) => s.id).sort(), filtered: again.contents.map((s) => s.id).sort() }
    }
    let lists = await compare()
    for (let attempt = 0; attempt < 5 && lists.carrying.join() !== lists.filtered.join(); attempt++) lists = await compare()
    expect(lists.carrying).toEqual(lists.filtered)
  })

  it('filters by organisation', async () => {
    const all = (await getJson<Page>('/services?per_page=100')).contents
    const orgId = all[0]!.organization_id as string
    const filtered = await getJson<Page>(`/services?organization_id=${orgId}&per_page=100`)
    expect(filtered.total_items).toBe(all.filter((s) => s.organization_id === orgId).length)
  })

  it.each([
    ['page=0', /page must be a whole number of 1 or more/],
    ['page=-3', /page must be/],
    ['per_page=100000', /per_page must be a whole number from 1 to 100/],
    ['per_page=0', /per_page must be/],
    ['per_page=ten', /per_page must be/],
    ['taxonomy_term_id=not-a-uuid', /taxonomy_term_id must be a UUID/],
    ['taxonomy_term_id=00000000-0000-4000-8000-000000000000', /not a term of this directory/],
    ['organization_id=42', /organization_id must be a UUID/],
    ['modified_after=last-tuesday', /modified_after/],
  ])('answers 400 with a message for %s', async (query, message) => {
    const body = await getJson(`/services?${query}`, 400)
    expect(body.message).toMatch(message)
  })
})

describe('GET /services/{id}', () => {
  it('returns each service fully nested, valid against service.json', async () => {
    const { contents } = await getJson<Page>('/services?per_page=100')
    for (const entry of contents) {
      const full = await getJson(`/services/${entry.id}`)
      expectValid(serviceValidator(), full, entry.name)
      expect(full).toMatchObject({ id: entry.id, name: entry.name, status: 'active' })
      // An entry whose source names no provider has no organisation, and says so.
      if (entry.organization_id) expect(full.organization).toMatchObject({ id: entry.organization_id })
      else expect(full.attributes.map((a: { taxonomy_term: { code: string } }) => a.taxonomy_term.code)).toContain('provider-not-named')
      expect(full.attributes.length).toBeGreaterThan(0)
      expect(full.service_areas.length).toBeGreaterThan(0)
      expect(JSON.stringify(full)).not.toContain('null')
    }
  })

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await getJson('/services/00000000-0000-4000-8000-000000000000', 404)).message).toMatch(/No published service/)
    expect((await getJson('/services/123', 400)).message).toMatch(/must be a UUID/)
  })
})

describe('taxonomies and terms', () => {
  it('lists taxonomies and terms, each valid and fetchable by id', async () => {
    const taxonomies = await getJson<Page>('/taxonomies')
    expectPage(taxonomies)
    expect(taxonomies.total_items).toBeGreaterThanOrEqual(3)
    for (const t of taxonomies.contents) {
      expectValid(taxonomyValidator(), t, t.name)
      expect(await getJson(`/taxonomies/${t.id}`)).toEqual(t)
    }
    const terms = await allPages('/taxonomy_terms', 10)
    expect(terms.entries.length).toBeGreaterThan(20)
    for (const t of terms.entries) expectValid(taxonomyTermValidator(), t, t.name)
    const one = terms.entries[0]!
    expect(await getJson(`/taxonomy_terms/${one.id}`)).toMatchObject({ id: one.id, name: one.name, taxonomy_detail: { id: one.taxonomy_id } })
    const categories = taxonomies.contents.find((t) => /categor/i.test(t.name))!
    const ofCategories = await getJson<Page>(`/taxonomy_terms?taxonomy_id=${categories.id}&per_page=100`)
    expect(ofCategories.contents.every((t) => t.taxonomy_id === categories.id)).toBe(true)
    expect(ofCategories.contents.map((t) => t.code)).toContain('domestic-abuse')
  })

  it('answers 404 and 400 for unknown and malformed ids', async () => {
    await getJson('/taxonomies/00000000-0000-4000-8000-000000000000', 404)
    await getJson('/taxonomy_terms/00000000-0000-4000-8000-000000000000', 404)
    await getJson('/taxonomy_terms/domestic-abuse', 400)
    await getJson('/taxonomy_terms?taxonomy_id=nope', 400)
    await getJson('/nothing-here', 404)
  })
})

describe('GET /service_at_locations', () => {
  it('returns a page of valid service_at_location entries', async () => {
    const page = await getJson<Page>('/service_at_locations?per_page=100')
    expectPage(page)
    for (const sal of page.contents) expectValid(serviceAtLocationValidator(), sal, sal.id)
    await getJson('/service_at_locations?per_page=0', 400)
  })
})

describe('drafts', () => {
  const marker = 'Quokka openreferral draft'
  let token = ''
  let draft: { id: number; uuid: string } | undefined
  const asAdmin = () => ({ 'Content-Type': 'application/json', Authorization: `JWT ${token}` })

  beforeAll(async () => {
    const login = await fetch(`${cms}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(TEST_ADMIN) })
    token = ((await login.json()) as { token: string }).token
    const org = ((await (await fetch(`${cms}/api/organisations?limit=1&depth=0`)).json()) as { docs: { id: number }[] }).docs[0]!
    const created = await fetch(`${cms}/api/services?draft=true`, {
      method: 'POST',
      headers: asAdmin(),
      body: JSON.stringify({
        name: `${marker} service`, organisation: org.id, description: `${marker} description`, categories: ['domestic-abuse'],
        audiences: ['everyone'], areas: ['newham'], _status: 'draft',
      }),
    })
    expect(created.status).toBe(201)
    draft = ((await created.json()) as { doc: { id: number; uuid: string } }).doc
  })
  afterAll(async () => {
    if (draft) await fetch(`${cms}/api/services/${draft.id}`, { method: 'DELETE', headers: asAdmin() })
  })

  it('never appear, not even to a signed-in editor calling the feed', async () => {
    expect(draft?.uuid).toMatch(/^[0-9a-f-]{36}$/)
    for (const init of [undefined, { headers: asAdmin() }]) {
      expect((await getJson<Page>(`/services?search=${encodeURIComponent(marker)}`, 200, init)).total_items).toBe(0)
      await getJson(`/services/${draft!.uuid}`, 404, init)
      const all = await getJson<Page>('/services?per_page=100&full=true', 200, init)
      expect(JSON.stringify(all)).not.toContain(marker)
      expect(all.contents.map((s) => s.name)).toEqual(expect.arrayContaining(seededNames))
    }
  })
})

describe('the static snapshot in the built site', () => {
  it('is an HSDS page of every published service, each valid against service.json, without drafts', () => {
    const raw = readFileSync(path.join(inject('siteDir'), 'open-data', 'services.json'), 'utf8')
    expect(raw).not.toContain(DRAFT_MARKER)
    const feed = JSON.parse(raw) as Page
    expectPage(feed)
    expect(feed).toMatchObject({ total_items: seededServices, total_pages: 1, first_page: true, last_page: true })
    for (const s of feed.contents) expectValid(serviceValidator(), s, s.name)
  })
})
