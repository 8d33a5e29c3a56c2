/**
 * The rules every part of CSP Hub applies to the same values, one implementation each: the CMS's
 * field validators (cms/fields), the seed and backup format (cms/seed/schemas.ts), the public
 * site (site/schemas, site/lib) and the Open Referral feed and import (cms/openreferral). Pure
 * functions with no Payload import, so the site and the tests load them as they are.
 * One file per rule, each with its reasons and edge cases; import them from here.
 */
export { isEmailAddress } from './email'
export { isUkPhone } from './phone'
export { isReviewDue, monthsBefore, REVIEW_INTERVAL_MONTHS } from './review-due'
export { isSlug, slugify } from './slug'
export { text } from './text'
export { isSecureWebAddress, isWebAddress } from './web-address'
