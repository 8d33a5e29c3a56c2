/**
 * An import round trip of our own Open Referral feed: seed a throwaway CMS from content/, read its
 * feed as an anonymous visitor, import it into a second, empty throwaway CMS, and compare. Also:
 * a re-import updates instead of copying, and a malformed feed or a failure part-way writes nothing.
 */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { FeedError, formatReport, importServices, servicesIn } from '../../cms/openreferral/import'
import { toHsdsService, type OrganisationRecord, type ServiceRecord } from '../../cms/openreferral/map'
import { allServices } from '../../cms/openreferral/query'
import { problems, serviceValidator } from '../../cms/openreferral/validate'
import type { Category } from '../../cms/taxonomy'
import { seedFromFolder } from '../../cms/seed/seed'
import { throwawayEnv } from '../helpers/env'
import { throwawayPayload } from '../helpers/payload'

type Hsds = Record<string, any>
let source: Payload
let target: Payload
let targetEnv: ReturnType<typeof throwawayEnv>
let feed: { contents: Hsds[] }
let feedFile: string

const termCodes = (s: Hsds, taxonomy: string) =>
  ((s.attributes ?? []) as Hsds[]).filter((a) => a.taxonomy_term.taxonomy_id === taxonomyIds[taxonomy]).map((a) => a.taxonomy_term.code).sort()
let taxonomyIds: Record<string, string>

/** Every directory entry in the target, latest version (drafts included). */
const targetServices = async () =>
  (await target.find({ collection: 'services', draft: true, pagination: false, depth: 1, sort: 'name' })).docs as unknown as Hsds[]

beforeAll(async () => {
  let dir: string
  ;({ payload: source, dir } = await throwawayPayload('openreferral-source'))
  await seedFromFolder(source, path.resolve('content'))
  // A draft in the source must not reach the feed.
  const org = (await source.find({ collection: 'organisations', limit: 1, depth: 0 })).docs[0]!
  await source.create({
    collection: 'services',
    draft: true,
    data: { name: 'Unpublished draft entry', organisation: org.id, description: 'Draft.', categories: ['stalking'], audiences: ['everyone'], areas: ['newham'], _status: 'draft' } as never,
  })
  feed = (await allServices(source)) as unknown as { contents: Hsds[] }
  feedFile = path.join(dir, 'feed.json')
  writeFileSync(feedFile, JSON.stringify(feed))
  const { allTaxonomies } = await import('../../cms/openreferral/taxonomies')
  taxonomyIds = Object.fromEntries(allTaxonomies().map((t) => [t.name, t.id]))

  // A second database: the config reads DATABASE_URI when it is imported, so import a fresh copy.
  targetEnv = throwawayEnv('openreferral-target')
  process.env.DATABASE_URI = targetEnv.DATABASE_URI
  const [{ getPayload }, { default: config }] = await Promise.all([
    import('payload'),
    // @ts-expect-error -- the query string makes Vite load a second copy of the module, which reads the new DATABASE_URI
    import('../../cms/payload.config?target') as Promise<typeof import('../../cms/payload.config')>,
  ])
  target = await getPayload({ config, key: 'openreferral-target' })
})

afterAll(async () => {
  await target?.destroy()
  await source?.destroy()
})

describe('our own feed', () => {
  it('holds every published service, valid against service.json, and no drafts', async () => {
    const published = await source.count({ collection: 'services', where: { _status: { equals: 'published' } } })
    expect(feed.contents).toHaveLength(published.totalDocs)
    expect(feed.contents.length).toBeGreaterThan(5)
    for (const s of feed.contents) expect(problems(serviceValidator(), s), s.name).toBeUndefined()
    expect(JSON.stringify(feed)).not.toContain('Unpublished draft entry')
  })
})

