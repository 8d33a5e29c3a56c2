/**
 * The access matrix over real HTTP against a running CMS: every role × collection × operation
 * (read, create, update, delete, publish), with the partner-owns-only rules, the review workflow,
 * self-promotion, user listing, restricted agenda items and login lockout. A forbidden operation
 * must answer 403 (or 404) and change nothing.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { paragraph } from '../helpers/lexical'
import { PASSWORD, restClient, type Session } from '../helpers/rest'

const cms = inject('cmsUrl')
const { call, login, admin } = restClient(cms)
const anonymous: Session = {}
const sessions: Record<'anonymous' | 'partner' | 'editor' | 'admin', Session> = { anonymous, partner: {}, editor: {}, admin: {} }
let otherPartner: Session
let ownOrg: { id: number; slug: string }
let otherOrg: { id: number }
let ownService: { id: number; name: string }
let otherService: { id: number; name: string }
const stamp = Date.now()

const denied = (status: number) => status === 403 || status === 404 || status === 401

beforeAll(async () => {
  sessions.admin = await admin()
  const orgs = (await call(sessions.admin, 'GET', '/organisations?limit=100&depth=0')).json.docs as { id: number; slug: string }[]
  ownOrg = orgs.find((o) => o.slug === 'refuge')!
  otherOrg = orgs.find((o) => o.slug === 'cranstoun')!
  const services = (await call(sessions.admin, 'GET', '/services?limit=100&depth=0')).json.docs as { id: number; name: string; organisation: number }[]
  ownService = services.find((s) => s.organisation === ownOrg.id)!
  otherService = services.find((s) => s.organisation === otherOrg.id)!
  expect(ownService && otherService).toBeTruthy()
  const make = async (role: string, email: string, organisation?: number) => {
    const { status, json } = await call(sessions.admin, 'POST', '/users', { name: role, email, password: PASSWORD, role, organisation })
    expect(status, JSON.stringify(json)).toBe(201)
    return login(email, PASSWORD)
  }
  sessions.editor = await make('editor', `editor-${stamp}@example.org`)
  sessions.partner = await make('partner', `partner-${stamp}@example.org`, ownOrg.id)
  otherPartner = await make('partner', `other-partner-${stamp}@example.org`, otherOrg.id)
})


/** Minimal valid documents, so a refusal is about access and not validation. */
const newDoc = (collection: string): Record<string, unknown> => {
  const n = `${collection}-${Math.random().toString(36).slice(2, 8)}`
  switch (collection) {
    case 'partnerships': return { name: `Test ${n}`, area: 'newham', summary: 'Test.' }
    case 'organisations': return { name: `Test ${n}`, type: 'charity', _status: 'published' }
    case 'strategies': return { title: `Test ${n}`, partnership: 1, periodStart: 2024, periodEnd: 2026, status: 'draft', summary: 's', _status: 'published' }
    case 'priorities': return { title: `Test ${n}`, strategy: 1, order: 99, goal: 'g', _status: 'published' }
    case 'services': return { name: `Test ${n}`, organisation: ownOrg.id, description: 'd', categories: ['housing'], audiences: ['everyone'], areas: ['newham'], _status: 'published' }
    case 'news': return { title: `Test ${n}`, date: '2026-01-01', summary: 's', body: paragraph('Body.'), _status: 'published' }
    case 'meetings': return { title: `Test ${n}`, partnership: 1, board: 'Board', date: '2026-01-01', _status: 'published' }
    case 'agenda-items': return { meeting: 1, number: '99', position: 99, title: `Test ${n}`, classification: 'public' }
    default: throw new Error(collection)
  }
}

const CONTENT = ['partnerships', 'organisations', 'strategies', 'priorities', 'news', 'meetings', 'agenda-items'] as const
const titleField = (collection: string) => (['partnerships', 'organisations', 'services'].includes(collection) ? 'name' : 'title')

