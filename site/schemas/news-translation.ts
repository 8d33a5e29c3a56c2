import { z } from 'zod'
import type { NewsTranslation } from '../../cms/payload-types'
import { OPTIONAL_LANGUAGES } from '../../cms/languages/strings'
import { date, richText, slug, type FieldsOf } from './common'

/**
 * A published translation of a news story (issue 20, phase B), as an anonymous visitor reads it:
 * the CMS returns published translations only, and a translation's story must be published to
 * publish it. What the server keeps about checking (englishChecked, englishChanged) is staff-only
 * and not read here.
 */
export const newsTranslationSchema = z.object({
  id: z.union([z.number(), z.string()]),
  /** The English story, populated: its slug is the page's address, /<language>/news/<slug>/. */
  story: z.looseObject({ id: z.union([z.number(), z.string()]), slug, title: z.string().min(1), date }),
  language: z.enum(OPTIONAL_LANGUAGES as [string, ...string[]]),
  title: z.string().min(1),
  summary: z.string().min(1),
  body: richText,
  /** Who translated it, as the editor wrote it; shown on the page. */
  translator: z.string().min(1),
  /** When it was last checked against the English; shown on the page. */
  lastChecked: date,
} satisfies FieldsOf<NewsTranslation>)
export type NewsTranslationEntry = z.infer<typeof newsTranslationSchema>
