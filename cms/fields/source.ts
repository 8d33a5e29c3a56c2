import type { Field } from 'payload'

/** Where a record came from, so an editor can check it against the original paper. */
export const sourceField: Field = {
  name: 'sourceDocument',
  type: 'text',
  admin: {
    position: 'sidebar',
    description: 'The published paper this record was taken from.',
  },
}
