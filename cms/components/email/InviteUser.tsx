/**
 * /admin/invite — staff invite a partner or an editor by email (cms/email/invite.ts). Nobody
 * chooses a password for someone else: the invitee gets a one-time link (72 hours) and chooses
 * their own. Editors can invite editors and partners; admins also admins.
 */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import { isAdmin, isStaff } from '../../access'
import { InviteForm } from './InviteForm'

export async function InviteUser({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const user = req.user
  let body: React.ReactNode = <p>Only the comms team can invite people.</p>
  if (isStaff(user)) {
    const { docs } = await req.payload.find({ collection: 'organisations', draft: true, pagination: false, depth: 0, sort: 'name', overrideAccess: false, user, select: { name: true } })
    const roles = [
      { value: 'partner', label: 'Partner organisation — keeps their organisation’s directory entries up to date' },
      { value: 'editor', label: 'Editor (comms team) — publishes content and reviews partners’ changes' },
      ...(isAdmin(user) ? [{ value: 'admin', label: 'Admin — everything, including people and settings' }] : []),
    ]
    body = <InviteForm organisations={docs.map((d) => ({ id: d.id, name: String(d.name) }))} roles={roles} />
  }
  return (
    <DefaultTemplate i18n={req.i18n} locale={locale} params={params} payload={req.payload} permissions={permissions} searchParams={searchParams} user={user ?? undefined} visibleEntities={visibleEntities}>
      <Gutter className="csp-invite">
        <h1>Invite a person</h1>
        <p>They get an email with a link to choose their own password. The link works once and expires in 72 hours. You never see or choose their password.</p>
        {body}
      </Gutter>
    </DefaultTemplate>
  )
}
