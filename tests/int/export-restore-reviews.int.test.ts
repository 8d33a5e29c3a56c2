/**
 * Backups carry domestic homicide reviews and their recommendations (issue 21). content/ is seeded
 * into database 1 with the fictional review fixtures (tests/helpers/review-fixtures.ts): a
 * published review with a QA letter PDF and three recommendations, one of them with a partner's
 * update waiting for review; a review available on request; a draft review never published; a
 * published review with a newer draft. Exported to folder A; A restored into an empty database 2
 * with the real `npm run seed -- --from A`; database 2 exported to B: A and B must be identical.
 * A backup holding a review the CMS refuses is not half-restored.
 */
import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportContent } from '../../cms/seed/export'
import { seedFromFolder } from '../../cms/seed/seed'
import { throwawayEnv } from '../helpers/env'
import { throwawayPayload } from '../helpers/payload'
import { REVIEW_FIXTURES as F, seedTestReviews } from '../helpers/review-fixtures'

const run = promisify(execFile)
const TSX = path.resolve('node_modules/.bin/tsx')
const PENDING_NOTE = 'Test fixture: the fictional training has been delivered'

let payload: Payload
let folderA: string
let folderB: string
let restoreOutput: string

const listFiles = (root: string, under = ''): string[] =>
  readdirSync(path.join(root, under), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(root, path.join(under, entry.name)) : [path.join(under, entry.name)]))
    .sort()
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'))
const reviewFile = (folder: string, slug: string) => json(path.join(folder, 'reviews', `${slug}.json`))

beforeAll(async () => {
  let dir: string
  ;({ payload, dir } = await throwawayPayload('export-reviews-a'))
  const work = mkdtempSync(path.join(tmpdir(), 'csp-hub-review-backups-'))
  folderA = path.join(work, 'A')
  folderB = path.join(work, 'B')
  await seedFromFolder(payload, path.resolve('content'))
  await seedTestReviews(payload, dir)
  // Adult V holds a redaction term in its live report, written past the CMS (the fixture's point):
  // the CMS would refuse to publish it again, so it cannot round-trip; the last test covers that refusal.
  const redacted = (await payload.find({ collection: 'reviews', where: { slug: { equals: F.redacted.slug } }, depth: 0 })).docs[0]!
  await payload.delete({ collection: 'reviews', id: redacted.id })
  // Adult U, past its window, moved to "available on request" as the daily job does.
  const expired = (await payload.find({ collection: 'reviews', where: { slug: { equals: F.expired.slug } }, depth: 0 })).docs[0]!
  await payload.update({ collection: 'reviews', id: expired.id, data: { status: 'available-on-request', _status: 'published' } })
  // A partner's update to a recommendation, waiting for an editor: a draft over the live record.
  const rec = (await payload.find({ collection: 'recommendations', where: { recommendation: { equals: F.recommendation } }, depth: 0 })).docs[0]!
  await payload.update({
    collection: 'recommendations',
    id: rec.id,
    draft: true,
    data: { status: 'done', statusNote: PENDING_NOTE, review: { state: 'pending', submittedAt: '2026-11-20T09:30:00.000Z' }, _status: 'draft' } as never,
  })

  await exportContent(payload, folderA)
  const env2 = throwawayEnv('export-reviews-b')
  restoreOutput = (await run(TSX, ['scripts/seed.ts', '--from', folderA], { env: env2 })).stdout
  await run(TSX, ['scripts/export.ts', folderB], { env: env2 })
}, 300_000)

afterAll(async () => {
  await payload?.destroy()
})

