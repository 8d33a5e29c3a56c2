/**
 * The order pages list records in, on plain data: shared by the static site's content queries
 * (lib/content.ts) and the preview (scripts/lib/preview/), so a preview lists things as the site will.
 */
export const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en-GB')
/** Directory entries: 24-hour services first, then by name. */
export const servicesOrder = (a: { urgent: boolean; name: string }, b: { urgent: boolean; name: string }) => Number(b.urgent) - Number(a.urgent) || byName(a, b)
/** News and meetings: newest first. */
export const newestFirst = (a: { date: Date }, b: { date: Date }) => b.date.getTime() - a.date.getTime()
export const strategiesOrder = (a: { periodStart: number }, b: { periodStart: number }) => b.periodStart - a.periodStart
/** A strategy's priorities, and a meeting's agenda items. */
export const prioritiesOrder = (a: { order: number }, b: { order: number }) => a.order - b.order
export const agendaOrder = (a: { position: number }, b: { position: number }) => a.position - b.position
/** Domestic homicide reviews: newest year first, then by pseudonym. */
export const reviewsOrder = (a: { year: number; pseudonym: string }, b: { year: number; pseudonym: string }) => b.year - a.year || a.pseudonym.localeCompare(b.pseudonym, 'en-GB')
/** A review's action plan in its own order, then as written. */
export const recommendationsOrder = (a: { order?: number | null; recommendation: string }, b: { order?: number | null; recommendation: string }) =>
  (a.order ?? 1e9) - (b.order ?? 1e9) || a.recommendation.localeCompare(b.recommendation, 'en-GB')
