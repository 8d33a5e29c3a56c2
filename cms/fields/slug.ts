import type { Field, FieldHook } from 'payload'
import { isSlug, slugify } from '../rules'

/** Fills an empty slug from the title field; an editor may still type their own. */
const fromField =
  (source: string): FieldHook =>
  ({ value, data }) => {
    if (typeof value === 'string' && value.trim()) return value.trim()
    const title = data?.[source]
    return typeof title === 'string' ? slugify(title) : value
  }

/** A unique, URL-safe, editable slug generated from `source` (usually the title). */
export const slugField = (source = 'title'): Field => ({
  name: 'slug',
  type: 'text',
  unique: true,
  index: true,
  required: true,
  admin: {
    position: 'sidebar',
    description: `Part of the page address. Left empty, it is made from the ${source}.`,
  },
  hooks: { beforeValidate: [fromField(source)] },
  validate: (value: unknown) => (isSlug(value) ? true : 'Use lower-case letters, digits and single hyphens only, like "domestic-abuse".'),
})
