import type { Access, FieldAccess, Where } from 'payload'
import { isStaff, published } from '../../access'
import { PUBLIC_REVIEW_STATUSES } from '../../reviews/rules'

/** A review the public may read: published in Payload and at a public status. */
export const publicReview: Where = { and: [published, { status: { in: PUBLIC_REVIEW_STATUSES } }] }

/** Staff read every review, drafts included; everyone else (partners too) only public ones. */
export const reviewsRead: Access = ({ req }) => (isStaff(req.user) ? true : publicReview)

/**
 * The report, the summary and the attachments: once a review is "available on request" they
 * leave the site and the API alike; staff keep reading them. A read that did not load the status
 * (a `select` of the field alone, as the media collection's access check makes) looks it up: it
 * was taken as "in the window", and an expired review's QA letter stayed readable through /api/media.
 */
export const reportWhileInWindow: FieldAccess = async ({ req, doc }) => {
  if (isStaff(req.user)) return true
  // No document: Payload asking whether a query may name the field (the media check's `exists`).
  // Refusing that would fail every anonymous media read; the value itself is still decided per document.
  if (doc == null) return true
  let status = (doc as { status?: string }).status
  const id = (doc as { id?: number | string }).id
  if (status == null && id != null) {
    const stored = await req.payload.findByID({ collection: 'reviews', id, depth: 0, overrideAccess: true, disableErrors: true, req, select: { status: true } })
    status = (stored as { status?: string } | null)?.status ?? undefined
  }
  return status != null && status !== 'available-on-request'
}
