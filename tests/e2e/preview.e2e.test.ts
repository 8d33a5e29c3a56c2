/**
 * Preview (issue 18): a saved draft as the public site will show it, rendered by the site's own page
 * components (site/components/pages/) on the CMS's origin — GET /preview/<collection>/<id> with the
 * REST API's credentials, live preview beside the edit form, and shared links for people without an
 * account. Against the running test CMS (over HTTP and in Chromium), on records of the test's own.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../helpers/chromium'
import { paragraph } from '../helpers/lexical'
import { PASSWORD, restClient, type Session } from '../helpers/rest'
import { filesIn } from '../helpers/site-pages'

const cms = inject('cmsUrl')
const siteDir = inject('siteDir')
const { call, login, admin } = restClient(cms)
const stamp = Date.now()
const DRAFT_TEXT = `Preview draft summary ${stamp} zebra-quill`

let browser: Browser
let root: Session
let editor: Session
let partner: Session
let redbridge: { id: number }
let strategy: { id: number; slug: string }
let orgA: { id: number }
let orgB: { id: number }
let serviceA: { id: number }
let serviceB: { id: number }
let meeting: { id: number }
const items: number[] = []
const users: number[] = []
const links: number[] = []

/** GET a preview with a session's token (or none), as a REST client would. */
const preview = (route: string, session?: Session) =>
  fetch(`${cms}/preview/${route}`, { headers: session?.token ? { Authorization: `JWT ${session.token}` } : {}, redirect: 'manual' })

const one = async (collection: string, slug: string) => {
  const { json } = await call(root, 'GET', `/${collection}?where[slug][equals]=${slug}&depth=0`)
  return json.docs[0] as { id: number; slug: string }
}

beforeAll(async () => {
  browser = await launchChromium()
  root = await admin()
  redbridge = await one('partnerships', 'redbridge-csp')
  const made = await call(root, 'POST', '/strategies', {
    title: `Preview test strategy ${stamp}`, partnership: redbridge.id, periodStart: 2024, periodEnd: 2027,
    status: 'adopted', summary: 'The published summary.', body: paragraph('Published body.'), _status: 'published',
  })
  expect(made.status, JSON.stringify(made.json)).toBe(201)
  strategy = made.json.doc
  for (const [key, name] of [['A', 'orgA'], ['B', 'orgB']] as const) {
    const org = await call(root, 'POST', '/organisations', { name: `Preview test organisation ${key} ${stamp}`, type: 'charity', _status: 'published' })
    expect(org.status, JSON.stringify(org.json)).toBe(201)
    if (name === 'orgA') orgA = org.json.doc
    else orgB = org.json.doc
    const service = await call(root, 'POST', '/services', {
      name: `Preview test service ${key} ${stamp}`, organisation: org.json.doc.id, description: `Published description ${key}.`,
      categories: ['domestic-abuse'], audiences: ['everyone'], areas: ['newham'], _status: 'published',
    })
    expect(service.status, JSON.stringify(service.json)).toBe(201)
    if (key === 'A') serviceA = service.json.doc
    else serviceB = service.json.doc
  }
  const m = await call(root, 'POST', '/meetings', { title: `Preview test meeting ${stamp}`, partnership: redbridge.id, board: 'Test board', date: '2026-01-15T00:00:00.000Z', _status: 'draft' })
  expect(m.status, JSON.stringify(m.json)).toBe(201)
  meeting = m.json.doc
  for (const [n, classification] of [['1', 'public'], ['2', 'restricted'], ['3', 'confidential']] as const) {
    const item = await call(root, 'POST', '/agenda-items', { meeting: meeting.id, number: n, position: Number(n), title: `Item ${n} ${classification} ${stamp}`, classification, summary: `Summary of a ${classification} item ${stamp}` })
    expect(item.status, JSON.stringify(item.json)).toBe(201)
    items.push(item.json.doc.id)
  }
  for (const [role, organisation] of [['editor', undefined], ['partner', orgA.id]] as const) {
    const email = `preview-${role}-${stamp}@example.org`
    const user = await call(root, 'POST', '/users', { name: `Preview ${role}`, email, password: PASSWORD, role, organisation })
    expect(user.status, JSON.stringify(user.json)).toBe(201)
    users.push(user.json.doc.id)
  }
  editor = await login(`preview-editor-${stamp}@example.org`, PASSWORD)
  partner = await login(`preview-partner-${stamp}@example.org`, PASSWORD)
})