describe('export of reviews', () => {
  it('writes one file per review, drafts included, and keeps content/ free of reviews', () => {
    expect(listFiles(path.join(folderA, 'reviews'))).toEqual([F.live, F.expired, F.draft, F.newTerm].map((r) => `${r.slug}.json`).sort())
    expect(existsSync(path.resolve('content/reviews'))).toBe(false)
  })

  it('holds the staff-only fields, the QA letter as a media file, and the recommendations nested in order', () => {
    const live = reviewFile(folderA, F.live.slug)
    expect(live).toMatchObject({
      pseudonym: F.live.pseudonym,
      status: 'published',
      qaLetter: 'test-fixture-qa-letter.pdf',
      qaLetterTitle: F.qaLetterTitle,
      publicationChecks: { familyConsultedOn: '2026-02-16', familyOutcome: `${F.staffMarker}: family view`, criminalProceedings: 'concluded', inquest: 'concluded' },
      redactionTerms: [{ term: F.term }],
    })
    expect(live.executiveSummary).toMatch(/^## About this test fixture/)
    expect(live.recommendations.map((r: { order: number }) => r.order)).toEqual([1, 2, 3])
    expect(json(path.join(folderA, 'media.json'))).toContainEqual({ file: 'test-fixture-qa-letter.pdf', alt: 'Test fixture PDF' })
    expect(listFiles(path.join(folderA, 'media'))).toContain('test-fixture-qa-letter.pdf')
  })

  it('keeps a partner’s pending recommendation update beside the live one, and each draft as a draft', () => {
    const [first] = reviewFile(folderA, F.live.slug).recommendations
    expect(first).toMatchObject({ status: 'in-progress', statusNote: 'Test fixture: training booked' })
    expect(first.publication).toBeUndefined()
    expect(first.draft).toMatchObject({ status: 'done', statusNote: PENDING_NOTE, review: { state: 'pending', submittedAt: '2026-11-20T09:30:00.000Z' } })
    expect(reviewFile(folderA, F.draft.slug)).toMatchObject({ publication: 'draft', status: 'submitted' })
    const newTerm = reviewFile(folderA, F.newTerm.slug)
    expect(newTerm.redactionTerms).toBeUndefined()
    expect(newTerm.draft.redactionTerms).toEqual([{ term: F.draftTerm }])
    expect(reviewFile(folderA, F.expired.slug)).toMatchObject({ status: 'available-on-request', publishedAt: '2024-01-15' })
  })
})

describe('restore of reviews', () => {
  it('creates every review and recommendation', () => {
    expect(restoreOutput).toMatch(/reviews\s+4 created, 0 updated/)
    expect(restoreOutput).toMatch(/recommendations\s+3 created, 0 updated/)
  })

  it('exports exactly what it was restored from: export ∘ restore ∘ export = export', () => {
    const filesA = listFiles(folderA)
    expect(listFiles(folderB)).toEqual(filesA)
    for (const file of filesA) expect(readFileSync(path.join(folderB, file), 'utf8'), file).toBe(readFileSync(path.join(folderA, file), 'utf8'))
  })

  it('writes nothing when the CMS refuses one record part-way through (a published recommendation of a draft review)', async () => {
    const folderC = path.join(path.dirname(folderA), 'C')
    cpSync(folderA, folderC, { recursive: true })
    const write = (slug: string, body: object) => writeFileSync(path.join(folderC, 'reviews', `${slug}.json`), JSON.stringify(body))
    // Written before the refusal (files go in name order): a new review, and a change to Adult T.
    write('test-fixture-adult-a', { ...reviewFile(folderC, F.expired.slug), slug: 'test-fixture-adult-a', pseudonym: 'Adult A (test fixture)' })
    write(F.live.slug, { ...reviewFile(folderC, F.live.slug), pseudonym: 'Adult T (test fixture, changed)' })
    // The format accepts it; the CMS refuses to publish a recommendation its review does not show.
    write(F.draft.slug, { ...reviewFile(folderC, F.draft.slug), recommendations: [{ recommendation: 'Test fixture: published too early', organisation: reviewFile(folderC, F.live.slug).recommendations[0].organisation, status: 'not-started' }] })
    const before = (await payload.count({ collection: 'reviews' })).totalDocs
    await expect(seedFromFolder(payload, folderC)).rejects.toThrow(/field is invalid: Review/)
    expect((await payload.count({ collection: 'reviews' })).totalDocs).toBe(before)
    expect((await payload.find({ collection: 'reviews', where: { slug: { equals: 'test-fixture-adult-a' } }, draft: true })).totalDocs).toBe(0)
    const live = (await payload.find({ collection: 'reviews', where: { slug: { equals: F.live.slug } }, depth: 0 })).docs[0]!
    expect(live.pseudonym).toBe(F.live.pseudonym)
    expect((await payload.find({ collection: 'recommendations', where: { recommendation: { equals: 'Test fixture: published too early' } }, draft: true })).totalDocs).toBe(0)
  })
})
