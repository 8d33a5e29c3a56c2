/** A link to the review page in the admin navigation, worded for the reader's role. */
import type { ServerProps } from 'payload'
import { isPartner, isStaff } from '../access'

export function ReviewNavLink({ user }: ServerProps) {
  if (!isStaff(user) && !isPartner(user)) return null
  return (
    <a className="nav__link csp-review__nav" href="/admin/review">
      {isStaff(user) ? 'Review queue' : 'Your entries and reviews'}
    </a>
  )
}
