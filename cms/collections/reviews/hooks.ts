/**
 * A review may reach the public only when the statutory guidance allows it, and only without the
 * names and details staff listed as never to be published. Refused on the field, with the reason.
 */
import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { PUBLIC_REVIEW_STATUSES, publicationProblems, redactionProblems, reviewPublicText, termsOf, type FieldProblem } from '../../reviews/rules'

const refuse = (collection: string, problems: FieldProblem[]) => {
  const error = new ValidationError({ collection, errors: problems })
  // The admin's notice shows the message: say why, not just which field.
  error.message = problems.map((p) => p.message).join(' ')
  return error
}

export const publicationGates: CollectionBeforeChangeHook = ({ collection, data, originalDoc }) => {
  // A save writes the whole document; an API call may send only some fields.
  const review = { ...(originalDoc ?? {}), ...data }
  const going = data._status === 'published'
  if (!going) return data
  if (!PUBLIC_REVIEW_STATUSES.includes(review.status)) {
    throw refuse(collection.slug, [
      { path: 'status', message: 'Not published: a review reaches the site only once its status is “Published”. Until then, save a draft.' },
    ])
  }
  const problems = [...publicationProblems(review), ...redactionProblems(reviewPublicText(review), termsOf(review.redactionTerms))]
  if (problems.length) throw refuse(collection.slug, problems)
  // The window counts from the first publication (an editor may give an earlier date for a review published elsewhere).
  if (review.status === 'published' && !review.publishedAt) data.publishedAt = new Date().toISOString()
  return data
}
