import type { CollectionConfig, PayloadRequest } from 'payload'
import { admins, staff, staffField } from '../../access'
import { usersRead, usersUpdate } from './access'
import { passwordPolicy, roleRules } from './hooks'
import { invitationAccepted, invitationOpen, inviteEndpoint, resendInvitationEndpoint } from '../../email/invite'
import { rememberText } from '../../email/queue'
import { resetEmail } from '../../email/templates'
import { answerIgnoredRequest, guardLogin, signInDone, throttleForgotPassword, uniformLoginFailure } from '../../auth/login-guard'

const RESET_MINUTES = 60
const resetMessage = (req: PayloadRequest | undefined, token: string | undefined) => resetEmail({ base: req?.payload.config.serverURL ?? '', token: token ?? '', minutes: RESET_MINUTES })

export const Users: CollectionConfig = {
  slug: 'users',
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'role', 'organisation'],
    group: 'Admin',
    description: 'To add someone, use “Invite a person” in the menu: they get an email and choose their own password.',
  },
  // Accounts are made by invitation (cms/email/invite.ts): a copy would carry someone else's password.
  disableDuplicate: true,
  endpoints: [inviteEndpoint, resendInvitationEndpoint],
  auth: {
    // Five wrong passwords lock the account for ten minutes.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    cookies: { secure: process.env.NODE_ENV === 'production' && !process.env.CMS_PUBLIC_URL?.startsWith('http://'), sameSite: 'Lax' },
    // Payload's own per-account interval writes outside the request's transaction, which SQLite
    // refuses ("database is locked": every reset answered 500). The hooks below throttle instead.
    // The reset email is ours (cms/email/templates.ts), queued like every email (cms/email/queue.ts);
    // its link works once and for an hour. Known and unknown addresses get the same answer.
    forgotPassword: {
      minRequestInterval: 0,
      expiration: RESET_MINUTES * 60_000,
      generateEmailSubject: ({ req, token } = {}) => resetMessage(req, token).subject,
      generateEmailHTML: ({ req, token } = {}) => {
        const message = resetMessage(req, token)
        rememberText(message.html, message.text, 'password-reset')
        return message.html
      },
    },
  },
  access: {
    read: usersRead,
    create: staff,
    update: usersUpdate,
    delete: admins,
    admin: ({ req }) => Boolean(req.user),
    // Lifting a lockout is for the comms team: Payload lets any signed-in user do it by default.
    unlock: staff,
  },
  hooks: {
    beforeOperation: [passwordPolicy, guardLogin, throttleForgotPassword],
    beforeChange: [roleRules],
    afterOperation: [signInDone, invitationAccepted],
    afterError: [uniformLoginFailure, answerIgnoredRequest],
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'partner',
      options: [
        { label: 'Admin', value: 'admin' },
        { label: 'Editor (comms team)', value: 'editor' },
        { label: 'Partner organisation', value: 'partner' },
      ],
      saveToJWT: true,
    },
    {
      name: 'organisation',
      type: 'relationship',
      relationTo: 'organisations',
      saveToJWT: true,
      admin: { description: 'Partners edit only this organisation’s directory entries and profile.' },
      validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
        siblingData?.role === 'partner' && !value ? 'A partner must belong to an organisation.' : true,
    },
    {
      // Staff only: resend while the invitation is open (cms/email/invite.ts).
      name: 'resendInvitation',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/components/email/ResendInvitation#ResendInvitation' },
        condition: (data) => invitationOpen(data as never),
      },
    },
    {
      // Written only by the server: when the last invitation was sent, and when the person chose
      // their own password through a link. Staff read it; nobody writes it over the API.
      name: 'invitation',
      type: 'group',
      access: { read: staffField, create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean((data as { invitation?: { sentAt?: unknown } })?.invitation?.sentAt) },
      fields: [
        { name: 'sentAt', label: 'Invitation sent', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'acceptedAt', label: 'Password chosen', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
  ],
}
