import type { CollectionConfig } from 'payload'
import { ownOrganisationFilter, staff, staffField } from '../../access'
import { editorialVersions } from '../../versions'
import { publicRelation, publishesToSite } from '../../publishing/site-collections'
import { reviewFields } from '../../review/fields'
import { partnerSavesAreDrafts, reviewTrail } from '../../review/hooks'
import { restoreVersionAsDraftForPartners } from '../../review/restore'
import { partnerEditComponents } from '../../components/partner-edit'
import { RECOMMENDATION_STATUSES } from '../../reviews/rules'
import { recommendationsRead, recommendationsReadVersions, recommendationsUpdate } from './access'
import { recommendationChecks } from './hooks'
import { emailReviewDecision } from '../../email/decisions'

/** What the comms team sets; partners change only a recommendation's progress (status and note). */
const staffSets = { create: staffField, update: staffField }

/**
 * A review's action plan, one record per recommendation (issue 21). The owning organisation's
 * partners update its progress through the usual review step: their save is a draft awaiting an
 * editor, and the live record stays as last approved.
 */
export const Recommendations: CollectionConfig = {
  slug: 'recommendations',
  labels: { singular: 'Review recommendation', plural: 'Review recommendations' },
  admin: {
    useAsTitle: 'recommendation',
    defaultColumns: ['recommendation', 'homicideReview', 'organisation', 'dueDate', 'status', 'review.state', '_status'],
    group: 'Content',
    description: 'The action plans of domestic homicide reviews. Partners update the progress of their own organisation’s recommendations.',
    baseFilter: ownOrganisationFilter('organisation'),
    components: partnerEditComponents,
  },
  access: { read: recommendationsRead, readVersions: recommendationsReadVersions, create: staff, update: recommendationsUpdate, delete: staff },
  versions: editorialVersions,
  endpoints: [restoreVersionAsDraftForPartners('recommendations')],
  hooks: publishesToSite({ beforeOperation: [partnerSavesAreDrafts], beforeChange: [reviewTrail('organisation'), recommendationChecks], afterChange: [emailReviewDecision] }),
  defaultSort: 'order',
  fields: [
    // Published only with its review: a recommendation of a review residents cannot read would be left out of the site.
    publicRelation({ name: 'homicideReview', label: 'Review', type: 'relationship', relationTo: 'reviews', required: true, access: staffSets }),
    { name: 'recommendation', type: 'textarea', required: true, access: staffSets },
    publicRelation({
      name: 'organisation',
      label: 'Owning organisation',
      type: 'relationship',
      relationTo: 'organisations',
      required: true,
      access: staffSets,
      admin: { description: 'Its partners can update the recommendation’s progress.' },
    }),
    {
      type: 'row',
      fields: [
        { name: 'dueDate', type: 'date', access: staffSets, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMMM yyyy' } } },
        { name: 'order', type: 'number', min: 1, access: staffSets, admin: { description: 'Its number in the action plan.' } },
      ],
    },
    { name: 'status', type: 'select', required: true, defaultValue: 'not-started', options: [...RECOMMENDATION_STATUSES] },
    { name: 'statusNote', label: 'Note on progress', type: 'textarea', admin: { description: 'Shown to residents beside the status. Required when not accepted: say why.' } },
    publicRelation({
      name: 'priority',
      label: 'Strategy priority it answers',
      type: 'relationship',
      relationTo: 'priorities',
      access: staffSets,
      admin: { description: 'Optional: the priority page then lists this learning.' },
    }),
    reviewFields('organisation'),
  ],
}
