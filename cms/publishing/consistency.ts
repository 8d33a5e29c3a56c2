/**
 * The public site is built from what an anonymous visitor can read. A live record that points at
 * one the visitor cannot read (a service whose organisation is a draft, a priority whose strategy
 * was unpublished) used to be accepted by the CMS and then fail every site build — so nobody's
 * publish reached the site until someone found and fixed it. These hooks refuse such a change at
 * write time, with a message on the field saying what to do:
 *
 * - publishing a record whose relations are not public ("publish it first or choose another"):
 *   a validation of the relationship field itself, so the admin shows it on that field, beside
 *   any other field errors;
 * - unpublishing or deleting a record that live records use ("3 live directory entries use this
 *   organisation: …; unpublish them or move them first").
 *
 * Which relations matter is read from the config: every relationship or upload field (top level,
 * in groups or in arrays) between collections the site is built from. "Public" and "live" are
 * asked of the Local API as an anonymous visitor, inside the request's transaction, so the rules
 * are exactly the collections' own read access.
 */
import {
  validations,
  ValidationError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeDeleteHook,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type CollectionSlug,
  type Field,
  type Payload,
  type PayloadRequest,
} from 'payload'
import { writeGeneration } from '../cache/drop-on-write'
import { relationId } from '../fields/relation'
import { hasDrafts } from '../versions'
import { liveBefore } from './live'

/**
 * A relation from one collection's field to another collection. `path` names the field, arrays
 * included. `holdsBack`: false when the field says `custom.neverHoldsBack` — a live record on it
 * does not stop the record it points at from being unpublished or deleted (a service's
 * translations: a closed service leaves the site at once; its translations are then not built).
 */
export type Link = { from: string; to: string; path: string[]; hasMany: boolean; holdsBack?: boolean }

/** Children that live and die with their parent: an agenda item is part of its meeting. */
const CHILDREN = new Set(['agenda-items.meeting'])

function linksOf(from: string, fields: Field[], prefix: string[], inside: Set<string>, links: Link[]) {
  for (const field of fields) {
    if (!('name' in field) || !field.name) {
      if ('fields' in field && Array.isArray(field.fields)) linksOf(from, field.fields, prefix, inside, links) // rows, collapsibles
      if (field.type === 'tabs') for (const tab of field.tabs) linksOf(from, tab.fields, 'name' in tab && tab.name ? [...prefix, tab.name] : prefix, inside, links)
      continue
    }
    const path = [...prefix, field.name]
    if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string' && inside.has(field.relationTo)) {
      if (!CHILDREN.has(`${from}.${path.join('.')}`))
        links.push({ from, to: field.relationTo, path, hasMany: Boolean(field.hasMany), ...(field.custom?.neverHoldsBack ? { holdsBack: false } : {}) })
    } else if ((field.type === 'group' || field.type === 'array') && 'fields' in field) {
      linksOf(from, field.fields, path, inside, links)
    }
  }
}

/** Every relation between the given collections (the ones the public site is built from). */
export function publicLinks(collections: Pick<CollectionConfig, 'slug' | 'fields'>[]): Link[] {
  const inside = new Set(collections.map((c) => c.slug))
  const links: Link[] = []
  for (const collection of collections) linksOf(collection.slug, collection.fields, [], inside, links)
  return links
}

const labelOf = (payload: Payload, slug: string, plural = false) => {
  const labels = payload.collections[slug as CollectionSlug]?.config.labels
  const label = plural ? labels?.plural : labels?.singular
  return (typeof label === 'string' ? label : slug).toLowerCase()
}
const titleOf = (payload: Payload, slug: string, doc: Record<string, unknown>) =>
  String(doc[payload.collections[slug as CollectionSlug]?.config.admin?.useAsTitle ?? 'id'] ?? doc.id)

/** The same request, as an anonymous visitor: the transaction is kept, the user is not. */
const asVisitor = (req: PayloadRequest) => ({ ...req, user: null }) as PayloadRequest

const PUBLIC_IDS = 'csp-hub.publicIds'

/**
 * Which of these records an anonymous visitor can read, asked of the Local API as that visitor.
 * Only ids are read (`select: {}`), not every field of each. The answer is kept for the rest of the
 * request while nothing is written anywhere (cms/cache/drop-on-write.ts counts writes, commits and
 * rollbacks): a seed or an import of 10,000 entries asks it once for each of 500 organisations,
 * not once an entry.
 */
