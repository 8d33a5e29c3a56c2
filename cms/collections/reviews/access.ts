import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'
import { isStaff, published } from '../../access'
import { PUBLIC_REVIEW_STATUSES, publicState } from '../../reviews/rules'
import { publicationWindowMonths } from '../../reviews/window-task'

/** A review the public may read: published in Payload and at a public status. */
export const publicReview: Where = { and: [published, { status: { in: PUBLIC_REVIEW_STATUSES } }] }

/** Staff read every review, drafts included; everyone else (partners too) only public ones. */
export const reviewsRead: Access = ({ req }) => (isStaff(req.user) ? true : publicReview)

/** The window setting, read once per request (the report's fields ask for it per document). */
function windowMonths(req: PayloadRequest): Promise<number> {
  const key = 'csp-hub.reviewWindowMonths'
  req.context[key] ??= publicationWindowMonths(req.payload, req)
  return req.context[key] as Promise<number>
}

/**
 * The report, the summary and the attachments: once a review's publication window has ended they
 * leave the site and the API alike — from that moment, not from when the daily task
 * (cms/reviews/window-task.ts) records "available on request"; staff keep reading them. A read that
 * did not load the status and publication date (a `select` of the field alone, as the media
 * collection's access check makes) looks them up: it was taken as "in the window", and an expired
 * review's QA letter stayed readable through /api/media.
 */
export const reportWhileInWindow: FieldAccess = async ({ req, doc }) => {
  if (isStaff(req.user)) return true
  // No document: Payload asking whether a query may name the field (the media check's `exists`).
  // Refusing that would fail every anonymous media read; the value itself is still decided per document.
  if (doc == null) return true
  let review = doc as { id?: number | string; status?: string | null; publishedAt?: string | null }
  if ((review.status === undefined || review.publishedAt === undefined) && review.id != null) {
    const stored = await req.payload.findByID({ collection: 'reviews', id: review.id, depth: 0, overrideAccess: true, disableErrors: true, req, select: { status: true, publishedAt: true } })
    review = { ...review, ...(stored as typeof review | null) }
  }
  return review.status != null && publicState(review, new Date(), await windowMonths(req)) === 'published'
}
