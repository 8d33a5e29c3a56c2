'use client'
/**
 * Beside a partner's "Submit for review" button: whether their last change waits for an editor,
 * or came back with changes requested. Nothing when neither.
 */
import { useDocumentInfo } from '@payloadcms/ui'
import { partnerReviewNote } from './review-wording'

export function PartnerReviewNote() {
  // The document as last loaded or saved: Payload replaces it with the server's answer after each save.
  const { data } = useDocumentInfo()
  const note = partnerReviewNote((data as { review?: { state?: unknown } } | undefined)?.review?.state)
  if (!note) return null
  return (
    <div className="status csp-review-note">
      <span className="status__value">{note}</span>
    </div>
  )
}
