/** Content queries shared by pages: sorted, and with the relations pages need. */
import { getCollection } from 'astro:content'

export const byName = <T extends { data: { name: string } }>(a: T, b: T) => a.data.name.localeCompare(b.data.name, 'en-GB')

export async function services() {
  return (await getCollection('services')).sort((a, b) => Number(b.data.urgent) - Number(a.data.urgent) || byName(a, b))
}

export async function news() {
  return (await getCollection('news')).sort((a, b) => b.data.date.getTime() - a.data.date.getTime())
}

export async function meetings() {
  return (await getCollection('meetings')).sort((a, b) => b.data.date.getTime() - a.data.date.getTime())
}

export async function strategies() {
  return (await getCollection('strategies')).sort((a, b) => b.data.periodStart - a.data.periodStart)
}

export async function prioritiesOf(strategySlug: string) {
  return (await getCollection('priorities', (p) => p.data.strategy.slug === strategySlug)).sort((a, b) => a.data.order - b.data.order)
}

export async function organisationsBySlug() {
  return new Map((await getCollection('organisations')).map((o) => [o.data.slug, o.data]))
}

/** Public agenda items of a meeting, in agenda order (restricted items never reach the site). */
export async function agendaOf(meetingSlug: string) {
  return (await getCollection('agendaItems', (i) => i.data.meeting.slug === meetingSlug)).sort((a, b) => a.data.position - b.data.position)
}

/** Build time: "may be out of date" is judged when the site is built (every publish rebuilds it). */
export const BUILT_AT = new Date()
