/**
 * Issue 20 for directory entries, as `npm start` runs it: an editor publishes the Polish version of
 * an entry, and only then does /pl/services/<slug>/ exist — in Polish, crediting its translator,
 * named by the English page's hreflang, linked from the Polish directory under its Polish name —
 * with the entry's phone number, email and opening hours exactly as on the English page. An
 * unpublished translation (a first draft, or a newer draft over the published one) never reaches
 * any built file (HTML, the open-data file, the Pagefind index, the sitemap, RSS) nor the anonymous
 * REST or Open Referral API, which stay English. Unpublishing the English entry (a service that
 * closed) is never refused for its translation, and the next build removes the translated page.
 */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { throwawayEnv } from '../helpers/env'
import { freePort } from '../helpers/ports'
import { startProduct, stopProduct, type Product } from '../helpers/product'
import { PASSWORD, restClient, type Session } from '../helpers/rest'
import { filesWith as filesIn, rebuiltAfter as rebuiltAfterIn } from '../helpers/site-output'

const DRAFT = 'Szkic usługi czajki 5521'
const PUBLISHED = 'Opublikowana usługa czajki 5521'
const NEWER_DRAFT = 'Nowszy szkic usługi czajki 5521'
// A number in Ofcom's range for drama (never a real line), given to the entry in this throwaway database.
const PHONE = '020 7946 0018'

let product: Product
let site = ''
let dist = ''
let api: ReturnType<typeof restClient>
let admin: Session
let editor: Session
let service: { id: number; slug: string }
let other: { slug: string; name: string }
let translation = 0

