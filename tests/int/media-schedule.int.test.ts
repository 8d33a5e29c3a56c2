/**
 * Uploads go through sharp into the sizes the site uses, only allowed types get in, alt text is
 * required; and a scheduled publish, when its time comes, publishes the draft.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paragraph } from '../helpers/lexical'
import { throwawayPayload } from '../helpers/payload'

let payload: Payload
let dir: string
// Tests feed deliberately wrong data, so the Local API's generated input types are loosened here.
const create = (args: Record<string, unknown>) => payload.create(args as never) as unknown as Promise<Record<string, any>>

beforeAll(async () => {
  ;({ payload, dir } = await throwawayPayload('media'))
})
afterAll(async () => {
  await payload?.destroy()
})

async function fieldErrors(save: () => Promise<unknown>): Promise<string> {
  try {
    await save()
  } catch (error) {
    const e = error as { message: string; data?: { errors?: { path: string; message: string }[] } }
    return JSON.stringify(e.data?.errors ?? e.message)
  }
  throw new Error('expected the upload to be refused')
}

describe('media uploads', () => {
  it('makes thumbnail, card and hero sizes as WebP and AVIF with sharp', async () => {
    const file = path.join(dir, 'photo.jpg')
    await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 30, g: 90, b: 140 } } }).jpeg().toFile(file)
    const doc = await create({ collection: 'media', data: { alt: 'A blue test image' }, filePath: file })
    expect(doc.mimeType).toBe('image/jpeg')
    expect(doc.sizes.thumbnail).toMatchObject({ width: 320, height: 240, mimeType: 'image/webp' })
    expect(doc.sizes.card).toMatchObject({ width: 640, mimeType: 'image/webp' })
    expect(doc.sizes.hero).toMatchObject({ width: 1280, mimeType: 'image/avif' })
    const stored = path.join(process.env.MEDIA_DIR!, doc.sizes.hero.filename)
    expect((await sharp(readFileSync(stored)).metadata()).format).toBe('heif')
  })

  it('requires alternative text', async () => {
    const file = path.join(dir, 'no-alt.png')
    await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).png().toFile(file)
    expect(await fieldErrors(() => create({ collection: 'media', data: {}, filePath: file }))).toMatch(/alt/)
  })

  it('refuses SVG and other types outside the allow-list, storing nothing', async () => {
    const before = (await payload.count({ collection: 'media' })).totalDocs
    const svg = path.join(dir, 'drawing.svg')
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    expect(await fieldErrors(() => create({ collection: 'media', data: { alt: 'x' }, filePath: svg }))).toMatch(/file|type|invalid/i)
    const html = path.join(dir, 'page.html')
    writeFileSync(html, '<html><body>hi</body></html>')
    expect(await fieldErrors(() => create({ collection: 'media', data: { alt: 'x' }, filePath: html }))).toMatch(/file|type|invalid/i)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before)
  })

  it('accepts a PDF (strategy documents)', async () => {
    const pdf = path.join(dir, 'strategy.pdf')
    // The smallest well-formed PDF: one empty page, a cross-reference table and a trailer.
    writeFileSync(
      pdf,
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
        '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\nxref\n0 4\n0000000000 65535 f \n' +
        'trailer<</Size 4/Root 1 0 R>>\nstartxref\n0\n%%EOF\n',
    )
    const doc = await create({ collection: 'media', data: { alt: 'Strategy document' }, filePath: pdf })
    expect(doc.mimeType).toBe('application/pdf')
  })
})


describe('scheduled publishing', () => {
  it('publishes a draft when its scheduled time comes', async () => {
    const draft = await create({
      collection: 'news',
      draft: true,
      data: { title: 'Embargoed until the board meets', date: '2026-12-01', summary: 'Later.', body: paragraph('Text.'), _status: 'draft' },
    })
    const anonymousCount = async () =>
      (await payload.find({ collection: 'news', overrideAccess: false, where: { id: { equals: draft.id } } })).totalDocs
    expect(await anonymousCount()).toBe(0)
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'news', value: draft.id } },
      waitUntil: new Date(Date.now() - 1000),
    })
    await payload.jobs.run()
    expect(await anonymousCount()).toBe(1)
  })

  it('does not publish before the time', async () => {
    const draft = await create({ collection: 'news', draft: true, data: { title: 'Next year', date: '2027-01-01', summary: 's', _status: 'draft' } })
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'news', value: draft.id } },
      waitUntil: new Date(Date.now() + 24 * 3600 * 1000),
    })
    await payload.jobs.run()
    expect((await payload.findByID({ collection: 'news', id: draft.id, draft: true }))._status).toBe('draft')
  })
})
