/**
 * Admin components for the collections partners keep up to date (services, organisations): a
 * partner's form says what their save does (it waits for review). Each collection's
 * `admin.components`.
 */
import type { CollectionConfig } from 'payload'

const controls = '/components/DocumentControlsForRole'

export const partnerEditComponents = {
  edit: {
    beforeDocumentControls: [`${controls}#ReviewNoteForPartner`],
    PublishButton: `${controls}#PublishOrSubmitForReview`,
    SaveDraftButton: `${controls}#SaveDraftUnlessPartner`,
    UnpublishButton: `${controls}#UnpublishUnlessPartner`,
  },
} satisfies NonNullable<NonNullable<CollectionConfig['admin']>['components']>
