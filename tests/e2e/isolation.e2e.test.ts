/**
 * One record can never freeze the public site (issue 12, parts 2 and 3), as `npm start` runs it:
 * - start-up never depends on a clean build: with a database whose public content fails the
 *   site's checks, `npm start` still brings up the CMS and the site, and the failed start-up build
 *   is in the build log and on the editors' dashboard;
 * - a record that fails the site's schema (changed outside the admin) is left out of the build,
 *   everything else goes live, and the record is named in the build log and on the dashboard
 *   until it is fixed.
 * "Outside the admin" is a direct SQL write to the database, past every CMS check.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { createClient, type Client } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { throwawayEnv } from '../helpers/env'
import { freePort } from '../helpers/ports'
import { startProduct, stopProduct, until, type Product } from '../helpers/product'
import { restClient, type Session } from '../helpers/rest'

let product: Product
let output = ''
let site = ''
let cms = ''
let api: ReturnType<typeof restClient>
let admin: Session
let db: Client
let story: { id: number; slug: string; summary: string }

const page = async (route: string) => {
  const response = await fetch(`${site}${route}`)
  return { status: response.status, text: await response.text() }
}
type Build = { id: number; status: string; label: string; error?: string | null; excluded?: { collection: string; id: string; title: string; problem: string }[] | null }
const builds = async () => (await api.call(admin, 'GET', '/site-builds?limit=100&sort=startedAt&depth=0')).json.docs as Build[]
const settled = async () => (await builds()).every((b) => b.status !== 'running')
const dashboard = async () =>
  (await fetch(`${cms}/admin`, { headers: { Cookie: `payload-token=${admin.token}`, 'Sec-Fetch-Site': 'none' } })).text()

beforeAll(async () => {
  const [cmsPort, sitePort] = [await freePort(), await freePort()]
  const base = throwawayEnv('isolation')
  const env = {
    ...base,
    CMS_PORT: String(cmsPort),
    SITE_PORT: String(sitePort),
    CMS_PUBLIC_URL: `http://127.0.0.1:${cmsPort}`,
    SITE_DIST_DIR: path.join(base.TEST_DIR, 'dist'),
    SITE_REBUILD_DEBOUNCE_MS: '500',
  }
  const seeded = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/seed.ts'], { env, stdio: 'pipe', timeout: 180_000 })
  expect(seeded.status, String(seeded.stderr)).toBe(0)
  db = createClient({ url: base.DATABASE_URI })
  // A restricted paper pasted into a public story, outside the admin: the site's output checks
  // refuse to publish the build, so the start-up build fails.
  story = (await db.execute(`SELECT id, slug, summary FROM news WHERE _status = 'published' ORDER BY slug LIMIT 1`)).rows[0] as unknown as typeof story
  await db.execute({ sql: 'UPDATE news SET summary = ? WHERE id = ?', args: ['Board paper [RESTRICTED] pasted by mistake', story.id] })

  product = await startProduct(env)
  output = product.output()
  site = `http://127.0.0.1:${sitePort}`
  cms = `http://127.0.0.1:${cmsPort}`
  api = restClient(cms)
  admin = await api.admin()
}, 360_000)

afterAll(async () => {
  await stopProduct(product)
  db?.close()
})

describe('start-up never depends on a clean build', () => {
  it('starts the CMS and the site anyway, says why in the terminal, the build log and on the dashboard', async () => {
    expect(output).toContain('The site build failed; the last good site is served and the CMS starts anyway')
    expect(output).toMatch(/RESTRICTED/)
    expect(output).toContain('(no site yet: the start-up build failed, see above')
    expect((await fetch(`${cms}/api/globals/site-settings`)).status).toBe(200)
    expect((await page('/')).status).toBe(404) // nothing was ever built into this new folder
    const startup = (await builds()).find((b) => b.label.startsWith('Start-up build'))!
    expect(startup.status).toBe('failed')
    expect(startup.error).toMatch(/RESTRICTED/)
    const html = await dashboard()
    expect(html).toContain('The public site is not showing the latest changes')
  })

  it('goes live with the next publish once the record is fixed', async () => {
    expect((await api.call(admin, 'PATCH', `/news/${story.id}`, { summary: 'A summary fit to publish' })).status).toBe(200)
    await until('the site to be built', async () => (await page(`/news/${story.slug}/`)).text.includes('A summary fit to publish'))
    await until('the build log to settle', settled)
    expect((await builds()).at(-1)!.status).toBe('succeeded')
    expect(await dashboard()).not.toContain('The public site is not showing the latest changes')
  })
})

describe('one bad record is left out; everything else goes live', () => {
  it('builds without it, names it in the build log and on the dashboard until it is fixed', async () => {
    await until('the build log to settle', settled)
    const draftOrg = await api.call(admin, 'POST', '/organisations?draft=true', { name: 'Draft Organisation For Test', type: 'charity', _status: 'draft' })
    expect(draftOrg.status).toBe(201)
    const services = (await api.call(admin, 'GET', '/services?limit=2&depth=0&sort=name')).json.docs as { id: number; slug: string; name: string; organisation: number }[]
    const [bad, other] = services as [(typeof services)[0], (typeof services)[0]]
    expect((await page(`/services/${bad.slug}/`)).status).toBe(200)
    // Outside the admin: the live entry now points at a draft organisation, which visitors cannot read.
    await db.execute({ sql: 'UPDATE services SET organisation_id = ? WHERE id = ?', args: [draftOrg.json.doc.id, bad.id] })

    // Somebody else publishes an unrelated change: it must go live.
    expect((await api.call(admin, 'PATCH', `/services/${other.id}`, { name: `${other.name} (updated)` })).status).toBe(200)
    await until('the other change to go live', async () => (await page(`/services/${other.slug}/`)).text.includes(`${other.name} (updated)`))
    await until('the build log to settle', settled)
    const last = (await builds()).at(-1)!
    expect(last.status, JSON.stringify(await builds(), null, 1)).toBe('succeeded')
    expect(last.excluded).toEqual([expect.objectContaining({ collection: 'services', id: String(bad.id), title: bad.name, problem: expect.stringMatching(/organisation/) })])
    expect(last.error).toMatch(/left out/)
    expect((await page(`/services/${bad.slug}/`)).status, 'the bad record is left out').toBe(404)
    expect((await page('/support/')).text).not.toContain(bad.name)
    const html = await dashboard()
    expect(html).toContain('Some records are left out of the public site')
    expect(html).toContain(`/admin/collections/services/${bad.id}`)

    // Fixed in the admin: back on the site, and off the dashboard.
    expect((await api.call(admin, 'PATCH', `/services/${bad.id}`, { organisation: bad.organisation })).status).toBe(200)
    await until('the fixed entry to go live', async () => (await page(`/services/${bad.slug}/`)).status === 200)
    await until('the build log to settle', settled)
    expect((await builds()).at(-1)!.excluded ?? []).toEqual([])
    expect(await dashboard()).not.toContain('Some records are left out')
  })
})

describe('a refuge address forced into the database (issue 14)', () => {
  it('is never published: the entry is left out and reported, and the address is nowhere in the site', async () => {
    await until('the build log to settle', settled)
    const refuge = (await api.call(admin, 'GET', '/services?where[slug][equals]=barking-and-dagenham-refuge-accommodation&depth=0')).json.docs[0]
    expect((await page(`/services/${refuge.slug}/`)).text).toContain('The address of a refuge or safe house is never published')
    await db.execute({ sql: 'UPDATE services SET contact_address = ? WHERE id = ?', args: ['Flat 2, 77 Secret Road\nDagenham RM9 9ZZ', refuge.id] })

    const story = (await api.call(admin, 'GET', '/news?limit=1')).json.docs[0]
    expect((await api.call(admin, 'PATCH', `/news/${story.id}`, { title: `${story.title} ✓` })).status).toBe(200)
    await until('the build', async () => (await page(`/news/${story.slug}/`)).text.includes(`${story.title} ✓`))
    await until('the build log to settle', settled)
    const last = (await builds()).at(-1)!
    expect(last.status).toBe('succeeded')
    expect(last.excluded).toEqual([expect.objectContaining({ collection: 'services', id: String(refuge.id), problem: expect.stringMatching(/confidential location/) })])
    expect((await page(`/services/${refuge.slug}/`)).status).toBe(404)
    for (const route of ['/support/', '/support/refuge/', '/open-data/services.json', '/sitemap-0.xml', '/news/rss.xml', '/']) {
      const { text } = await page(route)
      expect(text, route).not.toMatch(/Secret Road|RM9 9ZZ/)
    }
    // The CMS's own Open Referral API leaves it out too, rather than show its address.
    const feed = await fetch(`${cms}/api/openreferral/services/${refuge.uuid}`)
    expect(JSON.stringify(await feed.json())).not.toMatch(/Secret Road|RM9 9ZZ/)
    await db.execute({ sql: 'UPDATE services SET contact_address = NULL WHERE id = ?', args: [refuge.id] })
  })
})
