/**
 * Tiny named access functions. Read access for the public returns a query constraint, not a
 * post-filter, so the database never hands an anonymous caller a draft or restricted row — the
 * site build reads through the same rules (overrideAccess: false, no user).
 */
import type { Access, FieldAccess, Where } from 'payload'
import type { User } from '../payload-types'
import { relationId } from '../fields/relation'

export type Role = User['role']

export const roleOf = (user: unknown): Role | undefined => (user as User | null | undefined)?.role

export const isAdmin = (user: unknown) => roleOf(user) === 'admin'
/** Admins and editors: the comms team. */
export const isStaff = (user: unknown) => roleOf(user) === 'admin' || roleOf(user) === 'editor'
export const isPartner = (user: unknown) => roleOf(user) === 'partner'

/** The organisation id a partner belongs to, whether the relation is populated or not. */
export const organisationOf = (user: unknown): number | string | undefined => {
  const org = (user as User | null | undefined)?.organisation
  return org == null ? undefined : (relationId(org) as number | string)
}

export const anyone: Access = () => true
export const nobody: Access = () => false
export const admins: Access = ({ req }) => isAdmin(req.user)
export const staff: Access = ({ req }) => isStaff(req.user)
export const signedIn: Access = ({ req }) => Boolean(req.user)

const published: Where = { _status: { equals: 'published' } }

/** Staff see everything, drafts included; everyone else sees published versions only. */
export const staffOrPublished: Access = ({ req }) => (isStaff(req.user) ? true : published)

/**
 * Services: staff see all; a partner also sees drafts of their own organisation's entries (to
 * follow their review); the public sees published entries.
 */
export const servicesRead: Access = ({ req }) => {
  if (isStaff(req.user)) return true
  const org = organisationOf(req.user)
  if (isPartner(req.user) && org != null) return { or: [published, { organisation: { equals: org } }] }
  return published
}

/**
 * Version history (`/api/<collection>/versions`, the admin's version views): Payload lets any
 * signed-in user read every version unless `readVersions` is set, which showed partners other
 * organisations' pending drafts and embargoed stories. History follows the documents' own rules:
 * staff read all of it (editorial collections use `staff`); a partner only the history of their
 * own organisation's records; nobody else any (the public reads published documents, never
 * drafts or history).
 */
export const servicesReadVersions: Access = ({ req }) => {
  if (isStaff(req.user)) return true
  const org = organisationOf(req.user)
  if (isPartner(req.user) && org != null) return { 'version.organisation': { equals: org } }
  return false
}

export const organisationsReadVersions: Access = ({ req }) => {
  if (isStaff(req.user)) return true
  const org = organisationOf(req.user)
  if (isPartner(req.user) && org != null) return { parent: { equals: org } }
  return false
}

/** Staff edit any service; a partner only their own organisation's. */
export const servicesUpdate: Access = ({ req }) => {
  if (isStaff(req.user)) return true
  const org = organisationOf(req.user)
  if (isPartner(req.user) && org != null) return { organisation: { equals: org } }
  return false
}

/** Staff create anything; partners create services, checked against their organisation in a hook. */
export const staffOrPartner: Access = ({ req }) => isStaff(req.user) || (isPartner(req.user) && organisationOf(req.user) != null)

/** Organisations: the public sees published profiles; a partner also their own organisation's draft. */
export const organisationsRead: Access = ({ req }) => {
  if (isStaff(req.user)) return true
  const org = organisationOf(req.user)
  if (isPartner(req.user) && org != null) return { or: [published, { id: { equals: org } }] }
  return published
}

/** Organisations: staff edit any; a partner edits its own organisation's profile. */
export const organisationsUpdate: Access = ({ req }) => {
  if (isStaff(req.user)) return true
  const org = organisationOf(req.user)
  if (isPartner(req.user) && org != null) return { id: { equals: org } }
  return false
}

/**
 * Agenda items: staff see every classification; everyone else only public items of published
 * meetings. Restricted and confidential papers never leave the database for an anonymous caller.
 */
const publicItemsOfPublishedMeetings: Where = {
  and: [{ classification: { equals: 'public' } }, { 'meeting._status': { equals: 'published' } }],
}
export const agendaItemsRead: Access = ({ req }) => (isStaff(req.user) ? true : publicItemsOfPublishedMeetings)

/**
 * Internal fields (the review trail): staff, and the partner whose organisation owns the record,
 * so they can follow their submission. Never anonymous visitors or other partners.
 * @param ownerField where the owning organisation is: 'organisation' on services, 'id' on organisations
 */
export const staffOrOwningPartnerField =
  (ownerField: 'organisation' | 'id'): FieldAccess =>
  ({ req, doc }) => {
    if (isStaff(req.user)) return true
    const org = organisationOf(req.user)
    if (!isPartner(req.user) || org == null || !doc) return false
    return String(relationId(doc[ownerField]) ?? '') === String(org)
  }

/** Internal fields nobody outside the comms team needs (import provenance). */
export const staffField: FieldAccess = ({ req }) => isStaff(req.user)

/** Users: the comms team sees everyone (they manage partner accounts); a partner only themselves. */
export const usersRead: Access = ({ req }) => {
  if (isStaff(req.user)) return true
  if (req.user) return { id: { equals: req.user.id } }
  return false
}

/** Users: staff update anyone (role rules in the Users hooks); others only themselves. */
export const usersUpdate: Access = ({ req }) => {
  if (isStaff(req.user)) return true
  if (req.user) return { id: { equals: req.user.id } }
  return false
}


/**
 * Admin navigation: partners only work on the directory, so editorial collections and settings
 * are hidden from their menu (reading the public content through the API stays allowed).
 */
export const hiddenFromPartners = ({ user }: { user: unknown }) => isPartner(user)
export const hiddenFromNonAdmins = ({ user }: { user: unknown }) => !isAdmin(user)

/** A partner's list views show their own organisation's records (the public ones are on the site). */
export const ownOrganisationFilter =
  (field: 'organisation' | 'id') =>
  ({ req }: { req: { user?: unknown } }): Where | null => {
    const org = organisationOf(req.user)
    return isPartner(req.user) && org != null ? { [field]: { equals: org } } : null
  }
