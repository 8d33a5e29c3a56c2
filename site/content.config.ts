/**
 * The public site's content: every collection comes from the CMS through the loaders in
 * lib/sources.ts, as an anonymous visitor. The zod schemas in site/schemas are the contract between
 * the CMS and the site.
 */
import { defineCollection } from 'astro:content'
import { glob } from 'astro/loaders'
import { z } from 'astro/zod'
import { sources } from './lib/sources'
import { siteSettingsSchema } from './schemas'

export const collections = {
  organisations: defineCollection({ loader: sources.organisations }),
  partnerships: defineCollection({ loader: sources.partnerships }),
  strategies: defineCollection({ loader: sources.strategies }),
  priorities: defineCollection({ loader: sources.priorities }),
  services: defineCollection({ loader: sources.services }),
  news: defineCollection({ loader: sources.news }),
  newsTranslations: defineCollection({ loader: sources.newsTranslations }),
  strategyTranslations: defineCollection({ loader: sources.strategyTranslations }),
  priorityTranslations: defineCollection({ loader: sources.priorityTranslations }),
  serviceTranslations: defineCollection({ loader: sources.serviceTranslations }),
  meetings: defineCollection({ loader: sources.meetings }),
  agendaItems: defineCollection({ loader: sources.agendaItems }),
  reviews: defineCollection({ loader: sources.reviews }),
  recommendations: defineCollection({ loader: sources.recommendations }),
  languages: defineCollection({ loader: sources.languages }),
  settings: defineCollection({ schema: siteSettingsSchema, loader: sources.settings }),
  /** Editorial pages that rarely change (stay safe online, accessibility, privacy): MDX in content/pages. */
  pages: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content/pages' }),
    schema: z.object({ title: z.string(), description: z.string(), updated: z.coerce.date() }),
  }),
}
