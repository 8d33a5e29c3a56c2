/**
 * The public site's content: every collection comes from the CMS through payloadLoader, as an
 * anonymous visitor. The zod schemas in site/schemas are the contract between the CMS and the site.
 */
import { defineCollection } from 'astro:content'
import { glob } from 'astro/loaders'
import { z } from 'astro/zod'
import { cms, payloadLoader } from './lib/payload-loader'
import { isLocationConfidential, type LocatableEntry } from '../cms/directory/confidential-location'
import { FEED_ORDER } from '../cms/openreferral/query'
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
} from './schemas'
import { recommendationRedactionProblem, reviewRedactionProblem, reviewSecrets } from './lib/reviews'

export const collections = {
  organisations: defineCollection({ loader: payloadLoader({ collection: 'organisations', schema: organisationSchema, depth: 0 }) }),
  partnerships: defineCollection({ loader: payloadLoader({ collection: 'partnerships', schema: partnershipSchema }) }),
  strategies: defineCollection({ loader: payloadLoader({ collection: 'strategies', schema: strategySchema }) }),
  priorities: defineCollection({ loader: payloadLoader({ collection: 'priorities', schema: prioritySchema }) }),
  services: defineCollection({
    loader: payloadLoader({
      collection: 'services',
      schema: serviceSchema,
      // The open-data file is made from this same read (site/pages/open-data/services.json.ts).
      sort: FEED_ORDER,
      share: true,
      // A confidential location's stored address must appear nowhere in the output, whatever happens.
      secrets: (doc) => {
        const entry = doc as LocatableEntry
        return isLocationConfidential(entry) && entry.contact?.address ? [entry.contact.address] : []
      },
    }),
  }),
  news: defineCollection({ loader: payloadLoader({ collection: 'news', schema: newsSchema }) }),
  /** Published translations of news stories (issue 20, phase B); drafts never reach the build (staffOrPublished). */
  newsTranslations: defineCollection({ loader: payloadLoader({ collection: 'news-translations', schema: newsTranslationSchema, idField: 'id', depth: 1 }) }),
  /** Published translations of strategies and priorities (issue 20, phase B); drafts never reach the build. */
  strategyTranslations: defineCollection({ loader: payloadLoader({ collection: 'strategy-translations', schema: strategyTranslationSchema, idField: 'id', depth: 1 }) }),
  priorityTranslations: defineCollection({ loader: payloadLoader({ collection: 'priority-translations', schema: priorityTranslationSchema, idField: 'id', depth: 1 }) }),
  /** Published translations of live directory entries (issue 20): their words only; contact details stay the English entry's. */
  serviceTranslations: defineCollection({ loader: payloadLoader({ collection: 'service-translations', schema: serviceTranslationSchema, idField: 'id', depth: 1 }) }),
  meetings: defineCollection({ loader: payloadLoader({ collection: 'meetings', schema: meetingSchema }) }),
  agendaItems: defineCollection({
    loader: payloadLoader({ collection: 'agenda-items', schema: agendaItemSchema, idField: 'id' }),
  }),
  /** Domestic homicide reviews: a review or recommendation holding one of its redaction terms is left out (lib/reviews.ts). */
  reviews: defineCollection({
    loader: payloadLoader({ collection: 'reviews', schema: reviewSchema, screen: reviewRedactionProblem, secrets: reviewSecrets }),
  }),
  recommendations: defineCollection({
    loader: payloadLoader({ collection: 'recommendations', schema: recommendationSchema, idField: 'id', screen: recommendationRedactionProblem }),
  }),
  /** The interface strings, one entry per language (issue 20); a language with a missing string is left out, so not offered. */
  languages: defineCollection({ loader: payloadLoader({ collection: 'languages', schema: languageSchema, idField: 'code', depth: 0 }) }),
  settings: defineCollection({
    schema: siteSettingsSchema,
    loader: async () => {
      const payload = await cms()
      const settings = await payload.findGlobal({ slug: 'site-settings', overrideAccess: false })
      return [{ id: 'site', ...siteSettingsSchema.parse(settings) }]
    },
  }),
  /** Editorial pages that rarely change (stay safe online, accessibility, privacy): MDX in content/pages. */
  pages: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content/pages' }),
    schema: z.object({ title: z.string(), description: z.string(), updated: z.coerce.date() }),
  }),
}
