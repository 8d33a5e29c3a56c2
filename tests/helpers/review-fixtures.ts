/**
 * Test fixtures, not content: clearly fictional domestic homicide reviews for the browser tests'
 * throwaway database (the seed papers describe no review, so content/ has none and never will).
 * - Adult T: published, in its window, with headings, a QA letter PDF, recommendations (one
 *   answering a seeded priority), staff-only markers and a redaction term absent from its text;
 * - Adult U: published two years ago and never moved by the job: the build shows it "available
 *   on request" by itself;
 * - Adult V: published, then one of its redaction terms written into the database directly (as a
 *   change outside the admin would): the build must leave it out, naming the field;
 * - Adult W: a draft, submitted to the Home Office: never on the site;
 * - Adult X: published, then a redaction term matching its live summary added in a draft (the
 *   CMS will not publish that): the build must already leave the live review out.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'

export const REVIEW_FIXTURES = {
  live: { slug: 'test-fixture-adult-t', pseudonym: 'Adult T (test fixture)' },
  expired: { slug: 'test-fixture-adult-u', pseudonym: 'Adult U (test fixture)' },
  redacted: { slug: 'test-fixture-adult-v', pseudonym: 'Adult V (test fixture)' },
  draft: { slug: 'test-fixture-adult-w', pseudonym: 'Adult W (test fixture)' },
  newTerm: { slug: 'test-fixture-adult-x', pseudonym: 'Adult X (test fixture)' },
  /** In every staff-only field of the fixtures: must appear in no public output. */
  staffMarker: 'Kestrelwing staff-only marker',
  /** Adult T's redaction term (absent from its text); Adult V's (present in its report). */
  term: 'Zephyrine Quillfeather',
  leakedTerm: 'Orlando Brightwater',
  /** Adult X's term, added in a draft after it was published. */
  draftTerm: 'Perpetua Nightingale-Oddsworth',
  recommendation: 'Test fixture recommendation: fictional agencies share risk information',
  qaLetterTitle: 'Home Office quality-assurance letter (test fixture)',
} as const

const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, detail: 0, mode: 'normal', style: '' })
const block = (type: 'paragraph' | 'heading', t: string) => ({
  type, version: 1, direction: null, format: '', indent: 0, ...(type === 'heading' ? { tag: 'h2' } : { textFormat: 0 }), children: [text(t)],
})
/** A Lexical document of [heading, paragraph] pairs. */
export const sections = (...pairs: [string, string][]) => ({
  root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: pairs.flatMap(([h, p]) => [block('heading', h), block('paragraph', p)]) },
})

