/** How long a shared preview link may live: the one copy of the rule (the field, its tests). */
export const DEFAULT_DAYS = 7
export const MAX_DAYS = 14
const DAY = 24 * 60 * 60 * 1000

export const defaultExpiry = (now: Date) => new Date(now.getTime() + DEFAULT_DAYS * DAY)

/** Payload field validation: true, or the message shown on the field. */
export function checkExpiry(value: unknown, { operation }: { operation?: string } = {}): true | string {
  if (!value) return 'Choose when the link expires.'
  const at = new Date(value as string).getTime()
  if (Number.isNaN(at)) return 'Choose when the link expires.'
  // Moving an existing link's expiry into the past ends it at once, like revoking it.
  if (at <= Date.now()) return operation === 'create' ? 'The link must expire in the future.' : true
  if (at > Date.now() + MAX_DAYS * DAY + 60_000) return `A shared link may live at most ${MAX_DAYS} days: choose a date no later than ${new Date(Date.now() + MAX_DAYS * DAY).toDateString()}.`
  return true
}
