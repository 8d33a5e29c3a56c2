/**
 * Domestic homicide reviews: the rules the CMS, the jobs queue and the public site all apply, with
 * no Payload import so each part (and the tests) loads the same copy.
 *
 * - which statuses the public may see, and when a review may be published (the gates of the
 *   statutory guidance: the Home Office quality-assurance letter received, the family consulted,
 *   criminal proceedings and any inquest concluded);
 * - the publication window: a published review moves to "available on request" once it has been
 *   on the site for the window (12 months by default, a site setting);
 * - the redaction guard: terms staff list for a review (real names, addresses, dates of birth)
 *   must never appear in its public text.
 */

export const REVIEW_STATUSES = [
  { label: 'Commissioned', value: 'commissioned' },
  { label: 'In progress', value: 'in-progress' },
  { label: 'Submitted to the Home Office', value: 'submitted' },
  { label: 'Quality-assurance letter received', value: 'qa-letter-received' },
  { label: 'Published', value: 'published' },
  { label: 'Available on request', value: 'available-on-request' },
] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]['value']

/** The statuses residents see; every other review stays off the site and out of the API. */
export const PUBLIC_REVIEW_STATUSES: ReviewStatus[] = ['published', 'available-on-request']

export const REVIEW_TYPES = [
  { label: 'Domestic homicide review', value: 'domestic-homicide' },
  { label: 'Domestic homicide review following a suicide', value: 'suicide' },
  { label: 'Domestic abuse related death review', value: 'domestic-abuse-related-death' },
] as const
export type ReviewType = (typeof REVIEW_TYPES)[number]['value']

export const PROCEEDINGS = [
  { label: 'None held', value: 'none' },
  { label: 'Under way', value: 'ongoing' },
  { label: 'Concluded', value: 'concluded' },
] as const
export type Proceedings = (typeof PROCEEDINGS)[number]['value']

export const RECOMMENDATION_STATUSES = [
  { label: 'Not started', value: 'not-started' },
  { label: 'In progress', value: 'in-progress' },
  { label: 'Done', value: 'done' },
  { label: 'Not accepted', value: 'not-accepted' },
] as const
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number]['value']

export const labelOf = <T extends readonly { label: string; value: string }[]>(list: T, value: string | null | undefined) =>
  list.find((o) => o.value === value)?.label ?? ''

export const DEFAULT_PUBLICATION_WINDOW_MONTHS = 12

/** What a review's publication gates read (staff-only fields among them). */
export type GatedReview = {
  status?: string | null
  qaLetterReceivedOn?: string | null
  publicationChecks?: {
    familyConsultedOn?: string | null
    familyOutcome?: string | null
    criminalProceedings?: string | null
    inquest?: string | null
  } | null
}

/** A problem on one field, as Payload's ValidationError takes it. */
export type FieldProblem = { path: string; message: string }

/**
 * Why this review may not be published yet: one problem per missing condition, each on its field,
 * in the words an editor can act on. Empty when every gate is met.
 */
export function publicationProblems(review: GatedReview): FieldProblem[] {
  const problems: FieldProblem[] = []
  const checks = review.publicationChecks ?? {}
  if (!review.qaLetterReceivedOn)
    problems.push({ path: 'qaLetterReceivedOn', message: 'Not published: the Home Office quality-assurance letter has not been recorded as received. Give the date it arrived.' })
  if (!checks.familyConsultedOn)
    problems.push({ path: 'publicationChecks.familyConsultedOn', message: 'Not published: the family has not been recorded as consulted on publication. Give the date.' })
  if (!checks.familyOutcome?.trim())
    problems.push({ path: 'publicationChecks.familyOutcome', message: 'Not published: record the outcome of the consultation with the family (their view on publication).' })
  if (checks.criminalProceedings !== 'none' && checks.criminalProceedings !== 'concluded')
    problems.push({ path: 'publicationChecks.criminalProceedings', message: 'Not published: criminal proceedings must be concluded (or recorded as none held) before a review is published.' })
  if (checks.inquest !== 'none' && checks.inquest !== 'concluded')
    problems.push({ path: 'publicationChecks.inquest', message: 'Not published: the inquest must be concluded (or recorded as none held) before a review is published.' })
  return problems
}

