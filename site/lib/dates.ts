/**
 * Dates as residents read them, and the "may be out of date" rule for directory entries. Pages
 * are built, not served live, so "now" is the build time; every publish rebuilds the site.
 */

/**
 * The "may be out of date" rule is the admin's "review due" (cms/rules/review-due.ts): one
 * calculation, in UTC, clamped at month ends. The site calls it by its own names.
 */
export { isReviewDue as isOutOfDate, monthsBefore, REVIEW_INTERVAL_MONTHS as REVIEW_MONTHS } from '../../cms/rules'

const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "24 November 2020" */
export const formatDate = (date: Date) => long.format(date)
/** "November 2020" */
export const formatMonth = (date: Date) => monthYear.format(date)
/** "2020-11-24", for <time datetime>. */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10)
