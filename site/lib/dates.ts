/**
 * Dates as residents read them, and the "may be out of date" rule for directory entries. Pages
 * are built, not served live, so "now" is the build time; every publish rebuilds the site.
 */

/** How long a directory entry may go unchecked before the site warns that it may be out of date. */
export const REVIEW_MONTHS = 6

const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "24 November 2020" */
export const formatDate = (date: Date) => long.format(date)
/** "November 2020" */
export const formatMonth = (date: Date) => monthYear.format(date)
/** "2020-11-24", for <time datetime>. */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10)

/** The date `months` calendar months before `now` (clamped to the month's last day, in UTC). */
export function monthsBefore(now: Date, months: number): Date {
  const year = now.getUTCFullYear()
  const month = now.getUTCMonth() - months
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return new Date(Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay)))
}

/** True when an entry was last confirmed more than REVIEW_MONTHS months before `now`. */
export function isOutOfDate(confirmedOn: Date, now: Date = new Date(), months = REVIEW_MONTHS): boolean {
  const day = Date.UTC(confirmedOn.getUTCFullYear(), confirmedOn.getUTCMonth(), confirmedOn.getUTCDate())
  return day < monthsBefore(now, months).getTime()
}
