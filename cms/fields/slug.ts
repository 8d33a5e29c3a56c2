import type { Field, FieldHook } from 'payload'

/** "Making Redbridge Safe — Our plan 2022–2025" → "making-redbridge-safe-our-plan-2022-2025". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
    .replace(/-+$/, '')
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

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
  validate: (value: unknown) =>
    typeof value === 'string' && SLUG.test(value)
      ? true
      : 'Use lower-case letters, digits and single hyphens only, like "domestic-abuse".',
})
