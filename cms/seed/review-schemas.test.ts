/**
 * Reviews in a backup (./review-schemas.ts): a wrong review file is reported with its file and
 * field before anything is written; a published one must meet the CMS's publication gates.
 * Every review here is a fictional test fixture.
 */
import { describe, expect, it } from 'vitest'
import { contentDir, problemsOf } from '../../tests/helpers/content'
import { loadContent } from './load'

const organisation = { slug: 'example-council', name: 'Example Council (test fixture)', type: 'council' }
const partnership = { slug: 'example-csp', name: 'Example CSP (test fixture)', area: 'newham', summary: 'Fictional.', members: [{ organisation: 'example-council' }] }
const review = {
  slug: 'adult-t-test-fixture',
  pseudonym: 'Adult T (test fixture)',
  year: 2026,
  reviewType: 'domestic-homicide',
  partnership: 'example-csp',
  status: 'published',
  publishedAt: '2026-03-01',
  qaLetterReceivedOn: '2026-02-02',
  executiveSummary: '## About this fixture\n\nFictional.',
  publicationChecks: { familyConsultedOn: '2026-02-16', familyOutcome: 'Fictional family view', criminalProceedings: 'concluded', inquest: 'none' },
  redactionTerms: [{ term: 'Zephyrine Quillfeather' }],
  recommendations: [{ recommendation: 'Fictional agencies share risk information', organisation: 'example-council', status: 'in-progress', order: 1, dueDate: '2026-12-31' }],
}
const base = { 'organisations/example-council.json': organisation, 'partnerships/example-csp.json': partnership }
const withReview = (r: Record<string, unknown>) => ({ ...base, [`reviews/${String(r.slug)}.json`]: r })

describe('reviews in a backup', () => {
  it('reads a published review with its staff-only fields and nested recommendations', async () => {
    const bundle = await loadContent(contentDir(withReview(review)))
    expect(bundle.reviews).toHaveLength(1)
    expect(bundle.reviews[0]).toMatchObject({ publication: 'published', redactionTerms: [{ term: 'Zephyrine Quillfeather' }] })
    expect(bundle.reviews[0]!.recommendations[0]).toMatchObject({ publication: 'published', organisation: 'example-council', status: 'in-progress' })
  })

  it('names the file and field of every wrong value, in the review and in its recommendations', async () => {
    const problems = await problemsOf(
      withReview({
        ...review,
        pseudonym: '',
        status: 'live',
        partnership: 'nowhere-csp',
        qaLetter: 'qa-letter.pdf',
        redactionTerms: [{ term: ' ' }],
        recommendations: [
          { recommendation: 'Fictional', organisation: 'nobody', status: 'not-accepted', priority: 'no-such-priority' },
          { recommendation: 'Fictional pending', organisation: 'example-council', status: 'done', draft: { status: 'finished' } },
        ],
      }),
    )
    const file = 'reviews/adult-t-test-fixture.json'
    expect(problems).toEqual(
      expect.arrayContaining([
        `${file}: pseudonym must not be empty: the pseudonym is the only name shown`,
        expect.stringMatching(new RegExp(`^${file}: status must be one of "commissioned"`)),
        `${file}: redactionTerms[0].term must not be empty`,
        `${file}: recommendations[0].statusNote must say why the recommendation was not accepted`,
        expect.stringMatching(new RegExp(`^${file}: recommendations\\[1\\]\\.draft\\.status must be one of`)),
      ]),
    )
    // Cross-references are checked once every file parses.
    const refs = await problemsOf(
      withReview({ ...review, partnership: 'nowhere-csp', qaLetter: 'qa-letter.pdf', recommendations: [{ recommendation: 'Fictional', organisation: 'nobody', status: 'done', priority: 'no-such-priority' }] }),
    )
    expect(refs).toEqual([
      `${file}: partnership "nowhere-csp" does not exist in partnerships/`,
      `${file}: qaLetter media file "qa-letter.pdf" is not listed in media.json`,
      `${file}: recommendations[0].organisation "nobody" does not exist in organisations/`,
      `${file}: recommendations[0].priority "no-such-priority" is not a priority of any strategy in strategies/`,
    ])
  })

  it('refuses a published review the CMS would not publish, on the gate’s field; a draft saves freely', async () => {
    const { publicationChecks, ...ungated } = review
    const problems = await problemsOf(withReview({ ...ungated, publicationChecks: { ...publicationChecks, familyOutcome: undefined, inquest: 'ongoing' } }))
    expect(problems).toEqual([
      expect.stringMatching(/^reviews\/adult-t-test-fixture\.json: publicationChecks\.familyOutcome Not published: record the outcome/),
      expect.stringMatching(/^reviews\/adult-t-test-fixture\.json: publicationChecks\.inquest Not published: the inquest must be concluded/),
    ])
    expect(await problemsOf(withReview({ ...review, status: 'submitted' }))).toEqual([
      expect.stringMatching(/^reviews\/adult-t-test-fixture\.json: status must be "published" or "available-on-request" for a published review/),
    ])
    // Its own redaction term in its public text (only possible past the CMS): the field and the term's number, never the term.
    const named = [
      ...(await problemsOf(withReview({ ...review, report: '## Findings\n\nThe report names **Zephyrine** Quillfeather.' }))),
      ...(await problemsOf(withReview({ ...review, recommendations: [{ ...review.recommendations[0], statusNote: 'Zephyrine Quillfeather was seen' }] }))),
    ]
    expect(named).toEqual([
      expect.stringMatching(/^reviews\/adult-t-test-fixture\.json: report Not published: this field contains redaction term 1 of the review's list/),
      expect.stringMatching(/^reviews\/adult-t-test-fixture\.json: recommendations\[0\]\.statusNote Not published: this field contains redaction term 1/),
    ])
    for (const problem of named) expect(problem).not.toContain('Quillfeather')
    const draft = await loadContent(contentDir(withReview({ slug: review.slug, publication: 'draft', pseudonym: 'Adult W (test fixture)', status: 'submitted' })))
    expect(draft.reviews[0]).toMatchObject({ publication: 'draft', recommendations: [], redactionTerms: [] })
  })
})
