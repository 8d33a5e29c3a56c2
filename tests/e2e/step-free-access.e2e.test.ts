/**
 * Step-free access at the venue, end to end (issue 15's worked example of adding a field): the CMS
 * takes "yes / no / not known" with a short note and refuses anything else on the field; the Open
 * Referral API states it as the location's `accessibility`, only when known; the built site shows
 * it on every service page ("Not known" for every seeded entry: no paper says) and filters the
 * directory by it.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../helpers/chromium'
import { restClient, type Session } from '../helpers/rest'

const cms = inject('cmsUrl')
const siteUrl = inject('siteUrl')
const siteDir = inject('siteDir')
const { call, admin } = restClient(cms)
let root: Session
const made: number[] = []
const stamp = Date.now()

beforeAll(async () => {
  root = await admin()
})
afterAll(async () => {
  for (const id of made) await call(root, 'DELETE', `/services/${id}`)
})

const entry = (name: string, extra: Record<string, unknown>) => ({
  name, providerNotNamed: true, description: 'A test entry.', categories: ['housing'], audiences: ['everyone'], areas: ['newham'], _status: 'published', ...extra,
})

describe('in the CMS', () => {
  it('is "not known" unless someone says otherwise, and refuses other answers and long notes on the field', async () => {
    const plain = await call(root, 'POST', '/services', entry(`Step-free default ${stamp}`, {}))
    expect(plain.status, JSON.stringify(plain.json)).toBe(201)
    made.push(plain.json.doc.id)
    expect(plain.json.doc.stepFreeAccess).toMatchObject({ status: 'unknown' })

    const wrong = await call(root, 'POST', '/services', entry(`Step-free wrong ${stamp}`, { stepFreeAccess: { status: 'maybe', note: 'x'.repeat(201) } }))
    expect(wrong.status).toBe(400)
    const paths = (wrong.json.errors[0].data.errors as { path: string }[]).map((e) => e.path).sort()
    expect(paths).toEqual(['stepFreeAccess.note', 'stepFreeAccess.status'])
  })

  it('reaches the Open Referral API as the venue’s accessibility, with the note as details', async () => {
    const venue = await call(root, 'POST', '/services', entry(`Step-free venue ${stamp}`, {
      contact: { address: 'Civic Centre\nIlford\nIG1 1DD' },
      stepFreeAccess: { status: 'yes', note: 'Level entrance; lift to all floors.' },
    }))
    expect(venue.status, JSON.stringify(venue.json)).toBe(201)
    made.push(venue.json.doc.id)
    const feed = (await call({}, 'GET', `/openreferral/services/${venue.json.doc.uuid}`)).json
    expect(feed.service_at_locations[0].location.accessibility).toEqual([
      expect.objectContaining({ description: 'Step-free access', details: 'Level entrance; lift to all floors.' }),
    ])
  })
})

describe('on the built site', () => {
  const mainText = (page: string) =>
    (readFileSync(path.join(siteDir, page, 'index.html'), 'utf8').match(/<main[\s\S]*?<\/main>/)?.[0] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

  it('says "Not known" on a seeded service page, since no paper says', () => {
    expect(mainText('services/excel-womens-centre')).toMatch(/Step-free access Not known\. Ask the service before you visit\./)
  })

  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => browser?.close())

  it('filters the directory by it', async () => {
    const page = await browser.newPage()
    await page.goto(`${siteUrl}/support/`)
    const total = await page.locator('[data-service]').count()
    expect(total).toBeGreaterThan(0)
    const options = await page.locator('#f-step-free option').allTextContents()
    expect(options).toEqual(['Any', 'Step-free access', 'No step-free access', 'Not known'])

    await page.selectOption('#f-step-free', 'yes')
    await expect.poll(() => page.textContent('[data-directory-count]')).toBe('0 services')
    expect(await page.isVisible('[data-directory-empty]')).toBe(true)

    await page.selectOption('#f-step-free', 'unknown')
    await expect.poll(() => page.textContent('[data-directory-count]')).toBe(`${total} services`)
    await page.close()
  })
})
