import type { CollectionConfig } from 'payload'
import { isPartner, ownOrganisationFilter, staff, staffField } from '../../access'
import { servicesRead, servicesReadVersions, servicesUpdate, staffOrPartner } from './access'
import { slugField } from '../../fields/slug'
import { internalSourceField } from '../../fields/source'
import { emailAddress, ukPhone, webAddress } from '../../fields/validators'
import { accessModes, areas, audiences, categories, options, stepFreeAccess } from '../../taxonomy'
import { editorialVersions } from '../../versions'
import { externalIdField, uuidField } from '../../fields/identity'
import { reviewDueField, reviewFields } from '../../review/fields'
import { partnerSavesAreDrafts, reviewTrail } from '../../review/hooks'
import { noConfidentialLocation } from './hooks'
import { isLocationConfidential, type LocatableEntry } from '../../directory/confidential-location'
import { restoreVersionAsDraftForPartners } from '../../review/restore'
import { confirmationFields, confirmStillCorrectEndpoint, recordConfirmation } from '../../directory/confirmation'
import { emailReviewDecision } from '../../email/decisions'
import { PROVIDER_NOT_NAMED, providerProblem } from '../../directory/provider'
import type { Service } from '../../payload-types'
import { publicRelation, publishesToSite } from '../../publishing/site-collections'
import { partnerEditComponents } from '../../components/partner-edit'
import { sharedPreviewLinksField } from '../../fields/shared-preview-links'
import { languagesPanel } from '../../translations/collection'
import { deleteTranslations } from './translations'

