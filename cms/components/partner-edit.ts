/**
 * Admin components for the collections partners keep up to date (services, organisations): a
 * partner's form says what their save does (it waits for review), and the API tab is the comms
 * team's. Each collection's `admin.components`.
 */
import type { CollectionConfig } from 'payload'
import { isPartner } from '../access'

const controls = '/components/DocumentControlsForRole'

export const partnerEditComponents = {
  edit: {
    beforeDocumentControls: [`${controls}#ReviewNoteForPartner`],
    PublishButton: `${controls}#PublishOrSubmitForReview`,
    SaveDraftButton: `${controls}#SaveDraftUnlessPartner`,
    UnpublishButton: `${controls}#UnpublishUnlessPartner`,
  },
  views: {
    edit: {
      api: {
        Component: '/components/APIViewForStaff#APIViewForStaff',
        // Payload's own condition (hideAPIURL), and not for partners.
        tab: { condition: ({ collectionConfig, req }) => !collectionConfig?.admin?.hideAPIURL && !isPartner(req.user) },
      },
    },
  },
} satisfies NonNullable<NonNullable<CollectionConfig['admin']>['components']>