describe('editorial content (everything but directory entries, users and settings)', () => {
  for (const collection of CONTENT) {
    describe(collection, () => {
      it('anyone reads; only the comms team writes', async () => {
        for (const role of ['anonymous', 'partner', 'editor', 'admin'] as const)
          expect((await call(sessions[role], 'GET', `/${collection}?limit=1`)).status, `${role} read`).toBe(200)

        for (const role of ['anonymous', 'partner'] as const) {
          const before = (await call(sessions.admin, 'GET', `/${collection}?limit=0&draft=true`)).json.totalDocs
          const { status } = await call(sessions[role], 'POST', `/${collection}`, newDoc(collection))
          expect(denied(status), `${role} create → ${status}`).toBe(true)
          expect((await call(sessions.admin, 'GET', `/${collection}?limit=0&draft=true`)).json.totalDocs, `${role} create changed nothing`).toBe(before)
        }

        for (const role of ['editor', 'admin'] as const) {
          const created = await call(sessions[role], 'POST', `/${collection}`, newDoc(collection))
          expect(created.status, `${role} create ${JSON.stringify(created.json)}`).toBe(201)
          const id = created.json.doc.id
          const field = titleField(collection)
          for (const other of ['anonymous', 'partner'] as const) {
            if (collection === 'organisations' && other === 'partner') continue // partners edit their own profile: below
            const update = await call(sessions[other], 'PATCH', `/${collection}/${id}`, { [field]: 'Hijacked' })
            expect(denied(update.status), `${other} update → ${update.status}`).toBe(true)
            const remove = await call(sessions[other], 'DELETE', `/${collection}/${id}`)
            expect(denied(remove.status), `${other} delete → ${remove.status}`).toBe(true)
          }
          const still = await call(sessions.admin, 'GET', `/${collection}/${id}?draft=true`)
          expect(still.json[field]).not.toBe('Hijacked')
          expect((await call(sessions[role], 'PATCH', `/${collection}/${id}`, { [field]: `Renamed by ${role}` })).status).toBe(200)
          expect((await call(sessions[role], 'DELETE', `/${collection}/${id}`)).status, `${role} delete`).toBe(200)
        }
      })
    })
  }

  it('editors publish and unpublish; the public stops seeing an unpublished story', async () => {
    const created = await call(sessions.editor, 'POST', '/news', newDoc('news'))
    const id = created.json.doc.id
    expect((await call(anonymous, 'GET', `/news/${id}`)).status).toBe(200)
    expect((await call(sessions.editor, 'PATCH', `/news/${id}`, { _status: 'draft' })).status).toBe(200)
    expect(denied((await call(anonymous, 'GET', `/news/${id}`)).status)).toBe(true)
    await call(sessions.editor, 'DELETE', `/news/${id}`)
  })
})

