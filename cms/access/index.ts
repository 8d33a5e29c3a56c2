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

/** Published documents: what anyone outside the comms team reads of an editorial collection. */
export const published: Where = { _status: { equals: 'published' } }

/** Staff see everything, drafts included; everyone else sees published versions only. */
export const staffOrPublished: Access = ({ req }) => (isStaff(req.user) ? true : published)

/** The organisation of a partner who belongs to one; undefined for anyone else. */
const partnerOrganisation = (user: unknown) => (isPartner(user) ? organisationOf(user) : undefined)

/** A partner's own organisation's records, as a constraint on the field that holds it; null for anyone else. */
const ownRecords = (user: unknown, ownerField: string): Where | null => {
  const org = partnerOrganisation(user)
  return org == null ? null : { [ownerField]: { equals: org } }
}

/**
 * Records an organisation owns, for the collections partners keep up to date: staff get all of
 * them; a partner those whose `ownerField` holds their organisation, as a query constraint;
 * everyone else `others` — the published records, or none.
 * @param ownerField where the owning organisation is ('organisation' on services, 'id' on
 *                   organisations, 'version.organisation' or 'parent' in their version history)
 */
export const ownedBy =
  (ownerField: string, others: Where | false = false): Access =>
  ({ req }) => {
    if (isStaff(req.user)) return true
    const own = ownRecords(req.user, ownerField)
    if (!own) return others
    return others ? { or: [others, own] } : own
  }

/**
 * Internal fields (the review trail): staff, and the partner whose organisation owns the record,
 * so they can follow their submission. Never anonymous visitors or other partners.
 * @param ownerField where the owning organisation is: 'organisation' on services, 'id' on organisations
 */
export const staffOrOwningPartnerField =
  (ownerField: 'organisation' | 'id'): FieldAccess =>
  ({ req, doc, data }) => {
    if (isStaff(req.user)) return true
    const org = partnerOrganisation(req.user)
    // Reads pass the stored document as `doc`; the admin's form state passes the form's `data`
    // (without it a partner's form showed their review trail empty).
    const record = doc ?? data
    return org != null && record != null && String(relationId(record[ownerField]) ?? '') === String(org)
  }

/** Internal fields nobody outside the comms team needs (import provenance). */
export const staffField: FieldAccess = ({ req }) => isStaff(req.user)

/**
 * Admin navigation: partners only work on the directory, so editorial collections and settings
 * are hidden from their menu (reading the public content through the API stays allowed).
 */
export const hiddenFromPartners = ({ user }: { user: unknown }) => isPartner(user)
export const hiddenFromNonAdmins = ({ user }: { user: unknown }) => !isAdmin(user)

/** A partner's list views show their own organisation's records (the public ones are on the site). */
export const ownOrganisationFilter =
  (field: 'organisation' | 'id') =>
  ({ req }: { req: { user?: unknown } }): Where | null =>
    ownRecords(req.user, field)
