/**
 * What a directory entry claims about itself (issue 13), over real HTTP against the running CMS:
 * - it names the organisation that runs it, or says its source does not — never neither, never both,
 *   and a partner cannot mark their own entry "provider not named";
 * - "last checked" is a person's confirmation with who made it, set only by the server: by an
 *   editor's "confirmed today" tick, or when an editor publishes the organisation's own update.
 *   No request can write a date (or a confirmer) itself, and the public never reads who confirmed;
 * - the Open Referral feed says both: no organisation and a "provider not named" term, and a
 *   "not yet confirmed" term until someone has confirmed the entry.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { PASSWORD, restClient, type Session } from '../helpers/rest'

const cms = inject('cmsUrl')
const { call, login, admin } = restClient(cms)
const anonymous: Session = {}
const stamp = Date.now()
let root: Session
let editor: Session
let partner: Session
let orgId: number
const today = () => new Date().toISOString().slice(0, 10)

/** Every entry made here, so the shared CMS is left with only the seeded ones (other files count them). */
const made: number[] = []
const create = async (session: Session, data: Record<string, unknown>) => {
  const response = await call(session, 'POST', '/services', data)
  if (response.json?.doc?.id) made.push(response.json.doc.id)
  return response
}

const entry = (name: string, extra: Record<string, unknown>) => ({
  name,
  description: 'A test entry.',
  categories: ['housing'],
  audiences: ['everyone'],
  areas: ['newham'],
  _status: 'published',
  ...extra,
})

beforeAll(async () => {
  root = await admin()
  const orgs = (await call(root, 'GET', '/organisations?limit=100&depth=0')).json.docs as { id: number; slug: string }[]
  orgId = orgs.find((o) => o.slug === 'cranstoun')!.id
  for (const [role, email, organisation] of [
    ['editor', `prov-editor-${stamp}@example.org`, undefined],
    ['partner', `prov-partner-${stamp}@example.org`, orgId],
  ] as const) {
    const made = await call(root, 'POST', '/users', { name: `Test ${role}`, email, password: PASSWORD, role, organisation })
    expect(made.status, JSON.stringify(made.json)).toBe(201)
  }
  editor = await login(`prov-editor-${stamp}@example.org`, PASSWORD)
  partner = await login(`prov-partner-${stamp}@example.org`, PASSWORD)
})

afterAll(async () => {
  for (const id of made) await call(root, 'DELETE', `/services/${id}`)
})

describe('the provider of a directory entry', () => {
  it('is an organisation or "not named in the source": neither and both are refused with a message on the field', async () => {
    const neither = await create(editor, entry(`Nobody runs this ${stamp}`, {}))
    expect(neither.status).toBe(400)
    const fieldErrors = (response: { json: { errors?: { data?: { errors?: { path: string; message: string }[] } }[] } }) =>
      response.json.errors?.flatMap((e) => e.data?.errors ?? []) ?? []
    expect(fieldErrors(neither)).toEqual([{ label: 'Organisation', path: 'organisation', message: expect.stringContaining('or tick "Provider not named in the source"') }])

    const both = await create(editor, entry(`Both ${stamp}`, { organisation: orgId, providerNotNamed: true }))
    expect(both.status).toBe(400)
    expect(fieldErrors(both)).toEqual([expect.objectContaining({ path: 'organisation', message: expect.stringMatching(/^Choose one/) })])

    const unnamed = await create(editor, entry(`Unnamed provider ${stamp}`, { providerNotNamed: true }))
    expect(unnamed.status, JSON.stringify(unnamed.json)).toBe(201)
    const read = await call(anonymous, 'GET', `/services/${unnamed.json.doc.id}`)
    expect(read.json).toMatchObject({ providerNotNamed: true, organisation: null })
  })

  it('cannot be marked "not named" by a partner, who always provides their own entries', async () => {
    const made = await create(partner, entry(`Partner entry ${stamp}`, { providerNotNamed: true }))
    expect(made.status, JSON.stringify(made.json)).toBe(201)
    const saved = (await call(root, 'GET', `/services/${made.json.doc.id}?draft=true&depth=0`)).json
    expect(saved).toMatchObject({ providerNotNamed: false, organisation: orgId })
  })
})