export const Services: CollectionConfig = {
  slug: 'services',
  labels: { singular: 'Directory entry', plural: 'Directory entries' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'organisation', 'locationConfidential', 'confirmed.on', 'reviewDue', 'review.state', '_status'],
    group: 'Directory',
    description: 'Support services residents can find on the public site.',
    baseFilter: ownOrganisationFilter('organisation'),
    // A partner's save waits for review: their buttons say so, and the API tab is for staff.
    components: partnerEditComponents,
  },
  access: { read: servicesRead, readVersions: servicesReadVersions, create: staffOrPartner, update: servicesUpdate, delete: staff },
  versions: editorialVersions,
  endpoints: [restoreVersionAsDraftForPartners('services'), confirmStillCorrectEndpoint],
  hooks: publishesToSite({ beforeOperation: [partnerSavesAreDrafts], beforeChange: [reviewTrail('organisation'), recordConfirmation, noConfidentialLocation], afterChange: [emailReviewDecision], beforeDelete: [deleteTranslations] }),
  // Public reads always filter on _status (cms/access): without these, SQLite picks the _status
  // index, builds every published row (with its hasMany sub-selects) and sorts them all to return
  // one page — 80 ms a page at 1,000 entries, growing with N. With them a page is read in index
  // order: the default sort (newest first) and the Open Referral feed's (name). See bench/README.md.
  indexes: [{ fields: ['_status', 'createdAt'] }, { fields: ['_status', 'name'] }],
  fields: [
    { name: 'name', type: 'text', required: true },
    slugField('name'),
    publicRelation({
      name: 'organisation',
      type: 'relationship',
      relationTo: 'organisations',
      admin: { description: 'The organisation that runs this service; its partners can keep it up to date. Leave empty only when the source does not say.' },
      // Partners cannot move an entry to another organisation (the review hook answers 403).
      validate: (value: unknown, { siblingData }: { siblingData: Partial<Service> }) =>
        providerProblem(value, siblingData.providerNotNamed === true)?.message ?? true,
    }),
    {
      name: 'providerNotNamed',
      label: PROVIDER_NOT_NAMED,
      type: 'checkbox',
      defaultValue: false,
      // Partners always provide their own entries.
      access: { create: staffField, update: staffField },
      admin: {
        description: 'Tick when the paper or feed describes the service without saying who provides it. Residents then read that the provider is not named, never a guess.',
        // A partner's entries are always their own organisation's: the question is not theirs to answer.
        condition: (_data, _siblingData, { user }) => !isPartner(user),
      },
    },
    { name: 'description', type: 'textarea', required: true },
    {
      type: 'row',
      fields: [
        { name: 'categories', type: 'select', hasMany: true, required: true, options: options(categories) },
        { name: 'audiences', type: 'select', hasMany: true, required: true, options: options(audiences) },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'areas', label: 'Areas served', type: 'select', hasMany: true, required: true, options: options(areas) },
        { name: 'accessModes', label: 'How to access', type: 'select', hasMany: true, options: options(accessModes) },
      ],
    },
    { name: 'languages', type: 'text', hasMany: true, admin: { description: 'Languages the service is offered in, as their English names.' } },
    { name: 'urgent', label: 'Open 24 hours, 7 days a week', type: 'checkbox', defaultValue: false },
    {
      name: 'locationConfidential',
      label: 'Location confidential',
      type: 'checkbox',
      defaultValue: false,
      admin: {
        position: 'sidebar',
        description:
          'Never show where this service is. Always true for refuge and safe accommodation. Its address, and any postcode or street in its text, are refused.',
      },
    },
    {
      name: 'contact',
      type: 'group',
      admin: {
        description:
          'Only details the organisation publishes itself. Leave empty rather than guess: a wrong number can put someone in danger. ' +
          'Refuge and safe-accommodation addresses are never shown anywhere: residents see the phone line, the referral route and the areas served instead.',
      },
      fields: [
        { type: 'row', fields: [{ name: 'phone', type: 'text', validate: ukPhone }, { name: 'email', type: 'text', validate: emailAddress }] },
        { name: 'website', type: 'text', validate: webAddress },
        {
          name: 'address',
          type: 'textarea',
          admin: {
            // Not even offered on a confidential entry; the hook refuses one however it arrives.
            condition: (data) => !isLocationConfidential(data as LocatableEntry),
            description: 'Only for services people visit. Never for a refuge or safe accommodation.',
          },
        },
      ],
    },
    {
      name: 'stepFreeAccess',
      label: 'Step-free access at the venue',
      type: 'group',
      admin: { description: 'Can someone in a wheelchair, or who cannot manage steps, get in and around? Say “Not known” unless the service has told you.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'status', label: 'Step-free', type: 'select', defaultValue: 'unknown', options: options(stepFreeAccess) },
            { name: 'note', type: 'text', maxLength: 200, admin: { description: 'Short, for example “Ramp at the side entrance; lift to all floors”.' } },
          ],
        },
      ],
    },
    { name: 'howToAccess', type: 'textarea', admin: { description: 'How to reach the service when it has no public contact details, for example “through a referral from your GP”.' } },
    { name: 'openingHours', type: 'textarea' },
    { name: 'eligibility', type: 'textarea' },
    { name: 'cost', type: 'text' },
    {
      name: 'origin',
      label: 'Where this information comes from',
      type: 'group',
      admin: { description: 'The paper, page or feed these details were taken from, as residents see it (“From: …”). Not a check: that is “Last confirmed with the service”.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'title', type: 'text', admin: { description: 'For example “Making Redbridge Safe: our plan 2022–2025”.' } },
            { name: 'published', label: 'Its date or period', type: 'text', admin: { description: 'As the source gives it, like “26 September 2018” or “2022–2025”. Leave empty when it has none.' } },
          ],
        },
      ],
    },
    ...confirmationFields,
    reviewDueField,
    reviewFields('organisation'),
    uuidField,
    externalIdField,
    internalSourceField,
    sharedPreviewLinksField,
    // Its translations (service-translations), so a backup holds them in the entry's file (cms/seed).
    { name: 'translations', type: 'join', collection: 'service-translations', on: 'service', admin: { hidden: true } },
    // Issue 20: which languages this entry has, and which are out of date (service-translations).
    languagesPanel('ServiceLanguages'),
  ],
}
