import { z } from 'zod'
import { accessModes, areas, audiences, categories, keys, stepFreeAccess } from '../../cms/taxonomy'
import { locationProblems } from '../../cms/directory/confidential-location'
import { providerProblem } from '../../cms/directory/provider'
import type { Service as CmsService } from '../../cms/payload-types'
import { date, optionalText, ref, slug, type FieldsOf } from './common'

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
  /** Absent when the source does not name who provides it; then `providerNotNamed` says so. */
  organisation: ref.nullish().transform((v) => v ?? undefined),
  providerNotNamed: z.boolean().nullish().transform(Boolean),
  description: z.string().min(1),
  categories: z.array(z.enum(keys(categories))).min(1),
  audiences: z.array(z.enum(keys(audiences))).min(1),
  areas: z.array(z.enum(keys(areas))).min(1),
  accessModes: z.array(z.enum(keys(accessModes))).nullish().transform((v) => v ?? []),
  languages: z.array(z.string()).nullish().transform((v) => v ?? []),
  urgent: z.boolean().nullish().transform(Boolean),
  contact: z
    .object({ phone: optionalText, email: optionalText, website: optionalText, address: optionalText } satisfies FieldsOf<CmsService['contact']>)
    .nullish()
    .transform((c) => c ?? {}),
  howToAccess: optionalText,
  stepFreeAccess: z
    .object({ status: z.enum(keys(stepFreeAccess)).nullish(), note: optionalText })
    .nullish()
    .transform((v) => ({ status: v?.status ?? 'unknown', note: v?.note })),
  openingHours: optionalText,
  eligibility: optionalText,
  cost: optionalText,
  locationConfidential: z.boolean().nullish().transform(Boolean),
  /** Where the details come from ("From: …"), never a check. */
  origin: z
    .object({ title: optionalText, published: optionalText } satisfies FieldsOf<CmsService['origin']>)
    .nullish()
    .transform((o) => (o?.title ? { title: o.title, published: o.published } : undefined)),
  /** When a person last confirmed the entry with the service; absent until someone has. */
  confirmed: z
    .object({ on: z.string().nullish() } satisfies FieldsOf<CmsService['confirmed']>)
    .nullish()
    .transform((c) => (c?.on ? new Date(c.on) : undefined))
    .refine((d) => d === undefined || !Number.isNaN(d.getTime()), 'confirmed.on must be a date'),
  updatedAt: date,
} satisfies FieldsOf<CmsService>)
  .superRefine((entry, ctx) => {
    // Never a guessed organisation, never a page that says nothing about who runs the service.
    const provider = providerProblem(entry.organisation, entry.providerNotNamed)
    if (provider) ctx.addIssue({ code: 'custom', path: [provider.path], message: `provider: ${provider.message}` })
    for (const problem of locationProblems(entry)) ctx.addIssue({ code: 'custom', path: problem.path.split('.'), message: `confidential location: ${problem.message}` })
  })
export type Service = z.infer<typeof serviceSchema>