afterAll(async () => {
  await browser?.close()
  for (const id of links) await call(root, 'DELETE', `/preview-links/${id}`)
  for (const id of items) await call(root, 'DELETE', `/agenda-items/${id}`)
  if (meeting) await call(root, 'DELETE', `/meetings/${meeting.id}`)
  for (const s of [serviceA, serviceB]) if (s) await call(root, 'DELETE', `/services/${s.id}`)
  for (const o of [orgA, orgB]) if (o) await call(root, 'DELETE', `/organisations/${o.id}`)
  if (strategy) await call(root, 'DELETE', `/strategies/${strategy.id}`)
  for (const id of users) await call(root, 'DELETE', `/users/${id}`)
})

describe('an editor previews a draft', () => {
  it('shows the saved draft; the published document (what the site is built from) does not change', async () => {
    const saved = await call(editor, 'PATCH', `/strategies/${strategy.id}?draft=true`, { summary: DRAFT_TEXT })
    expect(saved.status, JSON.stringify(saved.json)).toBe(200)
    const response = await preview(`strategies/${strategy.id}`, editor)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(DRAFT_TEXT)
    expect(html).toContain('Preview — not published')
    const publicRead = await call({}, 'GET', `/strategies/${strategy.id}`)
    expect(publicRead.status).toBe(200)
    expect(publicRead.json.summary).toBe('The published summary.')
  })

  it('answers noindex, no-store and the site’s Content-Security-Policy (no unsafe-inline), framable by the admin only', async () => {
    const response = await preview(`strategies/${strategy.id}`, editor)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-robots-tag')).toMatch(/noindex/)
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    const html = await response.text()
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/)
    // Astro sends the site's CSP (astro.config.mjs security.csp) as a header on on-demand pages.
    const csp = response.headers.get('content-security-policy')
    expect(csp).toBeTruthy()
    for (const directive of ["default-src 'self'", "frame-src 'none'", "object-src 'none'", 'script-src', "frame-ancestors 'self'"]) expect(csp).toContain(directive)
    expect(csp).not.toContain('unsafe-inline')
  })

  it('shows the quick exit first, and the banner after it in the page flow (never covering it)', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 700 } })
    await context.addCookies([{ name: 'payload-token', value: editor.token!, url: cms }])
    const page = await context.newPage()
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(`${cms}/preview/strategies/${strategy.id}`)
    await page.getByText(DRAFT_TEXT).waitFor()
    const exit = page.getByRole('link', { name: /quick exit/i }).first()
    const banner = page.locator('.preview-banner')
    const [e, b] = [await exit.boundingBox(), await banner.boundingBox()]
    expect(e && b).toBeTruthy()
    // No overlap: the banner starts below the quick exit's bottom edge, or entirely beside it.
    const overlaps = !(b!.y >= e!.y + e!.height || b!.y + b!.height <= e!.y || b!.x >= e!.x + e!.width || b!.x + b!.width <= e!.x)
    expect(overlaps).toBe(false)
    expect(await exit.isVisible()).toBe(true)
    expect(errors.filter((t) => /Content Security Policy|Refused/.test(t))).toEqual([])
    await context.close()
  })

  it('is the same page the site builds: a published document’s preview equals its built HTML but for what is named here', async () => {
    const seed = await one('strategies', 'making-redbridge-safe-2022-2025')
    const priority = await one('priorities', 'tackling-violence-against-women-and-girls').catch(() => undefined)
    const pairs: [string, string][] = [[`strategies/${seed.id}`, 'strategies/making-redbridge-safe-2022-2025/index.html']]
    if (priority) pairs.push([`priorities/${priority.id}`, `strategies/making-redbridge-safe-2022-2025/${priority.slug}/index.html`])
    for (const [route, file] of pairs) {
      const previewed = await (await preview(route, editor)).text()
      const built = readFileSync(path.join(siteDir, file), 'utf8')
      expect(comparable(previewed), route).toBe(comparable(built))
    }
  })
})

/**
 * What may differ between a preview and the built page: the preview's banner and head (noindex,
 * the draft's version, the live-preview script), the CSS/JS bundle file names and chunking (two
 * builds), and the CSP meta whose hashes cover those scripts. Everything else must be identical.
 */
function comparable(html: string): string {
  return html
    .replace(/<div class="preview-banner".*?<\/div>/s, '')
    .replace(/<meta name="robots" content="noindex, nofollow"[^>]*>/, '')
    .replace(/<meta name="preview-version"[^>]*>/, '')
    .replace(/<meta http-equiv="content-security-policy"[^>]*>/i, '')
    .replace(/<link rel="stylesheet"[^>]*>/g, '')
    .replace(/<style>.*?<\/style>/gs, '')
    .replace(/<script\b[^>]*>.*?<\/script>/gs, '')
}

