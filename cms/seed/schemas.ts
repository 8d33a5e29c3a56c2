/**
 * The shape of every file in content/: one zod schema per concept, checked before the seeder
 * writes anything. Long text is Markdown (converted to Lexical rich text on import). Every record
 * names the seed document it was taken from in `source`, so an editor can check it against the
 * original paper.
 *
 * The same format holds a full backup (`npm run export`): records of the editorial collections say
 * whether they are published (`publication`, default "published") and may carry a newer,
 * unpublished `draft` of themselves; media files sit in media/ with their alt text in media.json;
 * site settings in settings.json. See docs/backups.md.
 */
import { locationProblems, type LocatableEntry } from '../directory/confidential-location'
import { z } from 'zod'
import {
  accessModes,
  areas,
  audiences,
  categories,
  classifications,
  keys,
  organisationTypes,
  stepFreeAccess,
  strategyStatuses,
} from '../taxonomy'
import { isEmailAddress, isSecureWebAddress, isSlug, isUkPhone, isWebAddress } from '../rules'
import { REVIEW_STATES } from '../review/fields'
import { providerProblem } from '../directory/provider'
import { fieldName, LANGUAGE_CODES, OPTIONAL_LANGUAGES, STRING_GROUPS, VOCABULARIES, type LanguageCode, type UiStrings } from '../languages/strings'

/** Lower-case words joined by single hyphens: safe in a URL, stable as an upsert key. */
export const slug = z.string().refine(isSlug, 'must be lower-case letters, digits and single hyphens, like "domestic-abuse"')

/**
 * The seed document a record was taken from, by file name, e.g. "redbridge-csp-strategy-2022-2025.txt".
 * Every record in content/ names one (tests/unit/content.test.ts); a record written in the CMS may
 * have none, or a free-text `sourceDocument` instead.
 */
export const source = z
  .string()
  .regex(/^[a-z0-9-]+\.txt$/, 'must be the file name of a seed document, like "newham-imraa-partnership.txt"')
  .optional()

/** Where a record came from when that is not a seed document: the CMS's free text, kept by backups. */
const sourceDocument = z.string().min(1).optional()

/** A moment, as an ISO 8601 timestamp like "2026-11-22T10:15:00.000Z". */
export const isoDateTime = z.iso.datetime({ message: 'must be a timestamp like "2026-11-22T10:15:00.000Z"' })

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' })

/**
 * A UK phone number as people write it: 999, 101, 0800 000 0000, +44 20 0000 0000. Exactly the
 * numbers the CMS accepts (cms/rules/phone.ts), so a seed that passes here cannot fail half-way.
 * Never invent one for a real organisation: a wrong number can put someone in danger.
 */
export const ukPhone = z.string().refine(isUkPhone, 'must be a UK phone number, like "020 7946 0000" or "+44 20 7946 0000"')

/** A web address starting http:// or https:// (cms/rules/web-address.ts). */
export const webAddress = z.string().refine(isWebAddress, 'must be a web address starting http:// or https://')

/** An email address (cms/rules/email.ts). Never a named officer's own. */
export const email = z.string().refine(isEmailAddress, 'must be an email address')

export const markdown = z.string().min(1, 'must not be empty')

/** A file in the backup's media/ folder, by name, e.g. "board-meeting.jpg"; listed in media.json. */
export const mediaFile = z
  .string()
  .regex(/^[\w][\w.\- ]*\.[a-z0-9]+$/i, 'must be a file name in media/, like "board-meeting.jpg"')

/** The record's publication state: "draft" records are kept in the CMS but never shown on the site. */
export const publication = z.enum(['published', 'draft'], { message: 'must be "published" or "draft"' })

/** Where a partner's submission stands with the editors (cms/review). Who submitted it is not kept: users are not exported. */
export const reviewSchema = z.strictObject({
  state: z.enum(REVIEW_STATES.map((s) => s.value) as [string, ...string[]]).optional(),
  /** The editor's note to the partner. */
  note: z.string().optional(),
  submittedAt: isoDateTime.optional(),
})

/** Where a directory entry's information comes from: a paper or feed, with its own date or period (text, since some give only "2022–2025"). */
export const originSchema = z.strictObject({
  title: z.string().min(1, 'must name the paper, page or feed'),
  /** The source's own date or period, like "26 September 2018" or "2022–2025"; left out when it has none. */
  published: z.string().min(1).optional(),
})

