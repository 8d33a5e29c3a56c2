/**
 * Where the content format (./schemas.ts) differs from a plain walk of a collection's fields
 * (./convert.ts): the one place to look when a record is not written or read as its fields say.
 * Collections are named by slug; field rules by path inside the record ("alert.enabled").
 */
import { v5 as uuidv5 } from 'uuid'
import type { z } from 'zod'
import { homicideReviewFields, recommendationFields } from './review-schemas'
import { type OriginSeed, agendaItemSchema, meetingFields, newsFields, newsTranslationFields, organisationFields, priorityTranslationFields, serviceTranslationFields, strategyTranslationFields, partnershipSchema, priorityFields, serviceFields, settingsSchema, source, strategyFields } from './schemas'

export type Json = Record<string, unknown>

export type ImportContext = {
  /** The id of the record a slug (or media file name) names; null when there is none. */
  id: (collection: string, key: string) => number | string | null
  richText: (markdown: string | undefined) => unknown
  /** sources/sources.json: each seed document's title and date. */
  sources: Record<string, OriginSeed>
  /** The slug of the record being written (its live slug, when writing its draft). */
  slug: string
}

export type FieldRule = {
  /** Import: where the format keeps the field's value, instead of under its own name. */
  read?: (record: Json, cx: ImportContext) => unknown
  /** Export: what the converted value is written as, instead of `{ [name]: value }`. */
  write?: (value: unknown, name: string) => Json
  /** Left out of a record, the field keeps what the CMS has instead of being cleared. */
  kept?: boolean
}

export type Rules = {
  /** The format's schema's keys: files list fields in this order. */
  order: readonly string[]
  fields?: Record<string, FieldRule>
  /** Every top-level field a record leaves out keeps what the CMS has (site settings). */
  partial?: boolean
  /** A nested child's upsert key within the bundle (default: its slug). */
  key?: string[]
  /** A nested child's field that holds its place in its parent's list: set on import, not exported. */
  position?: string
  /**
   * Children written nested in this collection's records that have no join field to say so (a
   * review's recommendations): like a join, `on` is the child's relation to its parent.
   */
  nested?: { name: string; collection: string; on: string; defaultSort?: string }[]
}

/** Namespace for ids derived from slugs, so a fresh seed gives every record the same open-data id. */
const CSP_HUB_NAMESPACE = '6f1f1a0e-8f0c-4b8e-9a57-5b3c2d7c1e42'
export const stableUuid = (kind: string, slug: string) => uuidv5(`${kind}:${slug}`, CSP_HUB_NAMESPACE)

/** The open-data id: the record's own, else one derived from its (live) slug. */
const stable = (kind: string): FieldRule => ({ read: (record, cx) => record.uuid ?? stableUuid(kind, cx.slug) })
/** A group the format writes flat, its fields beside the record's others. */
const flat: FieldRule = { read: (record) => record, write: (value) => (value ?? {}) as Json }
/** A checkbox written even when false. */
const alwaysWritten: FieldRule = { write: (value, name) => ({ [name]: value ?? false }) }

/** Rules for a field of that name in every collection. */
export const SHARED: Record<string, FieldRule> = {
  // The seed document a record was taken from (`source`, a file name), or the CMS's free text.
  sourceDocument: {
    read: (record) => record.source ?? record.sourceDocument,
    write: (value) => (source.safeParse(value).success ? { source: value } : { sourceDocument: value }),
  },
  // Re-seeding content/ must not wipe an editor's note or an Open Referral import's ids.
  review: { kept: true },
  externalId: { kept: true },
}

/** Fields a record may leave out to keep what the CMS has. */
export const KEPT_WHEN_ABSENT = Object.keys(SHARED).filter((name) => SHARED[name]!.kept)

const keys = (schema: z.ZodObject) => Object.keys(schema.shape)

/** Every collection the format holds, with what it does differently. */
export const FORMAT: Record<string, Rules> = {
  organisations: { order: keys(organisationFields), fields: { uuid: stable('organisation') } },
  partnerships: { order: keys(partnershipSchema), fields: { contact: flat } },
  strategies: { order: keys(strategyFields) },
  priorities: { order: keys(priorityFields) },
  services: {
    order: keys(serviceFields),
    fields: {
      uuid: stable('service'),
      urgent: alwaysWritten,
      // "Not known" is the default the format leaves out, so content/ need not repeat it 25 times.
      stepFreeAccess: {
        read: (record) => record.stepFreeAccess ?? { status: 'unknown' },
        write: (value) => {
          const v = (value ?? {}) as Json
          return { stepFreeAccess: v.status && (v.status !== 'unknown' || v.note) ? value : undefined }
        },
      },
      // The paper's own title and date unless the entry gives its own; never a "checked" date.
      origin: { read: (record, cx) => record.origin ?? (typeof record.source === 'string' ? cx.sources[record.source] : undefined) },
      // A confirmation is kept only whole: a date without who confirmed it would be a claim nobody made.
      confirmed: { write: (value) => ({ confirmed: (value as Json | undefined)?.on && (value as Json).by ? value : undefined }) },
    },
  },
  news: { order: keys(newsFields) },
  'news-translations': { order: keys(newsTranslationFields), key: ['story', 'language'] },
  'strategy-translations': { order: keys(strategyTranslationFields), key: ['strategy', 'language'] },
  'priority-translations': { order: keys(priorityTranslationFields), key: ['priority', 'language'] },
  'service-translations': { order: keys(serviceTranslationFields), key: ['service', 'language'] },
  meetings: { order: keys(meetingFields) },
  'agenda-items': { order: keys(agendaItemSchema), key: ['meeting', 'number'], position: 'position' },
  // Domestic homicide reviews (backups only: content/ holds none), each with its recommendations.
  reviews: { order: keys(homicideReviewFields), nested: [{ name: 'recommendations', collection: 'recommendations', on: 'homicideReview', defaultSort: 'order' }] },
  recommendations: { order: keys(recommendationFields), key: ['homicideReview', 'recommendation'] },
  // Named by file name (media.json), written by the seeder and exporter themselves.
  media: { order: [] },
  'site-settings': { order: keys(settingsSchema), partial: true, fields: { 'alert.enabled': alwaysWritten } },
}
