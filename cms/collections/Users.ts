import type { CollectionConfig } from 'payload'
import { admins, adminsButNotSelf, usersRead } from '../access'

export const Users: CollectionConfig = {
  slug: 'users',
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email', 'role', 'organisation'], group: 'Admin' },
  auth: {
    // Five wrong passwords lock the account for ten minutes.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    cookies: { secure: process.env.NODE_ENV === 'production', sameSite: 'Lax' },
  },
  access: {
    read: usersRead,
    create: admins,
    update: ({ req }) => (req.user?.role === 'admin' ? true : req.user ? { id: { equals: req.user.id } } : false),
    delete: admins,
    admin: ({ req }) => Boolean(req.user),
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
      access: { create: ({ req }) => req.user?.role === 'admin', update: adminsButNotSelf },
    },
    {
      name: 'organisation',
      type: 'relationship',
      relationTo: 'organisations',
      saveToJWT: true,
      admin: { description: 'Partners edit only this organisation’s directory entries.' },
      access: { create: ({ req }) => req.user?.role === 'admin', update: adminsButNotSelf },
      validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
        siblingData?.role === 'partner' && !value ? 'A partner must belong to an organisation.' : true,
    },
  ],
}
