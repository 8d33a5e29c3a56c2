/**
 * The admin's "Create new" user form asked staff to choose the new person's password. Nobody
 * chooses a password for someone else (issue 17): this route, more specific than Payload's
 * catch-all admin route, sends staff to the invitation screen instead (/admin/invite), where the
 * person gets a one-time link and chooses their own. The REST API still accepts a password from
 * staff for scripts and tests; the first admin comes from ADMIN_EMAIL/ADMIN_PASSWORD at start-up.
 */
import { redirect } from 'next/navigation'

export default function CreateUser(): never {
  redirect('/admin/invite')
}
