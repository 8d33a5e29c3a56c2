import type { CollectionConfig } from 'payload'
import { anyone, hiddenFromPartners, staff } from '../../access'
import { slugField } from '../../fields/slug'
import { sourceField } from '../../fields/source'
import { emailAddress, ukPhone, webAddress } from '../../fields/validators'
import { areas, options } from '../../taxonomy'
import { publicRelation, publishesToSite } from '../../publishing/site-collections'
import { sharedPreviewLinksField } from '../../fields/shared-preview-links'

export const Partnerships: CollectionConfig = {
  slug: 'partnerships',
  admin: { hidden: hiddenFromPartners, useAsTitle: 'name', defaultColumns: ['name', 'area', 'updatedAt'], group: 'Content' },
  access: { read: anyone, create: staff, update: staff, delete: staff },
  hooks: publishesToSite(),
  fields: [
    { name: 'name', type: 'text', required: true },
    slugField('name'),
    { name: 'area', type: 'select', required: true, options: options(areas) },
    { name: 'summary', type: 'textarea', required: true },
    { name: 'body', type: 'richText' },
    {
      name: 'members',
      type: 'array',
      fields: [
        publicRelation({ name: 'organisation', type: 'relationship', relationTo: 'organisations', required: true }),
        { name: 'role', type: 'text' },
      ],
    },
    {
      name: 'contact',
      type: 'group',
      admin: { description: 'Public contact details of the partnership only — never a person’s own.' },
      fields: [
        { name: 'website', type: 'text', validate: webAddress },
        { name: 'email', type: 'email', validate: emailAddress },
        { name: 'phone', type: 'text', validate: ukPhone },
      ],
    },
    { name: 'logo', type: 'upload', relationTo: 'media' },
    sourceField,
    sharedPreviewLinksField,
  ],
}
