import type { CollectionConfig } from 'payload'
import { hiddenFromPartners, staff, staffOrPublished } from '../../access'
import { slugField } from '../../fields/slug'
import { sourceField } from '../../fields/source'
import { editorialVersions } from '../../versions'
import { publishesToSite } from '../../publishing/site-collections'
import { sharedPreviewLinksField } from '../../fields/shared-preview-links'

export const Meetings: CollectionConfig = {
  slug: 'meetings',
  admin: { hidden: hiddenFromPartners, useAsTitle: 'title', defaultColumns: ['title', 'partnership', 'date', '_status'], group: 'Content' },
  access: { read: staffOrPublished, readVersions: staff, create: staff, update: staff, delete: staff },
  versions: editorialVersions,
  hooks: publishesToSite(),
  defaultSort: '-date',
  fields: [
    { name: 'title', type: 'text', required: true },
    slugField(),
    { name: 'partnership', type: 'relationship', relationTo: 'partnerships', required: true },
    { name: 'board', type: 'text', required: true },
    { name: 'date', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
    { name: 'venue', type: 'text' },
    {
      // Agenda items live in their own collection so that access control can hide restricted and
      // confidential items in the query itself; a page template cannot forget to filter them.
      name: 'agenda',
      type: 'join',
      collection: 'agenda-items',
      on: 'meeting',
      defaultSort: 'position',
    },
    sourceField,
    sharedPreviewLinksField,
  ],
}
