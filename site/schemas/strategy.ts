import { z } from 'zod'
import { keys, strategyStatuses } from '../../cms/taxonomy'
import type { Strategy as CmsStrategy } from '../../cms/payload-types'
import { optionalText, ref, richText, slug, type FieldsOf } from './common'

export const strategySchema = z.object({
  id: z.union([z.number(), z.string()]),
  slug,
  title: z.string().min(1),
  partnership: ref,
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  /** Where the strategy stands with the partnership (draft, interim, adopted, superseded): the CMS's own list. */
  status: z.enum(keys(strategyStatuses)),
  summary: z.string().min(1),
  vision: optionalText,
  body: richText,
  sourceDocument: optionalText,
} satisfies FieldsOf<CmsStrategy>)
export type Strategy = z.infer<typeof strategySchema>

/**
 * What a strategy's status means, in a resident's words; the label is the CMS's own
 * ("Interim" → "Interim strategy"), so a status added there cannot go unexplained here unnoticed.
 */
export const strategyStatusMeaning = {
  draft: 'not yet agreed, and it may change.',
  interim: 'in use for now, but not yet formally adopted.',
  adopted: 'formally agreed by the partnership.',
  superseded: 'replaced by a newer strategy. It is kept here for the record.',
} as const satisfies Record<Strategy['status'], string>

export const strategyStatusText = (status: Strategy['status']) => ({
  label: `${strategyStatuses[status]} strategy`,
  meaning: strategyStatusMeaning[status],
})
