/** Content queries for the review pages (issue 21): sorted, with what the pages show beside each review. */
import { getCollection } from 'astro:content'
import { builtAt } from './content'
import { publicState } from './reviews'
import type { Recommendation, Review, SiteSettings } from '../schemas'

// In lib/order.ts, which the preview shares (it cannot import astro:content).
import { recommendationsOrder, reviewsOrder } from './order'
export { recommendationsOrder, reviewsOrder }

export async function reviews() {
  return (await getCollection('reviews')).map((r) => r.data).sort(reviewsOrder)
}

/** A review's recommendations (only those of public reviews ever reach the site). */
export async function recommendationsOf(reviewId: Review['id']) {
  return (await getCollection('recommendations', (r) => String(r.data.homicideReview.id) === String(reviewId))).map((r) => r.data).sort(recommendationsOrder)
}

/** The review learning a strategy priority answers: its recommendations, each with its review. */
export async function learningFor(priorityId: number | string) {
  const recs = (await getCollection('recommendations', (r) => r.data.priority != null && String(r.data.priority.id) === String(priorityId))).map((r) => r.data)
  const byId = new Map((await reviews()).map((r) => [String(r.id), r]))
  return recs
    .map((rec) => ({ rec, review: byId.get(String(rec.homicideReview.id)) }))
    .filter((x): x is { rec: Recommendation; review: Review } => x.review != null)
    .sort((a, b) => reviewsOrder(a.review, b.review) || recommendationsOrder(a.rec, b.rec))
}

/** What residents see of a review when the site is built: its report, or where to ask for it. */
export const stateOf = (review: Review, settings: SiteSettings, now = builtAt()) => publicState(review, now, settings.reviews.publicationWindowMonths)

/** The address a review's PDF is published at on the site. */
export const reviewFileHref = (review: Review, kind: 'qa-letter' | 'report') => `/reviews/documents/${review.slug}-${kind}.pdf`