describe('"last checked": who confirmed the entry, and when', () => {
  it('cannot be written by any request, not even an editor’s: only the server records a confirmation', async () => {
    const forged = { on: '2026-01-01T00:00:00.000Z', by: 'Someone' }
    const made = await create(editor, entry(`Forged check ${stamp}`, { organisation: orgId, confirmed: forged }))
    expect(made.status, JSON.stringify(made.json)).toBe(201)
    const id = made.json.doc.id
    expect((await call(root, 'GET', `/services/${id}`)).json.confirmed ?? {}).not.toMatchObject({ on: expect.any(String) })
    expect((await call(partner, 'PATCH', `/services/${id}`, { confirmed: forged })).status).toBe(200)
    expect((await call(editor, 'PATCH', `/services/${id}`, { confirmed: forged })).status).toBe(200)
    const after = (await call(root, 'GET', `/services/${id}?draft=true`)).json
    expect(after.confirmed?.on ?? null).toBeNull()
    expect(after.confirmed?.by ?? null).toBeNull()
    expect(after.reviewDue).toBe('Never confirmed')
  })

  it('is recorded with the editor’s name when an editor confirms it today, and the public sees the date only', async () => {
    const made = await create(editor, entry(`Checked today ${stamp}`, { organisation: orgId }))
    const id = made.json.doc.id
    const confirmed = await call(editor, 'PATCH', `/services/${id}`, { confirmNow: true, _status: 'published' })
    expect(confirmed.status, JSON.stringify(confirmed.json)).toBe(200)
    const staffView = (await call(root, 'GET', `/services/${id}`)).json
    expect(staffView.confirmed).toEqual({ on: `${today()}T00:00:00.000Z`, by: `Test editor (prov-editor-${stamp}@example.org)` })
    expect(staffView.reviewDue).toBe('Up to date')
    expect(staffView).not.toHaveProperty('confirmNow', true)

    const publicView = (await call(anonymous, 'GET', `/services/${id}`)).json
    expect(publicView.confirmed.on).toBe(`${today()}T00:00:00.000Z`)
    expect(publicView.confirmed).not.toHaveProperty('by')
    expect(JSON.stringify(publicView)).not.toContain(`prov-editor-${stamp}`)
  })

  it('cannot be ticked by a partner', async () => {
    const made = await create(partner, entry(`Partner tick ${stamp}`, { confirmNow: true }))
    expect(made.status, JSON.stringify(made.json)).toBe(201)
    const saved = (await call(root, 'GET', `/services/${made.json.doc.id}?draft=true`)).json
    expect(saved.confirmed?.on ?? null).toBeNull()
  })

  it('records the partner who submitted an update as the confirmer when an editor publishes it', async () => {
    const made = await create(editor, entry(`Partner keeps this ${stamp}`, { organisation: orgId }))
    const id = made.json.doc.id
    expect((await call(partner, 'PATCH', `/services/${id}`, { description: 'Checked and updated by the service.' })).status).toBe(200)
    expect((await call(root, 'GET', `/services/${id}`)).json.confirmed?.on ?? null).toBeNull()
    const published = await call(editor, 'PATCH', `/services/${id}`, { _status: 'published' })
    expect(published.status, JSON.stringify(published.json)).toBe(200)
    const after = (await call(root, 'GET', `/services/${id}`)).json
    expect(after.confirmed).toEqual({ on: `${today()}T00:00:00.000Z`, by: `Test partner (prov-partner-${stamp}@example.org)` })
    expect(after.review.state).toBe('approved')
  })
})

describe('the Open Referral feed', () => {
  type Attribute = { taxonomy_term: { code: string; name: string } }
  const codes = (service: { attributes?: Attribute[] }) => (service.attributes ?? []).map((a) => a.taxonomy_term.code)

  it('says when the provider is not named and when nobody has confirmed an entry, and never invents either', async () => {
    const unnamed = await create(editor, entry(`Feed unnamed ${stamp}`, { providerNotNamed: true }))
    const checked = await create(editor, entry(`Feed checked ${stamp}`, { organisation: orgId, confirmNow: true }))
    const uuidOf = async (id: number) => (await call(root, 'GET', `/services/${id}`)).json.uuid as string

    const feedUnnamed = await (await fetch(`${cms}/api/openreferral/services/${await uuidOf(unnamed.json.doc.id)}`)).json()
    expect(feedUnnamed).not.toHaveProperty('organization_id')
    expect(feedUnnamed).not.toHaveProperty('organization')
    expect(feedUnnamed).not.toHaveProperty('assured_date')
    expect(codes(feedUnnamed)).toEqual(expect.arrayContaining(['provider-not-named', 'not-yet-confirmed']))
    expect(feedUnnamed.attributes.find((a: Attribute) => a.taxonomy_term.code === 'provider-not-named').taxonomy_term.name).toBe('Provider not named in the source')

    const feedChecked = await (await fetch(`${cms}/api/openreferral/services/${await uuidOf(checked.json.doc.id)}`)).json()
    expect(feedChecked.assured_date).toBe(today())
    expect(feedChecked.organization_id).toEqual(expect.any(String))
    expect(codes(feedChecked)).not.toContain('provider-not-named')
    expect(codes(feedChecked)).not.toContain('not-yet-confirmed')
  })
})