describe('import into another directory', () => {
  it('creates every service as a draft with the same names, descriptions and categories', async () => {
    const report = await importServices(target, servicesIn(feed), { source: 'our-feed.json' })
    expect(report.skipped).toEqual([])
    expect(report.created).toHaveLength(feed.contents.length)
    expect(report.updated).toHaveLength(0)

    const imported = await targetServices()
    expect(imported.map((s) => s.name).sort()).toEqual(feed.contents.map((s) => s.name).sort())
    expect(feed.contents.filter((s) => !s.organization).length, 'entries whose paper names no provider').toBeGreaterThan(0)
    for (const original of feed.contents) {
      const copy = imported.find((s) => s.externalId === original.id)!
      expect(copy, original.name).toBeDefined()
      expect(copy.name).toBe(original.name)
      expect(copy.description).toBe(original.description)
      expect([...copy.categories].sort()).toEqual(termCodes(original, 'CSP Hub support categories'))
      expect([...copy.audiences].sort()).toEqual(termCodes(original, 'CSP Hub audiences'))
      expect(copy._status).toBe('draft')
      if (original.organization) {
        expect(copy.organisation.name).toBe(original.organization.name)
        expect(copy.organisation.externalId).toBe(original.organization.id)
      } else {
        // Our own "provider not named" entries stay so: no organisation is made up on the way.
        expect({ organisation: copy.organisation, providerNotNamed: copy.providerNotNamed }, original.name).toEqual({ organisation: null, providerNotNamed: true })
      }
      expect(copy.uuid).not.toBe(original.id)
    }
    // Drafts only: the public sees nothing new until an editor publishes.
    expect((await target.count({ collection: 'services', overrideAccess: false })).totalDocs).toBe(0)
    expect((await target.count({ collection: 'organisations', overrideAccess: false })).totalDocs).toBe(0)
  })

  it('updates on re-import instead of adding copies, keeping open-data ids', async () => {
    const before = await targetServices()
    const changed = structuredClone(feed.contents)
    changed[0]!.description = 'A changed description from the publisher.'
    const report = await importServices(target, changed)
    expect(report.created).toHaveLength(0)
    expect(report.updated).toHaveLength(feed.contents.length)
    expect(report.organisations.created).toHaveLength(0)
    expect(report.organisations.linkedById.length).toBeGreaterThan(0)
    const after = await targetServices()
    expect(after).toHaveLength(before.length)
    expect(after.find((s) => s.externalId === changed[0]!.id)!.description).toBe('A changed description from the publisher.')
    expect(after.map((s) => s.uuid).sort()).toEqual(before.map((s) => s.uuid).sort())
  })

  it('runs as npm run import:openreferral, printing the report', () => {
    const run = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/import-openreferral.ts', feedFile], { env: targetEnv, encoding: 'utf8', timeout: 120_000 })
    expect(run.stderr).not.toMatch(/Error/)
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(`Directory entries updated (new draft versions): ${feed.contents.length}`)
    expect(run.stdout).toContain('Directory entries created (as drafts): 0')
    expect(run.stdout).toContain('Skipped: 0')
  })
})

describe('a feed that cannot be imported', () => {
  const fresh = (name: string) => ({ ...structuredClone(feed.contents[0]!), id: crypto.randomUUID(), name })

  it('is rejected whole when one service does not match the schema, naming the problem', async () => {
    const count = (await target.count({ collection: 'services' })).totalDocs
    const broken = { ...fresh('Broken entry'), status: 'open' }
    await expect(importServices(target, [fresh('Fine entry'), broken])).rejects.toThrow(FeedError)
    await expect(importServices(target, [fresh('Fine entry'), broken])).rejects.toThrow(/service 2 "Broken entry".*\/status must be equal to one of the allowed values/)
    expect((await target.count({ collection: 'services' })).totalDocs).toBe(count)
  })

  it('writes nothing when the database fails part-way through', async () => {
    const count = (await target.count({ collection: 'services' })).totalDocs
    const create = target.create.bind(target)
    let calls = 0
    const spy = vi.spyOn(target, 'create').mockImplementation(((args: never) => {
      if (++calls === 2) throw new Error('disk full')
      return create(args)
    }) as never)
    try {
      await expect(importServices(target, [fresh('First new entry'), fresh('Second new entry')])).rejects.toThrow('disk full')
    } finally {
      spy.mockRestore()
    }
    expect((await target.count({ collection: 'services' })).totalDocs).toBe(count)
    expect((await target.count({ collection: 'services', where: { name: { equals: 'First new entry' } } })).totalDocs).toBe(0)
  })

  it('makes the command exit 1 with the reason before opening the CMS', () => {
    const bad = path.join(path.dirname(feedFile), 'bad.json')
    writeFileSync(bad, JSON.stringify({ contents: [{ id: 'x', name: 'No status' }] }))
    const run = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/import-openreferral.ts', bad], { env: targetEnv, encoding: 'utf8', timeout: 60_000 })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/nothing was imported/)
    expect(run.stderr).toMatch(/must have required property 'status'/)
  })
})

