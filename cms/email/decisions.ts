/**
 * Review decisions by email: when an editor publishes a partner's pending submission, or asks for
 * changes, the partner who submitted it is told — the entry's name, the decision, the editor's
 * note and a link to the entry in the admin. Queued in the save's own transaction (queue.ts), so
 * the email exists only if the save does, and the save never waits on SMTP.
 */
import type { CollectionAfterChangeHook } from 'payload'
import { isStaff } from '../access'
import { relationId } from '../fields/relation'
import type { User } from '../payload-types'
import { queueEmail } from './queue'
import { decisionEmail, type Decision } from './templates'

type Reviewed = { id: number | string; name?: string; recommendation?: string; _status?: string; review?: { state?: string | null; note?: string | null; submittedBy?: unknown } | null }

const shorten = (text?: string) => (text ? (text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text) : undefined)

/** What this save decided about a partner's submission, if anything. */
export function decisionOf(doc: Reviewed, previous: Reviewed | undefined): Decision | null {
  const before = previous?.review?.state
  const after = doc.review?.state
  if ((before === 'pending' || before === 'changes-requested') && doc._status === 'published' && after === 'approved') return 'published'
  if (after === 'changes-requested' && before !== 'changes-requested') return 'changes-requested'
  return null
}

export const emailReviewDecision: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !isStaff(req.user)) return doc
  const decision = decisionOf(doc as Reviewed, previousDoc as Reviewed | undefined)
  const submitter = relationId((doc as Reviewed).review?.submittedBy ?? (previousDoc as Reviewed | undefined)?.review?.submittedBy)
  if (!decision || submitter == null) return doc
  const user = (await req.payload.findByID({ collection: 'users', id: submitter as number, depth: 0, overrideAccess: true, disableErrors: true, req })) as User | null
  if (!user?.email) return doc
  const message = decisionEmail({
    base: req.payload.config.serverURL,
    // A review recommendation has no name: its wording, shortened, says which one.
    entryName: String((doc as Reviewed).name ?? shorten((doc as Reviewed).recommendation) ?? `#${doc.id}`),
    decision,
    note: (doc as Reviewed).review?.note,
    editPath: `/collections/${collection.slug}/${doc.id}`,
  })
  await queueEmail(req.payload, { ...message, to: user.email, kind: 'decision' }, req)
  return doc
}