/** The smallest well-formed one-page PDF saying it is a test fixture. */
export function fixturePdf(words: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${words}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

const F = REVIEW_FIXTURES
const checks = {
  qaLetterReceivedOn: '2026-02-02T00:00:00.000Z',
  publicationChecks: { familyConsultedOn: '2026-02-16T00:00:00.000Z', familyOutcome: `${F.staffMarker}: family view`, criminalProceedings: 'concluded', inquest: 'concluded' },
}

/**
 * `fictionalOwners` (the README's screenshots, SEED_TEST_REVIEWS=fictional): the reviews belong to
 * an invented "Example" partnership and organisations and answer no priority, so no picture shows a
 * made-up review under a real partnership's or organisation's name. The tests use the seeded ones
 * (their pages, links and priority learning are what is being tested).
 */
export async function seedTestReviews(payload: Payload, dir: string, { fictionalOwners = false } = {}): Promise<void> {
  const published = { _status: 'published' } as const
  const partnership = fictionalOwners
    ? await payload.create({ collection: 'partnerships', data: { name: 'Example Community Safety Partnership', area: 'newham', summary: 'A fictional partnership for the README’s pictures.', ...published } as never })
    : (await payload.find({ collection: 'partnerships', sort: 'slug', limit: 1, depth: 0 })).docs[0]
  const orgs = fictionalOwners
    ? [
        await payload.create({ collection: 'organisations', data: { name: 'Example Borough Council', type: 'council', ...published } as never }),
        await payload.create({ collection: 'organisations', data: { name: 'Example Advice Service', type: 'charity', ...published } as never }),
      ]
    : (await payload.find({ collection: 'organisations', where: { _status: { equals: 'published' } }, sort: 'slug', limit: 2, depth: 0 })).docs
  const priority = (await payload.find({ collection: 'priorities', where: { _status: { equals: 'published' } }, sort: 'slug', limit: 1, depth: 0 })).docs[0]
  if (!partnership || orgs.length < 2 || !priority) throw new Error('Review fixtures need the seeded partnerships, organisations and priorities.')
  const pdf = path.join(dir, 'test-fixture-qa-letter.pdf')
  await writeFile(pdf, fixturePdf('Test fixture: not a real quality-assurance letter'))
  const letter = await payload.create({ collection: 'media', data: { alt: 'Test fixture PDF' }, filePath: pdf })
  const base = { year: 2026, reviewType: 'domestic-homicide', partnership: partnership.id, status: 'published', ...checks }

  const live = await payload.create({
    collection: 'reviews',
    data: {
      ...base,
      ...F.live,
      executiveSummary: sections(['About this test fixture', 'A fictional summary written for the automated tests.'], ['What the fixture shows', 'Headings become the contents list.']),
      report: sections(['Terms of reference', 'Fictional terms of reference.'], ['Findings', 'Fictional findings.']),
      qaLetter: letter.id,
      qaLetterTitle: F.qaLetterTitle,
      redactionTerms: [{ term: F.term }],
      _status: 'published',
    } as never,
  })
  const recs = [
    { recommendation: F.recommendation, organisation: orgs[0]!.id, status: 'in-progress', statusNote: 'Test fixture: training booked', priority: fictionalOwners ? null : priority.id, order: 1, dueDate: '2026-12-31T00:00:00.000Z' },
    { recommendation: 'Test fixture recommendation: a fictional policy is reviewed', organisation: orgs[1]!.id, status: 'done', order: 2 },
    { recommendation: 'Test fixture recommendation: a fictional pilot', organisation: orgs[1]!.id, status: 'not-accepted', statusNote: 'Test fixture: funded elsewhere', order: 3 },
  ]
  for (const rec of recs) await payload.create({ collection: 'recommendations', data: { ...rec, homicideReview: live.id, _status: 'published' } as never })

  await payload.create({
    collection: 'reviews',
    data: { ...base, ...F.expired, year: 2022, qaLetterReceivedOn: '2023-11-01T00:00:00.000Z', publishedAt: '2024-01-15T00:00:00.000Z', executiveSummary: sections(['Expired fixture', 'Test fixture text that leaves the site after the window.']), report: sections(['Expired report', 'Test fixture report past its window.']), _status: 'published' } as never,
  })

  const redacted = await payload.create({
    collection: 'reviews',
    data: { ...base, ...F.redacted, report: sections(['Findings', `Test fixture: the report wrongly names ${F.leakedTerm}.`]), _status: 'published' } as never,
  })
  // Past the CMS's own check, as a change made outside the admin would be: the build is the next lock.
  await payload.db.updateOne({ collection: 'reviews', where: { id: { equals: redacted.id } }, data: { redactionTerms: [{ id: 'fixture0leaked0term0000', term: F.leakedTerm }] } })

  const newTerm = await payload.create({
    collection: 'reviews',
    data: { ...base, ...F.newTerm, executiveSummary: sections(['Summary', `Test fixture: the summary names ${F.draftTerm}.`]), _status: 'published' } as never,
  })
  await payload.update({ collection: 'reviews', id: newTerm.id, draft: true, data: { redactionTerms: [{ term: F.draftTerm }], _status: 'draft' } as never })

  await payload.create({
    collection: 'reviews',
    draft: true,
    data: { ...base, ...F.draft, status: 'submitted', executiveSummary: sections(['Draft', `${F.staffMarker} draft text`]), _status: 'draft' } as never,
  })
}
