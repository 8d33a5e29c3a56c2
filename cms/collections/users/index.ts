import { Forbidden, ValidationError, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'
import { admins, isAdmin, isStaff, staff } from '../../access'
import { usersRead, usersUpdate } from './access'
import { answerIgnoredRequest, guardLogin, signInDone, throttleForgotPassword, uniformLoginFailure } from '../../auth/login-guard'
import { passwordProblem } from '../../auth/password-policy'
import { relationId } from '../../fields/relation'

/**
 * Every way a password is set — an account created, a password changed, a reset, the first
 * admin — passes the policy (cms/auth/password-policy.ts), with the reason shown on the field.
 */
const passwordPolicy: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const password = (args.data as { password?: unknown } | undefined)?.password
  if (password === undefined || (operation === 'update' && password === null)) return args
  const problem = passwordProblem(password)
  if (problem) throw new ValidationError({ collection: 'users', errors: [{ path: 'password', message: problem }] })
  return args
}

/**
 * Who may give which role: admins any; editors may add or change editors and partners but never
 * create or promote an admin; nobody changes their own role or organisation. Refused with 403.
 * System calls (no user: seeding, the first admin) are trusted.
 */
const roleRules: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  const user = req.user
  if (!user) return data
  const self = operation === 'update' && String(originalDoc?.id) === String(user.id)
  const roleChanged = data.role !== undefined && data.role !== (originalDoc?.role ?? undefined)
  const orgChanged = data.organisation !== undefined && String(relationId(data.organisation) ?? '') !== String(relationId(originalDoc?.organisation) ?? '')
  if (self && (roleChanged || orgChanged)) throw new Forbidden(req.t)
  if (!isStaff(user) && (roleChanged || orgChanged || operation === 'create')) throw new Forbidden(req.t)
  const touchesAdmin = data.role === 'admin' || originalDoc?.role === 'admin'
  if (!isAdmin(user) && (roleChanged || operation === 'create' || orgChanged) && touchesAdmin) throw new Forbidden(req.t)
  if (!isAdmin(user) && operation === 'update' && originalDoc?.role === 'admin') throw new Forbidden(req.t)
  return data
}

export const Users: CollectionConfig = {
  slug: 'users',
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email', 'role', 'organisation'], group: 'Admin' },
  auth: {
    // Five wrong passwords lock the account for ten minutes.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    cookies: { secure: process.env.NODE_ENV === 'production' && !process.env.CMS_PUBLIC_URL?.startsWith('http://'), sameSite: 'Lax' },
    // Payload's own per-account interval writes outside the request's transaction, which SQLite
    // refuses ("database is locked": every reset answered 500). The hooks below throttle instead.
    forgotPassword: { minRequestInterval: 0 },
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
    afterOperation: [signInDone],
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
  ],
}
