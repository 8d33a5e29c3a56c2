/**
 * Who may touch the admin's document locks ("someone is editing this").
 *
 * Payload adds a `payload-locked-documents` collection of its own, with its default access: any
 * signed-in user reads, writes and deletes every lock, naming anyone as the editor. Over REST a
 * partner could mark every news story as "being edited by" an editor, take over or remove an
 * editor's lock, or lock another organisation's entries. Payload offers no option for this
 * collection's access, so `guardDocumentLocks` sets it on the built config, where Payload's
 * operations read it on each request.
 *
 * The admin itself creates and refreshes locks through the database adapter (no access check),
 * reads them as the signed-in user, and over REST releases its own lock or takes one over.
 * So: staff, as before; a partner reads and takes over locks on the collections they keep, and
 * writes or deletes only locks in their own name on their own organisation's records.
 */
import { APIError, type Access, type Where, type CollectionBeforeChangeHook, type SanitizedConfig } from 'payload'
import { isStaff, organisationOf } from './index'
import { relationId } from '../fields/relation'

export const LOCKS = 'payload-locked-documents'

/** The collections partners keep up to date, and where each keeps its owning organisation. */
const PARTNER_OWNED: Record<string, 'organisation' | 'id'> = { services: 'organisation', organisations: 'id' }

// `or` of `equals`: the SQLite adapter does not answer `in` on a polymorphic relation's relationTo.
const onPartnerCollections: Where = { or: Object.keys(PARTNER_OWNED).map((slug) => ({ 'document.relationTo': { equals: slug } })) }

const staffOrPartnerCollections: Access = ({ req }) => (isStaff(req.user) ? true : req.user ? onPartnerCollections : false)
const staffOrOwnLocks: Access = ({ req }) => (isStaff(req.user) ? true : req.user ? { 'user.value': { equals: req.user.id } } : false)
const signedIn: Access = ({ req }) => Boolean(req.user)

/** A lock written by a partner: in their own name, on a record of their own organisation. */
const partnerLocksOwnRecords: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (isStaff(req.user) || !req.user) return data
  const refused = (message: string) => new APIError(message, 403, null, true)
  const user = data.user ?? originalDoc?.user
  if (!user || user.relationTo !== 'users' || String(relationId(user.value)) !== String(req.user.id)) throw refused('You can lock a record only in your own name.')
  const document = data.document ?? originalDoc?.document
  const ownerField = document ? PARTNER_OWNED[document.relationTo] : undefined
  if (!document || !ownerField || data.globalSlug) throw refused('You can lock only your organisation’s records.')
  const record = await req.payload.findByID({ collection: document.relationTo, id: relationId(document.value), depth: 0, draft: true, disableErrors: true, req })
  const owner = record ? relationId((record as Record<string, unknown>)[ownerField]) : undefined
  if (owner == null || String(owner) !== String(organisationOf(req.user))) throw refused('You can lock only your organisation’s records.')
  return data
}

/** Sets the locks' access on Payload's built config. Returns the config, for `.then()`. */
export function guardDocumentLocks(config: SanitizedConfig): SanitizedConfig {
  const locks = config.collections.find((collection) => collection.slug === LOCKS)
  if (!locks) return config
  locks.access = { ...locks.access, read: staffOrPartnerCollections, create: signedIn, update: staffOrPartnerCollections, delete: staffOrOwnLocks }
  locks.hooks.beforeChange = [...(locks.hooks.beforeChange ?? []), partnerLocksOwnRecords]
  return config
}