describe('organisations named in a feed', () => {
  /** A new service from "Refuge" as another directory might publish it: same name, its own id. */
  const fromAnotherRefuge = (organisationId: string, name: string) => {
    const template = structuredClone(feed.contents[0]!)
    return { ...template, id: crypto.randomUUID(), name, organization: { ...template.organization, id: organisationId, name: 'Refuge', description: 'Another directory’s Refuge.' } }
  }
  const refuge = async () => (await source.find({ collection: 'organisations', where: { slug: { equals: 'refuge' } }, depth: 0 })).docs[0]!
  const importedAs = async (service: Hsds) =>
    (await source.find({ collection: 'services', where: { externalId: { equals: service.id } }, draft: true, depth: 1 })).docs[0] as unknown as Hsds

  it('never attaches services to an existing organisation by name: a new draft organisation is created', async () => {
    const ours = await refuge()
    const service = fromAnotherRefuge(crypto.randomUUID(), 'Outreach from a namesake')
    const report = await importServices(source, [service])
    const imported = await importedAs(service)
    expect(imported.organisation.id).not.toBe(ours.id)
    expect(imported.organisation).toMatchObject({ name: 'Refuge', slug: 'refuge-2', externalId: service.organization.id, _status: 'draft' })
    expect(report.organisations.created).toEqual([expect.objectContaining({ externalId: service.organization.id })])
    expect(formatReport(report)).toMatch(/Organisations created \(as drafts\): 1\n {2}- Refuge \[[^\]]+\]\n.*slug "refuge-2": "refuge" is already used by "Refuge"[\s\S]*--map-organisation [0-9a-f-]{36}=refuge/)
    // Refuge itself is untouched.
    expect(await refuge()).toMatchObject({ name: ours.name, description: ours.description, updatedAt: ours.updatedAt })
  })

  it('attaches them to an existing organisation when the person importing maps the feed id to it', async () => {
    const ours = await refuge()
    const service = fromAnotherRefuge(crypto.randomUUID(), 'Outreach mapped to Refuge')
    const report = await importServices(source, [service], { organisationMap: { [service.organization.id]: 'refuge' } })
    expect((await importedAs(service)).organisation.id).toBe(ours.id)
    expect(report.organisations.created).toEqual([])
    expect(report.organisations.linkedByMapping).toEqual([expect.objectContaining({ externalId: service.organization.id })])
    expect(formatReport(report)).toMatch(/Organisations linked by your mapping: 1\n {2}- Refuge \[[^\]]+\]\n.*"refuge"/)
    expect(await refuge()).toMatchObject({ name: ours.name, description: ours.description, updatedAt: ours.updatedAt })
  })

  it('links by the feed id on a later import', async () => {
    const organisationId = crypto.randomUUID()
    await importServices(source, [fromAnotherRefuge(organisationId, 'First from the namesake')])
    const again = fromAnotherRefuge(organisationId, 'Second from the namesake')
    const report = await importServices(source, [again])
    expect(report.organisations.linkedById).toEqual([expect.objectContaining({ externalId: organisationId })])
    expect(report.organisations.linkedById[0]!.notes).toEqual([expect.stringMatching(/imported before with this id/)])
    expect((await importedAs(again)).organisation.externalId).toBe(organisationId)
  })

  it('does not link by our own id, which we publish and any feed can copy: a mapping is needed', async () => {
    const ours = await refuge()
    const spoofed = fromAnotherRefuge(ours.uuid!, 'Entry claiming to be Refuge’s')
    const report = await importServices(source, [spoofed])
    const imported = await importedAs(spoofed)
    expect(imported.organisation.id).not.toBe(ours.id)
    expect(imported.organisation).toMatchObject({ name: 'Refuge', externalId: ours.uuid, _status: 'draft' })
    expect(report.organisations.linkedById).toEqual([])
    expect(report.organisations.created).toEqual([expect.objectContaining({ externalId: ours.uuid })])
    const notes = report.organisations.created[0]!.notes.join('\n')
    expect(notes).toMatch(/carries the open data id of our "Refuge" \(slug "refuge"\)/)
    expect(notes).toContain(`--map-organisation ${ours.uuid}=refuge`)
    expect(await refuge()).toMatchObject({ name: ours.name, description: ours.description, updatedAt: ours.updatedAt })

    // With the mapping, the person importing links it to Refuge.
    const mapped = fromAnotherRefuge(ours.uuid!, 'Entry mapped to Refuge by its uuid')
    await importServices(source, [mapped], { organisationMap: { [ours.uuid!]: 'refuge' } })
    expect((await importedAs(mapped)).organisation.id).toBe(ours.id)
  })

  it('refuses a mapping to an organisation that does not exist, writing nothing', async () => {
    const count = (await source.count({ collection: 'services' })).totalDocs
    const service = fromAnotherRefuge(crypto.randomUUID(), 'Mapped nowhere')
    await expect(importServices(source, [service], { organisationMap: { [service.organization.id]: 'no-such-organisation' } })).rejects.toThrow(
      /no organisation with the slug "no-such-organisation"/,
    )
    expect((await source.count({ collection: 'services' })).totalDocs).toBe(count)
  })
})