/** sources/sources.json: each seed document (by file name) and where it comes from. */
export const sourcesListSchema = z.record(z.string().regex(/^[a-z0-9-]+\.txt$/, 'must be the file name of a seed document'), originSchema)

/** A person's confirmation that an entry is still right: a date is never kept without who confirmed it. */
export const confirmedSchema = z.strictObject(
  {
    on: isoDate,
    /** Who confirmed it: their name or email as the CMS recorded it. */
    by: z.string().trim().min(1, 'must say who confirmed it'),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'must be { "on": "YYYY-MM-DD", "by": "who confirmed it" }' : undefined) },
)

/** The id a record has in the directory it was imported from (Open Referral). */
const externalId = z.string().min(1).optional()

export type Check = <T extends z.ZodType>(schema: T) => T
const noCheck: Check = (schema) => schema

/**
 * Adds publication state to an editorial record's fields (collections with drafts):
 * - `publication: "published"` (the default) needs every required field; it may carry `draft`, a
 *   newer unpublished version of the same fields (a partner's pending change) that does not
 *   replace the live one;
 * - `publication: "draft"` is a record never published (or unpublished); like the CMS, which does
 *   not validate drafts, it needs only its slug.
 * `children` are nested records with their own publication state (priorities in a strategy, agenda
 * items in a meeting): not part of a draft. `check` adds cross-field rules to every variant.
 */
export function editorial<Shape extends z.core.$ZodLooseShape, Children extends keyof Shape & string = never>(
  fields: z.ZodObject<Shape, z.core.$strict>,
  children: Children[] = [],
  check: Check = noCheck,
) {
  const leaveOut = Object.fromEntries(children.map((key) => [key, true])) as Record<Children, true>
  const draft = check(fields.omit(leaveOut as never).partial() as unknown as z.ZodObject<{ [K in Exclude<keyof Shape, Children>]: z.ZodOptional<Shape[K]> }, z.core.$strict>)
  const published = check(fields.extend({ publication: z.literal('published'), draft: draft.optional() }))
  // Fields with a default (lists) keep it, so a draft record still has its lists, empty or not.
  const optional = Object.fromEntries(
    Object.entries(fields.shape)
      .filter(([key, schema]) => key !== 'slug' && !(schema instanceof z.ZodDefault))
      .map(([key]) => [key, true]),
  ) as { [K in Exclude<keyof Shape, 'slug' | Defaulted<Shape>>]: true }
  const unpublished = check(fields.partial(optional as never).extend({ publication: z.literal('draft') }) as unknown as z.ZodObject<
    { [K in keyof Shape]: K extends 'slug' | Defaulted<Shape> ? Shape[K] : z.ZodOptional<Shape[K]> } & { publication: z.ZodLiteral<'draft'> },
    z.core.$strict
  >)
  return z.preprocess(
    (value) => (value && typeof value === 'object' && !Array.isArray(value) && !('publication' in value) ? { ...value, publication: 'published' } : value),
    z.discriminatedUnion('publication', [published, unpublished], { error: (issue) => (issue.code === 'invalid_union' ? 'must be "published" or "draft"' : undefined) }),
  )
}
type Defaulted<Shape> = { [K in keyof Shape]: Shape[K] extends z.ZodDefault ? K : never }[keyof Shape]

/** The stable open-data id; written by `npm run export`, derived from the slug when absent. */
const uuid = z.uuid({ message: 'must be a UUID' }).optional()

export const organisationFields = z.strictObject({
  slug,
  uuid,
  name: z.string().min(1),
  type: z.enum(keys(organisationTypes)),
  /** Public website, only when the seed document gives it. */
  website: webAddress.optional(),
  description: z.string().optional(),
  review: reviewSchema.optional(),
  externalId,
  source,
  sourceDocument,
})
export const organisationSchema = editorial(organisationFields)

/** One file in media/ and what the CMS knows about it. */
export const mediaSchema = z.strictObject({
  file: mediaFile,
  /** What the image shows; for a PDF, its title. */
  alt: z.string().min(1, 'must not be empty: describe the image for people who cannot see it'),
  credit: z.string().optional(),
  /** Focal point in percent, for crops. */
  focalX: z.number().optional(),
  focalY: z.number().optional(),
})

/** media.json: every file in media/. */
export const mediaListSchema = z.array(mediaSchema)

