/**
 * Plain text as we keep and show it: a string with its surrounding whitespace trimmed, or
 * undefined when there is nothing left (null, '', '   ', or not a string at all). The site's
 * optional fields, the Open Referral feed and the import read every free-text value through it.
 */
export const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined)
