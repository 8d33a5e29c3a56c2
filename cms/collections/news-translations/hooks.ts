import { createHash } from 'node:crypto'
import { ValidationError, type CollectionBeforeChangeHook, type FieldHook } from 'payload'
import { relationId } from '../../fields/relation'
import { isStaff } from '../../access'

type Translation = { id?: number | string; story?: unknown; language?: string; lastChecked?: string | null; englishChecked?: string | null }
type Req = Parameters<CollectionBeforeChangeHook>[0]['req']

/** The words of a Lexical value, in order: what a reader reads, whatever the JSON around it. */
const wordsOf = (node: unknown): string[] => {
  if (!node || typeof node !== 'object') return []
  const n = node as { text?: unknown; children?: unknown[]; root?: unknown }
  return [...(typeof n.text === 'string' ? [n.text] : []), ...(n.root ? wordsOf(n.root) : []), ...(Array.isArray(n.children) ? n.children.flatMap(wordsOf) : [])]
}

/**
 * A fingerprint of the English story's live text (title, summary, the words of its body). Text,
 * not a time or the stored JSON, so that a backup restored elsewhere (new times, rich text
 * rebuilt from Markdown) still says which translations were checked against the English as it is,
 * and a change to tags or the picture does not mark every translation out of date.
 */
async function englishFingerprint(story: unknown, req: Req): Promise<string | null> {
  const id = relationId(story as never)
  if (id == null) return null
  const english = (await req.payload.findByID({ collection: 'news', id: id as number, depth: 0, draft: false, disableErrors: true, overrideAccess: true, req })) as { title?: string; summary?: string; body?: unknown; _status?: string } | null
  if (!english || english._status !== 'published') return null
  const text = [english.title ?? '', english.summary ?? '', wordsOf(english.body).join(' ')].join('\n').replace(/\s+/g, ' ').trim()
  return createHash('sha256').update(text).digest('hex').slice(0, 32)
}

/**
 * "Which English did the translator check against?": when a translation is created, its story
 * changes or its "last checked" date is set by someone signed in, the server records the English
 * story's live text fingerprint — never the form's value — so "English changed since" cannot be
 * cleared without saying the translation was checked again. Without a user (the seeder restoring
 * a backup) the record keeps what the backup says, as recordFluentCheck does.
 */
export const recordEnglishSeen: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const original = (operation === 'update' ? originalDoc : undefined) as Translation | undefined
  const next = data as Translation
  if (!req.user && next.englishChecked) return data
  const story = next.story ?? original?.story
  const rechecked = !original || relationId(story as never) !== relationId(original.story as never) || (next.lastChecked != null && new Date(next.lastChecked).getTime() !== new Date(original.lastChecked ?? 0).getTime())
  return { ...data, englishChecked: rechecked ? await englishFingerprint(story, req) : (original?.englishChecked ?? null) }
}

/**
 * Out of date: the English story's live text changed after the translation was last checked.
 * Computed on every read by staff (the public never sees it: an out-of-date translation is still
 * the translator's published work, and its page says when it was checked).
 */
export const englishChangedSince: FieldHook = async ({ siblingData, req }) => {
  if (!isStaff(req.user)) return undefined
  const { story, englishChecked } = siblingData as Translation
  const now = await englishFingerprint(story, req as Req)
  return Boolean(now && englishChecked && now !== englishChecked)
}

/**
 * One translation per story and language: a second Polish version of a story is a field error on
 * Language. A hook rather than the field's validate, because drafts skip validation
 * (editorialVersions) and a duplicate draft would block publishing later with no clear reason.
 */
export const oneTranslationPerLanguage: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, collection }) => {
  const original = (operation === 'update' ? originalDoc : undefined) as Translation | undefined
  const story = relationId(((data as Translation).story ?? original?.story) as never)
  const language = (data as Translation).language ?? original?.language
  if (!language || story == null) return data
  const same = await req.payload.find({
    collection: 'news-translations',
    where: { and: [{ story: { equals: story } }, { language: { equals: language } }, ...(original?.id != null ? [{ id: { not_equals: original.id } }] : [])] },
    depth: 0,
    limit: 1,
    draft: true,
    overrideAccess: true,
    req,
  })
  if (same.totalDocs > 0) throw new ValidationError({ collection: collection.slug, errors: [{ path: 'language', message: 'This story already has a translation in this language: edit that one.' }] })
  return data
}
