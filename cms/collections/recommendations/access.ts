import type { Access, Where } from 'payload'
import { isStaff, ownedBy, published } from '../../access'
import { PUBLIC_REVIEW_STATUSES } from '../../reviews/rules'

/** A recommendation the public may read: published, of a review the public may read. */
export const publicRecommendation: Where = {
  and: [published, { 'homicideReview._status': { equals: 'published' } }, { 'homicideReview.status': { in: PUBLIC_REVIEW_STATUSES } }],
}

/** Staff read all; a partner their own organisation's (drafts included, to follow their update) and the public ones; anyone else the public ones. */
export const recommendationsRead: Access = ownedBy('organisation', publicRecommendation)

/** History: staff all of it, a partner their own organisation's, nobody else any. */
export const recommendationsReadVersions = ownedBy('version.organisation')

/** Staff edit any; a partner only their own organisation's (and then only its progress: field access). */
export const recommendationsUpdate = ownedBy('organisation')

export const staffOnly: Access = ({ req }) => isStaff(req.user)
