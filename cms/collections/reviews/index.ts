import type { CollectionConfig } from 'payload'
import { hiddenFromPartners, staff, staffField } from '../../access'
import { slugField } from '../../fields/slug'
import { sharedPreviewLinksField } from '../../fields/shared-preview-links'
import { editorialVersions } from '../../versions'
import { publicRelation, publishesToSite } from '../../publishing/site-collections'
import { PROCEEDINGS, REVIEW_STATUSES, REVIEW_TYPES } from '../../reviews/rules'
import { reportWhileInWindow, reviewsRead } from './access'
import { publicationGates, rebuildWhenTermsChange } from './hooks'

const staffOnly = { read: staffField, create: staffField, update: staffField }
const inWindow = { read: reportWhileInWindow }

/**
 * Domestic homicide reviews (issue 21). Only the pseudonym is ever shown; everything that could
 * identify the people involved or the family's view is staff-only at field level, so no REST
 * call, population or site build by anyone outside the comms team receives it.
 */
export const Reviews: CollectionConfig = {
  slug: 'reviews',
  labels: { singular: 'Domestic homicide review', plural: 'Domestic homicide reviews' },
  admin: {
    hidden: hiddenFromPartners,
    useAsTitle: 'pseudonym',
    defaultColumns: ['pseudonym', 'year', 'partnership', 'status', '_status'],
    group: 'Content',
    description: 'Reviews are published once the Home Office quality-assurance panel is content, the family has been consulted and proceedings have concluded.',
  },
  access: { read: reviewsRead, readVersions: staff, create: staff, update: staff, delete: staff },
  versions: editorialVersions,
  hooks: publishesToSite({ beforeChange: [publicationGates], afterChange: [rebuildWhenTermsChange] }),
  defaultSort: '-year',
  fields: [
    {
      name: 'pseudonym',
      type: 'text',
      required: true,
      admin: { description: 'The only name ever shown, for example “Adult A” or a name the family chose. Never the real name.' },
    },
    slugField('pseudonym'),
    {
      type: 'row',
      fields: [
        { name: 'year', type: 'number', required: true, min: 2011, max: 2100, admin: { description: 'The year the review was commissioned.' } },
        { name: 'reviewType', label: 'Type of review', type: 'select', required: true, defaultValue: 'domestic-homicide', options: [...REVIEW_TYPES] },
      ],
    },
    publicRelation({ name: 'partnership', label: 'Commissioning partnership', type: 'relationship', relationTo: 'partnerships', required: true }),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'commissioned',
      options: [...REVIEW_STATUSES],
      admin: {
        position: 'sidebar',
        description: 'Residents see the review once it is Published (and Publish is pressed). After the publication window it moves to Available on request by itself.',
      },
    },
    {
      name: 'publishedAt',
      label: 'First published',
      type: 'date',
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMMM yyyy' }, description: 'Set when first published. The publication window counts from it.' },
    },
    {
      name: 'qaLetterReceivedOn',
      label: 'Quality-assurance letter received',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMMM yyyy' }, description: 'The date the Home Office quality-assurance panel’s letter arrived.' },
    },
    {
      name: 'executiveSummary',
      type: 'richText',
      access: inWindow,
      admin: { description: 'Anonymised. Use headings: the page lists them as its contents.' },
    },
    { name: 'report', label: 'Overview report', type: 'richText', access: inWindow, admin: { description: 'Anonymised. Use headings: the page lists them as its contents.' } },
    {
      type: 'row',
      fields: [
        { name: 'qaLetter', label: 'Quality-assurance letter (PDF)', type: 'upload', relationTo: 'media', access: inWindow },
        { name: 'qaLetterTitle', label: 'Its title', type: 'text', access: inWindow, admin: { description: 'For example “Home Office quality-assurance letter”.' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'reportPdf', label: 'Report as a PDF (optional)', type: 'upload', relationTo: 'media', access: inWindow },
        { name: 'reportPdfTitle', label: 'Its title', type: 'text', access: inWindow },
      ],
    },
    {
      name: 'publicationChecks',
      label: 'Before publication (staff only)',
      type: 'group',
      access: staffOnly,
      admin: { description: 'Never shown on the site or given by the API to anyone outside the comms team.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'familyConsultedOn', label: 'Family consulted on', type: 'date', admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMMM yyyy' } } },
            { name: 'criminalProceedings', type: 'select', options: [...PROCEEDINGS] },
            { name: 'inquest', type: 'select', options: [...PROCEEDINGS] },
          ],
        },
        { name: 'familyOutcome', label: 'Outcome of the consultation with the family', type: 'textarea' },
      ],
    },
    {
      name: 'redactionTerms',
      label: 'Never publish these terms (staff only)',
      type: 'array',
      access: staffOnly,
      labels: { singular: 'Term', plural: 'Terms' },
      admin: {
        description:
          'Real names, addresses, dates of birth: the CMS refuses to publish the review while its public text contains one, and the site build leaves it out. Never shown to anyone outside the comms team.',
      },
      fields: [{ name: 'term', type: 'text', required: true }],
    },
    // Staff only (the field's condition, and the collection's readVersions for the preview itself).
    sharedPreviewLinksField,
  ],
}
