/**
 * The document controls of the collections partners keep up to date (services, organisations),
 * chosen on the server by role. Editors and admins get Payload's own buttons; a partner gets one
 * "Submit for review" button and a line saying when their change waits for an editor, and no
 * Save draft, Publish, Schedule publish or Unpublish: none of them would do what it says for a
 * partner. Registered in partner-edit.ts.
 *
 * Payload's Status line ("Published", "Changed — Revert to published") stays for everyone: it is
 * not exported from @payloadcms/ui's client bundle, so a role-switched replacement could not hand
 * editors the real one. For a partner, "Revert to published" submits the live version back for
 * review, which takes their pending change out of the editors' way: true enough to keep.
 */
import { PublishButton, SaveDraftButton, UnpublishButton } from '@payloadcms/ui'
import type { ServerProps } from 'payload'
import { isPartner } from '../access'
import { PartnerReviewNote } from './PartnerReviewNote'
import { SubmitForReviewButton } from './SubmitForReviewButton'

export function PublishOrSubmitForReview({ user }: ServerProps) {
  return isPartner(user) ? <SubmitForReviewButton /> : <PublishButton />
}

export function SaveDraftUnlessPartner({ user }: ServerProps) {
  return isPartner(user) ? null : <SaveDraftButton />
}

export function UnpublishUnlessPartner({ user }: ServerProps) {
  return isPartner(user) ? null : <UnpublishButton />
}

export function ReviewNoteForPartner({ user }: ServerProps) {
  return isPartner(user) ? <PartnerReviewNote /> : null
}