describe('directory entries (services)', () => {
  it('everyone reads published entries; nobody outside the comms team deletes', async () => {
    for (const role of ['anonymous', 'partner', 'editor', 'admin'] as const)
      expect((await call(sessions[role], 'GET', `/services/${ownService.id}`)).status, role).toBe(200)
    for (const role of ['anonymous', 'partner'] as const)
      expect(denied((await call(sessions[role], 'DELETE', `/services/${ownService.id}`)).status), role).toBe(true)
    expect((await call(anonymous, 'GET', `/services/${ownService.id}`)).status).toBe(200)
  })

  it('a partner edits only their own organisation’s entries, and their save waits for review', async () => {
    const live = (await call(anonymous, 'GET', `/services/${ownService.id}`)).json
    const save = await call(sessions.partner, 'PATCH', `/services/${ownService.id}`, { description: `Updated by the partner ${stamp}`, _status: 'published' })
    expect(save.status, JSON.stringify(save.json)).toBe(200)
    // The public still sees the approved version …
    expect((await call(anonymous, 'GET', `/services/${ownService.id}`)).json.description).toBe(live.description)
    // … the partner sees their pending draft …
    const draft = (await call(sessions.partner, 'GET', `/services/${ownService.id}?draft=true`)).json
    expect(draft.description).toBe(`Updated by the partner ${stamp}`)
    expect(draft._status).toBe('draft')
    expect(draft.review.state).toBe('pending')
    // … and the editors' queue lists it.
    const queue = (await call(sessions.editor, 'GET', `/services?draft=true&where[review.state][equals]=pending&depth=0`)).json.docs as { id: number }[]
    expect(queue.map((d) => d.id)).toContain(ownService.id)
    // The admin pages say the same to each side.
    const page = async (session: Session) =>
      // A browser navigation: the session cookie plus the Sec-Fetch-Site header Payload's CSRF check expects.
      (await fetch(`${cms}/admin/review`, { headers: { Cookie: `payload-token=${session.token}`, 'Sec-Fetch-Site': 'none' } })).text()
    const editorPage = await page(sessions.editor)
    expect(editorPage).toContain('Review queue')
    expect(editorPage).toContain(ownService.name)
    expect(editorPage).toContain(`/admin/collections/services/${ownService.id}/versions`)
    const partnerPage = await page(sessions.partner)
    expect(partnerPage).toContain('Your directory entries')
    expect(partnerPage).toContain('Awaiting review')
    expect(partnerPage).not.toContain(otherService.name)

    const other = await call(sessions.partner, 'PATCH', `/services/${otherService.id}`, { description: 'Not yours' })
    expect(denied(other.status), `other org update → ${other.status}`).toBe(true)
    expect((await call(sessions.admin, 'GET', `/services/${otherService.id}?draft=true`)).json.description).not.toBe('Not yours')
  })

  it('an editor requests changes with a note the partner sees, then publishes', async () => {
    const reject = await call(sessions.editor, 'PATCH', `/services/${ownService.id}?draft=true`, {
      review: { state: 'changes-requested', note: 'Please add who the service is for.' },
      _status: 'draft',
    })
    expect(reject.status, JSON.stringify(reject.json)).toBe(200)
    const seen = (await call(sessions.partner, 'GET', `/services/${ownService.id}?draft=true`)).json
    expect(seen.review).toMatchObject({ state: 'changes-requested', note: 'Please add who the service is for.' })

    const publish = await call(sessions.editor, 'PATCH', `/services/${ownService.id}`, { _status: 'published' })
    expect(publish.status).toBe(200)
    const live = (await call(anonymous, 'GET', `/services/${ownService.id}`)).json
    expect(live.description).toBe(`Updated by the partner ${stamp}`)
    // The review trail is internal: staff (and the owning partner) read it, the public never does.
    expect(live).not.toHaveProperty('review')
    expect((await call(sessions.editor, 'GET', `/services/${ownService.id}`)).json.review.state).toBe('approved')
  })

  it('a partner cannot create an entry for another organisation or move one there', async () => {
    const before = (await call(sessions.admin, 'GET', '/services?limit=0&draft=true')).json.totalDocs
    const foreign = await call(sessions.partner, 'POST', '/services', { ...newDoc('services'), organisation: otherOrg.id })
    expect(foreign.status).toBe(403)
    expect((await call(sessions.admin, 'GET', '/services?limit=0&draft=true')).json.totalDocs).toBe(before)
    const move = await call(sessions.partner, 'PATCH', `/services/${ownService.id}`, { organisation: otherOrg.id })
    expect(move.status).toBe(403)
    const owner = (await call(sessions.admin, 'GET', `/services/${ownService.id}?draft=true&depth=0`)).json.organisation
    expect(owner).toBe(ownOrg.id)
  })

  it('a partner’s new entry is a draft awaiting review, invisible to the public', async () => {
    const created = await call(sessions.partner, 'POST', '/services', newDoc('services'))
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    expect(created.json.doc._status).toBe('draft')
    expect(created.json.doc.review.state).toBe('pending')
    expect(denied((await call(anonymous, 'GET', `/services/${created.json.doc.id}`)).status)).toBe(true)
    expect(denied((await call(otherPartner, 'GET', `/services/${created.json.doc.id}?draft=true`)).status)).toBe(true)
    expect((await call(sessions.editor, 'DELETE', `/services/${created.json.doc.id}`)).status).toBe(200)
  })

  it('a partner keeps their own organisation profile, not another’s', async () => {
    expect((await call(sessions.partner, 'PATCH', `/organisations/${ownOrg.id}`, { description: `Profile ${stamp}` })).status).toBe(200)
    const other = await call(sessions.partner, 'PATCH', `/organisations/${otherOrg.id}`, { description: 'Not yours' })
    expect(denied(other.status)).toBe(true)
    expect((await call(sessions.partner, 'DELETE', `/organisations/${ownOrg.id}`)).status).toBe(403)
  })
})

