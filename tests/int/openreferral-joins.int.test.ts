/**
 * The Open Referral feed reads services with `joins: false` (cms/openreferral/query.ts): it maps no
 * join, and the services' `translations` join costs every read. Each of its reads says exactly what
 * it said when the join was computed: the same query through a Payload whose find computes joins
 * (the option removed) gives deep-equal answers, for an entry with a published translation.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allServices, getService, listServiceAtLocations, listServices } from '../../cms/openreferral/query'
import type { ServiceQuery } from '../../cms/openreferral/params'
import { throwawayPayload } from '../helpers/payload'

type Doc = { id: number; uuid?: string; [key: string]: unknown }
let payload: Payload
const api = () => payload as unknown as Record<'create', (args: Record<string, unknown>) => Promise<Doc>>
let service: Doc

/** The feed's reads as they were: every find computes joins. `seen` keeps each find's options and documents. */
function withJoins(seen: Array<{ args: Record<string, unknown>; docs: unknown[] }>): Payload {
  return new Proxy(payload, {
    get(target, key, receiver) {
      if (key !== 'find') return Reflect.get(target, key, receiver)
      return async (args: Record<string, unknown>) => {
        const { joins: _dropped, ...rest } = args
        const result = await target.find(rest as never)
        seen.push({ args, docs: result.docs })
        return result
      }
    },
  })
}
/** The feed's reads as they are, with each find's options kept. */
function watched(seen: Array<Record<string, unknown>>): Payload {
  return new Proxy(payload, {
    get(target, key, receiver) {
      if (key !== 'find') return Reflect.get(target, key, receiver)
      return (args: Record<string, unknown>) => (seen.push(args), target.find(args as never))
    },
  })
}

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('openreferral-joins'))
  const organisation = await api().create({ collection: 'organisations', data: { name: 'A charity', slug: 'a-charity', type: 'charity', _status: 'published' } })
  const entry = (slug: string, over: Record<string, unknown> = {}) => ({
    name: `Helpline ${slug}`,
    slug,
    organisation: organisation.id,
    description: 'Support for women.',
    categories: ['domestic-abuse'],
    audiences: ['women'],
    areas: ['newham'],
    contact: { phone: '020 7946 0000', email: 'help@example.org', address: '1 High Street, London E15 1AA' },
    howToAccess: 'Call the helpline.',
    _status: 'published',
    ...over,
  })
  service = await api().create({ collection: 'services', data: entry('translated') })
  await api().create({ collection: 'services', data: entry('english-only', { urgent: true }) })
  for (const language of ['pl', 'ro'])
    await api().create({
      collection: 'service-translations',
      data: { service: service.id, language, name: `Infolinia ${language}`, description: 'Wsparcie dla kobiet.', translator: 'Zespół tłumaczy', lastChecked: '2026-11-20T00:00:00.000Z', _status: 'published' },
    })
})
afterAll(async () => {
  await payload?.destroy()
})

describe('the Open Referral feed without the services’ translations join', () => {
  const query = (over: Partial<ServiceQuery> = {}): ServiceQuery => ({ page: 1, perPage: 50, full: false, ...over })
  const reads: Array<[string, (p: Payload) => Promise<unknown>]> = [
    ['/services', (p) => listServices(p, query())],
    ['/services?full=true', (p) => listServices(p, query({ full: true }))],
    ['/services?search=', (p) => listServices(p, query({ search: 'Helpline' }))],
    ['/services/{id}', (p) => getService(p, service.uuid!)],
    ['/service_at_locations', (p) => listServiceAtLocations(p, query())],
    ['the open-data snapshot', (p) => allServices(p)],
  ]

  it.each(reads)('%s says the same as it did with the join computed', async (_route, read) => {
    const before: Array<{ args: Record<string, unknown>; docs: unknown[] }> = []
    const after: Array<Record<string, unknown>> = []
    const old = await read(withJoins(before))
    const now = await read(watched(after))
    expect(JSON.stringify(now)).toBe(JSON.stringify(old))
    expect(now).toEqual(old)
    // The comparison means something: the join was read before (with the translations), and is not now.
    expect(JSON.stringify(before.map((r) => r.docs))).toContain('Infolinia pl')
    expect(after.length).toBeGreaterThan(0)
    for (const args of after) expect(args).toMatchObject({ collection: 'services', joins: false, overrideAccess: false, draft: false })
    expect(JSON.stringify(now)).not.toContain('Infolinia')
  })
})
