/**
 * Where each content collection's records come from: the loaders of site/content.config.ts, in a
 * module of their own (no astro:content), so a warm renderer (scripts/lib/warm/) can run the very
 * same loaders again for a publish without a new `astro build`. Every collection comes from the CMS
 * through payloadLoader, as an anonymous visitor.
 */
import type { Loader } from 'astro/loaders'
import { payloadLoader, cms } from './payload-loader'
import { isLocationConfidential, type LocatableEntry } from '../../cms/directory/confidential-location'
import { FEED_ORDER } from '../../cms/openreferral/query'
import {
  agendaItemSchema,
  meetingSchema,
  newsSchema,
  newsTranslationSchema,
  priorityTranslationSchema,
  strategyTranslationSchema,
  serviceTranslationSchema,
  organisationSchema,
  partnershipSchema,
  prioritySchema,
  recommendationSchema,
  reviewSchema,
  serviceSchema,
  languageSchema,
  siteSettingsSchema,
  strategySchema,
} from '../schemas'
import { recommendationRedactionProblem, reviewRedactionProblem, reviewSecrets } from './reviews'

/**
 * The site settings, one entry ('site'), parsed by the site's schema. Stored as Astro stores what an
 * inline loader returns (content-layer's simpleLoader: parsed again by the collection's schema,
 * cleared, then set with no digest), so the bytes of every page are the same whichever renderer
 * runs it.
 */
export const settingsLoader: Loader = {
  name: 'payload:site-settings',
  load: async ({ store, parseData }) => {
    const payload = await cms()
    const settings = await payload.findGlobal({ slug: 'site-settings', overrideAccess: false })
    const raw = { id: 'site', ...siteSettingsSchema.parse(settings) }
    const data = await parseData({ id: 'site', data: raw })
    store.clear()
    store.set({ id: 'site', data })
  },
}

/** Every collection's loader, by collection name, as site/content.config.ts registers them. */
export const sources = {
  organisations: payloadLoader({ collection: 'organisations', schema: organisationSchema, depth: 0 }),
  partnerships: payloadLoader({ collection: 'partnerships', schema: partnershipSchema }),
  strategies: payloadLoader({ collection: 'strategies', schema: strategySchema }),
  priorities: payloadLoader({ collection: 'priorities', schema: prioritySchema }),
  services: payloadLoader({
    collection: 'services',
    schema: serviceSchema,
    // The open-data file is made from this same read (site/pages/open-data/services.json.ts).
    sort: FEED_ORDER,
    share: true,
    // Its one join (`translations`) is read by no page: the translations have their own loader.
    joins: false,
    // 10,000 entries at scale: a warm publish reads again only those that changed (or whose organisation did).
    changesOnly: true,
    // A confidential location's stored address must appear nowhere in the output, whatever happens.
    secrets: (doc) => {
      const entry = doc as LocatableEntry
      return isLocationConfidential(entry) && entry.contact?.address ? [entry.contact.address] : []
    },
  }),
  news: payloadLoader({ collection: 'news', schema: newsSchema }),
  /** Published translations of news stories (issue 20, phase B); drafts never reach the build (staffOrPublished). */
  newsTranslations: payloadLoader({ collection: 'news-translations', schema: newsTranslationSchema, idField: 'id', depth: 1 }),
  /** Published translations of strategies and priorities (issue 20, phase B); drafts never reach the build. */
  strategyTranslations: payloadLoader({ collection: 'strategy-translations', schema: strategyTranslationSchema, idField: 'id', depth: 1 }),
  priorityTranslations: payloadLoader({ collection: 'priority-translations', schema: priorityTranslationSchema, idField: 'id', depth: 1 }),
  /** Published translations of live directory entries (issue 20): their words only; contact details stay the English entry's. */
  serviceTranslations: payloadLoader({ collection: 'service-translations', schema: serviceTranslationSchema, idField: 'id', depth: 1 }),
  meetings: payloadLoader({ collection: 'meetings', schema: meetingSchema }),
  agendaItems: payloadLoader({ collection: 'agenda-items', schema: agendaItemSchema, idField: 'id' }),
  /** Domestic homicide reviews: a review or recommendation holding one of its redaction terms is left out (lib/reviews.ts). */
  reviews: payloadLoader({ collection: 'reviews', schema: reviewSchema, screen: reviewRedactionProblem, secrets: reviewSecrets }),
  recommendations: payloadLoader({ collection: 'recommendations', schema: recommendationSchema, idField: 'id', screen: recommendationRedactionProblem }),
  /** The interface strings, one entry per language (issue 20); a language with a missing string is left out, so not offered. */
  languages: payloadLoader({ collection: 'languages', schema: languageSchema, idField: 'code', depth: 0 }),
  settings: settingsLoader,
} satisfies Record<string, Loader>

/** The collections the CMS fills (every one but the editorial MDX pages). */
export type SourceName = keyof typeof sources
