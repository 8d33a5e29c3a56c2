import type { Access } from 'payload'
import { isPartner, isStaff, organisationOf, ownedBy, published } from '../../access'

/**
 * Directory entries: staff see all; a partner also sees drafts of their own organisation's entries
 * (to follow their review); the public sees published entries.
 */
export const servicesRead = ownedBy('organisation', published)

/**
 * Version history (`/api/<collection>/versions`, the admin's version views): Payload lets any
 * signed-in user read every version unless `readVersions` is set, which showed partners other
 * organisations' pending drafts and embargoed stories. History follows the documents' own rules:
 * staff read all of it (editorial collections use `staff`); a partner only the history of their
 * own organisation's records; nobody else any (the public reads published documents, never
 * drafts or history).
 */
export const servicesReadVersions = ownedBy('version.organisation')

/** Staff edit any entry; a partner only their own organisation's. */
export const servicesUpdate = ownedBy('organisation')

/** Staff create anything; partners create entries, checked against their organisation in a hook. */
export const staffOrPartner: Access = ({ req }) => isStaff(req.user) || (isPartner(req.user) && organisationOf(req.user) != null)
