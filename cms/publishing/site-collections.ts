/**
 * What a collection the public site is built from says in its own config:
 *
 * - `hooks: publishesToSite({ …its own hooks })`: a change the public can see rebuilds the site
 *   (hooks.ts), and an unpublish or a delete that live records depend on is refused
 *   (consistency.ts). This is also how the CMS knows which collections the site is built from.
 * - `publicRelation({ …a relationship or upload field })` on each relation to one of those
 *   collections that keeps drafts: publishing the record is refused while the relation holds a
 *   record the public cannot read, with the message on that field (consistency.ts).
 */
import { validations, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type CollectionConfig, type Payload, type PayloadRequest, type RelationshipField, type UploadField } from 'payload'
import { consistencyHooks, noteDraftSaves, withPublicRelations } from './consistency'
import { noteLiveBefore, rebuildAfterChange, rebuildAfterDelete } from './hooks'

type Hooks = NonNullable<CollectionConfig['hooks']>

/** Does this collection's config (or Payload's sanitized copy of it) declare publishesToSite? */
export const isSiteSource = (collection: Pick<CollectionConfig, 'hooks'>): boolean => Boolean(collection.hooks?.afterChange?.includes(rebuildAfterChange))

/** The collections the public site is built from, in the config's order. */
export const siteSources = (payload: Payload): CollectionConfig[] =>
  Object.values(payload.collections)
    .map(({ config }) => config as unknown as CollectionConfig)
    .filter(isSiteSource)

const consistency = new WeakMap<Payload, ReturnType<typeof consistencyHooks>>()
const consistencyOf = (payload: Payload) => {
  let hooks = consistency.get(payload)
  if (!hooks) consistency.set(payload, (hooks = consistencyHooks(siteSources(payload).map((c) => c.slug))))
  return hooks
}
const notUsedWhenUnpublished: CollectionBeforeChangeHook = (args) => consistencyOf(args.req.payload).notUsedWhenUnpublished(args)
const notUsedWhenDeleted: CollectionBeforeDeleteHook = (args) => consistencyOf(args.req.payload).notUsedWhenDeleted(args)

/**
 * A collection's hooks when the public site is built from it: its own first, then publishing's, in
 * each list. The order matters: the collection's own hooks settle what is saved (a partner's save
 * becomes a draft) before publishing's checks read it, and the rebuild is asked for last.
 */
export const publishesToSite = (own: Hooks = {}): Hooks => ({
  ...own,
  beforeOperation: [...(own.beforeOperation ?? []), noteDraftSaves],
  beforeChange: [...(own.beforeChange ?? []), notUsedWhenUnpublished, noteLiveBefore],
  beforeDelete: [...(own.beforeDelete ?? []), notUsedWhenDeleted],
  afterChange: [...(own.afterChange ?? []), rebuildAfterChange],
  afterDelete: [...(own.afterDelete ?? []), rebuildAfterDelete],
})

type Validate = (value: unknown, options: Record<string, unknown> & { req: PayloadRequest; collectionSlug?: string }) => unknown

/** The validations publicRelation made, so a test can check that no relation was left without one. */
export const publicRelationChecks = new WeakSet<object>()

/**
 * A relation that may only hold public records when its record is published. Which collections
 * keep drafts and feed the site is only known once Payload has every config, so the check is
 * made on the field's first validation: consistency.ts builds it for a collection holding this
 * one field. Payload's own check, or the field's `validate`, runs first.
 */
export function publicRelation<F extends RelationshipField | UploadField>(field: F): F {
  const own = field.validate as Validate | undefined
  const check = (slug: string, payload: Payload): Validate => {
    const sources = siteSources(payload)
    const self = sources.find((c) => c.slug === slug)
    const alone = { slug, versions: self?.versions, fields: [{ ...field, validate: own }] } as CollectionConfig
    const checked = withPublicRelations(alone, sources.map((c) => (c === self ? alone : c))).fields[0] as { validate?: Validate }
    return checked.validate ?? own ?? ((value, options) => validations[field.type](value as never, options as never))
  }
  const made = new WeakMap<Payload, Map<string, Validate>>()
  const validate: Validate = (value, options) => {
    const { req, collectionSlug = '' } = options
    let bySlug = made.get(req.payload)
    if (!bySlug) made.set(req.payload, (bySlug = new Map()))
    if (!bySlug.has(collectionSlug)) bySlug.set(collectionSlug, check(collectionSlug, req.payload))
    return bySlug.get(collectionSlug)!(value, options)
  }
  publicRelationChecks.add(validate)
  return { ...field, validate } as F
}
