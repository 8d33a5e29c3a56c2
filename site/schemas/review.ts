/**
 * Domestic homicide reviews and their recommendations, as the public site receives them: only the
 * fields anonymous visitors may read (the family's view, the proceedings and the redaction terms
 * are staff-only in the CMS and never arrive). A review whose text holds one of its redaction terms
 * is left out before this schema runs (site/lib/reviews.ts).
 */
import { z } from 'zod'
import type { Recommendation as CmsRecommendation, Review as CmsReview } from '../../cms/payload-types'
import { PUBLIC_REVIEW_STATUSES, RECOMMENDATION_STATUSES, REVIEW_TYPES } from '../../cms/reviews/rules'
import { date, optionalText, ref, richText, slug, type FieldsOf } from './common'

/** A PDF attached to a review (the QA letter, the report): where its file is and how big. */
export const reviewFileSchema = z.looseObject({
  id: z.union([z.number(), z.string()]),
  filename: z.string().min(1),
  mimeType: z.literal('application/pdf', { message: 'must be a PDF' }),
  filesize: z.number().nullish(),
})
export type ReviewFile = z.infer<typeof reviewFileSchema>

const values = <T extends readonly { value: string }[]>(list: T) => list.map((o) => o.value) as [T[number]['value'], ...T[number]['value'][]]

export const reviewSchema = z.object({
  id: z.union([z.number(), z.string()]),
  slug,
  /** The only name ever shown. */
  pseudonym: z.string().min(1),
  year: z.number().int(),
  reviewType: z.enum(values(REVIEW_TYPES)),
  partnership: ref,
  /** Only public statuses reach the site (the CMS's read access); anything else is a bug and left out. */
  status: z.enum(PUBLIC_REVIEW_STATUSES as ['published', 'available-on-request']),
  publishedAt: date.nullish(),
  qaLetterReceivedOn: date.nullish(),
  executiveSummary: richText,
  report: richText,
  qaLetter: reviewFileSchema.nullish(),
  qaLetterTitle: optionalText,
  reportPdf: reviewFileSchema.nullish(),
  reportPdfTitle: optionalText,
} satisfies FieldsOf<CmsReview>)
export type Review = z.infer<typeof reviewSchema>

export const recommendationSchema = z.object({
  id: z.union([z.number(), z.string()]),
  /** The review it belongs to (a bare id when the review is not public: then it is never shown). */
  homicideReview: ref.extend({ pseudonym: z.string().optional() }),
  recommendation: z.string().min(1),
  organisation: ref,
  dueDate: date.nullish(),
  order: z.number().nullish(),
  status: z.enum(values(RECOMMENDATION_STATUSES)),
  statusNote: optionalText,
  priority: ref.nullish(),
} satisfies FieldsOf<CmsRecommendation>)
export type Recommendation = z.infer<typeof recommendationSchema>
