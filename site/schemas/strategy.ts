import { z } from 'zod'
import { optionalText, ref, richText, slug } from './common'

export const strategySchema = z.object({
  id: z.union([z.number(), z.string()]),
  slug,
  title: z.string().min(1),
  partnership: ref,
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  status: z.enum(['draft', 'adopted', 'superseded']),
  summary: z.string().min(1),
  vision: optionalText,
  body: richText,
  sourceDocument: optionalText,
})
export type Strategy = z.infer<typeof strategySchema>
