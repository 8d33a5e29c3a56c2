/**
 * When a directory entry is due its check: more than REVIEW_INTERVAL_MONTHS calendar months after
 * a person last confirmed it, or never confirmed. One calculation, in UTC by calendar day, for the
 * admin's "Review due" and the site's "may be out of date", so the two never disagree. Months are
 * counted back from today and clamped to the month's last day: on 31 August, six months back is
 * 28 February (29 in a leap year), so an entry confirmed on 28 February is not yet due that day.
 */

/** Entries not checked for this long are flagged in the admin and on the site. */
export const REVIEW_INTERVAL_MONTHS = 6

/** The date `months` calendar months before `now`, at 00:00 UTC, clamped to the month's last day. */
export function monthsBefore(now: Date, months: number): Date {
  const year = now.getUTCFullYear()
  const month = now.getUTCMonth() - months
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return new Date(Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay)))
}

/** True when nobody has confirmed the entry, or it was last confirmed (its UTC calendar day) more than `months` months before `now`. */
export function isReviewDue(confirmedOn: string | Date | null | undefined, now: Date = new Date(), months = REVIEW_INTERVAL_MONTHS): boolean {
  if (!confirmedOn) return true
  const on = new Date(confirmedOn)
  if (Number.isNaN(on.getTime())) return true
  return Date.UTC(on.getUTCFullYear(), on.getUTCMonth(), on.getUTCDate()) < monthsBefore(now, months).getTime()
}
