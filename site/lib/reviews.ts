/**
 * Build time, domestic homicide reviews (issue 21): the redaction guard and the publication window.
 *
 * The redaction terms are staff-only in the CMS, so the anonymous read the site is built from
 * never has them. Here, and only here, the build reads them with the server's rights — one query,
 * the terms alone — to screen each review and recommendation: a record whose public text contains
 * one is left out of the build (reported as an Exclusion naming the field, like a schema failure),
 * and every term is handed to the output checks (site/checks.ts) as a last lock. The terms are
 * never stored in the content store, never rendered and never written into the build.
 */
import type { Payload } from 'payload'
import { relationId } from '../../cms/fields/relation'
import { publicState, recommendationPublicText, redactionProblems, reviewPublicText, termsOf } from '../../cms/reviews/rules'
import { cms } from './cms'
import type { SecretText } from './payload-loader'
import { perBuild } from './per-build'

/** Where review text appears on the site: the review pages and the priority pages that list its learning. */
const SHOWN_IN = ['reviews/', 'strategies/']

const termsByReview = perBuild(async () => readRedactionTerms(await cms()))

/**
 * The redaction terms of these reviews (every review when `ids` is not given), by review id, read
 * with the server's rights — the build's guard and the preview's (scripts/lib/preview/reviews.ts)
 * read them alike. The live version's terms and the newest draft's: a term staff have just added
 * (saved as a draft, not yet publishable) already keeps the live review out.
 */
export async function readRedactionTerms(payload: Payload, ids?: (number | string)[]): Promise<Map<string, string[]>> {
  if (ids && !ids.length) return new Map()
  const terms = new Map<string, Set<string>>()
  for (const draft of [false, true]) {
    const { docs } = await payload.find({ collection: 'reviews', ...(ids ? { where: { id: { in: ids } } } : {}), overrideAccess: true, draft, pagination: false, depth: 0, select: { redactionTerms: true } })
    for (const d of docs) {
      const set = terms.get(String(d.id)) ?? new Set<string>()
      for (const term of termsOf((d as { redactionTerms?: unknown }).redactionTerms)) set.add(term)
      terms.set(String(d.id), set)
    }
  }
  return new Map([...terms].map(([id, set]) => [id, [...set]]))
}

/** Every review's redaction terms, by review id (read once per build). */
export function redactionTerms(): Promise<Map<string, string[]>> {
  return termsByReview()
}

const describeProblem = (path: string, message: string) => `its ${path} ${message.replace(/^Not published: this field contains/, 'contains')}`

/** Why a review (as the public reads it) must be left out, or undefined. */
export async function reviewRedactionProblem(doc: Record<string, unknown>): Promise<string | undefined> {
  const terms = (await redactionTerms()).get(String(doc.id)) ?? []
  const problem = redactionProblems(reviewPublicText(doc as Parameters<typeof reviewPublicText>[0]), terms)[0]
  return problem && describeProblem(problem.path, problem.message)
}

/** Why a recommendation must be left out (its text holds its review's term), or undefined. */
export async function recommendationRedactionProblem(doc: Record<string, unknown>): Promise<string | undefined> {
  const terms = (await redactionTerms()).get(String(relationId(doc.homicideReview as never) ?? '')) ?? []
  const problem = redactionProblems(recommendationPublicText(doc as Parameters<typeof recommendationPublicText>[0]), terms)[0]
  return problem && describeProblem(problem.path, problem.message)
}

/** A review's terms, for the output checks: searched as whole terms in the pages that show review text. */
export async function reviewSecrets(doc: Record<string, unknown>): Promise<SecretText[]> {
  return ((await redactionTerms()).get(String(doc.id)) ?? []).map((text) => ({ text, kind: 'term', within: SHOWN_IN }))
}

export { publicState }