/** settings.json: the site-settings global (optional; missing fields keep the CMS defaults). */
export const settingsSchema = z.strictObject({
  siteName: z.string().min(1).optional(),
  quickExitUrl: z.string().refine(isSecureWebAddress, 'must start https://').optional(),
  emergencyMessage: z.string().min(1).optional(),
  alert: z.strictObject({ enabled: z.boolean().default(false), message: z.string().optional() }).optional(),
  /** The website's own feedback contact; never a guess. */
  contact: z.strictObject({ email: email.optional(), url: webAddress.optional() }).optional(),
  /** How long a published domestic homicide review's report stays on the site (issue 21). */
  reviews: z.strictObject({ publicationWindowMonths: z.number().int().min(1).max(120) }).optional(),
  /** The languages the site offers besides English (issue 20); left out, the CMS keeps what it has. */
  languages: z.array(z.enum(OPTIONAL_LANGUAGES as [string, ...string[]])).optional(),
})

/** One interface string: never missing, never empty (a blank button or notice could leave someone stuck). */
const uiString = z.string({ message: 'is missing' }).trim().min(1, 'must not be empty')
const stringGroup = (keys: readonly string[]) => z.strictObject(Object.fromEntries(keys.map((key) => [key, uiString])), { message: 'is missing' })

/**
 * content/languages/<code>.json: the public site's interface in one language (cms/languages/strings.ts
 * lists every string). Every key is required: a language is complete or it is not loaded.
 */
export const languageSchema = z.strictObject({
  /** BCP 47 code; the file is named after it. */
  code: z.enum(LANGUAGE_CODES, { message: `must be one of ${LANGUAGE_CODES.join(', ')}` }),
  /** The language's name in itself ("বাংলা"), as the switcher shows it. */
  endonym: uiString,
  direction: z.enum(['ltr', 'rtl'], { message: 'must be "ltr" or "rtl"' }),
  /** Left out: not yet checked. Who checked is a name, as the CMS recorded it. */
  fluentCheck: z
    .strictObject({ checked: z.boolean(), checkedBy: z.string().min(1).optional(), checkedAt: isoDateTime.optional() })
    .optional(),
  ...Object.fromEntries(Object.entries(STRING_GROUPS).map(([group, { strings }]) => [group, stringGroup(Object.keys(strings))])),
  ...Object.fromEntries(Object.entries(VOCABULARIES).map(([group, { terms }]) => [group, stringGroup(Object.keys(terms).map(fieldName))])),
}) as unknown as z.ZodType<LanguageSeed>
export type LanguageSeed = UiStrings & {
  code: LanguageCode
  endonym: string
  direction: 'ltr' | 'rtl'
  fluentCheck?: { checked: boolean; checkedBy?: string; checkedAt?: string }
}

export const partnershipSchema = z.strictObject({
  slug,
  name: z.string().min(1),
  area: z.enum(keys(areas)),
  summary: z.string().min(1),
  /** Markdown: more about the partnership. */
  body: markdown.optional(),
  members: z.array(z.strictObject({ organisation: slug, role: z.string().optional() })).default([]),
  /** The partnership's public contact details (never a person's own). */
  website: webAddress.optional(),
  email: email.optional(),
  phone: ukPhone.optional(),
  logo: mediaFile.optional(),
  source,
  sourceDocument,
})

export const measureSchema = z.strictObject({
  direction: z.enum(['increase', 'reduce']),
  description: z.string().min(1),
  // Value and unit are optional because the CMS does not require them; seeds give both.
  baseline: z
    .strictObject({ value: z.number().optional(), unit: z.string().min(1).optional(), date: isoDate.optional(), source: z.string().optional() })
    .optional(),
  target: z.strictObject({ value: z.number().optional(), date: isoDate.optional() }).optional(),
  readings: z.array(z.strictObject({ date: isoDate, value: z.number() })).optional(),
})

/** What every translation holds besides its text (issue 20): see newsTranslationFields. */
const translationMeta = {
  language: z.enum(OPTIONAL_LANGUAGES as [string, ...string[]]),
  /** Who translated it, as shown on the page. */
  translator: z.string().min(1),
  /** When it was last checked against the English. */
  lastChecked: isoDate,
  englishChecked: z.string().min(1).optional(),
}

/** A priority in another language, nested in its priority: the words a resident reads; measures stay English. */
export const priorityTranslationFields = z.strictObject({
  language: translationMeta.language,
  title: z.string().min(1),
  goal: z.string().min(1),
  /** Markdown. */
  approach: markdown.optional(),
  /** Markdown. */
  outcomes: markdown.optional(),
  translator: translationMeta.translator,
  lastChecked: translationMeta.lastChecked,
  englishChecked: translationMeta.englishChecked,
})
export const priorityTranslationSchema = editorial(priorityTranslationFields)