describe('services carrying our own ids', () => {
  it('are imported as new draft entries; our entry, its draft and its versions are untouched', async () => {
    // One of our published entries, with an editor's draft pending on it.
    const [ours] = (await source.find({ collection: 'services', where: { _status: { equals: 'published' } }, sort: 'slug', limit: 1, depth: 0 })).docs
    await source.update({ collection: 'services', id: ours!.id, draft: true, data: { description: 'An editor’s pending draft.' } as never })
    const latest = async () => (await source.findByID({ collection: 'services', id: ours!.id, draft: true, depth: 0 })) as unknown as Hsds
    const versions = async () => (await source.findVersions({ collection: 'services', where: { parent: { equals: ours!.id } } })).totalDocs
    const [draftBefore, versionsBefore] = [await latest(), await versions()]

    const copy = feed.contents.find((s) => s.id === ours!.uuid)!
    const spoofed = { ...structuredClone(copy), description: 'Overwritten by a feed.' }
    const report = await importServices(source, [spoofed])

    expect(await versions()).toBe(versionsBefore)
    expect(await latest()).toMatchObject({ description: 'An editor’s pending draft.', updatedAt: draftBefore.updatedAt, _status: 'draft' })
    expect(report.updated).toEqual([])
    expect(report.skipped).toEqual([])
    expect(report.created).toEqual([expect.objectContaining({ externalId: ours!.uuid })])
    expect(report.created[0]!.notes).toContainEqual(
      expect.stringContaining(`carries the open data id of our entry "${ours!.name}" (slug "${ours!.slug}"); imported as a new entry`),
    )
    const imported = (await source.find({ collection: 'services', where: { externalId: { equals: ours!.uuid } }, draft: true, depth: 1 })).docs as unknown as Hsds[]
    expect(imported).toHaveLength(1)
    expect(imported[0]!.id).not.toBe(ours!.id)
    expect(imported[0]!.uuid).not.toBe(ours!.uuid)
    expect(imported[0]!).toMatchObject({ description: 'Overwritten by a feed.', _status: 'draft' })
    // Its organisation carried our id too: a new draft organisation, not ours.
    expect(imported[0]!.organisation.id).not.toBe(ours!.organisation)
    expect(imported[0]!.organisation._status).toBe('draft')

    // A re-import of the same feed updates that new entry, never ours.
    const again = await importServices(source, [{ ...spoofed, description: 'Changed again.' }])
    expect(again.updated).toEqual([expect.objectContaining({ externalId: ours!.uuid })])
    expect(await versions()).toBe(versionsBefore)
    expect(await latest()).toMatchObject({ description: 'An editor’s pending draft.', updatedAt: draftBefore.updatedAt })
  })
})

