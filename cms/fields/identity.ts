import { randomUUID } from 'node:crypto'
import type { Field } from 'payload'
import { staffField } from '../access'

/**
 * A stable public identifier (UUID) for records shared as open data (Open Referral): it survives
 * renames, slug changes, export and restore. Seeded records get one derived from their slug, so
 * a fresh seed gives the same ids every time (see cms/seed/seed.ts).
 */
export const uuidField: Field = {
  name: 'uuid',
  label: 'Open data id',
  type: 'text',
  unique: true,
  index: true,
  admin: { position: 'sidebar', readOnly: true, description: 'Stable id used in the Open Referral feed.' },
  hooks: { beforeValidate: [({ value }) => (typeof value === 'string' && value ? value : randomUUID())] },
  validate: (value: unknown) =>
    typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
      ? true
      : 'Must be a UUID.',
}

/** Where an imported record came from, so a re-import updates it instead of adding a copy. */
export const externalIdField: Field = {
  name: 'externalId',
  label: 'Imported id',
  type: 'text',
  index: true,
  admin: { position: 'sidebar', readOnly: true, description: 'The id this record has in the directory it was imported from.' },
  // Import provenance: staff only. A partner who could set it could point a re-import at their entry.
  access: { read: staffField, create: staffField, update: staffField },
}
