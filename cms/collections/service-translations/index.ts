import type { Access } from 'payload'
import { isStaff, published } from '../../access'
import { translationsOf } from '../../translations/collection'
import { noConfidentialLocationInTranslation, SERVICE_TEXT_FIELDS } from './hooks'

/**
 * The public reads a published translation of a live entry only: when a service closes and is
 * unpublished, its translations leave the API at once too, not only the site at the next build.
 */
const staffOrPublishedOfLiveService: Access = ({ req }) => (isStaff(req.user) ? true : { and: [published, { 'service._status': { equals: 'published' } }] })

/**
 * A directory entry in another language (cms/translations/collection.ts holds the rules): only the
 * words a resident reads — name, what it offers, how to access it, who can use it. Never a phone
 * number, email, web address, postal address, opening hours or anything about where it is: a
 * wrong number in a support directory can put someone in danger, so the translated page shows
 * those from the English entry, unchanged. Written by the comms team only: partners' entries go
 * through review, and a translation of their words is the comms team's to check (README,
 * Languages). Unlike a story, the English entry can always be unpublished or deleted at once (a
 * closed service); its translations are then not built, and deleting it deletes them.
 */
export const ServiceTranslations = translationsOf({
  slug: 'service-translations',
  labels: { singular: 'Directory entry translation', plural: 'Directory entry translations' },
  of: 'services',
  parentField: 'service',
  parentLabel: 'English directory entry',
  noun: 'directory entry',
  titleField: 'name',
  textFields: SERVICE_TEXT_FIELDS,
  read: staffOrPublishedOfLiveService,
  beforeChange: [noConfidentialLocationInTranslation],
  englishLeavesFreely: true,
  description:
    'A directory entry in another language, written by a person: its name and the text residents read. Phone numbers, emails, web addresses, addresses and opening hours are never translated: the page shows the English entry’s. Publishing it adds /<language>/services/<entry>/ to the site while the English entry is live.',
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'description', label: 'What it offers', type: 'textarea', required: true },
    { name: 'howToAccess', label: 'How to access', type: 'textarea', admin: { description: 'Translate the English entry’s “How to access” text. No phone numbers or addresses: those are shown from the English entry.' } },
    { name: 'eligibility', label: 'Who can use it', type: 'textarea' },
  ],
})