describe('who may preview what', () => {
  it('without credentials: 401; an unknown collection or id: 404', async () => {
    expect((await preview(`strategies/${strategy.id}`)).status).toBe(401)
    expect((await preview(`users/${users[0]}`, editor)).status).toBe(404)
    expect((await preview('strategies/99999999', editor)).status).toBe(404)
    expect((await preview('strategies/not-an-id', editor)).status).toBe(404)
  })

  it('a partner previews their own entry’s draft, and is refused another organisation’s and the comms team’s drafts', async () => {
    const submitted = await call(partner, 'PATCH', `/services/${serviceA.id}`, { description: `Partner draft ${stamp}` })
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(200)
    const own = await preview(`services/${serviceA.id}`, partner)
    expect(own.status).toBe(200)
    expect(await own.text()).toContain(`Partner draft ${stamp}`)
    const others = await preview(`services/${serviceB.id}`, partner)
    expect([403, 404]).toContain(others.status)
    expect(await others.text()).not.toContain('Published description B')
    expect([403, 404]).toContain((await preview(`strategies/${strategy.id}`, partner)).status)
  })

  it('a draft the site’s schema refuses shows the field-level reason instead of a blank page', async () => {
    const saved = await call(editor, 'PATCH', `/strategies/${strategy.id}?draft=true`, { summary: '' })
    expect(saved.status, JSON.stringify(saved.json)).toBe(200)
    const response = await preview(`strategies/${strategy.id}`, editor)
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toMatch(/summary/)
    expect(html).toMatch(/cannot be shown/)
    await call(editor, 'PATCH', `/strategies/${strategy.id}?draft=true`, { summary: DRAFT_TEXT })
  })

  it('an organisation (no page of its own) says which public pages show it, and renders the first', async () => {
    const { json: service } = await call(root, 'GET', `/services/${serviceA.id}?depth=0`)
    const response = await preview(`organisations/${orgA.id}`, editor)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/An organisation has no page of its own/)
    expect(html).toMatch(new RegExp(`shows on one public page: <code[^>]*>/services/${service.slug}/</code>`))
    expect(html).toContain(`Preview test organisation A ${stamp}`)
  })

  it('a meeting’s preview shows its public items only', async () => {
    const html = await (await preview(`meetings/${meeting.id}`, editor)).text()
    expect(html).toContain(`Item 1 public ${stamp}`)
    expect(html).not.toContain(`restricted ${stamp}`)
    expect(html).not.toContain(`confidential ${stamp}`)
  })
})

