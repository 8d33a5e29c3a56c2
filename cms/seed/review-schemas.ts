/**
 * Domestic homicide reviews and their recommendations in the content format (issue 21), for
 * backups written by `npm run export`. content/ itself holds no review and never will (the seed
 * papers describe none); the folder `reviews/` exists only in a backup.
 *
 * An export is a staff backup: the family's consultation, the proceedings and the redaction terms
 * are in it, as restricted agenda items are (docs/backups.md). One file per review,
 * `reviews/<slug>.json`, with its recommendations nested in it, as a meeting holds its agenda:
 * a recommendation has no slug of its own and belongs to exactly one review.
 */
import { z } from 'zod'
import { PROCEEDINGS, PUBLIC_REVIEW_STATUSES, RECOMMENDATION_STATUSES, REVIEW_STATUSES, REVIEW_TYPES, publicationProblems, recommendationPublicText, redactionProblems, termsOf } from '../reviews/rules'
import { type Check, type Editorial, editorial, isoDate, markdown, mediaFile, reviewSchema, slug } from './schemas'

const values = <T extends readonly { value: string }[]>(list: T) => list.map((o) => o.value) as unknown as [T[number]['value'], ...T[number]['value'][]]
const oneOf = <T extends readonly { value: string }[]>(list: T) => z.enum(values(list), { message: `must be one of ${values(list).map((v) => `"${v}"`).join(', ')}` })

/** One recommendation of a review's action plan; its review is the file it is nested in. */
export const recommendationFields = z.strictObject({
  /** The wording, set by the comms team; with its review, the key a restore finds it by. */
  recommendation: z.string().trim().min(1, 'must not be empty'),
  /** Slug of the owning organisation, whose partners update its progress. */
  organisation: slug,
  dueDate: isoDate.optional(),
  /** Its number in the action plan, from 1. */
  order: z.number().int().min(1).optional(),
  status: oneOf(RECOMMENDATION_STATUSES),
  /** Shown to residents beside the status; required when not accepted. */
  statusNote: z.string().optional(),
  /** Slug of the strategy priority it answers. */
  priority: slug.optional(),
  /** A partner's update waiting for an editor, as for directory entries. */
  review: reviewSchema.optional(),
})

/** The CMS refuses "not accepted" without a reason, draft or not (cms/collections/recommendations/hooks.ts). */
const reasonWhenNotAccepted: Check = (schema) =>
  schema.superRefine((value, ctx) => {
    const v = value as { status?: string; statusNote?: string }
    if (v.status === 'not-accepted' && !v.statusNote?.trim()) ctx.addIssue({ code: 'custom', path: ['statusNote'], message: 'must say why the recommendation was not accepted' })
  })
export const recommendationSchema = editorial(recommendationFields, [], reasonWhenNotAccepted)

export const homicideReviewFields = z.strictObject({
  slug,
  /** The only name ever shown. */
  pseudonym: z.string().trim().min(1, 'must not be empty: the pseudonym is the only name shown'),
  /** The year the review was commissioned. */
  year: z.number().int().min(2011).max(2100),
  reviewType: oneOf(REVIEW_TYPES),
  /** Slug of the commissioning partnership. */
  partnership: slug,
  status: oneOf(REVIEW_STATUSES),
  /** First published: the publication window counts from this day. */
  publishedAt: isoDate.optional(),
  qaLetterReceivedOn: isoDate.optional(),
  /** Markdown; its headings are the page's contents list. */
  executiveSummary: markdown.optional(),
  report: markdown.optional(),
  /** The Home Office quality-assurance letter and the report PDF: files in media/. */
  qaLetter: mediaFile.optional(),
  qaLetterTitle: z.string().optional(),
  reportPdf: mediaFile.optional(),
  reportPdfTitle: z.string().optional(),
  /** Staff only in the CMS: the family's consultation and the proceedings. */
  publicationChecks: z
    .strictObject({
      familyConsultedOn: isoDate.optional(),
      criminalProceedings: oneOf(PROCEEDINGS).optional(),
      inquest: oneOf(PROCEEDINGS).optional(),
      familyOutcome: z.string().optional(),
    })
    .optional(),
  /** Staff only in the CMS: what must never be published (real names, addresses, dates of birth). */
  redactionTerms: z.array(z.strictObject({ term: z.string().trim().min(1, 'must not be empty') })).default([]),
  recommendations: z.array(recommendationSchema).default([]),
})

