/**
 * A recommendation is public text of its review: the review's redaction terms (staff-only, read
 * here with the server's rights and never returned) are refused in it too, on the field. A
 * recommendation "not accepted" says why.
 */
import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { relationId } from '../../fields/relation'
import { recommendationPublicText, redactionProblems, termsOf, type FieldProblem } from '../../reviews/rules'

export const recommendationChecks: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const rec = { ...(originalDoc ?? {}), ...data }
  const problems: FieldProblem[] = []
  if (rec.status === 'not-accepted' && !String(rec.statusNote ?? '').trim())
    problems.push({ path: 'statusNote', message: 'Say why the recommendation was not accepted: residents read the note beside it.' })
  const reviewId = relationId(rec.homicideReview)
  if (reviewId != null) {
    const review = await req.payload.findByID({ collection: 'reviews', id: reviewId as number, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req, select: { redactionTerms: true } })
    problems.push(...redactionProblems(recommendationPublicText(rec), termsOf((review as { redactionTerms?: unknown } | null)?.redactionTerms)))
  }
  if (problems.length) {
    const error = new ValidationError({ collection: collection.slug, errors: problems })
    error.message = problems.map((p) => p.message).join(' ')
    throw error
  }
  return data
}
