/**
 * Confidential locations. Refuge addresses are kept secret so that the people who harm women
 * cannot find them (Women's Aid practice: a refuge is reached through a helpline or a referral,
 * never by its address). Open Referral has no answer to this (openreferral/specification#166), so
 * this product keeps the rule itself, in one place, used by every route that could publish an
 * address: the CMS (refuses to store one), the site's schema (leaves out an entry that has one
 * anyway, and reports it), the build's output checks (refuse a build showing one), the Open
 * Referral feed and snapshot (never map one) and the import (drops one, with a note).
 */

/** Directory categories whose entries are confidential locations by definition. */
export const CONFIDENTIAL_CATEGORIES: readonly string[] = ['refuge']

export type LocatableEntry = {
  categories?: readonly string[] | null
  locationConfidential?: boolean | null
  contact?: { address?: string | null } | null
  [field: string]: unknown
}

/** A refuge or safe-accommodation entry, or one an editor marked "location confidential". */
export const isLocationConfidential = (entry: LocatableEntry): boolean =>
  Boolean(entry.locationConfidential) || (entry.categories ?? []).some((c) => CONFIDENTIAL_CATEGORIES.includes(c))

/** A UK postcode anywhere in a text, e.g. "IG1 1AA", "e16 2qu", "SW1A1AA". */
export const UK_POSTCODE = /\b(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/i
/** Map coordinates: a latitude and longitude with decimals ("51.5386, 0.0812"). */
export const COORDINATES = /-?\d{1,2}\.\d{3,}\s*[,;]\s*-?\d{1,3}\.\d{3,}/
/** A street address line: a number and a street word ("12 High Street", "Flat 3, 40 Green Lane"). */
export const STREET_LINE = /\b\d{1,4}[a-z]?,?\s+(?:[A-Z][\w'’-]*\s+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Way|Drive|Dr|Gardens|Gdns|Place|Pl|Crescent|Cres|Court|Ct|Terrace|Grove|Hill|Square|Sq|Parade|Walk|Mews|Row)\b/i

/** The free-text fields a location could be typed into. */
const TEXT_FIELDS = ['name', 'description', 'howToAccess', 'openingHours', 'eligibility', 'cost'] as const

export const ADDRESS_REFUSED =
  'Refuge and safe-accommodation addresses are never published, so that the people who harm women cannot find them. ' +
  'Leave the address out and give a phone line, a referral route or the areas served instead.'

/** What gives a confidential entry's location away, by field; empty when nothing does (or it is not confidential). */
export function locationProblems(entry: LocatableEntry): { path: string; message: string }[] {
  if (!isLocationConfidential(entry)) return []
  const problems: { path: string; message: string }[] = []
  if (entry.contact?.address?.trim()) problems.push({ path: 'contact.address', message: ADDRESS_REFUSED })
  for (const field of TEXT_FIELDS) {
    const value = entry[field]
    if (typeof value !== 'string') continue
    const found = UK_POSTCODE.test(value) ? 'a postcode' : COORDINATES.test(value) ? 'map coordinates' : STREET_LINE.test(value) ? 'a street address' : null
    if (found) problems.push({ path: field, message: `This text contains ${found}. ${ADDRESS_REFUSED}` })
  }
  return problems
}
