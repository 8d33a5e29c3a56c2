import { createHash } from 'node:crypto'
import { ValidationError, type CollectionBeforeChangeHook, type CollectionSlug, type FieldHook } from 'payload'
import { relationId } from '../fields/relation'
import { isStaff } from '../access'

type Translation = { id?: number | string; language?: string; lastChecked?: string | null; englishChecked?: string | null; [parent: string]: unknown }
type Req = Parameters<CollectionBeforeChangeHook>[0]['req']

/** What a translations collection needs to know about the English document it translates. */
export type EnglishSide = {
  /** The relationship field on the translation that names the English document ("story"). */
  parentField: string
  /** The English collection ("news"). */
  of: CollectionSlug
  /** The English fields whose text a translator translates, in order (title, summary, body…). */
  textFields: readonly string[]
  /** Said in the "already translated" error: "story", "strategy", "priority". */
  noun: string
}

/** The words of a Lexical value, in order: what a reader reads, whatever the JSON around it. */
const wordsOf = (node: unknown): string[] => {
  if (!node || typeof node !== 'object') return []
  const n = node as { text?: unknown; children?: unknown[]; root?: unknown }
  return [...(typeof n.text === 'string' ? [n.text] : []), ...(n.root ? wordsOf(n.root) : []), ...(Array.isArray(n.children) ? n.children.flatMap(wordsOf) : [])]
}
const textOf = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : wordsOf(value).join(' '))

/**
 * A fingerprint of the English document's live text (its translatable fields, rich text reduced
 * to its words). Text, not a time or the stored JSON, so that a backup restored elsewhere (new
 * times, rich text rebuilt from Markdown) still says which translations were checked against the
 * English as it is, and a change to tags, the picture or a priority's measures does not mark every
 * translation out of date. News fingerprints title, summary, body joined by newlines, as it always
 * has, so stored news fingerprints stay valid.
 */
async function englishFingerprint(side: EnglishSide, parent: unknown, req: Req): Promise<string | null> {
  const id = relationId(parent as never)
  if (id == null) return null
  const english = (await req.payload.findByID({ collection: side.of, id: id as number, depth: 0, draft: false, disableErrors: true, overrideAccess: true, req })) as Record<string, unknown> | null
  if (!english || english._status !== 'published') return null
  const text = side.textFields.map((f) => textOf(english[f])).join('\n').replace(/\s+/g, ' ').trim()
  return createHash('sha256').update(text).digest('hex').slice(0, 32)
}

/**
 * "Which English did the translator check against?": when a translation is created, its English
 * document changes or its "last checked" date is set by someone signed in, the server records the
 * English live text fingerprint — never the form's value — so "English changed since" cannot be
 * cleared without saying the translation was checked again. Without a user (the seeder restoring
 * a backup) the record keeps what the backup says, as recordFluentCheck does.
 */
export const recordEnglishSeen =
  (side: EnglishSide): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, operation, req }) => {
    const original = (operation === 'update' ? originalDoc : undefined) as Translation | undefined
    const next = data as Translation
    if (!req.user && next.englishChecked) return data
    const parent = next[side.parentField] ?? original?.[side.parentField]
    const rechecked = !original || relationId(parent as never) !== relationId(original[side.parentField] as never) || (next.lastChecked != null && new Date(next.lastChecked).getTime() !== new Date(original.lastChecked ?? 0).getTime())
    return { ...data, englishChecked: rechecked ? await englishFingerprint(side, parent, req) : (original?.englishChecked ?? null) }
  }

/**
 * Out of date: the English document's live text changed after the translation was last checked.
 * Computed on every read by staff (the public never sees it: an out-of-date translation is still
 * the translator's published work, and its page says when it was checked).
 */
export const englishChangedSince =
  (side: EnglishSide): FieldHook =>
  async ({ siblingData, req }) => {
    if (!isStaff(req.user)) return undefined
    const t = siblingData as Translation
    const now = await englishFingerprint(side, t[side.parentField], req as Req)
    return Boolean(now && t.englishChecked && now !== t.englishChecked)
  }

/**
 * One translation per English document and language: a second Polish version is a field error on
 * Language. A hook rather than the field's validate, because drafts skip validation
 * (editorialVersions) and a duplicate draft would block publishing later with no clear reason.
 */
export const oneTranslationPerLanguage =
  (side: EnglishSide): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, operation, req, collection }) => {
    const original = (operation === 'update' ? originalDoc : undefined) as Translation | undefined
    const parent = relationId(((data as Translation)[side.parentField] ?? original?.[side.parentField]) as never)
    const language = (data as Translation).language ?? original?.language
    if (!language || parent == null) return data
    const same = await req.payload.find({
      collection: collection.slug as CollectionSlug,
      where: { and: [{ [side.parentField]: { equals: parent } }, { language: { equals: language } }, ...(original?.id != null ? [{ id: { not_equals: original.id } }] : [])] },
      depth: 0,
      limit: 1,
      draft: true,
      overrideAccess: true,
      req,
    })
    if (same.totalDocs > 0) throw new ValidationError({ collection: collection.slug, errors: [{ path: 'language', message: `This ${side.noun} already has a translation in this language: edit that one.` }] })
    return data
  }
