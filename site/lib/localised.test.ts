import { describe, expect, it, vi } from 'vitest'
import { localisedNews, localisedStrategies } from './localised'

// localised.ts reaches Astro's content store through content.ts (BUILT_AT); these lists never read it.
vi.mock('astro:content', () => ({ getCollection: async () => [] }))

type Story = Parameters<typeof localisedNews>[1][number]
type StoryTranslation = Parameters<typeof localisedNews>[2][number]
type Strategy = Parameters<typeof localisedStrategies>[1][number]
type StrategyTranslation = Parameters<typeof localisedStrategies>[2][number]

// Only the fields the lists read; the rest of an entry is the page's business.
const story = (id: number, date: string) => ({ id: `s${id}`, data: { id, slug: `story-${id}`, title: `Story ${id}`, date: new Date(date) } }) as unknown as Story
const storyIn = (language: string, s: Story) =>
  ({ id: `t${s.data.id}-${language}`, data: { language, title: `${s.data.title} (${language})`, story: { id: s.data.id, slug: s.data.slug, title: s.data.title, date: s.data.date } } }) as unknown as StoryTranslation
const strategy = (id: number) => ({ id: `p${id}`, data: { id, slug: `plan-${id}`, title: `Plan ${id}` } }) as unknown as Strategy
const strategyIn = (language: string, s: Strategy) =>
  ({ id: `u${s.data.id}-${language}`, data: { language, title: `${s.data.title} (${language})`, strategy: { id: s.data.id, slug: s.data.slug, title: s.data.title } } }) as unknown as StrategyTranslation

// Newest first, as content.ts gives them; translations in their stories' order.
const stories = [story(5, '2026-05-01'), story(4, '2026-04-01'), story(3, '2026-03-01'), story(2, '2026-02-01'), story(1, '2026-01-01')]
const storyTranslations = [storyIn('pl', stories[1]!), storyIn('cy', stories[2]!), storyIn('pl', stories[3]!)]
const strategies = [strategy(1), strategy(2), strategy(3), strategy(4)]
const strategyTranslations = [strategyIn('pl', strategies[2]!), strategyIn('ro', strategies[0]!)]

describe('localisedNews', () => {
  it('lists the stories translated into the language first, in order, then the newest English-only ones up to the limit, marked as English', () => {
    const { items, inputs } = localisedNews('pl', stories, storyTranslations, 2)
    expect(items).toStrictEqual([
      { href: '/pl/news/story-4/', title: 'Story 4 (pl)', date: new Date('2026-04-01'), english: false },
      { href: '/pl/news/story-2/', title: 'Story 2 (pl)', date: new Date('2026-02-01'), english: false },
      { href: '/news/story-5/', title: 'Story 5', date: new Date('2026-05-01'), english: true },
      { href: '/news/story-3/', title: 'Story 3', date: new Date('2026-03-01'), english: true },
    ])
    expect(inputs).toEqual([storyTranslations[0], storyTranslations[2], stories[0], stories[2]])
  })

  it('counts the limit in English-only stories only: another language’s translation is English here', () => {
    expect(localisedNews('cy', stories, storyTranslations, 3).items.map((i) => [i.href, i.english])).toEqual([
      ['/cy/news/story-3/', false],
      ['/news/story-5/', true],
      ['/news/story-4/', true],
      ['/news/story-2/', true],
    ])
    expect(localisedNews('pl', stories, storyTranslations, 0).items.every((i) => !i.english)).toBe(true)
    expect(localisedNews('ro', stories, storyTranslations, 10).items).toHaveLength(stories.length)
    expect(localisedNews('ro', [], [], 10)).toEqual({ items: [], inputs: [] })
  })
})

describe('localisedStrategies', () => {
  it('lists the strategies translated into the language first, then English-only ones in the strategies’ order up to the limit, with no date', () => {
    const { items, inputs } = localisedStrategies('pl', strategies, strategyTranslations, 2)
    // toStrictEqual: an item has no date key at all, not an undefined one.
    expect(items).toStrictEqual([
      { href: '/pl/strategies/plan-3/', title: 'Plan 3 (pl)', english: false },
      { href: '/strategies/plan-1/', title: 'Plan 1', english: true },
      { href: '/strategies/plan-2/', title: 'Plan 2', english: true },
    ])
    expect(inputs).toEqual([strategyTranslations[0], strategies[0], strategies[1]])
  })

  it('leaves out of the English part every strategy translated into the language, and only those', () => {
    expect(localisedStrategies('ro', strategies, strategyTranslations, 10).items.map((i) => [i.href, i.english])).toEqual([
      ['/ro/strategies/plan-1/', false],
      ['/strategies/plan-2/', true],
      ['/strategies/plan-3/', true],
      ['/strategies/plan-4/', true],
    ])
  })
})
