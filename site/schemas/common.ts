import { z } from 'zod'
import { isSlug, text } from '../../cms/rules'

/** One row of a field: the value itself, or an item of an array field, never null. */
export type Row<T> = NonNullable<T> extends readonly (infer Item)[] ? Item : NonNullable<T>

/**
 * The fields a schema may name: those the CMS has, from the types Payload generates from the
 * collections (cms/payload-types.ts). Every shape is written `{ … } satisfies FieldsOf<Service>`
 * (a group or array field: `FieldsOf<Service['contact']>`), so a field renamed or removed in the
 * CMS fails the type check instead of the build; tests/unit/site-schemas.test.ts proves it.
 */
export type FieldsOf<T> = { [K in keyof Row<T>]?: z.ZodType }

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
