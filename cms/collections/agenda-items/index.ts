import type { CollectionConfig } from 'payload'
import { hiddenFromPartners, staff } from '../../access'
import { agendaItemsRead } from './access'
import { classifications, options } from '../../taxonomy'
import { publishesToSite } from '../../publishing/site-collections'

export const AgendaItems: CollectionConfig = {
  slug: 'agenda-items',
  labels: { singular: 'Agenda item', plural: 'Agenda items' },
  admin: { hidden: hiddenFromPartners, useAsTitle: 'title', defaultColumns: ['title', 'meeting', 'classification'], group: 'Content' },
  access: { read: agendaItemsRead, create: staff, update: staff, delete: staff },
  hooks: publishesToSite(),
  defaultSort: 'position',
  fields: [
    { name: 'meeting', type: 'relationship', relationTo: 'meetings', required: true, index: true },
    { type: 'row', fields: [{ name: 'number', type: 'text', required: true }, { name: 'position', type: 'number', required: true, min: 0 }] },
    { name: 'title', type: 'text', required: true },
    { name: 'presenter', type: 'text' },
    {
      name: 'classification',
      type: 'select',
      required: true,
      defaultValue: 'restricted',
      options: options(classifications),
      admin: {
        position: 'sidebar',
        description: 'Only Public items appear on the website. New items start Restricted so nothing is published by mistake.',
      },
    },
    { name: 'summary', type: 'textarea' },
    { name: 'paper', type: 'richText' },
  ],
}
