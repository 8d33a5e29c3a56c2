import { z } from 'zod'
import type { ServiceTranslation } from '../../cms/payload-types'
import { OPTIONAL_LANGUAGES } from '../../cms/languages/strings'
import { locationProblems } from '../../cms/directory/confidential-location'
import { date, optionalText, slug, type FieldsOf } from './common'

const id = z.union([z.number(), z.string()])

/**
 * A published translation of a directory entry (issue 20), as an anonymous visitor reads it: the
 * CMS returns a published translation of a live entry only. Its words only — name, what it offers,
 * how to access it, who can use it; every contact detail, the opening hours and where it is come
 * from the English entry on the page. A refuge's translation that gives its place away (a
 * postcode, coordinates or a street line; the CMS refuses one, so it can only arrive from outside
 * the admin, or from an entry marked confidential after it was translated) fails here: the build
 * leaves the translated page out and reports it, like the entry itself (site/schemas/service.ts).
 */
export const serviceTranslationSchema = z
  .object({
    id,
    /** The English entry, populated: its slug is the page's address, /<language>/services/<slug>/. Only what decides it is kept. */
    service: z.object({ id, slug, categories: z.array(z.string()).nullish(), locationConfidential: z.boolean().nullish() }),
    language: z.enum(OPTIONAL_LANGUAGES as [string, ...string[]]),
    name: z.string().min(1),
    description: z.string().min(1),
    howToAccess: optionalText,
    eligibility: optionalText,
    /** Who translated it, as the editor wrote it; shown on the page. */
    translator: z.string().min(1),
    /** When it was last checked against the English; shown on the page. */
    lastChecked: date,
  } satisfies FieldsOf<ServiceTranslation>)
  .superRefine((t, ctx) => {
    for (const problem of locationProblems({ ...t, categories: t.service.categories, locationConfidential: t.service.locationConfidential }))
      ctx.addIssue({ code: 'custom', path: problem.path.split('.'), message: `confidential location: ${problem.message}` })
  })
export type ServiceTranslationEntry = z.infer<typeof serviceTranslationSchema>
