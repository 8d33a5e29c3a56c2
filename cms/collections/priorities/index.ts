import type { CollectionConfig } from 'payload'
import { languagesPanel } from '../../translations/collection'
import { hiddenFromPartners, staff, staffOrPublished } from '../../access'
import { slugField } from '../../fields/slug'
import { editorialVersions } from '../../versions'
import { publicRelation, publishesToSite } from '../../publishing/site-collections'
import { sharedPreviewLinksField } from '../../fields/shared-preview-links'

export const Priorities: CollectionConfig = {
  slug: 'priorities',
  admin: { hidden: hiddenFromPartners, useAsTitle: 'title', defaultColumns: ['title', 'strategy', 'order', '_status'], group: 'Content' },
  access: { read: staffOrPublished, readVersions: staff, create: staff, update: staff, delete: staff },
  versions: editorialVersions,
  hooks: publishesToSite(),
  fields: [
    { name: 'title', type: 'text', required: true },
    // Unique across all strategies so a priority page has one address; generated from the title.
    slugField(),
    publicRelation({ name: 'strategy', type: 'relationship', relationTo: 'strategies', required: true }),
    { name: 'order', type: 'number', required: true, min: 1, admin: { description: 'Position within the strategy, from 1.' } },
    { name: 'goal', type: 'textarea', required: true },
    { name: 'approach', type: 'richText' },
    { name: 'outcomes', type: 'richText' },
    {
      name: 'measures',
      type: 'array',
      labels: { singular: 'Measure', plural: 'Measures' },
      fields: [
        {
          name: 'direction',
          type: 'radio',
          required: true,
          options: [
            { label: 'Increase', value: 'increase' },
            { label: 'Reduce', value: 'reduce' },
          ],
        },
        { name: 'description', type: 'textarea', required: true },
        {
          name: 'baseline',
          type: 'group',
          fields: [
            { type: 'row', fields: [{ name: 'value', type: 'number' }, { name: 'unit', type: 'text', admin: { description: 'For example % or people' } }] },
            { name: 'date', type: 'date' },
            { name: 'source', type: 'text' },
          ],
        },
        {
          name: 'target',
          type: 'group',
          fields: [{ type: 'row', fields: [{ name: 'value', type: 'number' }, { name: 'date', type: 'date' }] }],
        },
        {
          name: 'readings',
          type: 'array',
          fields: [
            { type: 'row', fields: [{ name: 'date', type: 'date', required: true }, { name: 'value', type: 'number', required: true }] },
          ],
        },
      ],
    },
    sharedPreviewLinksField,
    // Its translations (priority-translations), so a backup holds them with the priority, in its strategy's file (cms/seed).
    { name: 'translations', type: 'join', collection: 'priority-translations', on: 'priority', admin: { hidden: true } },
    // Issue 20: which languages this priority has, and which are out of date (priority-translations).
    languagesPanel('PriorityLanguages'),
  ],
}