async function publicIds(req: PayloadRequest, collection: string, ids: (string | number)[]): Promise<Set<string>> {
  const memo = (req.context[PUBLIC_IDS] ??= new Map()) as Map<string, { generation: number; visible: string[] }>
  const key = `${collection}:${ids.map(String).sort().join(',')}`
  const generation = writeGeneration(req.payload.db)
  const known = memo.get(key)
  if (generation !== undefined && known?.generation === generation) return new Set(known.visible)
  const { docs } = await req.payload.find({ collection: collection as CollectionSlug, where: { id: { in: ids } }, depth: 0, pagination: false, select: {}, overrideAccess: false, req: asVisitor(req) })
  const visible = docs.map((d) => String(d.id))
  // Kept only if nothing was written while it was asked.
  if (generation !== undefined && writeGeneration(req.payload.db) === generation) memo.set(key, { generation, visible })
  return new Set(visible)
}

let cached: { payload: Payload; links: Link[] } | undefined
function linksFor(payload: Payload, sources: string[]): Link[] {
  if (cached?.payload !== payload) {
    const collections = sources.map((slug) => payload.collections[slug as CollectionSlug]?.config).filter(Boolean) as CollectionConfig[]
    cached = { payload, links: publicLinks(collections) }
  }
  return cached.links
}

/**
 * Whether each update of this request only writes a draft version, by `collection:id`: one Map under
 * one context key, because Payload copies `req.context` (every key) for each Local API call made
 * with the request. A key per document made a seed or restore over 10,000 existing entries
 * quadratic: ~5 minutes and 4.8 GB, copying a 10,000-key object per write.
 */
const DRAFT_SAVES = 'csp-hub.draftSaves'
const draftSaves = (req: PayloadRequest) => (req.context[DRAFT_SAVES] ??= new Map<string, boolean>()) as Map<string, boolean>

/** Notes whether an update only writes a draft version (Payload tells beforeChange hooks nothing about it). */
export const noteDraftSaves: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  const { id, draft } = args as { id?: unknown; draft?: boolean }
  if ((operation === 'update' || operation === 'restoreVersion') && id != null) draftSaves(req).set(`${collection.slug}:${String(id)}`, draft === true)
  return args
}

/**
 * A refusal with no form field to sit on (unpublishing, deleting): the error still names a path
 * for API clients, and its message is the whole explanation, which the admin shows as the notice.
 */
function refusal(collection: string, path: string, message: string): ValidationError {
  const error = new ValidationError({ collection, errors: [{ path, message }] })
  error.message = message
  return error
}

/**
 * @param sources the collections the public site is built from (the same list that rebuilds it)
 */
export function consistencyHooks(sources: string[]) {
  /** What live records use this one, as "3 live directory entries use this organisation: …". */
  const liveDependents = async (req: PayloadRequest, slug: string, id: unknown): Promise<string | null> => {
    const payload = req.payload
    const found: string[] = []
    for (const link of linksFor(payload, sources).filter((l) => l.to === slug && l.holdsBack !== false)) {
      const { docs, totalDocs } = await payload.find({
        collection: link.from as CollectionSlug,
        where: { [link.path.join('.')]: { [link.hasMany ? 'in' : 'equals']: link.hasMany ? [id] : id } },
        depth: 0,
        limit: 10,
        overrideAccess: false,
        req: asVisitor(req),
      })
      if (!totalDocs) continue
      const names = docs.map((d) => `“${titleOf(payload, link.from, d as unknown as Record<string, unknown>)}”`).join(', ')
      const what = totalDocs === 1 ? `1 live ${labelOf(payload, link.from)} uses` : `${totalDocs} live ${labelOf(payload, link.from, true)} use`
      found.push(`${what} this ${labelOf(payload, slug)}: ${names}${totalDocs > docs.length ? ` and ${totalDocs - docs.length} more` : ''}`)
    }
    return found.length ? found.join('; ') : null
  }

  /** Unpublishing: refused while live records use this one. */
  const notUsedWhenUnpublished: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
    if (operation !== 'update' || !hasDrafts(collection) || data._status === 'published' || originalDoc?.id == null) return data
    if (draftSaves(req).get(`${collection.slug}:${String(originalDoc.id)}`) === true) return data // a draft version only: the live one stays
    if (!(await liveBefore(collection.slug, originalDoc.id, req))) return data
    const dependents = await liveDependents(req, collection.slug, originalDoc.id)
    if (dependents) throw refusal(collection.slug, '_status', `This ${labelOf(req.payload, collection.slug)} cannot be unpublished: ${dependents}. Unpublish them or move them to another ${labelOf(req.payload, collection.slug)} first.`)
    return data
  }

  /** Deleting: refused while live records use this one. */
  const notUsedWhenDeleted: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
    const dependents = await liveDependents(req, collection.slug, id)
    if (dependents) throw refusal(collection.slug, 'id', `This ${labelOf(req.payload, collection.slug)} cannot be deleted: ${dependents}. Unpublish them or move them to another ${labelOf(req.payload, collection.slug)} first.`)
  }

  return { noteDraftSaves, notUsedWhenUnpublished, notUsedWhenDeleted }
}

