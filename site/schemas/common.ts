import { z } from 'zod'
import { isSlug, text } from '../../cms/rules'

/** Lexical rich text as Payload stores it; rendered by components/RichText.astro with an allow-list. */
export const richText = z
  .looseObject({ root: z.looseObject({ type: z.literal('root'), children: z.array(z.any()) }) })
  .nullish()
export type RichTextValue = z.infer<typeof richText>

export const slug = z.string().refine(isSlug, 'must be a URL-safe slug')

/** Optional text, trimmed (cms/rules/text.ts): Payload returns null for an empty field; the site treats it, and blank text, as absent. */
export const optionalText = z.string().nullish().transform(text)

/** An ISO date-time from Payload, as a Date. */
export const date = z.coerce.date()

/** A populated relationship (depth ≥ 1) reduced to what pages link with. */
export const ref = z.looseObject({ id: z.union([z.number(), z.string()]), slug, name: z.string().optional(), title: z.string().optional() })
