/**
 * Preview of domestic homicide reviews (issue 21), with the build's redaction guard
 * (site/lib/reviews.ts): a review or recommendation whose public text holds one of its review's
 * redaction terms is never rendered. A review draft holding one previews only the reason — the
 * field and the term's number, never the term or the text — as a refuge's address does. The terms
 * are read here with the server's rights (the live version's and the newest draft's, as the build
 * reads them), checked, and dropped: nothing staff-only reaches the page's props.
 */
import type { Payload } from 'payload'
import { relationId } from '../../../cms/fields/relation'
import { recommendationPublicText, redactionProblems, reviewPublicText } from '../../../cms/reviews/rules'
import { partnershipSchema, prioritySchema, recommendationSchema, reviewSchema, type Recommendation, type Review } from '../../../site/schemas'
import { recommendationsOrder, reviewsOrder } from '../../../site/lib/order'
import type { ReviewLearning } from '../../../site/components/pages/props'
import { readRedactionTerms } from '../../../site/lib/reviews'

type Doc = Record<string, unknown>
type Id = number | string

/** Every term of these reviews, live version and newest draft, by review id, as the build reads them. Never returned to a viewer. */
export const redactionTermsOf = (payload: Payload, ids: Id[]): Promise<Map<string, string[]>> => readRedactionTerms(payload, ids)

/** The reasons a review draft may not be shown (the build would leave it out), in the build log's words. */
export function reviewRedactionReasons(doc: Doc, terms: string[]): string[] {
  return redactionProblems(reviewPublicText(doc as Parameters<typeof reviewPublicText>[0]), terms).map((p) => `its ${p.path}: ${p.message}`)
}

/** A related record as a page names it (id, slug, name or title): nothing else of it goes on, whoever read it. */
export const refOnly = (value: unknown, ...keep: string[]): unknown => {
  if (!value || typeof value !== 'object') return value
  const v = value as Doc
  return Object.fromEntries(['id', 'slug', ...keep].filter((key) => v[key] !== undefined).map((key) => [key, v[key]]))
}

const holdsTerm = (rec: Doc, terms: Map<string, string[]>) =>
  redactionProblems(recommendationPublicText(rec as Parameters<typeof recommendationPublicText>[0]), terms.get(String(relationId(rec.homicideReview as never) ?? '')) ?? []).length > 0

/** Published recommendations matching `where`, as the site's schema reads them, leaving out any that holds its review's term. */
async function publishedRecommendations(payload: Payload, where: Doc, terms: (ids: Id[]) => Promise<Map<string, string[]>>): Promise<Recommendation[]> {
  // With the server's rights: a draft review's own recommendations are not public yet, and the
  // review's preview shows its live action plan. Only the fields the site's schema keeps go on.
  const { docs } = await payload.find({ collection: 'recommendations', where: { and: [where, { _status: { equals: 'published' } }] } as never, overrideAccess: true, draft: false, depth: 1, pagination: false })
  const raw = docs as unknown as Doc[]
  const byReview = await terms([...new Set(raw.map((r) => relationId(r.homicideReview as Id | { id: Id } | null)).filter((id): id is Id => id != null))])
  return raw.flatMap((doc) => {
    if (holdsTerm(doc, byReview)) return []
    const parsed = recommendationSchema.safeParse({
      ...doc,
      homicideReview: refOnly(doc.homicideReview, 'pseudonym'),
      organisation: refOnly(doc.organisation, 'name'),
      priority: refOnly(doc.priority, 'title'),
    })
    return parsed.success ? [parsed.data] : []
  })
}

/** A review page's surroundings, read as the static build reads them (published only). */
export async function reviewPageData(payload: Payload, review: Review) {
  const recommendations = (await publishedRecommendations(payload, { homicideReview: { equals: review.id } }, (ids) => redactionTermsOf(payload, ids))).sort(recommendationsOrder)
  const { docs: partnerships } = await payload.find({ collection: 'partnerships', where: { id: { equals: review.partnership.id } }, overrideAccess: false, depth: 1, pagination: false })
  const partnership = partnerships.map((p) => partnershipSchema.safeParse(p)).find((r) => r.success)?.data
  const { docs: priorities } = await payload.find({ collection: 'priorities', overrideAccess: false, draft: false, depth: 1, pagination: false })
  const priorityLinks = new Map(
    priorities.flatMap((doc) => {
      const p = prioritySchema.safeParse(doc)
      return p.success ? [[String(p.data.id), { href: `/strategies/${p.data.strategy.slug}/${p.data.slug}/`, title: p.data.title }] as const] : []
    }),
  )
  return { recommendations, partnership, priorityLinks }
}

/**
 * The review learning a priority answers, as its published page lists it (site/lib/review-content.ts
 * learningFor): published recommendations of public reviews, leaving out a review or recommendation
 * the build would leave out for a redaction term.
 */
export async function learningFor(payload: Payload, priorityId: Id): Promise<ReviewLearning[]> {
  const cache = new Map<string, Promise<Map<string, string[]>>>()
  const terms = (ids: Id[]) => {
    const key = ids.map(String).sort().join(',')
    if (!cache.has(key)) cache.set(key, redactionTermsOf(payload, ids))
    return cache.get(key)!
  }
  const recs = await publishedRecommendations(payload, { priority: { equals: priorityId } }, terms)
  const ids = [...new Set(recs.map((r) => r.homicideReview.id))]
  if (!ids.length) return []
  // As an anonymous visitor: only public reviews; the report's fields are not needed.
  const { docs } = await payload.find({ collection: 'reviews', where: { id: { in: ids } }, overrideAccess: false, draft: false, depth: 1, pagination: false })
  const reviewTerms = await terms(ids)
  const reviews = new Map(
    (docs as unknown as Doc[]).flatMap((doc) => {
      if (reviewRedactionReasons(doc, reviewTerms.get(String(doc.id)) ?? []).length) return []
      const r = reviewSchema.safeParse(doc)
      return r.success ? [[String(r.data.id), r.data] as const] : []
    }),
  )
  return recs
    .map((rec) => ({ rec, review: reviews.get(String(rec.homicideReview.id)) }))
    .filter((x): x is ReviewLearning => x.review != null)
    .sort((a, b) => reviewsOrder(a.review, b.review) || recommendationsOrder(a.rec, b.rec))
}