/** The first moment a review published at `publishedAt` is past its window. */
export function windowEnds(publishedAt: string | Date, months = DEFAULT_PUBLICATION_WINDOW_MONTHS): Date {
  const start = new Date(publishedAt)
  const end = new Date(start)
  end.setUTCMonth(end.getUTCMonth() + months)
  // 31 March + 1 month would roll into May: clamp to the month's last day.
  if (end.getUTCDate() !== start.getUTCDate()) end.setUTCDate(0)
  return end
}

/** Has a published review been on the site for its whole window at `now`? */
export function isPastWindow(review: { status?: string | null; publishedAt?: string | Date | null }, now: Date, months = DEFAULT_PUBLICATION_WINDOW_MONTHS): boolean {
  if (review.status !== 'published' || !review.publishedAt) return false
  return windowEnds(review.publishedAt, months).getTime() <= now.getTime()
}

/** What residents are shown of a review at `now`: the whole report, or where to ask for it. */
export function publicState(review: { status?: string | null; publishedAt?: string | Date | null }, now: Date, months = DEFAULT_PUBLICATION_WINDOW_MONTHS): 'published' | 'available-on-request' {
  return review.status === 'available-on-request' || isPastWindow(review, now, months) ? 'available-on-request' : 'published'
}

type LexicalNode = { type?: string; text?: string; children?: LexicalNode[] }

/**
 * The text of a Lexical rich-text value, block by block: the text of one paragraph or heading is
 * joined without separators (a name split across bold and plain text is still one name), blocks
 * are separated by new lines.
 */
export function lexicalText(value: unknown): string {
  const root = (value as { root?: LexicalNode } | null | undefined)?.root
  if (!root) return ''
  const blocks: string[] = []
  const inline = (node: LexicalNode): string =>
    typeof node.text === 'string' ? node.text : node.type === 'linebreak' ? ' ' : (node.children ?? []).map(inline).join('')
  const walk = (node: LexicalNode) => {
    const children = node.children ?? []
    // A block whose children are inline (text, links): its text is one run.
    if (children.some((c) => typeof c.text === 'string' || c.type === 'link' || c.type === 'autolink' || c.type === 'linebreak')) blocks.push(inline(node))
    else children.forEach(walk)
  }
  walk(root)
  return blocks.join('\n')
}

/** Lower case, punctuation and runs of space as one space: "SMITH,  John." and "smith john" match. */
export const normaliseForRedaction = (text: string) =>
  ` ${text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `

/** Does `text` contain `term` as whole words (case, punctuation and spacing ignored)? */
export function containsTerm(text: string, term: string): boolean {
  const needle = normaliseForRedaction(term)
  if (needle.trim() === '') return false
  return normaliseForRedaction(text).includes(needle)
}

/** The public text of a review, field by field (path → text), as residents could read it. */
export type PublicText = Record<string, string>

/**
 * Which public fields contain a redaction term, one problem per field (never the term itself:
 * messages reach build logs). `terms` are the staff-only list.
 */
export function redactionProblems(fields: PublicText, terms: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = []
  for (const [path, text] of Object.entries(fields)) {
    const hit = terms.findIndex((term) => containsTerm(text, term))
    if (hit >= 0)
      problems.push({ path, message: `Not published: this field contains redaction term ${hit + 1} of the review's list. Take it out (use the pseudonym or a description) and publish again.` })
  }
  return problems
}

/** The staff-only term list as stored: [{ term }]. */
export const termsOf = (list: unknown): string[] =>
  Array.isArray(list) ? list.map((row) => String((row as { term?: unknown })?.term ?? '').trim()).filter(Boolean) : []

/** A review's public text fields as stored in the CMS (rich text reduced to its text). */
export function reviewPublicText(review: {
  pseudonym?: string | null
  executiveSummary?: unknown
  report?: unknown
  qaLetterTitle?: string | null
  reportPdfTitle?: string | null
}): PublicText {
  return {
    pseudonym: review.pseudonym ?? '',
    executiveSummary: lexicalText(review.executiveSummary),
    report: lexicalText(review.report),
    qaLetterTitle: review.qaLetterTitle ?? '',
    reportPdfTitle: review.reportPdfTitle ?? '',
  }
}

/** A recommendation's public text fields. */
export const recommendationPublicText = (r: { recommendation?: string | null; statusNote?: string | null }): PublicText => ({
  recommendation: r.recommendation ?? '',
  statusNote: r.statusNote ?? '',
})
