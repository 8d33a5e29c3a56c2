import type { CollectionConfig } from 'payload'
import { ownOrganisationFilter, staff } from '../../access'
import { organisationsRead, organisationsReadVersions, organisationsUpdate } from './access'
import { externalIdField, uuidField } from '../../fields/identity'
import { reviewFields } from '../../review/fields'
import { partnerSavesAreDrafts, reviewTrail } from '../../review/hooks'
import { emailReviewDecision } from '../../email/decisions'
import { restoreVersionAsDraftForPartners } from '../../review/restore'
import { editorialVersions } from '../../versions'
import { slugField } from '../../fields/slug'
import { internalSourceField } from '../../fields/source'
import { webAddress } from '../../fields/validators'
import { options, organisationTypes } from '../../taxonomy'
import { publishesToSite } from '../../publishing/site-collections'
import { partnerEditComponents } from '../../components/partner-edit'
import { sharedPreviewLinksField } from '../../fields/shared-preview-links'

export const Organisations: CollectionConfig = {
  slug: 'organisations',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'type', 'review.state', '_status'], group: 'Directory', baseFilter: ownOrganisationFilter('id'), components: partnerEditComponents },
  access: { read: organisationsRead, readVersions: organisationsReadVersions, create: staff, update: organisationsUpdate, delete: staff },
  // Partners keep their own profile current; like directory entries, their changes wait for review.
  versions: editorialVersions,
  endpoints: [restoreVersionAsDraftForPartners('organisations')],
  hooks: publishesToSite({ beforeOperation: [partnerSavesAreDrafts], beforeChange: [reviewTrail('id')], afterChange: [emailReviewDecision] }),
  fields: [
    { name: 'name', type: 'text', required: true },
    slugField('name'),
    { name: 'type', type: 'select', required: true, options: options(organisationTypes) },
    { name: 'website', type: 'text', validate: webAddress },
    { name: 'description', type: 'textarea' },
    reviewFields('id'),
    uuidField,
    externalIdField,
    internalSourceField,
    sharedPreviewLinksField,
  ],
}