describe('users', () => {
  it('partners and the public cannot list users; staff can', async () => {
    expect((await call(anonymous, 'GET', '/users')).status).toBe(403)
    const partnerView = (await call(sessions.partner, 'GET', '/users?limit=100')).json
    expect(partnerView.docs.map((u: { email: string }) => u.email)).toEqual([sessions.partner.email])
    expect((await call(sessions.editor, 'GET', '/users?limit=100')).json.totalDocs).toBeGreaterThanOrEqual(4)
  })

  it('nobody changes their own role or organisation', async () => {
    for (const role of ['partner', 'editor'] as const) {
      const promote = await call(sessions[role], 'PATCH', `/users/${sessions[role].id}`, { role: 'admin' })
      expect(promote.status, role).toBe(403)
    }
    expect((await call(sessions.partner, 'PATCH', `/users/${sessions.partner.id}`, { organisation: otherOrg.id })).status).toBe(403)
    const adminSelf = await call(sessions.admin, 'PATCH', `/users/${sessions.admin.id}`, { role: 'editor' })
    expect(adminSelf.status).toBe(403)
    const me = (await call(sessions.partner, 'GET', '/users/me')).json.user
    expect(me).toMatchObject({ role: 'partner', organisation: expect.objectContaining({ id: ownOrg.id }) })
  })

  it('editors add partners but cannot create or promote admins; partners add nobody', async () => {
    const partner = await call(sessions.editor, 'POST', '/users', { name: 'p', email: `p2-${stamp}@example.org`, password: PASSWORD, role: 'partner', organisation: ownOrg.id })
    expect(partner.status).toBe(201)
    expect((await call(sessions.editor, 'POST', '/users', { name: 'a', email: `a2-${stamp}@example.org`, password: PASSWORD, role: 'admin' })).status).toBe(403)
    expect((await call(sessions.editor, 'PATCH', `/users/${partner.json.doc.id}`, { role: 'admin' })).status).toBe(403)
    expect((await call(sessions.partner, 'POST', '/users', { name: 'x', email: `x-${stamp}@example.org`, password: PASSWORD, role: 'partner', organisation: ownOrg.id })).status).toBe(403)
    expect((await call(sessions.editor, 'DELETE', `/users/${partner.json.doc.id}`)).status).toBe(403)
    expect((await call(sessions.admin, 'DELETE', `/users/${partner.json.doc.id}`)).status).toBe(200)
  })

  it('locks an account after 5 wrong passwords', async () => {
    const email = `lockout-${stamp}@example.org`
    await call(sessions.admin, 'POST', '/users', { name: 'l', email, password: PASSWORD, role: 'editor' })
    for (let i = 0; i < 5; i++) expect((await call(anonymous, 'POST', '/users/login', { email, password: 'wrong-password' })).status).toBe(401)
    const locked = await call(anonymous, 'POST', '/users/login', { email, password: PASSWORD })
    expect(locked.status).toBe(401)
    expect(JSON.stringify(locked.json)).toMatch(/locked/i)
  })
})

describe('site settings and restricted papers', () => {
  it('only admins change site settings', async () => {
    for (const role of ['anonymous', 'partner', 'editor'] as const) {
      const { status } = await call(sessions[role], 'POST', '/globals/site-settings', { quickExitUrl: 'https://example.org/' })
      expect(denied(status), `${role} → ${status}`).toBe(true)
    }
    expect((await call(anonymous, 'GET', '/globals/site-settings')).json.quickExitUrl).toBe('https://www.bbc.co.uk/weather')
    expect((await call(sessions.admin, 'POST', '/globals/site-settings', { quickExitUrl: 'http://insecure.example/' })).status).toBe(400)
  })

  it('restricted and confidential agenda items: staff only', async () => {
    const where = '/agenda-items?where[classification][not_equals]=public&limit=100'
    for (const role of ['anonymous', 'partner'] as const) expect((await call(sessions[role], 'GET', where)).json.totalDocs, role).toBe(0)
    for (const role of ['editor', 'admin'] as const) expect((await call(sessions[role], 'GET', where)).json.totalDocs, role).toBeGreaterThan(0)
  })

  it('the build log is for staff only', async () => {
    for (const role of ['anonymous', 'partner'] as const) expect(denied((await call(sessions[role], 'GET', '/site-builds')).status), role).toBe(true)
    expect((await call(sessions.editor, 'GET', '/site-builds')).status).toBe(200)
  })
})