type Validate = (value: unknown, options: Record<string, unknown> & { req: PayloadRequest; data?: Record<string, unknown>; event?: string; collectionSlug?: string }) => Promise<string | true> | string | true

/**
 * Adds to every relationship or upload field that points at a collection with drafts a check that
 * what it holds is public, when the record is being published (or always, for collections without
 * drafts). Payload's own check of the field runs first.
 * @param collection one of the collections the site is built from
 * @param sources all of them
 */
export function withPublicRelations(collection: CollectionConfig, sources: CollectionConfig[]): CollectionConfig {
  const drafts = (slug: string) => hasDrafts(sources.find((c) => c.slug === slug))
  const linked = new Set(publicLinks(sources).filter((l) => l.from === collection.slug && drafts(l.to)).map((l) => l.path.join('.')))
  const selfDrafts = drafts(collection.slug)

  const publicValue = (field: Field & { type: 'relationship' | 'upload'; relationTo: string }): Validate => {
    const base = ((field as { validate?: Validate }).validate ?? (field.type === 'upload' ? validations.upload : validations.relationship)) as Validate
    return async (value, options) => {
      const first = await base(value, options)
      if (first !== true) return first
      // Only when it counts: a publish, not every keystroke in the admin or a draft.
      if (options.event === 'onChange' || value == null || (selfDrafts && options.data?._status !== 'published')) return true
      const ids = (Array.isArray(value) ? value : [value]).map((v) => relationId(v)).filter((v) => v != null && v !== '') as (string | number)[]
      if (!ids.length) return true
      const { req } = options
      const visible = await publicIds(req, field.relationTo, ids)
      const hidden = ids.filter((id) => !visible.has(String(id)))
      if (!hidden.length) return true
      const target = await req.payload.findByID({ collection: field.relationTo as CollectionSlug, id: hidden[0]!, depth: 0, req, overrideAccess: true, disableErrors: true })
      const what = labelOf(req.payload, field.relationTo)
      const own = labelOf(req.payload, collection.slug)
      return target
        ? `“${titleOf(req.payload, field.relationTo, target as unknown as Record<string, unknown>)}” is not published, so this ${own} cannot be published with it. Publish the ${what} first, or choose a published one.`
        : `The ${what} chosen here no longer exists. Choose another ${what}.`
    }
  }

  const walk = (fields: Field[], prefix: string[]): Field[] =>
    fields.map((field) => {
      if (!('name' in field) || !field.name) {
        if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: walk(tab.fields, 'name' in tab && tab.name ? [...prefix, tab.name] : prefix) })) }
        if ('fields' in field && Array.isArray(field.fields)) return { ...field, fields: walk(field.fields, prefix) } as Field
        return field
      }
      const path = [...prefix, field.name]
      if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string' && linked.has(path.join('.')))
        return { ...field, validate: publicValue(field as Field & { type: 'relationship'; relationTo: string }) } as Field
      if ((field.type === 'group' || field.type === 'array') && 'fields' in field) return { ...field, fields: walk(field.fields, path) } as Field
      return field
    })

  return linked.size ? { ...collection, fields: walk(collection.fields, []) } : collection
}
