/**
 * The props of each page component in this folder: the data a page shows, loaded and parsed by the
 * site's schemas. Typed here (TypeScript cannot read .astro files) so the static routes, the
 * preview (scripts/lib/preview/load.ts) and the components agree.
 */
import type { SiteImage } from '../../lib/media'
import type {
  AgendaItem,
  Meeting,
  NewsStory,
  NewsTranslationEntry,
  Organisation,
  Partnership,
  Priority,
  PriorityTranslationEntry,
  Recommendation,
  Review,
  Service,
  ServiceTranslationEntry,
  SiteLanguage,
  SiteSettings,
  Strategy,
  StrategyTranslationEntry,
} from '../../schemas'

/** Given by a preview, which renders outside the static build's content store; the static build reads them itself. */
type Shared = { settings?: SiteSettings }

/** `translated`: the live languages the strategy (or priority) has a published translation page in (issue 20, phase B). */
export type StrategyPageProps = Shared & { s: Strategy; priorities: Priority[]; translated?: string[] }
/** `priorities`: the strategy's priorities in order, this one among them (for its number and the pager). */
export type PriorityPageProps = Shared & { s: Strategy; p: Priority; priorities: Priority[]; learning?: ReviewLearning[]; translated?: string[] }
/** A recommendation of a published domestic homicide review that answers a priority, with its review (issue 21). */
export type ReviewLearning = { rec: Recommendation; review: Review }
/**
 * `organisation`: its published organisation record; `now`: when "may be out of date" is judged (the
 * build's time for the static site); `translated`: the live languages the entry has a published
 * translation page in (issue 20); `translation`: render the page in that language — the
 * translator's words, every contact detail, opening hours and address from the English entry.
 */
export type ServicePageProps = Shared & { service: Service; organisation: Organisation | undefined; now?: Date; translated?: string[]; translation?: { language: SiteLanguage; t: ServiceTranslationEntry } }
/** `image`: the site's own variants of its picture (lib/media.ts); `translated`: the live languages the story has a published translation in (issue 20, phase B). */
export type NewsPageProps = Shared & { n: NewsStory; image: SiteImage | null; translated?: string[] }
/**
 * A domestic homicide review's page: `recommendations` its published ones in action-plan order,
 * `partnership` the commissioning partnership's published record (its contact, for a review on
 * request), `priorityLinks` each published priority's page by id; `now`: when the publication window
 * is judged (the build's time for the static site).
 */
export type ReviewPageProps = Shared & {
  review: Review
  recommendations: Recommendation[]
  partnership?: Partnership
  priorityLinks: Map<string, { href: string; title: string }>
  now?: Date
}
/** `items`: public agenda items only, in agenda order. */
export type MeetingPageProps = Shared & { m: Meeting; items: AgendaItem[] }
/** `organisations`: published organisations by slug; `strategies`, `news`, `meetings`: its own published ones, in the site's order. */
export type PartnershipPageProps = Shared & {
  p: Partnership
  organisations: Map<string, Organisation>
  strategies: Strategy[]
  news: NewsStory[]
  meetings: Meeting[]
}

/**
 * Translated pages (issue 20, phase B). `language`: the page's language with its interface strings
 * (a preview reads them from the CMS: it has no content store); `translated`: the live languages the
 * document has a page in, for the switcher and hreflang.
 */
type Translated = Shared & { language: SiteLanguage; translated: string[] }
export type NewsTranslationPageProps = Translated & { t: NewsTranslationEntry }
/** `priorities`: the strategy's priorities in order, each with its published translation in this language, if any. */
export type StrategyTranslationPageProps = Translated & { t: StrategyTranslationEntry; s: Strategy; priorities: { p: Priority; local?: PriorityTranslationEntry }[] }
/** `st`: the strategy's translation in this language (the page sits under it); `p`: the English priority (its measures). */
export type PriorityTranslationPageProps = Translated & { t: PriorityTranslationEntry; st: StrategyTranslationEntry; p: Priority }