/** A strategy in another language, nested in its strategy's file. */
export const strategyTranslationFields = z.strictObject({
  language: translationMeta.language,
  title: z.string().min(1),
  summary: z.string().min(1),
  vision: z.string().optional(),
  /** Markdown. */
  body: markdown.optional(),
  translator: translationMeta.translator,
  lastChecked: translationMeta.lastChecked,
  englishChecked: translationMeta.englishChecked,
})
export const strategyTranslationSchema = editorial(strategyTranslationFields)

export const priorityFields = z.strictObject({
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
  /** Its translations, one per language at most. */
  translations: z.array(priorityTranslationSchema).default([]),
})
export const prioritySchema = editorial(priorityFields, ['translations'])

const periodInOrder: Check = (schema) =>
  schema.refine((value) => {
    const s = value as { periodStart: number; periodEnd: number }
    return s.periodEnd >= s.periodStart
  }, {
    message: 'must not be before periodStart',
    path: ['periodEnd'],
    // Check the period even when other fields are wrong, so one run reports every problem.
    when: ({ value }) => {
      const v = value as { periodStart?: unknown; periodEnd?: unknown }
      return typeof v?.periodStart === 'number' && typeof v?.periodEnd === 'number'
    },
  })

export const strategyFields = z.strictObject({
  slug,
  title: z.string().min(1),
  partnership: slug,
  periodStart: z.number().int().min(1990).max(2100),
  periodEnd: z.number().int().min(1990).max(2100),
  status: z.enum(keys(strategyStatuses)),
  summary: z.string().min(1),
  vision: z.string().optional(),
  /** Markdown: the rest of the document (introduction, context, governance …). */
  body: markdown.optional(),
  /** The source document as a file in media/ (usually a PDF). */
  document: mediaFile.optional(),
  priorities: z.array(prioritySchema).default([]),
  /** Its translations, one per language at most. */
  translations: z.array(strategyTranslationSchema).default([]),
  source,
  sourceDocument,
})
export const strategySchema = editorial(strategyFields, ['priorities', 'translations'], periodInOrder)

/**
 * A directory entry in another language (issue 20), nested in its entry's file: the words a
 * resident reads only. Contact details, opening hours and where it is are the entry's own.
 */
export const serviceTranslationFields = z.strictObject({
  language: translationMeta.language,
  name: z.string().min(1),
  description: z.string().min(1),
  howToAccess: z.string().optional(),
  eligibility: z.string().optional(),
  translator: translationMeta.translator,
  lastChecked: translationMeta.lastChecked,
  englishChecked: translationMeta.englishChecked,
})
export const serviceTranslationSchema = editorial(serviceTranslationFields)

export const serviceFields = z.strictObject({
  slug,
  uuid,
  name: z.string().min(1),
  /** Slug of the organisation that runs it (its partners may edit it); only when the source names it. */
  organisation: slug.optional(),
  /** True when the source describes the service without naming who provides it (then no organisation). */
  providerNotNamed: z.boolean().optional(),
  description: z.string().min(1),
  categories: z.array(z.enum(keys(categories))).min(1, 'needs at least one category'),
  audiences: z.array(z.enum(keys(audiences))).min(1, 'needs at least one audience'),
  areas: z.array(z.enum(keys(areas))).min(1, 'needs at least one area'),
  languages: z.array(z.string().min(1)).default([]),
  accessModes: z.array(z.enum(keys(accessModes))).default([]),
  /** Open 24 hours a day, 7 days a week. Only when the source says so. */
  urgent: z.boolean().default(false),
  /** Never show where it is (always so for refuge entries): no address, postcode or street. */
  locationConfidential: z.boolean().optional(),
  /** Contact details ONLY when the seed document prints them. Never invented. */
  contact: z
    .strictObject({
      phone: ukPhone.optional(),
      email: email.optional(),
      website: webAddress.optional(),
      address: z.string().optional(),
    })
    .default({}),
  openingHours: z.string().optional(),
  eligibility: z.string().optional(),
  cost: z.string().optional(),
  /** How to reach the service when no contact details are published (e.g. "through your social worker"). */
  howToAccess: z.string().optional(),
  /** Step-free access at the venue; left out means "not known" (no paper says). */
  stepFreeAccess: z.strictObject({ status: z.enum(keys(stepFreeAccess)), note: z.string().min(1).optional() }).optional(),
  /**
   * Where the information comes from, when that is not the seed document's own title and date
   * (content/sources/sources.json gives those for every `source`).
   */
  origin: originSchema.optional(),
  /** When a person last confirmed the entry with the service, and who. Never in seed content: nobody has. */
  confirmed: confirmedSchema.optional(),
  review: reviewSchema.optional(),
  externalId,
  source,
  sourceDocument,
  /** Its translations, one per language at most. */
  translations: z.array(serviceTranslationSchema).default([]),
})
/** Exactly one of: the organisation that runs it, or "the source does not name the provider". */
const providerStated: Check = (schema) =>
  schema.superRefine((value, ctx) => {
    const v = value as { organisation?: string; providerNotNamed?: boolean; publication?: string }
    const problem = providerProblem(v.organisation, v.providerNotNamed === true)
    // Only a published record must be complete; a draft (never published, or a pending change
    // naming only what it changes) must just not claim both.
    if (problem && (v.publication === 'published' || problem.kind === 'both')) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message })
  })

