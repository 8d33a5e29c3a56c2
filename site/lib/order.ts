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
