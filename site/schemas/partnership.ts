import { z } from 'zod'
import { areas, keys } from '../../cms/taxonomy'
import type { Partnership as CmsPartnership } from '../../cms/payload-types'
import { optionalText, ref, richText, slug, type FieldsOf } from './common'

export const partnershipSchema = z.object({
  id: z.union([z.number(), z.string()]),
  slug,
  name: z.string().min(1),
  area: z.enum(keys(areas)),
  summary: z.string().min(1),
  body: richText,
  members: z.array(z.object({ organisation: ref, role: optionalText } satisfies FieldsOf<CmsPartnership['members']>)).nullish().transform((m) => m ?? []),
  contact: z.object({ website: optionalText, email: optionalText, phone: optionalText } satisfies FieldsOf<CmsPartnership['contact']>).nullish(),
  sourceDocument: optionalText,
} satisfies FieldsOf<CmsPartnership>)
export type Partnership = z.infer<typeof partnershipSchema>
