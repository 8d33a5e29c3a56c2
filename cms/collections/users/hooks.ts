import { Forbidden, ValidationError, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook } from 'payload'
import { isAdmin, isStaff } from '../../access'
import { passwordProblem } from '../../auth/password-policy'
import { relationId } from '../../fields/relation'

/**
 * Every way a password is set — an account created, a password changed, a reset, the first
 * admin — passes the policy (cms/auth/password-policy.ts), with the reason shown on the field.
 */
export const passwordPolicy: CollectionBeforeOperationHook = ({ args, operation }) => {
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
export const roleRules: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
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
