/**
 * Invitations. Staff invite a person by email, with a role and (for partners) an organisation; the
 * CMS creates the account with a random password nobody sees or keeps, and emails a one-time link
 * where the invitee chooses their own. The link is Payload's reset-password link with our token
 * and a 72-hour expiry set on the account (resetPasswordToken/resetPasswordExpiration, fields
 * nobody can read or write over the API): Payload's reset page applies the password policy
 * (users/hooks.ts), signs them in, and the token stops working once used.
 *
 * POST /api/users/invite {email, name, role, organisation?} — staff only, the same role rules as
 * creating an account (an editor cannot invite an admin). A bad address is refused on the field.
 */
import { randomBytes } from 'node:crypto'
import { APIError, commitTransaction, Forbidden, initTransaction, killTransaction, NotFound, ValidationError, type CollectionAfterOperationHook, type Endpoint, type PayloadRequest } from 'payload'
import { isAdmin, isStaff } from '../access'
import { isEmailAddress } from '../rules'
import type { Organisation, User } from '../payload-types'
import { queueEmail } from './queue'
import { invitationEmail } from './templates'
import { confirmerOf } from '../directory/confirmation'

export const INVITATION_HOURS = 72

type InviteBody = { email?: unknown; name?: unknown; role?: unknown; organisation?: unknown }

/** Starts a one-time link for `user` (an invitation, or a new one when the last expired) and queues the email. */
export async function sendInvitation(req: PayloadRequest, user: User, invitedBy: string): Promise<void> {
  const token = randomBytes(32).toString('hex')
  const expires = new Date(Date.now() + INVITATION_HOURS * 3600_000).toISOString()
  await req.payload.db.updateOne({ collection: 'users', id: user.id, data: { resetPasswordToken: token, resetPasswordExpiration: expires, invitation: { sentAt: new Date().toISOString(), acceptedAt: null } }, req })
  const orgId = typeof user.organisation === 'object' ? user.organisation?.id : user.organisation
  const organisation = orgId
    ? ((await req.payload.findByID({ collection: 'organisations', id: orgId, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req })) as Organisation | null)
    : null
  const message = invitationEmail({ base: req.payload.config.serverURL, token, name: user.name, role: user.role, organisation: organisation?.name, invitedBy, hours: INVITATION_HOURS })
  await queueEmail(req.payload, { ...message, to: user.email, kind: 'invitation' }, req)
}

export const inviteEndpoint: Endpoint = {
  path: '/invite',
  method: 'post',
  handler: async (req) => {
    if (!isStaff(req.user)) throw new Forbidden(req.t)
    const body = ((await req.json?.().catch(() => ({}))) ?? {}) as InviteBody
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : ''
    const name = typeof body.name === 'string' ? body.name.trim() : ''
    const errors: { path: string; message: string }[] = []
    if (!isEmailAddress(email)) errors.push({ path: 'email', message: 'Enter an email address like name@example.org.' })
    if (!name) errors.push({ path: 'name', message: 'Enter the person’s name.' })
    if (errors.length) throw new ValidationError({ collection: 'users', errors })
    const shouldCommit = await initTransaction(req)
    try {
      const user = (await req.payload.create({
        collection: 'users',
        // A password nobody chooses or sees: the account cannot be used until the invitee sets theirs.
        data: { email, name, role: body.role as User['role'], organisation: (body.organisation || null) as number | null, password: randomBytes(24).toString('base64url') },
        req,
        overrideAccess: false,
        user: req.user,
        depth: 0,
      })) as User
      await sendInvitation(req, user, confirmerOf(req.user) ?? 'The CSP Hub team')
      if (shouldCommit) await commitTransaction(req)
      return Response.json({ message: `Invitation sent to ${email}. The link works once and expires in ${INVITATION_HOURS} hours.`, doc: { id: user.id, email } }, { status: 201 })
    } catch (error) {
      if (shouldCommit) await killTransaction(req)
      if (error instanceof APIError) throw error
      throw error
    }
  },
}

/** An invitation is open while it was sent and no password has been chosen through any link since. */
export const invitationOpen = (user: Pick<User, 'invitation'>) => Boolean(user.invitation?.sentAt && !user.invitation?.acceptedAt)

/**
 * POST /api/users/:id/resend-invitation — staff send a person whose invitation is still open (or
 * expired) a new link; the new token replaces the old, so the earlier link stops working. Editors
 * cannot send one to an admin (as they cannot change an admin's account). 409 when the person has
 * already chosen a password: then "Forgot password?" is theirs to use.
 */
export const resendInvitationEndpoint: Endpoint = {
  path: '/:id/resend-invitation',
  method: 'post',
  handler: async (req) => {
    if (!isStaff(req.user)) throw new Forbidden(req.t)
    const id = String(req.routeParams?.id ?? '')
    const user = (await req.payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, disableErrors: true, req }).catch(() => null)) as User | null
    if (!user) throw new NotFound(req.t)
    if (user.role === 'admin' && !isAdmin(req.user)) throw new Forbidden(req.t)
    if (!invitationOpen(user)) {
      const message = user.invitation?.sentAt
        ? `${user.email} has already chosen a password, so there is no invitation to resend. If they have forgotten it, they can use “Forgot password?” on the sign-in page.`
        : `${user.email} was not invited by email, so there is no invitation to resend. If they cannot sign in, they can use “Forgot password?” on the sign-in page.`
      return Response.json({ errors: [{ message }] }, { status: 409 })
    }
    const shouldCommit = await initTransaction(req)
    try {
      await sendInvitation(req, user, confirmerOf(req.user) ?? 'The CSP Hub team')
      if (shouldCommit) await commitTransaction(req)
    } catch (error) {
      if (shouldCommit) await killTransaction(req)
      throw error
    }
    return Response.json({ message: `A new invitation link was sent to ${user.email}. It works once and expires in ${INVITATION_HOURS} hours; the earlier link no longer works.` })
  },
}

/** A password chosen through a link (an invitation or a reset) closes the invitation. */
export const invitationAccepted: CollectionAfterOperationHook = async ({ operation, result, req }) => {
  if (operation !== 'resetPassword') return result
  const id = (result as unknown as { user?: Pick<User, 'id'> } | undefined)?.user?.id
  // The result is what the person may read of themselves, which leaves the invitation out: read it whole.
  const user = id == null ? null : ((await req.payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, disableErrors: true, req })) as User | null)
  if (user && !user.invitation?.acceptedAt) {
    await req.payload.db.updateOne({ collection: 'users', id: user.id, data: { invitation: { sentAt: user.invitation?.sentAt ?? null, acceptedAt: new Date().toISOString() } }, req })
  }
  return result
}
