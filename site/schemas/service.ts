import { z } from 'zod'
import { accessModes, areas, audiences, categories, keys } from '../../cms/taxonomy'
import { date, optionalText, ref, slug } from './common'

/** A directory entry as residents see it. Contact fields are optional: never filled by guesswork. */
export const serviceSchema = z.object({
  id: z.union([z.number(), z.string()]),
  slug,
  name: z.string().min(1),
  organisation: ref,
  description: z.string().min(1),
  categories: z.array(z.enum(keys(categories))).min(1),
  audiences: z.array(z.enum(keys(audiences))).min(1),
  areas: z.array(z.enum(keys(areas))).min(1),
  accessModes: z.array(z.enum(keys(accessModes))).nullish().transform((v) => v ?? []),
  languages: z.array(z.string()).nullish().transform((v) => v ?? []),
  urgent: z.boolean().nullish().transform(Boolean),
  contact: z
    .object({ phone: optionalText, email: optionalText, website: optionalText, address: optionalText })
    .nullish()
    .transform((c) => c ?? {}),
  howToAccess: optionalText,
  openingHours: optionalText,
  eligibility: optionalText,
  cost: optionalText,
  lastReviewed: date,
  updatedAt: date,
})
export type Service = z.infer<typeof serviceSchema>
