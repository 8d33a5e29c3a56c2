/**
 * What the CMS server (scripts/lib/preview/) hands the preview server for one request, in Astro.locals:
 * the props of one of the site's own page components (site/components/pages/), already loaded and
 * parsed by the site's schemas, or the field-level reasons a draft cannot be shown.
 */
import type {
  MeetingPageProps,
  NewsPageProps,
  NewsTranslationPageProps,
  PartnershipPageProps,
  PriorityPageProps,
  PriorityTranslationPageProps,
  ReviewPageProps,
  ServicePageProps,
  StrategyPageProps,
  StrategyTranslationPageProps,
} from '../site/components/pages/props'

export type PreviewPage =
  | { kind: 'strategy'; props: StrategyPageProps }
  | { kind: 'priority'; props: PriorityPageProps }
  | { kind: 'service'; props: ServicePageProps }
  | { kind: 'news'; props: NewsPageProps }
  | { kind: 'meeting'; props: MeetingPageProps }
  | { kind: 'partnership'; props: PartnershipPageProps }
  | { kind: 'review'; props: ReviewPageProps }
  | { kind: 'news-translation'; props: NewsTranslationPageProps }
  | { kind: 'strategy-translation'; props: StrategyTranslationPageProps }
  | { kind: 'priority-translation'; props: PriorityTranslationPageProps }

export type PreviewLocals = {
  page: PreviewPage
  /** The draft's last save: the live-preview script reloads when a save changes it. */
  version: string
  /** Where the page will be on the public site. */
  publicPath: string
  /**
   * An organisation has no page of its own: every public page that shows it (its directory entries,
   * the partnerships it belongs to). The preview renders the first; the banner lists them all.
   */
  shownOn?: string[]
}