describe('the command and feed addresses', () => {
  it('refuses a URL on a private address before opening the CMS', () => {
    const run = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/import-openreferral.ts', 'http://127.0.0.1:9/api/services'], { env: targetEnv, encoding: 'utf8', timeout: 60_000 })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/http:\/\/127\.0\.0\.1:9\/api\/services\?page=1 is at 127\.0\.0\.1, a loopback address; refusing/)
  })

  it('refuses a malformed --map-organisation before opening the CMS', () => {
    const run = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/import-openreferral.ts', feedFile, '--map-organisation', 'refuge'], { env: targetEnv, encoding: 'utf8', timeout: 60_000 })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/--map-organisation must be <feed organisation id>=<our organisation slug>; got "refuge"/)
  })
})

describe('refuges in a feed (issue 14)', () => {
  const org: OrganisationRecord = { uuid: crypto.randomUUID(), name: 'Safe Homes Trust', type: 'charity' }
  /** An HSDS service with a street address, in the given categories of ours. */
  const withAddress = (name: string, categories: Category[], description = 'Accommodation and support.') => {
    const base: ServiceRecord = { uuid: crypto.randomUUID(), name, description, organisation: org, audiences: ['women'], areas: ['barking-and-dagenham'], updatedAt: '2026-01-01T00:00:00.000Z' }
    const located = toHsdsService({ ...base, categories: ['housing'], contact: { address: '12 High Street\nBarking\nIG11 8AA' } }) as Hsds
    const tagged = toHsdsService({ ...base, categories, contact: {} }) as Hsds
    return { ...located, attributes: tagged.attributes } as Hsds
  }
  const importedAs = async (service: Hsds) =>
    (await source.find({ collection: 'services', where: { externalId: { equals: service.id } }, draft: true, depth: 0 })).docs[0] as unknown as Hsds

  it('drops the address of a refuge (by our taxonomy) with a note, and marks it confidential', async () => {
    const service = withAddress('Safe Homes refuge', ['refuge', 'domestic-abuse'])
    expect(JSON.stringify(service)).toContain('High Street')
    const report = await importServices(source, [service])
    const imported = await importedAs(service)
    expect(imported).toMatchObject({ locationConfidential: true, contact: expect.objectContaining({ address: null }) })
    expect(report.created[0]!.notes).toContain('address left out: refuge and safe-accommodation locations are never published')
  })

  it('drops the address of any entry of an organisation we know runs refuges', async () => {
    // An organisation of ours that runs a refuge entry (no seeded paper names a refuge's provider).
    const runner = (await source.find({ collection: 'organisations', where: { slug: { equals: 'nia' } }, depth: 0 })).docs[0]!
    const refuge = await source.create({
      collection: 'services',
      data: { name: 'Nia test refuge', slug: 'nia-test-refuge', organisation: runner.id, description: 'Safe accommodation.', categories: ['refuge'], audiences: ['women'], areas: ['barking-and-dagenham'], _status: 'published' },
    })
    const service = withAddress('Housing advice drop-in', ['housing'])
    const report = await importServices(source, [service], { organisationMap: { [service.organization.id]: 'nia' } })
    await source.delete({ collection: 'services', id: refuge.id })
    expect((await importedAs(service)).contact.address).toBeNull()
    expect(formatReport(report)).toMatch(/address left out: refuge and safe-accommodation locations are never published/)
  })

  it('skips a refuge whose description gives its location away', async () => {
    const service = withAddress('Postcode refuge', ['refuge'], 'Safe accommodation at IG11 8AA for women.')
    const report = await importServices(source, [service])
    expect(report.skipped).toEqual([expect.objectContaining({ name: 'Postcode refuge', reason: expect.stringMatching(/description gives its location away/) })])
    expect(await importedAs(service)).toBeUndefined()
  })
})
