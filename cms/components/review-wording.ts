/**
 * What a partner's edit form says about their save. Every partner save is stored as a draft
 * awaiting review, whatever the request asks (cms/review/hooks.ts), so their form never offers
 * "Publish" or "Save draft": the one action it offers, and what it says afterwards, is the truth.
 */
export const SUBMIT_FOR_REVIEW = 'Submit for review'
export const SUBMITTED_FOR_REVIEW = 'Submitted for review — an editor will publish it.'

/** The line beside a partner's button, by the review state of the version they see; none when nothing waits. */
export const partnerReviewNote = (reviewState: unknown): string | null => {
  if (reviewState === 'pending') return 'Submitted for review — an editor will publish it'
  if (reviewState === 'changes-requested') return 'Changes requested — see the note from the editors'
  return null
}