const filesWith = (text: string) => filesIn(dist, text)
const status = async (route: string) => (await fetch(site + route)).status
const html = async (route: string) => (await fetch(site + route)).text()
/** The contact details and the details list of a service page, as the page writes them, without the lang marks the translated page adds. */
const contactOf = (page: string) => [...page.matchAll(/<dl class="summary-list"[^>]*>([\s\S]*?)<\/dl>/g)].map((m) => m[1]!.replace(/ lang="[^"]*"/g, ''))

const rebuiltAfter = (change: () => Promise<unknown>) => rebuiltAfterIn(api, admin, change)
const republishEnglish = () => api.call(admin, 'PATCH', `/services/${service.id}`, { _status: 'published' })
const anonymousRoutes = () => [
  '/service-translations', '/service-translations?draft=true', `/service-translations/${translation}`, `/service-translations/${translation}?draft=true`, '/service-translations/versions',
  '/service-translations?locale=all&draft=true', '/service-translations?where[language][equals]=pl&draft=true', '/service-translations/count',
  `/services/${service.id}?depth=2`, `/services/${service.id}?depth=2&draft=true`, '/services?depth=2&limit=100',
  '/openreferral/services?per_page=100', `/openreferral/services/${service.id}`,
]

beforeAll(async () => {
  const [cmsPort, sitePort] = [await freePort(), await freePort()]
  const base = throwawayEnv('service-translations')
  dist = path.join(base.TEST_DIR, 'dist')
  product = await startProduct({ ...base, CMS_PORT: String(cmsPort), SITE_PORT: String(sitePort), CMS_PUBLIC_URL: `http://127.0.0.1:${cmsPort}`, SITE_DIST_DIR: dist, SITE_REBUILD_DEBOUNCE_MS: '300' })
  site = `http://127.0.0.1:${sitePort}`
  api = restClient(`http://127.0.0.1:${cmsPort}`)
  admin = await api.admin()
  await api.call(admin, 'POST', '/users', { name: 'Service translator', email: 'service-translations@example.org', password: PASSWORD, role: 'editor' })
  editor = await api.login('service-translations@example.org', PASSWORD)
  // A seeded domestic-abuse entry that is not a refuge, given contact details and opening hours here.
  const docs = (await api.call(admin, 'GET', '/services?limit=100&sort=slug&depth=0&where[categories][contains]=domestic-abuse')).json.docs as { id: number; slug: string; name: string; categories: string[]; locationConfidential?: boolean }[]
  const open = docs.filter((d) => !d.locationConfidential && !d.categories.includes('refuge'))
  service = open[0]!
  other = open[1]!
  const set = await api.call(admin, 'PATCH', `/services/${service.id}`, { contact: { phone: PHONE, email: 'help@example.org' }, openingHours: 'Monday to Friday, 9am to 5pm' })
  expect(set.status, JSON.stringify(set.json)).toBe(200)
}, 400_000)

afterAll(async () => {
  await stopProduct(product)
})

describe('a Polish version of a directory entry', () => {
  it('as a draft: no page, and nothing of it in any built file or the anonymous API', async () => {
    const created = await api.call(editor, 'POST', '/service-translations?draft=true', { service: service.id, language: 'pl', name: DRAFT, description: `${DRAFT} opis`, eligibility: `${DRAFT} kto`, translator: 'Zespół tłumaczy', lastChecked: '2026-11-20', _status: 'draft' })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    translation = created.json.doc.id
    expect((await rebuiltAfter(republishEnglish)).status).toBe('succeeded')

    expect(await status(`/pl/services/${service.slug}/`)).toBe(404)
    expect(await filesWith(DRAFT)).toEqual([])
    for (const route of anonymousRoutes()) expect(JSON.stringify((await api.call({}, 'GET', route)).json), route).not.toContain(DRAFT)
  })

  it('published: /pl/services/<slug>/ in Polish, with the English contact details unchanged; linked from the Polish directory; the open data stays English', async () => {
    await api.call(editor, 'PATCH', `/service-translations/${translation}?draft=true`, { name: PUBLISHED, description: `${PUBLISHED} opis`, eligibility: `${PUBLISHED} kto` })
    expect((await rebuiltAfter(() => api.call(editor, 'PATCH', `/service-translations/${translation}`, { _status: 'published' }))).status).toBe('succeeded')

    const polish = await html(`/pl/services/${service.slug}/`)
    const english = await html(`/services/${service.slug}/`)
    expect(polish).toMatch(/<html[^>]* lang="pl"/)
    expect(polish).toMatch(new RegExp(`<h1[^>]*>${PUBLISHED}</h1>`))
    expect(polish).toContain(`${PUBLISHED} opis`)
    expect(polish).toContain('Tłumaczenie: Zespół tłumaczy')
    expect(polish).toMatch(new RegExp(`<a href="/services/${service.slug}/" hreflang="en"`))
    // Phone, email, opening hours: the English page's own markup, marked as English.
    const [contactPl, contactEn] = [contactOf(polish)[0], contactOf(english)[0]]
    expect(contactPl).toContain(PHONE)
    expect(contactPl).toEqual(contactEn)
    for (const page of [polish, english]) expect(page).toContain('<dt>Opening hours</dt><dd>Monday to Friday, 9am to 5pm</dd>')
    expect(polish).toContain(`<a href="tel:02079460018">${PHONE}</a>`)
    expect(polish).toMatch(/<dl class="summary-list" lang="en"[^>]*>/)
    expect(english).toContain(`<link rel="alternate" hreflang="pl" href="/pl/services/${service.slug}/">`)
    expect(english).not.toContain(`hreflang="ro" href="/ro/services/`)
    expect(polish).toContain(`<link rel="alternate" hreflang="en" href="/services/${service.slug}/">`)

    // The Polish directory links it under its Polish name, not marked as English; an untranslated one stays English.
    const directory = await html('/pl/support/')
    expect(directory).toContain(`<a href="/pl/services/${service.slug}/">${PUBLISHED}</a>`)
    expect(directory).toMatch(new RegExp(`<a href="/services/${other.slug}/" lang="en" hreflang="en">`))
    expect(await html('/pl/support/domestic-abuse/')).toContain(`<a href="/pl/services/${service.slug}/">${PUBLISHED}</a>`)
    expect(await html('/ro/support/')).not.toContain(PUBLISHED)

    // Only Polish pages hold it: not the open data, the English pages, RSS or (service pages are not searched) Pagefind.
    const found = await filesWith(PUBLISHED)
    expect(found.length).toBeGreaterThan(2)
    expect(found.filter((f) => !f.startsWith('pl/'))).toEqual([])
    expect(found).toContain(`pl/services/${service.slug}/index.html`)
    expect(await html('/sitemap-0.xml')).toContain(`/pl/services/${service.slug}/`)
    for (const route of ['/openreferral/services?per_page=100', `/openreferral/services/${service.id}`]) expect(JSON.stringify((await api.call({}, 'GET', route)).json), route).not.toContain(PUBLISHED)
  })

  it('a newer draft over the published version reaches no built file nor the API; the published text stays', async () => {
    await api.call(editor, 'PATCH', `/service-translations/${translation}?draft=true`, { name: NEWER_DRAFT, description: `${NEWER_DRAFT} opis` })
    expect((await rebuiltAfter(republishEnglish)).status).toBe('succeeded')
    expect(await filesWith(NEWER_DRAFT)).toEqual([])
    expect(await html(`/pl/services/${service.slug}/`)).toMatch(new RegExp(`<h1[^>]*>${PUBLISHED}</h1>`))
    for (const route of anonymousRoutes()) expect(JSON.stringify((await api.call({}, 'GET', route)).json), route).not.toContain(NEWER_DRAFT)
  })

  it('unpublishing the English entry is not refused for its live translation, and the next build removes the translated page', async () => {
    const build = await rebuiltAfter(async () => {
      const unpublished = await api.call(editor, 'PATCH', `/services/${service.id}`, { _status: 'draft' })
      expect(unpublished.status, JSON.stringify(unpublished.json)).toBe(200)
    })
    expect(build.status).toBe('succeeded')
    expect(await status(`/services/${service.slug}/`)).toBe(404)
    expect(await status(`/pl/services/${service.slug}/`)).toBe(404)
    expect(await filesWith(PUBLISHED)).toEqual([])
    expect(JSON.stringify((await api.call({}, 'GET', '/service-translations')).json)).not.toContain(PUBLISHED)
  })
})
