import type { Access, FieldAccess, Where } from 'payload'
import { isStaff, published } from '../../access'
import { PUBLIC_REVIEW_STATUSES } from '../../reviews/rules'

/** A review the public may read: published in Payload and at a public status. */
export const publicReview: Where = { and: [published, { status: { in: PUBLIC_REVIEW_STATUSES } }] }

/** Staff read every review, drafts included; everyone else (partners too) only public ones. */
export const reviewsRead: Access = ({ req }) => (isStaff(req.user) ? true : publicReview)

/**
 * The report, the summary and the attachments: once a review is "available on request" they
 * leave the site and the API alike; staff keep reading them.
 */
export const reportWhileInWindow: FieldAccess = ({ req, doc }) => isStaff(req.user) || (doc as { status?: string } | undefined)?.status !== 'available-on-request'
