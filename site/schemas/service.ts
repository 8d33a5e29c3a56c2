import { z } from 'zod'
import { accessModes, areas, audiences, categories, keys } from '../../cms/taxonomy'
import { locationProblems } from '../../cms/directory/confidential-location'
import { date, optionalText, ref, slug } from './common'

/**
 * A directory entry as residents see it. Contact fields are optional: never filled by guesswork.
 * A confidential location (a refuge) that has an address, or a postcode, coordinates or a street
 * line in its text, fails here — the CMS refuses to store one, so it can only arrive from outside
 * the admin — and the build leaves the entry out and reports it (site/lib/payload-loader.ts).
 */
export const serviceSchema = z
  .object({
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
  locationConfidential: z.boolean().nullish().transform(Boolean),
  lastReviewed: date,
  updatedAt: date,
})
  .superRefine((entry, ctx) => {
    for (const problem of locationProblems(entry)) ctx.addIssue({ code: 'custom', path: problem.path.split('.'), message: `confidential location: ${problem.message}` })
  })
export type Service = z.infer<typeof serviceSchema>
