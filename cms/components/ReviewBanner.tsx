/** On the dashboard: how many partner changes wait for review, or how many of a partner's entries are due a check. */
import type { ServerProps } from 'payload'
import { isPartner, isStaff, organisationOf } from '../access'
import { isReviewDue } from '../rules'

export async function ReviewBanner({ payload, user }: ServerProps) {
  if (isStaff(user)) {
    const counts = await Promise.all(
      (['services', 'organisations', 'recommendations'] as const).map((collection) =>
        // Pending changes live in draft versions, which count() does not see; find(draft) does.
        payload.find({ collection, draft: true, where: { 'review.state': { equals: 'pending' } }, overrideAccess: false, user, limit: 1, depth: 0 }),
      ),
    )
    const total = counts.reduce((sum, c) => sum + c.totalDocs, 0)
    return (
      <div className="csp-review__banner">
        <a href="/admin/review">{total === 0 ? 'No partner changes are waiting for review.' : `${total} partner change${total === 1 ? '' : 's'} waiting for review →`}</a>
      </div>
    )
  }
  if (isPartner(user)) {
    const org = organisationOf(user)
    const { docs } = await payload.find({
      collection: 'services',
      draft: true,
      overrideAccess: false,
      user,
      limit: 500,
      depth: 0,
      where: { organisation: { equals: org } },
    })
    const due = docs.filter((d) => isReviewDue(d.confirmed?.on)).length
    return (
      <div className="csp-review__banner">
        <a href="/admin/review">{due === 0 ? 'Your entries are up to date.' : `${due} of your entries ${due === 1 ? 'is' : 'are'} due for review →`}</a>
      </div>
    )
  }
  return null
}
