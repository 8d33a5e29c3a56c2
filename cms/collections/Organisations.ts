import type { CollectionConfig } from 'payload'
import { anyone, organisationsUpdate, staff } from '../access'
import { slugField } from '../fields/slug'
import { sourceField } from '../fields/source'
import { webAddress } from '../fields/validators'
import { options, organisationTypes } from '../taxonomy'

export const Organisations: CollectionConfig = {
  slug: 'organisations',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'type', 'updatedAt'], group: 'Directory' },
  access: { read: anyone, create: staff, update: organisationsUpdate, delete: staff },
  fields: [
    { name: 'name', type: 'text', required: true },
    slugField('name'),
    { name: 'type', type: 'select', required: true, options: options(organisationTypes) },
    { name: 'website', type: 'text', validate: webAddress },
    { name: 'description', type: 'textarea' },
    sourceField,
  ],
}
