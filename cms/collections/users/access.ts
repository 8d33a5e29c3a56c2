import type { Access } from 'payload'
import { isStaff } from '../../access'

/** Staff reach every account; anyone else signed in only their own. */
const staffOrSelf: Access = ({ req }) => {
  if (isStaff(req.user)) return true
  if (req.user) return { id: { equals: req.user.id } }
  return false
}

/** Users: the comms team sees everyone (they manage partner accounts); a partner only themselves. */
export const usersRead = staffOrSelf

/** Users: staff update anyone (role rules in the Users hooks); others only themselves. */
export const usersUpdate = staffOrSelf
