import { ownedBy, published } from '../../access'

/** Organisations: the public sees published profiles; a partner also their own organisation's draft. */
export const organisationsRead = ownedBy('id', published)

/** History of a profile (see servicesReadVersions): staff all of it, a partner their own organisation's. */
export const organisationsReadVersions = ownedBy('parent')

/** Organisations: staff edit any; a partner edits its own organisation's profile. */
export const organisationsUpdate = ownedBy('id')
