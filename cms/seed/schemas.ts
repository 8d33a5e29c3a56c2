/**
 * The shape of every file in content/: one zod schema per concept, checked before the seeder
 * writes anything. Long text is Markdown (converted to Lexical rich text on import). Every record
 * names the seed document it was taken from in `source`, so an editor can check it against the
 * original paper.
 */
import { z } from 'zod'
import {
  accessModes,
  areas,
  audiences,
  categories,
  classifications,
  keys,
  organisationTypes,
} from '../taxonomy'

/** Lower-case words joined by single hyphens: safe in a URL, stable as an upsert key. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens, like "domestic-abuse"')

/** The seed document a record was taken from, by file name, e.g. "redbridge-csp-strategy-2022-2025.txt". */
export const source = z.string().regex(/^[a-z0-9-]+\.txt$/, 'must be the file name of a seed document, like "newham-imraa-partnership.txt"')

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' })

/**
 * A UK phone number as people write it: 999, 101, 0800 000 0000, +44 20 0000 0000.
 * Never invent one for a real organisation: a wrong number can put someone in danger.
 */
export const ukPhone = z
  .string()
  .refine(
    (value) => /^(999|101|111|112|116 ?\d{3})$/.test(value) || /^(\+44 ?|0)\d[\d ]{8,12}\d$/.test(value),
    'must be a UK phone number, like "020 7946 0000" or "+44 20 7946 0000"',
  )

const markdown = z.string().min(1, 'must not be empty')

/** The stable open-data id; written by `npm run export`, derived from the slug when absent. */
const uuid = z.uuid({ message: 'must be a UUID' }).optional()

export const organisationSchema = z.strictObject({
  slug,
  uuid,
  name: z.string().min(1),
  type: z.enum(keys(organisationTypes)),
  /** Public website, only when the seed document gives it. */
  website: z.url({ protocol: /^https?$/, message: 'must be a web address starting http:// or https://' }).optional(),
  description: z.string().optional(),
  source,
})

export const partnershipSchema = z.strictObject({
  slug,
  name: z.string().min(1),
  area: z.enum(keys(areas)),
  summary: z.string().min(1),
  /** Markdown: more about the partnership. */
  body: markdown.optional(),
  members: z.array(z.strictObject({ organisation: slug, role: z.string().optional() })).default([]),
  website: z.url({ protocol: /^https?$/ }).optional(),
  source,
})

export const measureSchema = z.strictObject({
  direction: z.enum(['increase', 'reduce']),
  description: z.string().min(1),
  baseline: z
    .strictObject({ value: z.number(), unit: z.string().min(1), date: isoDate.optional(), source: z.string().optional() })
    .optional(),
  target: z.strictObject({ value: z.number(), date: isoDate.optional() }).optional(),
  readings: z.array(z.strictObject({ date: isoDate, value: z.number() })).optional(),
})

export const prioritySchema = z.strictObject({
  slug,
  title: z.string().min(1),
  /** Position within its strategy, from 1. */
  order: z.number().int().positive(),
  goal: z.string().min(1),
  /** Markdown. */
  approach: markdown.optional(),
  /** Markdown: outcomes the partnership wants. */
  outcomes: markdown.optional(),
  measures: z.array(measureSchema).default([]),
})

export const strategySchema = z
  .strictObject({
    slug,
    title: z.string().min(1),
    partnership: slug,
    periodStart: z.number().int().min(1990).max(2100),
    periodEnd: z.number().int().min(1990).max(2100),
    status: z.enum(['draft', 'adopted', 'superseded']),
    summary: z.string().min(1),
    vision: z.string().optional(),
    /** Markdown: the rest of the document (introduction, context, governance …). */
    body: markdown.optional(),
    priorities: z.array(prioritySchema).default([]),
    source,
  })
  .refine((s) => s.periodEnd >= s.periodStart, {
    message: 'must not be before periodStart',
    path: ['periodEnd'],
    // Check the period even when other fields are wrong, so one run reports every problem.
    when: ({ value }) => {
      const v = value as { periodStart?: unknown; periodEnd?: unknown }
      return typeof v?.periodStart === 'number' && typeof v?.periodEnd === 'number'
    },
  })

export const serviceSchema = z.strictObject({
  slug,
  uuid,
  name: z.string().min(1),
  /** Slug of the owning organisation (the one whose partners may edit it). */
  organisation: slug,
  description: z.string().min(1),
  categories: z.array(z.enum(keys(categories))).min(1, 'needs at least one category'),
  audiences: z.array(z.enum(keys(audiences))).min(1, 'needs at least one audience'),
  areas: z.array(z.enum(keys(areas))).min(1, 'needs at least one area'),
  languages: z.array(z.string().min(1)).default([]),
  accessModes: z.array(z.enum(keys(accessModes))).default([]),
  /** Open 24 hours a day, 7 days a week. Only when the source says so. */
  urgent: z.boolean().default(false),
  /** Contact details ONLY when the seed document prints them. Never invented. */
  contact: z
    .strictObject({
      phone: ukPhone.optional(),
      email: z.email({ message: 'must be an email address' }).optional(),
      website: z.url({ protocol: /^https?$/ }).optional(),
      address: z.string().optional(),
    })
    .default({}),
  openingHours: z.string().optional(),
  eligibility: z.string().optional(),
  cost: z.string().optional(),
  /** How to reach the service when no contact details are published (e.g. "through your social worker"). */
  howToAccess: z.string().optional(),
  lastReviewed: isoDate,
  source,
})

export const newsSchema = z.strictObject({
  slug,
  title: z.string().min(1),
  date: isoDate,
  summary: z.string().min(1),
  partnerships: z.array(slug).default([]),
  /** Markdown. */
  body: markdown,
  tags: z.array(z.string().min(1)).default([]),
  source,
})

export const agendaItemSchema = z.strictObject({
  /** Item number on the agenda, e.g. "4". */
  number: z.string().min(1),
  title: z.string().min(1),
  presenter: z.string().optional(),
  classification: z.enum(keys(classifications)),
  summary: z.string().optional(),
  /** Markdown: the paper, minutes or report itself. */
  paper: markdown.optional(),
})

export const meetingSchema = z.strictObject({
  slug,
  title: z.string().min(1),
  partnership: slug,
  board: z.string().min(1),
  date: isoDate,
  venue: z.string().optional(),
  agenda: z.array(agendaItemSchema).default([]),
  source,
})

export type OrganisationSeed = z.infer<typeof organisationSchema>
export type PartnershipSeed = z.infer<typeof partnershipSchema>
export type StrategySeed = z.infer<typeof strategySchema>
export type PrioritySeed = z.infer<typeof prioritySchema>
export type ServiceSeed = z.infer<typeof serviceSchema>
export type NewsSeed = z.infer<typeof newsSchema>
export type MeetingSeed = z.infer<typeof meetingSchema>
