/**
 * A review may reach the public only when the statutory guidance allows it, and only without the
 * names and details staff listed as never to be published. Refused on the field, with the reason.
 */
import { ValidationError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook } from 'payload'
import { siteBuilder } from '../../publishing/hooks'
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

/**
 * A redaction term added to a live review is saved as a draft (the review cannot be published while
 * its text holds it), and a draft save rebuilds nothing. The build also reads the newest draft's
 * terms (site/lib/reviews.ts), so ask for a rebuild: the live review is then left out at once.
 */
export const rebuildWhenTermsChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (doc._status === 'published') return doc // a publish rebuilds anyway
  const terms = (d: unknown) => JSON.stringify(termsOf((d as { redactionTerms?: unknown } | undefined)?.redactionTerms).sort())
  if (terms(doc) === terms(previousDoc)) return doc
  const live = await req.payload.find({ collection: 'reviews', where: { and: [{ id: { equals: doc.id } }, { _status: { equals: 'published' } }] }, overrideAccess: true, depth: 0, limit: 1, req, select: {} })
  if (live.totalDocs) siteBuilder(req.payload)?.request(`Redaction terms of review “${String(doc.pseudonym)}” changed`)
  return doc
}
