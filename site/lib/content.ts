/** Content queries shared by pages: sorted, and with the relations pages need. */
import { perBuild } from './per-build'
import { getCollection } from 'astro:content'
import type { FilterPage } from './services'
import { agendaOrder, newestFirst, prioritiesOrder, servicesOrder, strategiesOrder, byName as byNameOf } from './order'

export const byName = <T extends { data: { name: string } }>(a: T, b: T) => byNameOf(a.data, b.data)

export async function services() {
  return (await getCollection('services')).sort((a, b) => servicesOrder(a.data, b.data))
}

export async function news() {
  return (await getCollection('news')).sort((a, b) => newestFirst(a.data, b.data))
}

/**
 * Published translations of news stories (issue 20, phase B) whose English story is on the site,
 * newest story first. A translation of a story the build left out has nothing to link back to.
 */
export async function newsTranslations() {
  const stories = new Set((await getCollection('news')).map((n) => String(n.data.id)))
  return (await getCollection('newsTranslations')).filter((t) => stories.has(String(t.data.story.id))).sort((a, b) => newestFirst(a.data.story, b.data.story))
}

/**
 * Published translations of strategies (issue 20, phase B) whose English strategy is on the site,
 * in the strategies' order; and of priorities whose English priority is on the site.
 */
export async function strategyTranslations() {
  const order = new Map((await strategies()).map((s, i) => [String(s.data.id), i]))
  return (await getCollection('strategyTranslations')).filter((t) => order.has(String(t.data.strategy.id))).sort((a, b) => order.get(String(a.data.strategy.id))! - order.get(String(b.data.strategy.id))!)
}
export async function priorityTranslations() {
  const priorities = new Set((await getCollection('priorities')).map((p) => String(p.data.id)))
  return (await getCollection('priorityTranslations')).filter((t) => priorities.has(String(t.data.priority.id)))
}

/**
 * Published translations of directory entries that are on the site (issue 20): a translation is
 * built only while its English entry is live, so unpublishing a closed service removes its
 * translated pages at the next build. In the directory's order.
 */
export async function serviceTranslations() {
  const order = new Map((await services()).map((s, i) => [String(s.data.id), i]))
  return (await getCollection('serviceTranslations')).filter((t) => order.has(String(t.data.service.id))).sort((a, b) => order.get(String(a.data.service.id))! - order.get(String(b.data.service.id))!)
}

export async function meetings() {
  return (await getCollection('meetings')).sort((a, b) => newestFirst(a.data, b.data))
}

export async function strategies() {
  return (await getCollection('strategies')).sort((a, b) => strategiesOrder(a.data, b.data))
}

export async function prioritiesOf(strategySlug: string) {
  return (await getCollection('priorities', (p) => p.data.strategy.slug === strategySlug)).sort((a, b) => prioritiesOrder(a.data, b.data))
}

export async function organisationsBySlug() {
  return new Map((await getCollection('organisations')).map((o) => [o.data.slug, o.data]))
}

/** Public agenda items of a meeting, in agenda order (restricted items never reach the site). */
export async function agendaOf(meetingSlug: string) {
  return (await getCollection('agendaItems', (i) => i.data.meeting.slug === meetingSlug)).sort((a, b) => agendaOrder(a.data, b.data))
}

/** The directory entries (`all`, in directory order) a /support/<key>/ page lists. */
export function listedOn(page: FilterPage, all: Awaited<ReturnType<typeof services>>) {
  const field = page.kind === 'category' ? 'categories' : page.kind === 'audience' ? 'audiences' : 'areas'
  return all.filter((s) => (s.data[field] as string[]).includes(page.key))
}

/** What a partnership's page shows besides itself: its strategies, news and meetings. */
export async function publishedBy(partnershipSlug: string) {
  return {
    strategies: (await strategies()).filter((s) => s.data.partnership.slug === partnershipSlug),
    news: (await news()).filter((n) => n.data.partnerships.some((x) => x.slug === partnershipSlug)),
    meetings: (await meetings()).filter((m) => m.data.partnership.slug === partnershipSlug),
  }
}

/**
 * Build time: "may be out of date" is judged when the site is built (every publish rebuilds it),
 * so a warm renderer's publish judges it at its own time, not its process's start (per-build.ts).
 */
export const builtAt = perBuild(() => new Date())