/** A refuge's location is never stored (cms/directory/confidential-location.ts): refused before anything is written. */
const noConfidentialLocation: Check = (schema) =>
  schema.superRefine((value, ctx) => {
    for (const problem of locationProblems(value as LocatableEntry)) ctx.addIssue({ code: 'custom', path: problem.path.split('.'), message: problem.message })
  })
export const serviceSchema = editorial(serviceFields, ['translations'], (schema) => providerStated(noConfidentialLocation(schema)))

/**
 * A news story in another language (issue 20, phase B): nested in its story's file, like a
 * strategy's priorities, with its own publication state. `englishChecked` is the server's
 * fingerprint of the English text the translation was last checked against (written by export, so
 * a restore keeps which translations are out of date); left out, it is taken from the story.
 */
export const newsTranslationFields = z.strictObject({
  language: z.enum(OPTIONAL_LANGUAGES as [string, ...string[]]),
  title: z.string().min(1),
  summary: z.string().min(1),
  /** Markdown. */
  body: markdown,
  /** Who translated it, as shown on the page. */
  translator: z.string().min(1),
  /** When it was last checked against the English. */
  lastChecked: isoDate,
  englishChecked: z.string().min(1).optional(),
})
export const newsTranslationSchema = editorial(newsTranslationFields)

export const newsFields = z.strictObject({
  slug,
  title: z.string().min(1),
  date: isoDate,
  summary: z.string().min(1),
  partnerships: z.array(slug).default([]),
  /** Markdown. */
  body: markdown,
  tags: z.array(z.string().min(1)).default([]),
  /** A picture for the story: a file in media/ (its alt text is in media.json). */
  image: mediaFile.optional(),
  source,
  sourceDocument,
  /** Its translations, one per language at most. */
  translations: z.array(newsTranslationSchema).default([]),
})
export const newsSchema = editorial(newsFields, ['translations'])

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

export const meetingFields = z.strictObject({
  slug,
  title: z.string().min(1),
  partnership: slug,
  board: z.string().min(1),
  date: isoDate,
  venue: z.string().optional(),
  /** Every item, restricted and confidential ones included (the site shows public items only). */
  agenda: z.array(agendaItemSchema).default([]),
  source,
  sourceDocument,
})
export const meetingSchema = editorial(meetingFields, ['agenda'])

/** A parsed record; `publication` may be left out by code that builds records itself (it means "published"). */
export type Editorial<T> = T extends { publication: infer P } ? Omit<T, 'publication'> & { publication?: P } : T

export type OrganisationSeed = Editorial<z.infer<typeof organisationSchema>>
export type PartnershipSeed = z.infer<typeof partnershipSchema>
export type StrategySeed = Editorial<z.infer<typeof strategySchema>>
export type PrioritySeed = Editorial<z.infer<typeof prioritySchema>>
export type ServiceSeed = Editorial<z.infer<typeof serviceSchema>>
export type NewsSeed = Editorial<z.infer<typeof newsSchema>>
export type MeetingSeed = Editorial<z.infer<typeof meetingSchema>>
export type MediaSeed = z.infer<typeof mediaSchema>
export type SettingsSeed = z.infer<typeof settingsSchema>
export type ReviewSeed = z.infer<typeof reviewSchema>
export type OriginSeed = z.infer<typeof originSchema>
export type ConfirmedSeed = z.infer<typeof confirmedSchema>
