/**
 * Slugs: lower-case words joined by single hyphens, the last part of a page address and the key
 * the seed upserts by. The CMS's slug field, the seed format, the site's schemas and the Open
 * Referral import's organisation map all use these two functions.
 */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const isSlug = (value: unknown): value is string => typeof value === 'string' && SLUG.test(value)

/** "Making Redbridge Safe — Our plan 2022–2025" → "making-redbridge-safe-our-plan-2022-2025" (at most 96 characters). */
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