/**
 * A published review meets the gates the CMS checks before it publishes one
 * (cms/reviews/rules.ts), and its public text holds none of its redaction terms (possible only by
 * writing to the database past the CMS): reported here on the field, naming the term's number and
 * never the term, before anything is written — so an export that would not restore says so the
 * day it is made.
 */
const publishable: Check = (schema) =>
  schema.superRefine((value, ctx) => {
    const v = value as z.infer<typeof homicideReviewFields> & { publication?: string }
    if (v.publication !== 'published') return
    if (!(PUBLIC_REVIEW_STATUSES as string[]).includes(v.status)) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: `must be "published" or "available-on-request" for a published review (save it with "publication": "draft" otherwise)` })
      return
    }
    for (const problem of publicationProblems(v)) ctx.addIssue({ code: 'custom', path: problem.path.split('.'), message: problem.message })
    const text = { pseudonym: v.pseudonym, executiveSummary: v.executiveSummary ?? '', report: v.report ?? '', qaLetterTitle: v.qaLetterTitle ?? '', reportPdfTitle: v.reportPdfTitle ?? '' }
    for (const problem of redactionProblems(text, termsOf(v.redactionTerms))) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message })
  })
export const homicideReviewSchema = editorial(homicideReviewFields, ['recommendations'], publishable)

export type RecommendationSeed = Editorial<z.infer<typeof recommendationSchema>>
export type HomicideReviewSeed = Editorial<z.infer<typeof homicideReviewSchema>>

/** Every slug and media file a review (or its draft, or a recommendation) names must be in the backup. */
export function reviewCrossReferenceProblems(bundle: {
  reviews: HomicideReviewSeed[]
  partnerships: { slug: string }[]
  organisations: { slug: string }[]
  strategies: { priorities?: { slug: string }[] }[]
  media?: { file: string }[]
}): string[] {
  const problems: string[] = []
  const partnerships = new Set(bundle.partnerships.map((p) => p.slug))
  const organisations = new Set(bundle.organisations.map((o) => o.slug))
  const priorities = new Set(bundle.strategies.flatMap((s) => (s.priorities ?? []).map((p) => p.slug)))
  const media = new Set((bundle.media ?? []).map((m) => m.file))
  const need = (set: Set<string>, value: unknown, where: string, what: string) => {
    if (typeof value === 'string' && !set.has(value)) problems.push(`${where} "${value}" ${what}`)
  }
  const versions = (record: object, prefix = '') => {
    const { draft } = record as { draft?: object }
    return [[record, prefix], ...(draft ? [[draft, `${prefix}draft.`]] : [])] as [Record<string, unknown>, string][]
  }
  for (const review of bundle.reviews) {
    const file = `reviews/${review.slug}.json`
    for (const [v, at] of versions(review)) {
      need(partnerships, v.partnership, `${file}: ${at}partnership`, 'does not exist in partnerships/')
      for (const field of ['qaLetter', 'reportPdf']) need(media, v[field], `${file}: ${at}${field} media file`, 'is not listed in media.json')
    }
    const keys = new Set<string>()
    ;(review.recommendations ?? []).forEach((rec, i) => {
      if (keys.has(rec.recommendation ?? '')) problems.push(`${file}: recommendations[${i}].recommendation is the same as another of this review's (a restore finds each by its wording)`)
      keys.add(rec.recommendation ?? '')
      // The CMS checks every save of a recommendation against its review's newest terms (its draft's, if any).
      const { draft } = review as { draft?: { redactionTerms?: unknown } }
      const terms = termsOf(draft ? (draft.redactionTerms ?? []) : review.redactionTerms)
      for (const [v, at] of versions(rec, `recommendations[${i}].`)) {
        need(organisations, v.organisation, `${file}: ${at}organisation`, 'does not exist in organisations/')
        need(priorities, v.priority, `${file}: ${at}priority`, 'is not a priority of any strategy in strategies/')
        for (const problem of redactionProblems(recommendationPublicText(v as { recommendation?: string; statusNote?: string }), terms)) problems.push(`${file}: ${at}${problem.path} ${problem.message}`)
      }
    })
  }
  return problems
}
