import type { Field } from 'payload'
import { staffField } from '../access'

/** Where a record came from, so an editor can check it against the original paper. */
export const sourceField: Field = {
  name: 'sourceDocument',
  type: 'text',
  admin: {
    position: 'sidebar',
    description: 'The published paper this record was taken from.',
  },
}

/**
 * The same, on records the Open Referral import writes (services, organisations): there it holds
 * the feed's address or a local path, which may carry an access key, so only staff read or set it.
 */
export const internalSourceField: Field = { ...sourceField, access: { read: staffField, create: staffField, update: staffField } }