describe('shared links', () => {
  const share = async (collection: string, id: number) => {
    const made = await call(editor, 'POST', '/preview-links', { label: `Test link ${stamp}`, collectionSlug: collection, documentId: String(id) })
    expect(made.status, JSON.stringify(made.json)).toBe(201)
    links.push(made.json.doc.id)
    const { json } = await call(editor, 'GET', `/preview-links/${made.json.doc.id}`)
    expect(json.url).toMatch(/\/preview\/share\//)
    expect(json.salt).toBeUndefined()
    return { id: made.json.doc.id as number, url: new URL(json.url as string).pathname, expiresAt: json.expiresAt as string }
  }

  it('expire in 7 days by default and refuse more than 14, on the field', async () => {
    const link = await share('strategies', strategy.id)
    const days = (new Date(link.expiresAt).getTime() - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(6.9)
    expect(days).toBeLessThan(7.1)
    const tooLong = await call(editor, 'POST', '/preview-links', { label: 'too long', collectionSlug: 'strategies', documentId: String(strategy.id), expiresAt: new Date(Date.now() + 15 * 86_400_000).toISOString() })
    expect(tooLong.status).toBe(400)
    expect(JSON.stringify(tooLong.json)).toMatch(/at most 14 days/)
    expect((await call(partner, 'POST', '/preview-links', { label: 'x', collectionSlug: 'services', documentId: String(serviceA.id) })).status).toBe(403)
    expect((await call(partner, 'GET', '/preview-links')).status).toBe(403)
  })

  it('work without an account, then answer the same plain 404 after revocation, after expiry and for an unknown token', async () => {
    const revoked = await share('strategies', strategy.id)
    const expired = await share('strategies', strategy.id)
    for (const link of [revoked, expired]) {
      const response = await fetch(cms + link.url)
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(await response.text()).toContain(DRAFT_TEXT)
    }
    expect((await call(editor, 'PATCH', `/preview-links/${revoked.id}`, { revoked: true })).status).toBe(200)
    expect((await call(editor, 'PATCH', `/preview-links/${expired.id}`, { expiresAt: new Date(Date.now() - 1000).toISOString() })).status).toBe(200)
    const unknown = revoked.url.replace(/-[A-Za-z0-9_-]{43}$/, `-${'A'.repeat(43)}`)
    const answers = await Promise.all([revoked.url, expired.url, unknown, '/preview/share/nonsense'].map(async (u) => {
      const response = await fetch(cms + u)
      return { status: response.status, body: await response.text() }
    }))
    for (const answer of answers) {
      expect(answer.status).toBe(404)
      expect(answer.body).toBe(answers[0]!.body)
      expect(answer.body).not.toContain(DRAFT_TEXT)
    }
  })

  it('never show restricted meeting items', async () => {
    const link = await share('meetings', meeting.id)
    const html = await (await fetch(cms + link.url)).text()
    expect(html).toContain(`Item 1 public ${stamp}`)
    expect(html).not.toContain(`restricted ${stamp}`)
    expect(html).not.toContain(`confidential ${stamp}`)
  })
})

describe('shared links on the document’s own edit screen', () => {
  it('staff see its live links with their expiry, create one and revoke it there; a partner sees no panel', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
    await context.addCookies([{ name: 'payload-token', value: editor.token!, url: cms }])
    const page = await context.newPage()
    await page.goto(`${cms}/admin/collections/strategies/${strategy.id}`)
    const panel = page.getByRole('region', { name: 'Shared preview links' })
    await panel.waitFor({ timeout: 30_000 })
    const label = `Panel link ${stamp}`
    await panel.getByLabel('Who it is for').fill(label)
    await panel.getByLabel(/Days until it expires/).fill('3')
    await panel.getByRole('button', { name: 'Create a shared link' }).click()
    const item = panel.getByRole('listitem').filter({ hasText: label })
    await item.waitFor()
    const { json } = await call(editor, 'GET', `/preview-links?where[label][equals]=${encodeURIComponent(label)}&depth=0`)
    expect(json.docs).toHaveLength(1)
    links.push(json.docs[0].id)
    const days = (new Date(json.docs[0].expiresAt).getTime() - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(2.9)
    expect(days).toBeLessThan(3.1)
    expect(await item.textContent()).toMatch(/Expires \d{1,2} \w{3} \d{4}/)
    expect(await item.getByRole('link').getAttribute('href')).toBe(json.docs[0].url)
    // Only live links: the revoked and expired ones made above for this strategy are not listed.
    expect(await panel.getByRole('listitem').count()).toBe((await call(editor, 'GET', `/preview-links?where[documentId][equals]=${strategy.id}&where[collectionSlug][equals]=strategies&where[revoked][equals]=false&where[expiresAt][greater_than]=${new Date().toISOString()}`)).json.totalDocs)
    await item.getByRole('button', { name: `Revoke the link for ${label}` }).click()
    await expect.poll(() => item.count()).toBe(0)
    expect((await call(editor, 'GET', `/preview-links/${json.docs[0].id}`)).json.revoked).toBe(true)
    await context.close()

    const partnerContext = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
    await partnerContext.addCookies([{ name: 'payload-token', value: partner.token!, url: cms }])
    const partnerPage = await partnerContext.newPage()
    await partnerPage.goto(`${cms}/admin/collections/services/${serviceA.id}`)
    await partnerPage.locator('#field-name').waitFor({ timeout: 30_000 })
    expect(await partnerPage.getByText('Shared preview links').count()).toBe(0)
    await partnerContext.close()
  })
})

describe('pictures in a preview', () => {
  let story: { id: number }
  let media: { id: number }
  beforeAll(async () => {
    // A generated rectangle (never a real photograph), uploaded as the admin does: multipart.
    const png = await sharp({ create: { width: 1000, height: 500, channels: 3, background: { r: 120, g: 40, b: 90 } } }).png().toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `preview-test-${stamp}.png`)
    form.append('_payload', JSON.stringify({ alt: `Preview test picture ${stamp}` }))
    const uploaded = await fetch(`${cms}/api/media`, { method: 'POST', headers: { Authorization: `JWT ${root.token}` }, body: form })
    expect(uploaded.status, await uploaded.clone().text()).toBe(201)
    media = (await uploaded.json()).doc
    const made = await call(editor, 'POST', '/news?draft=true', {
      title: `Preview test story ${stamp}`, date: '2026-01-20T00:00:00.000Z', summary: `Draft story ${stamp}`, body: paragraph('Draft body.'),
      partnerships: [redbridge.id], image: media.id, _status: 'draft',
    })
    expect(made.status, JSON.stringify(made.json)).toBe(201)
    story = made.json.doc
  })
  afterAll(async () => {
    if (story) await call(root, 'DELETE', `/news/${story.id}`)
    if (media) await call(root, 'DELETE', `/media/${media.id}`)
  })

  const pictureOf = async (route: string, session?: Session) => {
    const html = await (await preview(route, session)).text()
    return [...html.matchAll(/(?:src|srcset)="([^"]+)"/g)].flatMap((m) => m[1]!.split(',').map((c) => c.trim().split(/\s+/)[0]!)).filter((u) => u.includes('/media/'))
  }

  it('a draft story’s picture loads in Chromium, same-origin under the preview’s own address, with the site’s CSP', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.addCookies([{ name: 'payload-token', value: editor.token!, url: cms }])
    const page = await context.newPage()
    const images: { url: string; status: number }[] = []
    const errors: string[] = []
    page.on('response', (r) => r.request().resourceType() === 'image' && images.push({ url: r.url(), status: r.status() }))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(`${cms}/preview/news/${story.id}`)
    const img = page.locator('article picture img')
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 30_000 }).toBeGreaterThan(0)
    expect(await img.getAttribute('alt')).toBe(`Preview test picture ${stamp}`)
    expect(images.length).toBeGreaterThan(0)
    for (const image of images) {
      expect(image.url.startsWith(`${cms}/preview/news/${story.id}/media/`), image.url).toBe(true)
      expect(image.status, image.url).toBe(200)
    }
    // (The page's /favicon.svg is the public site's, not on this origin: a 404 the quick-exit test ignores too.)
    expect(errors.filter((t) => /Content Security Policy|Refused/.test(t))).toEqual([])
    await context.close()
  })

  it('its files are served only to whoever may see the draft: not anonymously, not to a partner, and through a shared link until it is revoked', async () => {
    const files = await pictureOf(`news/${story.id}`, editor)
    expect(files.length).toBeGreaterThan(2)
    const own = await fetch(cms + files[0]!, { headers: { Authorization: `JWT ${editor.token}` } })
    expect(own.status).toBe(200)
    expect(own.headers.get('content-type')).toMatch(/^image\/(avif|webp)$/)
    expect(own.headers.get('cache-control')).toBe('no-store')
    expect((await sharp(Buffer.from(await own.arrayBuffer())).metadata()).width).toBeGreaterThan(0)
    expect((await fetch(cms + files[0]!)).status).toBe(401)
    expect((await fetch(cms + files[0]!, { headers: { Authorization: `JWT ${partner.token}` } })).status).toBe(404)
    // A file name the page does not show, even one of a real picture's hash at another width: 404.
    expect((await fetch(cms + files[0]!.replace(/-(\d+)\./, '-123.'), { headers: { Authorization: `JWT ${editor.token}` } })).status).toBe(404)

    const made = await call(editor, 'POST', '/preview-links', { label: `Picture link ${stamp}`, collectionSlug: 'news', documentId: String(story.id) })
    expect(made.status, JSON.stringify(made.json)).toBe(201)
    links.push(made.json.doc.id)
    const { json } = await call(editor, 'GET', `/preview-links/${made.json.doc.id}`)
    const shared = await pictureOf(new URL(json.url as string).pathname.replace(/^\/preview\//, ''))
    expect(shared.length).toBeGreaterThan(2)
    expect(shared[0]).toMatch(/^\/preview\/share\/[^/]+\/media\//)
    expect((await fetch(cms + shared[0]!)).status).toBe(200)
    await call(editor, 'PATCH', `/preview-links/${made.json.doc.id}`, { revoked: true })
    expect((await fetch(cms + shared[0]!)).status).toBe(404)
  })
})

describe('live preview beside the form', () => {
  it('updates after a save', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
    await context.addCookies([{ name: 'payload-token', value: editor.token!, url: cms }])
    const page = await context.newPage()
    await page.goto(`${cms}/admin/collections/strategies/${strategy.id}`)
    await page.locator('#live-preview-toggler').click()
    const frame = page.frameLocator('iframe#live-preview-iframe')
    await frame.getByText(DRAFT_TEXT).waitFor({ timeout: 30_000 })
    const next = `Saved from the form ${stamp}`
    await page.locator('#field-summary').fill(next)
    await page.getByRole('button', { name: /save draft/i }).click()
    await frame.getByText(next).waitFor({ timeout: 30_000 })
    await context.close()
  })
})

describe('nothing of a preview reaches the built site', () => {
  it('no built file holds this test’s draft text', () => {
    for (const file of filesIn(siteDir)) expect(readFileSync(file, 'latin1').includes(`zebra-quill`), file).toBe(false)
  })
})
