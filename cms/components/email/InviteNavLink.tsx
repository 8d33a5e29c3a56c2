/** "Invite a person" in the admin menu, for the comms team. */
import type { ServerProps } from 'payload'
import { isStaff } from '../../access'

export function InviteNavLink({ user }: ServerProps) {
  if (!isStaff(user)) return null
  return (
    <a className="nav__link csp-invite__nav" href="/admin/invite">
      Invite a person
    </a>
  )
}
